"""Dates as people type them are read as they meant them, and what they left out stays unknown
(a year-less birthday never becomes this year's; "June 2027" never becomes 1 June)."""

from __future__ import annotations

from datetime import date

import pytest

from nurture.calendar.reading import read_date, read_full_date
from nurture.domain.dates import PartialDate
from nurture.errors import ValidationError

TODAY = date(2026, 11, 27)


@pytest.mark.parametrize(
    ("typed", "day_first", "meant"),
    [
        ("15 Jun 2027", True, PartialDate(2027, 6, 15)),
        ("June 15, 2027", True, PartialDate(2027, 6, 15)),
        ("June 2027", True, PartialDate(2027, 6, None)),
        ("2027-06", True, PartialDate(2027, 6, None)),
        ("May 14", True, PartialDate(None, 5, 14)),
        ("--05-14", True, PartialDate(None, 5, 14)),
        ("Feb 29", True, PartialDate(None, 2, 29)),
        ("14/05/1980", True, PartialDate(1980, 5, 14)),
        ("05/04/1980", True, PartialDate(1980, 4, 5)),  # day first where the locale says so
        ("05/04/1980", False, PartialDate(1980, 5, 4)),  # month first in the US
        ("15.6.2027", True, PartialDate(2027, 6, 15)),
        ("today", True, PartialDate(2026, 11, 27)),
        ("Tomorrow", True, PartialDate(2026, 11, 28)),
        ("next week", True, PartialDate(2026, 12, 4)),
        ("in 2 weeks", True, PartialDate(2026, 12, 11)),
        ("in 3 months", True, PartialDate(2027, 2, 27)),
    ],
)
def test_typed_dates_read_as_meant(typed: str, day_first: bool, meant: PartialDate) -> None:
    assert read_date(typed, TODAY, day_first) == meant


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("", "Type a date"),
        ("1980", "has no month"),
        ("sometime soon", "not a date Nurture can read"),
        ("31 Feb 2027", "not a date Nurture can read"),
    ],
)
def test_what_cannot_be_read_says_why(typed: str, reason: str) -> None:
    with pytest.raises(ValidationError, match=reason):
        read_date(typed, TODAY)


def test_a_due_day_needs_a_day_and_a_year_less_one_is_the_next_to_come() -> None:
    assert read_full_date("Jan 5", TODAY) == date(2027, 1, 5)
    assert read_full_date("Nov 30", TODAY) == date(2026, 11, 30)
    assert read_full_date("Feb 29", TODAY) == date(2028, 2, 29)
    with pytest.raises(ValidationError, match="needs a day"):
        read_full_date("June 2027", TODAY)
