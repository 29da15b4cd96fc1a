"""Dates as people type them: with or without a year, with or without a day."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nurture.domain.dates import PartialDate
from nurture.errors import ValidationError


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    year = draw(st.none() | st.integers(1, 9999))
    month = draw(st.integers(1, 12))
    # Without a year the month is as long as it can be: Feb 29 is somebody's birthday.
    longest = calendar.monthrange(year or 2000, month)[1]
    days = st.integers(1, longest)
    day = draw(days if year is None else st.none() | days)
    return PartialDate(year, month, day)


@given(partial_dates())
def test_iso_text_reads_back_as_the_same_date(when: PartialDate) -> None:
    assert PartialDate.parse(when.iso()) == when


@given(st.integers(1, 9999), st.integers(0, 13), st.integers(0, 32))
def test_full_dates_are_accepted_exactly_when_the_calendar_has_them(
    year: int, month: int, day: int
) -> None:
    text = f"{year:04d}-{month:02d}-{day:02d}"
    try:
        real = dt.date(year, month, day)
    except ValueError:
        with pytest.raises(ValidationError):
            PartialDate.parse(text)
    else:
        assert PartialDate.parse(text) == PartialDate(real.year, real.month, real.day)


@given(st.text(max_size=20))
def test_any_text_is_either_a_date_or_a_validation_error(text: str) -> None:
    try:
        when = PartialDate.parse(text)
    except ValidationError as error:
        message = error.message
    else:
        assert PartialDate.parse(when.iso()) == when
        return
    # A sentence for the user, never an empty or technical message.
    assert message[:1].isupper() or message.startswith("'")
    assert message.endswith(".")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1980-06-15", PartialDate(1980, 6, 15)),
        ("1980-6-5", PartialDate(1980, 6, 5)),
        ("  1980-06-15  ", PartialDate(1980, 6, 15)),
        ("--06-15", PartialDate(None, 6, 15)),
        ("--0615", PartialDate(None, 6, 15)),
        ("--6-15", PartialDate(None, 6, 15)),
        ("2027-06", PartialDate(2027, 6, None)),
        ("--02-29", PartialDate(None, 2, 29)),
        ("--0229", PartialDate(None, 2, 29)),
        ("2024-02-29", PartialDate(2024, 2, 29)),
    ],
)
def test_accepted_forms(text: str, expected: PartialDate) -> None:
    assert PartialDate.parse(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "June 15",
        "15/06/1980",
        "1980/06/15",
        "2023-02-29",  # not a leap year
        "--02-30",
        "--04-31",
        "2024-13-01",
        "2024-00-10",
        "2024-01-00",
        "0000-01-01",
        "--13-01",
        "--06",  # a month alone says nothing
        "2027",
        "2027-13",
        "19800615",
    ],
)
def test_rejected_forms(text: str) -> None:
    with pytest.raises(ValidationError):
        PartialDate.parse(text)


def test_a_date_needs_more_than_a_month() -> None:
    with pytest.raises(ValidationError):
        PartialDate(None, 6, None)


def test_feb_29_without_a_year_is_kept_as_entered() -> None:
    when = PartialDate(None, 2, 29)
    assert when.iso() == "--02-29"
    assert when.display() == "February 29"


def test_iso_is_zero_padded() -> None:
    assert PartialDate(987, 3, 4).iso() == "0987-03-04"
    assert PartialDate(2027, 6, None).iso() == "2027-06"
    assert PartialDate.parse(PartialDate(987, 3, 4).iso()) == PartialDate(987, 3, 4)


def test_display_reads_like_english() -> None:
    assert PartialDate(1980, 6, 15).display() == "June 15, 1980"
    assert PartialDate(None, 6, 15).display() == "June 15"
    assert PartialDate(2027, 6, None).display() == "June 2027"
