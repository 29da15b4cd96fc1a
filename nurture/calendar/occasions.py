"""When a stored date happens: yearly dates (Feb 29 by policy), one-off and month-only dates.

Every year's occurrence is computed from the date as entered, never from last year's occurrence,
so a Feb 29 birthday never drifts to Feb 28 for good.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Iterator
from datetime import date
from enum import StrEnum

from nurture.domain.enums import DateKind
from nurture.domain.upcoming import NextOccasion


class LeapDayPolicy(StrEnum):
    """Where Feb 29 falls in a common year."""

    FEB_28 = "feb28"
    MAR_1 = "mar1"


def yearly_on(year: int, month: int, day: int, policy: LeapDayPolicy) -> date:
    """The date a yearly (month, day) falls on in `year`."""
    if month == 2 and day == 29 and not calendar.isleap(year):
        return date(year, 2, 28) if policy is LeapDayPolicy.FEB_28 else date(year, 3, 1)
    return date(year, month, day)


def yearly_between(
    month: int, day: int, start: date, end: date, policy: LeapDayPolicy
) -> Iterator[date]:
    """Every occurrence of a yearly (month, day) in [start, end], in order."""
    for year in range(start.year, end.year + 1):
        when = yearly_on(year, month, day, policy)
        if start <= when <= end:
            yield when


def month_span(year: int, month: int) -> tuple[date, date]:
    """The first and last day of a month: a month-only date ("graduates June 2027") covers it."""
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def once_between(year: int, month: int, day: int | None, start: date, end: date) -> date | None:
    """A one-off date's day in [start, end], else None. A month-only date is placed on the first
    of its month when that is in the window, else on the window's first day within the month."""
    if day is not None:
        when = date(year, month, day)
        return when if start <= when <= end else None
    first, last = month_span(year, month)
    if last < start or first > end:
        return None
    return max(first, start)


def years_since(first_year: int | None, when: date) -> int | None:
    """The age or anniversary number an occurrence marks, when the year is known."""
    if first_year is None:
        return None
    years = when.year - first_year
    return years if years > 0 else None


def next_on(
    kind: DateKind,
    month: int,
    day: int,
    today: date,
    policy: LeapDayPolicy,
    year: int | None = None,
) -> NextOccasion:
    """A yearly date's next occurrence from today on (today included); with the year it was
    first (a birth year), the age or anniversary number that occurrence marks."""
    when = yearly_on(today.year, month, day, policy)
    if when < today:
        when = yearly_on(today.year + 1, month, day, policy)
    return NextOccasion(when, DateKind(kind), (when - today).days, years_since(year, when))


def next_yearly(
    dates: Iterable[tuple[str, int, int]], today: date, policy: LeapDayPolicy
) -> NextOccasion | None:
    """The soonest of yearly (kind, month, day) dates from today on (today included)."""
    found = [next_on(DateKind(kind), month, day, today, policy) for kind, month, day in dates]
    return min(found, key=lambda occasion: occasion.day, default=None)
