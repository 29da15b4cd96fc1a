"""A real Radicale (the test extras install it) on 127.0.0.1 with one user; it can be stopped
and started again on the same port and folder, as a server that goes away. The `radicale`
fixture (tests/conftest.py) gives each test its own; the sync benchmark starts its own with
more options (`bench.dav_server`)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

USER, PASSWORD = "sam", "dark chocolate 70%"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    def __init__(self, folder: Path, *options: str) -> None:
        self.folder = folder
        self.options: tuple[str, ...] = options
        self.environment: dict[str, str] | None = None  # None: this process's
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.user, self.password = USER, PASSWORD
        self.process: subprocess.Popen[bytes] | None = None
        (folder / "users").write_text(f"{USER}:{PASSWORD}\n", encoding="utf-8")

    def start(self) -> None:
        # Its log goes to a file, not a pipe nobody reads: a full pipe stops it mid-request.
        with (self.folder / "radicale.log").open("ab") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "radicale",
                    "--server-hosts",
                    f"127.0.0.1:{self.port}",
                    "--storage-filesystem-folder",
                    str(self.folder / "collections"),
                    "--auth-type",
                    "htpasswd",
                    "--auth-htpasswd-filename",
                    str(self.folder / "users"),
                    "--auth-htpasswd-encryption",
                    "plain",
                    "--logging-level",
                    "warning",
                    *self.options,
                ],
                stdout=subprocess.DEVNULL,
                stderr=log,
                env=self.environment,
            )
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(self.url, timeout=1)
                return
            except httpx.HTTPError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    said = (self.folder / "radicale.log").read_text(errors="replace")[-2000:]
                    raise RuntimeError(f"Radicale did not start: {said}") from None
                time.sleep(0.05)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
