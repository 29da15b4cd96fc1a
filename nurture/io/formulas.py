"""Spreadsheet formula injection: a CSV cell starting with = + - @ tab or CR can be run as a
formula by Excel and LibreOffice. Exports prefix such cells with an apostrophe; imports take it
off. A phone number ("+81 3 2479 8900") or a year-less date ("--05-09") is written as Google
writes it: a sign followed only by digits and a number's punctuation is no expression worth
fearing, and an apostrophe would break it for Google Contacts."""

from __future__ import annotations

import re

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_ALWAYS = ("=", "@", "\t", "\r")
# A sign, then only digits and the punctuation of phone numbers and dates.
_PLAIN_NUMBER = re.compile(r"^[+-]{1,2}\d[\d ().\-/]*$")


def _guarded(cell: str) -> bool:
    """What `restore` takes an apostrophe off: a trigger, maybe behind apostrophes (so a guard
    never looks like text of the user's, and `restore(neutralise(x)) == x` always)."""
    return cell.lstrip("'").startswith(_TRIGGERS)


def neutralise(cell: str) -> str:
    if cell.startswith("'") and _guarded(cell):
        return "'" + cell  # the user's own apostrophe survives the round trip
    if cell.startswith(_ALWAYS):
        return "'" + cell
    if cell.startswith(("+", "-")) and not _PLAIN_NUMBER.match(cell):
        return "'" + cell
    return cell


def restore(cell: str) -> str:
    """Undo `neutralise` (only where it could have been applied, exports of older versions
    included)."""
    return cell[1:] if cell.startswith("'") and _guarded(cell[1:]) else cell
