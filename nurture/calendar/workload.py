"""Keep-in-touch spread over working days: a steady number of people a day instead of a wall of
overdue. Pure: the plan service gives it everyone's due day and cadence.

Each working day takes up to its share, most overdue first (then by tier). Someone may be
planned a little early (a quarter of their cadence) so a day with few people due still gets its
share; once planned, the next touch is assumed one cadence later, so the days ahead stay as full
as today. The share is the user's "about N a day", else what the cadences ask for (everyone's
1/cadence, on working days only), plus a backlog worked down over `CATCH_UP_DAYS` working days.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

WORKING_DAYS = frozenset(range(5))  # Monday to Friday
CATCH_UP_DAYS = 10  # working days a backlog of overdue people is spread over
EARLY_SHARE = 4  # planned at most a quarter of their cadence early
_HORIZON = 366  # days simulated at most to say when a backlog is done


@dataclass(frozen=True, slots=True)
class Due:
    """One person with a keep-in-touch cadence."""

    contact_id: int
    due: date
    cadence: int  # days
    rank: int = 0  # tier order (A first): breaks ties between people due the same day
    not_before: date | None = None  # skipped until this day


@dataclass(frozen=True, slots=True)
class Spread:
    per_day: int  # people a working day
    automatic: int  # what the cadences alone ask for a working day
    backlog: int  # overdue before the first day
    backlog_done: date | None  # the working day the last of them is planned; None: no backlog
    days: dict[date, list[Due]] = field(default_factory=dict)  # working day -> people, in order


def working_day(day: date, workdays: frozenset[int] = WORKING_DAYS) -> date:
    """The day itself when it is a working day, else the next one."""
    while day.weekday() not in workdays:
        day += timedelta(days=1)
    return day


def automatic_share(people: Iterable[Due], workdays: frozenset[int] = WORKING_DAYS) -> int:
    """What everyone's cadence asks of one working day, rounded up."""
    return _per_working_day(sum(1 / p.cadence for p in people if p.cadence > 0), workdays)


def _per_working_day(per_calendar_day: float, workdays: frozenset[int]) -> int:
    return math.ceil(per_calendar_day * 7 / max(1, len(workdays)))


def spread(
    people: Sequence[Due],
    first: date,
    days: int,
    per_day: int | None = None,
    workdays: frozenset[int] = WORKING_DAYS,
    asked: float | None = None,
) -> Spread:
    """Plan `days` calendar days from `first` (and beyond, only to find when the backlog is
    done). `per_day` is the user's share; None or 0 takes the cadences' with the catch-up.
    `asked`: the people a calendar day all cadences ask for, when `people` is only part of
    everyone (the part that can be planned in `days`, and the overdue)."""
    automatic = (
        automatic_share(people, workdays) if asked is None else _per_working_day(asked, workdays)
    )
    overdue = {p.contact_id for p in people if p.due < first}
    catch_up = math.ceil(len(overdue) / CATCH_UP_DAYS)
    waiting: list[tuple[date, int, int, int]] = []  # (plannable from, rank, id, index)
    for index, person in enumerate(people):
        heapq.heappush(
            waiting, (_plannable(person, person.due), person.rank, person.contact_id, index)
        )
    ready: list[tuple[date, int, int, int]] = []  # (due, rank, id, index): most overdue first
    dues = {index: person.due for index, person in enumerate(people)}
    planned: dict[date, list[Due]] = {}
    backlog_done: date | None = None
    left = set(overdue)
    day, last = first, first + timedelta(days=days - 1)
    while day <= last or (left and (day - first).days < _HORIZON):
        if day.weekday() in workdays:
            while waiting and waiting[0][0] <= day:
                _from, rank, contact_id, index = heapq.heappop(waiting)
                heapq.heappush(ready, (dues[index], rank, contact_id, index))
            # The catch-up lasts while the backlog does; the user's number holds every day.
            share = max(1, per_day or automatic + (catch_up if left else 0))
            today: list[Due] = []
            while ready and len(today) < share:
                due, rank, contact_id, index = heapq.heappop(ready)
                person = people[index]
                today.append(Due(contact_id, due, person.cadence, rank, person.not_before))
                left.discard(contact_id)
                # As if touched today: back in one cadence (from today, not from the old due).
                dues[index] = day + timedelta(days=person.cadence)
                nxt = Due(contact_id, dues[index], person.cadence, rank)
                heapq.heappush(waiting, (_plannable(nxt, dues[index]), rank, contact_id, index))
            if day <= last:
                planned[day] = today
            if overdue and not left and backlog_done is None:
                backlog_done = day
        day += timedelta(days=1)
    first_share = per_day or automatic + catch_up
    return Spread(max(1, first_share), automatic, len(overdue), backlog_done, planned)


def _plannable(person: Due, due: date) -> date:
    early = due - timedelta(days=person.cadence // EARLY_SHARE)
    return max(early, person.not_before) if person.not_before else early
