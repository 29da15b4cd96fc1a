"""What every command prints with: JSON as the `--json` contract wants it, and text that cannot
drive the terminal. A name imported from a file may hold escape sequences (ESC [ 2 J clears the
screen, OSC 8 makes links); printed raw, they would act on the user's terminal."""

from __future__ import annotations

import io
import json
import re
import sys
from typing import Any, BinaryIO, TextIO

# C0 controls but tab and newline, DEL, and the C1 controls (0x9b is a one-byte CSI).
_CONTROLS = dict.fromkeys((*range(0, 9), *range(11, 32), *range(127, 160)))
_C1 = re.compile("[\x7f-\x9f]")


class Printable(io.TextIOBase):
    """A text stream that drops control characters on their way to the terminal."""

    def __init__(self, inner: TextIO) -> None:
        super().__init__()
        self.inner = inner

    def write(self, text: str) -> int:
        self.inner.write(text.translate(_CONTROLS))
        return len(text)

    def flush(self) -> None:
        self.inner.flush()

    def isatty(self) -> bool:
        return self.inner.isatty()

    @property
    def buffer(self) -> BinaryIO:
        """The bytes underneath, for an export written to standard output as it is."""
        return self.inner.buffer

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self.inner.encoding


def print_json(value: Any) -> None:
    # json escapes C0 controls itself; the C1 ones it leaves raw (ensure_ascii=False): escaped
    # here, so the data survives whole and the terminal is not driven by it.
    text = json.dumps(value, ensure_ascii=False, indent=2)
    sys.stdout.write(_C1.sub(lambda found: f"\\u{ord(found.group()):04x}", text) + "\n")
