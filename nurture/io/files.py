"""Writing a file whole or not at all: into a `.part` file beside it, flushed to disk, then
renamed over the target (an older file stays until then; a failure leaves no half file)."""

from __future__ import annotations

import os
from pathlib import Path

from nurture.errors import NurtureError


def write_whole(target: Path, data: bytes) -> Path:
    partial = target.with_name(target.name + ".part")
    try:
        with partial.open("wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        partial.replace(target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise NurtureError(f"Cannot write {target}: {error.strerror or error}.") from error
    return target


def csv_bytes(text: str) -> bytes:
    """CSV text as spreadsheets open it right: UTF-8 with a byte-order mark."""
    return text.encode("utf-8-sig")
