"""Spreadsheet formula injection: a CSV cell starting with = + - @ tab or CR is run as a formula
by Excel and LibreOffice. Exports prefix such cells with an apostrophe; imports take it off."""

from __future__ import annotations

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def _guarded(cell: str) -> bool:
    """Starts with a trigger, or with apostrophes before one (so a guard never looks like
    text of the user's, and `restore(neutralise(x)) == x` always)."""
    return cell.lstrip("'").startswith(_TRIGGERS)


def neutralise(cell: str) -> str:
    return "'" + cell if _guarded(cell) else cell


def restore(cell: str) -> str:
    """Undo `neutralise` (only where it could have been applied)."""
    return cell[1:] if cell.startswith("'") and _guarded(cell[1:]) else cell
