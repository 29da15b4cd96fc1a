"""Writing a file whole or not at all: into a `.part` file beside it, flushed to disk, then
renamed over the target (an older file stays until then; a failure leaves no half file)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from nurture.errors import NurtureError

# An export leaves the encrypted data file: whoever gets the copy reads it. Said with every one.
PLAIN_EXPORT = "not encrypted: anyone with this file can read it"


def write_whole(target: Path, data: bytes) -> Path:
    def write(partial: Path) -> None:
        with partial.open("r+b") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())

    return write_via_part(target, write)


def write_via_part(target: Path, write: Callable[[Path], object]) -> Path:
    """`write` fills a `.part` file beside `target`, which is then renamed over it. The part
    has a name of its own, made new (O_EXCL) and the user's alone: a symlink planted where it
    would go is never followed, and a failure leaves neither a half file nor the part."""
    partial: Path | None = None
    try:
        handle, name = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".part"
        )
        os.close(handle)
        partial = Path(name)
        write(partial)
        partial.replace(target)
    except BaseException as error:
        if partial is not None:
            partial.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise NurtureError(f"Cannot write {target}: {error.strerror or error}.") from error
        raise
    return target


def csv_bytes(text: str) -> bytes:
    """CSV text as spreadsheets open it right: UTF-8 with a byte-order mark."""
    return text.encode("utf-8-sig")
