"""Temporary data folders for one `python -m bench` run, and the demo database they share.

Building the 100,000-contact database takes about half a minute, so it is built once: the
`demo` benchmark hands over its first product database, or it is built (untimed) on first need.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from bench.common import note
from nurture.app import Nurture
from nurture.demo import generate
from nurture.paths import database_path


class Workspace:
    def __init__(self, root: Path, contacts: int) -> None:
        self.root = root
        self.contacts = contacts
        self._shared: Path | None = None

    def fresh_dir(self, label: str) -> Path:
        return Path(tempfile.mkdtemp(prefix=f"{label}-", dir=self.root))

    @staticmethod
    def discard(path: Path) -> None:
        shutil.rmtree(path, ignore_errors=True)

    def offer(self, data_dir: Path) -> bool:
        """Keep `data_dir` (a finished demo database) as the shared one; False if one exists."""
        if self._shared is not None:
            return False
        self._shared = data_dir
        return True

    def shared_data_dir(self) -> Path:
        """The data folder holding the demo database of `contacts` contacts (closed, settled)."""
        if self._shared is None:
            data_dir = self.fresh_dir("shared")
            note(f"Building the shared demo database ({self.contacts:,} contacts, untimed)...")
            started = time.perf_counter()
            core = Nurture.open(data_dir)
            try:
                generate(core.database, contacts=self.contacts)
            finally:
                core.close()
            note(f"  built in {time.perf_counter() - started:.1f} s")
            self._shared = data_dir
        return self._shared

    def shared_database(self) -> Path:
        return database_path(self.shared_data_dir())
