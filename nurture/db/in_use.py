"""Who uses a data folder: every program that opens its database holds a shared lock on the
folder's `in-use.lock` for as long as it is open (the app, each command); restoring a backup or
encrypting the file takes it exclusively, so neither runs under another program's feet — an
import in a terminal, the app in the tray. (POSIX flock; where there is none, the app's own
lock file is still checked.)"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from nurture.errors import StorageError
from nurture.paths import FILE_MODE

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

LOCK_NAME = "in-use.lock"


def hold_shared(data_dir: Path) -> int | None:
    """A shared hold on the folder (a descriptor to `release`); None where locks are not."""
    if fcntl is None or not data_dir.is_dir():
        return None
    handle = os.open(data_dir / LOCK_NAME, os.O_CREAT | os.O_RDWR, FILE_MODE)
    fcntl.flock(handle, fcntl.LOCK_SH)
    return handle


def release(handle: int | None) -> None:
    if handle is not None:
        os.close(handle)  # closing lets the lock go


@contextmanager
def one_at_a_time(lock: Path) -> Iterator[None]:
    """Hold `lock` alone, waiting for whoever holds it (the data folder's migration)."""
    handle = os.open(lock, os.O_CREAT | os.O_RDWR, FILE_MODE)
    try:
        if fcntl is not None:
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # closing lets the lock go


@contextmanager
def alone(data_dir: Path, doing: str) -> Iterator[None]:
    """The folder to this program alone while `doing` ("restore", "encrypt"), or a message
    naming why not."""
    if fcntl is None:
        yield
        return
    handle = os.open(data_dir / LOCK_NAME, os.O_CREAT | os.O_RDWR, FILE_MODE)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            raise StorageError(
                f"Another Nurture program is using {data_dir} (the app, or a command such as "
                f"an import): close it, then {doing} again. Nothing was changed."
            ) from error
        yield
    finally:
        os.close(handle)
