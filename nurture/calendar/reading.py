"""Reading a date the way people type it: "15 Jun 2027", "June 2027" (a month), "May 14" or
"--05-14" (no year), "14/05/1980" (day or month first, as the desktop's locale writes dates),
"today", "tomorrow", "next week", "in 2 weeks". python-dateutil reads the words; what the text
left out (the year, the day) stays unknown instead of being filled in from today.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from dateutil.parser import ParserError
from dateutil.parser import parse as parse_date
from dateutil.relativedelta import relativedelta

from nurture.domain.dates import PartialDate
from nurture.errors import ValidationError

# Two different leap-year defaults: a part that comes out differently was not in the text.
_DEFAULTS = (datetime(1904, 1, 1), datetime(1908, 2, 2))
_IN = re.compile(r"^in\s+(\d{1,3})\s+(day|week|month|year)s?$")
_NEXT = re.compile(r"^next\s+(week|month|year)$")
_UNITS = {
    "day": relativedelta(days=1),
    "week": relativedelta(weeks=1),
    "month": relativedelta(months=1),
    "year": relativedelta(years=1),
}
_WORDS = {"today": 0, "tomorrow": 1, "yesterday": -1}


def read_date(text: str, today: date, day_first: bool = True) -> PartialDate:
    """The date in `text`, with the year or the day unknown where the text gives none.

    Raises ValidationError saying what could not be read."""
    value = " ".join(text.strip().lower().split())
    if not value:
        raise ValidationError("Type a date, like 15 Jun 2027, June 2027 or May 14.")
    relative = _relative(value, today)
    if relative is not None:
        return PartialDate(relative.year, relative.month, relative.day)
    try:
        return PartialDate.parse(value)  # the ISO forms: 2027-06-15, --05-14, 2027-06
    except ValidationError:
        pass
    try:
        readings = [
            parse_date(value, default=default, dayfirst=day_first, fuzzy=False)
            for default in _DEFAULTS
        ]
    except (ParserError, ValueError, OverflowError) as error:
        raise ValidationError(
            f"'{text.strip()}' is not a date Nurture can read; try 15 Jun 2027, June 2027 "
            "or May 14."
        ) from error
    first, second = readings
    if first.month != second.month:
        raise ValidationError(f"'{text.strip()}' has no month.")
    year = first.year if first.year == second.year else None
    day = first.day if first.day == second.day else None
    return PartialDate(year, first.month, day)


def read_full_date(text: str, today: date, day_first: bool = True) -> date:
    """A complete day (a follow-up's due day): a date without its year is the next one to come."""
    found = read_date(text, today, day_first)
    if found.day is None:
        raise ValidationError(f"'{text.strip()}' needs a day, like 15 {found.display()}.")
    if found.year is not None:
        return date(found.year, found.month, found.day)
    for year in range(today.year, today.year + 9):  # Feb 29 waits for a leap year
        try:
            candidate = date(year, found.month, found.day)
        except ValueError:
            continue
        if candidate >= today:
            return candidate
    raise ValidationError(f"'{text.strip()}' is not a day that comes.")


def _relative(value: str, today: date) -> date | None:
    if value in _WORDS:
        return today + timedelta(days=_WORDS[value])
    if m := _IN.match(value):
        return today + _UNITS[m[2]] * int(m[1])
    if m := _NEXT.match(value):
        return today + _UNITS[m[1]]
    return None
