"""A Radicale for the sync benchmark: started on 127.0.0.1 at a free port over a folder, with one
user, stopped (and started again on the same port and folder) at will.

`indexed=True` runs it with `bench.dav_storage` as its storage, where a card-by-card upload
costs the same whatever the book's size (stock Radicale's grows with the book).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from bench.common import REPO_ROOT
from tests.radicale_server import Server as TestServer

STORAGE = "bench.dav_storage"  # imported by Radicale alone
# The speed options Radicale 3.9 has: logins cached (no htpasswd read per request) and the item
# cache checked by mtime and size (not a SHA-256 of the file).
OPTIONS = (
    "--auth-htpasswd-cache",
    "True",
    "--auth-cache-logins",
    "True",
    "--storage-use-mtime-and-size-for-item-cache",
    "True",
)


class Server(TestServer):
    """The tests' Radicale with the speed options, and its storage indexed when asked."""

    def __init__(self, folder: Path) -> None:
        super().__init__(folder, *OPTIONS)
        self.indexed = False
        paths = [str(REPO_ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
        self.environment = {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}  # finds STORAGE

    def start(self, indexed: bool = False) -> None:
        self.indexed = indexed
        self.options = (*OPTIONS, *(("--storage-type", STORAGE) if indexed else ()))
        super().start()

    def restart(self, indexed: bool = False) -> None:
        self.stop()
        self.start(indexed)

    def wait_idle(self, quiet_s: float = 1.0, limit_s: float = 600.0) -> None:
        """Wait until the server has used no CPU for `quiet_s` (a request a client gave up on
        is still being served, holding the book's lock)."""
        deadline = time.monotonic() + limit_s
        used = self.cpu_seconds()
        while time.monotonic() < deadline:
            time.sleep(quiet_s)
            now = self.cpu_seconds()
            if now - used < 0.02:
                return
            used = now

    def cpu_seconds(self) -> float:
        """CPU time (user + system, every thread) the server has used so far; 0 off Linux."""
        if self.process is None:
            return 0.0
        try:
            stat = Path(f"/proc/{self.process.pid}/stat").read_text()
        except OSError:
            return 0.0
        fields = stat.rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
