"""Spreadsheet formula injection: a CSV cell starting with = + - @ tab or CR is run as a formula
by Excel and LibreOffice. Exports prefix such cells with an apostrophe; imports take it off."""

from __future__ import annotations

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    return "'" + cell if cell.startswith(_TRIGGERS) else cell


def restore(cell: str) -> str:
    """Undo `neutralise` (only where it could have been applied)."""
    if cell.startswith("'") and cell[1:2] and cell[1:].startswith(_TRIGGERS):
        return cell[1:]
    return cell
