"""Bytes to text the way address-book exports need: BOM first, then strict UTF-8, then
charset-normalizer's best guess, then cp1252 (what Outlook writes on Western Windows)."""

from __future__ import annotations

import codecs

from nurture.errors import ValidationError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Signatures of files people pick by mistake.
_NOT_TEXT = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or an Excel/Word file)",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"SQLite format 3": "a database file",
}


def decode(data: bytes, name: str = "The file") -> tuple[str, str]:
    """(text, encoding). ValidationError for binary files, with what they look like."""
    for signature, kind in _NOT_TEXT.items():
        if data.startswith(signature):
            raise ValidationError(f"{name} is {kind}, not a contacts file (CSV or vCard).")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise ValidationError(f"{name} says it is {encoding} but is not.") from error
    if b"\x00" in data[:4096]:
        raise ValidationError(f"{name} holds binary data, not a contacts file (CSV or vCard).")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding), best.encoding
        except (UnicodeDecodeError, LookupError):
            pass
    return data.decode("cp1252", errors="replace"), "cp1252"
