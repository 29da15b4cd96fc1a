"""A real Radicale (the test extras install it) on 127.0.0.1, one per test, with one user."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

USER, PASSWORD = "sam", "dark chocolate 70%"


@dataclass(frozen=True)
class Server:
    url: str
    user: str = USER
    password: str = PASSWORD


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def radicale(tmp_path: Path) -> Iterator[Server]:
    users = tmp_path / "users"
    users.write_text(f"{USER}:{PASSWORD}\n", encoding="utf-8")
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "radicale",
            "--server-hosts",
            f"127.0.0.1:{port}",
            "--storage-filesystem-folder",
            str(tmp_path / "collections"),
            "--auth-type",
            "htpasswd",
            "--auth-htpasswd-filename",
            str(users),
            "--auth-htpasswd-encryption",
            "plain",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                httpx.get(url, timeout=1)
                break
            except httpx.HTTPError:
                if server.poll() is not None or time.monotonic() > deadline:
                    server.kill()
                    said = server.communicate()[1].decode(errors="replace")
                    raise RuntimeError(f"Radicale did not start: {said}") from None
                time.sleep(0.05)
        yield Server(url)
    finally:
        server.terminate()
        server.communicate(timeout=10)  # and its stderr pipe closed
