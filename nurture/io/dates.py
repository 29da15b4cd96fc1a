"""Every birthday form address books write, read into a PartialDate (year and day optional)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime

from nurture.domain.dates import PartialDate
from nurture.errors import ValidationError

# Apple writes year-less birthdays as 1604 (with or without X-APPLE-OMIT-YEAR).
NO_YEAR_MARKERS = frozenset({1604})
_EMPTY = frozenset({"", "0/0/00", "0/0/0000", "00/00/0000", "0000-00-00", "--", "-"})
_ISO = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})(?:[T ].*)?$")  # 1980-05-01, 19800501, with a time
_NO_YEAR = re.compile(r"^--(\d{2})-?(\d{2})$")  # --05-01, --0501
_US = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")  # 5/1/1980 (Outlook, Yahoo)
_MONTH_YEAR = re.compile(r"^(\d{4})-(\d{2})$")  # 2027-06


def parse_date_text(text: str) -> PartialDate | None:
    """The date in `text`, None for the "no date" forms; ValidationError when it is not a date."""
    value = text.strip()
    if value in _EMPTY:
        return None
    try:
        if m := _ISO.match(value):
            year = int(m[1])
            return PartialDate(
                None if year in NO_YEAR_MARKERS or year == 0 else year, int(m[2]), int(m[3])
            )
        if m := _NO_YEAR.match(value):
            return PartialDate(None, int(m[1]), int(m[2]))
        if m := _US.match(value):
            month, day, year = int(m[1]), int(m[2]), int(m[3])
            if month == 0 or day == 0:
                return None
            if len(m[3]) == 2:
                year += 1900 if year > datetime.now().year % 100 else 2000
            return PartialDate(None if year in NO_YEAR_MARKERS else year, month, day)
        if m := _MONTH_YEAR.match(value):
            return PartialDate(int(m[1]), int(m[2]), None)
        return _spelled_out(value)
    except ValidationError:
        raise
    except ValueError as error:
        raise ValidationError(f"'{text}' is not a date.") from error


def _spelled_out(value: str) -> PartialDate:
    """ "June 5, 1980" or "5 June": dateutil, with a marker year to tell a missing year apart."""
    from dateutil import parser

    marker = datetime(1604, 1, 1)
    try:
        parsed = parser.parse(value, default=marker)
    except (ValueError, OverflowError) as error:
        raise ValidationError(f"'{value}' is not a date.") from error
    return PartialDate(
        None if parsed.year == marker.year else parsed.year, parsed.month, parsed.day
    )


def split_year_month_day(year: str, month: str, day: str) -> PartialDate | None:
    """Thunderbird's separate BirthYear / BirthMonth / BirthDay columns."""
    if not (month.strip() and day.strip()):
        return None
    try:
        y = int(year) if year.strip() else None
        return PartialDate(None if y in NO_YEAR_MARKERS or y == 0 else y, int(month), int(day))
    except ValueError as error:
        raise ValidationError(f"'{year}-{month}-{day}' is not a date.") from error


def slash_date_order(values: Iterable[str]) -> tuple[bool, bool]:
    """How a column's dates like 05/04/1980 are written, from all of them: (day first, sure).
    A first part over 12 means day first (20/01/1991); a second part over 12 means month first
    (1/20/1991); with neither, month first (as Outlook and Yahoo write) but not sure."""
    day_first = month_first = False
    for value in values:
        if m := _US.match(value.strip()):
            first, second = int(m[1]), int(m[2])
            day_first = day_first or first > 12
            month_first = month_first or second > 12
    if day_first and not month_first:
        return True, True
    return False, month_first


def as_day_first(value: str) -> str:
    """05/04/1980 read day first, written as 1980-04-05 (other forms are left as they are)."""
    m = _US.match(value.strip())
    return f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}" if m and len(m[3]) == 4 else value
