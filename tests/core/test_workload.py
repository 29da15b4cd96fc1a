"""Keep-in-touch spread over working days: a steady daily number, nobody a cadence late, a
backlog worked down by the day the plan says, a skipped person back on a later day."""

from __future__ import annotations

import random
from datetime import date, timedelta
from statistics import mean

from hypothesis import given, settings
from hypothesis import strategies as st

from nurture.calendar.workload import EARLY_SHARE, Due, spread, working_day

MONDAY = date(2026, 11, 30)
CADENCES = (30, 90, 180, 365)


def network(count: int, seed: int, overdue: int = 0) -> list[Due]:
    """`count` people with mixed cadences, last touched at random within their cadence, the
    first `overdue` of them already late by up to two cadences."""
    rng = random.Random(seed)
    people = []
    for i in range(count):
        cadence = rng.choice(CADENCES)
        if i < overdue:
            due = MONDAY - timedelta(days=rng.randint(1, 2 * cadence))
        else:
            due = MONDAY + timedelta(days=rng.randint(0, cadence - 1))
        people.append(Due(i, due, cadence, rank=CADENCES.index(cadence)))
    return people


def test_two_thousand_people_give_a_steady_day_and_nobody_a_cadence_late() -> None:
    people = network(2000, seed=1)
    plan = spread(people, MONDAY, 30)
    working = [len(plan.days[d]) for d in plan.days if d.weekday() < 5]
    assert len(working) == 22  # Monday Nov 30 to Tuesday Dec 29: 22 working days
    average = mean(working)
    assert all(abs(n - average) <= 0.2 * average for n in working), working
    assert all(plan.days[d] == [] for d in plan.days if d.weekday() >= 5)
    for day, found in plan.days.items():
        for person in found:
            assert (day - person.due).days <= person.cadence, (day, person)
    assert plan.backlog == 0
    assert plan.backlog_done is None


def test_a_backlog_of_500_is_worked_down_by_the_day_the_plan_gives() -> None:
    people = network(2000, seed=2, overdue=500)
    plan = spread(people, MONDAY, 30)
    assert plan.backlog == 500
    assert plan.backlog_done is not None
    # Within two and a half weeks (10 working days of catch-up, and its rounding).
    assert plan.backlog_done <= MONDAY + timedelta(days=17)
    late = {p.contact_id for p in people if p.due < MONDAY}
    seen: set[int] = set()
    for day in sorted(plan.days):
        if day <= plan.backlog_done:
            seen.update(p.contact_id for p in plan.days[day])
    assert late <= seen
    # The daily number says what it is: the cadences' share plus the catch-up.
    assert plan.per_day == plan.automatic + 50


def test_a_skipped_person_is_off_today_and_back_on_a_later_day() -> None:
    people = network(300, seed=3, overdue=300)
    skipped = people[0]
    people[0] = Due(skipped.contact_id, skipped.due, skipped.cadence, 0, MONDAY + timedelta(days=1))
    plan = spread(people, MONDAY, 10)
    assert skipped.contact_id not in {p.contact_id for p in plan.days[MONDAY]}
    later = [
        d for d, found in plan.days.items() if skipped.contact_id in {p.contact_id for p in found}
    ]
    assert later
    assert later[0] > MONDAY


def test_the_users_number_is_the_days_number() -> None:
    plan = spread(network(2000, seed=4, overdue=200), MONDAY, 5, per_day=20)
    assert [len(found) for found in plan.days.values()] == [20] * 5


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 400), st.integers(0, 100), st.integers(0, 10_000))
def test_nobody_is_planned_twice_on_one_day_or_lost(
    count: int, overdue_share: int, seed: int
) -> None:
    people = network(count, seed, overdue=count * overdue_share // 100)
    plan = spread(people, working_day(MONDAY), 14)
    for found in plan.days.values():
        ids = [p.contact_id for p in found]
        assert len(ids) == len(set(ids))
    if plan.backlog:
        assert plan.backlog_done is not None  # every overdue person gets a day


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 400), st.integers(0, 100), st.integers(0, 10_000))
def test_the_overdue_and_who_can_be_planned_today_give_the_same_day_as_everyone(
    count: int, overdue_share: int, seed: int
) -> None:
    """What the plan service reads at 100,000 contacts: only this part, and the sum."""
    people = network(count, seed, overdue=count * overdue_share // 100)
    rng = random.Random(seed)
    people = [
        Due(p.contact_id, p.due, p.cadence, p.rank, MONDAY + timedelta(days=rng.randint(1, 9)))
        if rng.random() < 0.1
        else p
        for p in people
    ]
    part = [
        p
        for p in people
        if p.due < MONDAY or p.due - timedelta(days=p.cadence // EARLY_SHARE) <= MONDAY
    ]
    asked = sum(1 / p.cadence for p in people)
    whole, partial = spread(people, MONDAY, 1), spread(part, MONDAY, 1, asked=asked)
    assert partial.days == whole.days
    assert (partial.per_day, partial.backlog, partial.backlog_done) == (
        whole.per_day,
        whole.backlog,
        whole.backlog_done,
    )
