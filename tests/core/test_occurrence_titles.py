"""The lines a person reads in the agenda and in reminders: "Jane Doe turns 40"..."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nurture.domain.occurrence import Occurrence, OccurrenceKind, Source, describe, ordinal

DAY = date(2025, 5, 12)


def occurrence(
    kind: OccurrenceKind,
    who: str = "Jane Doe",
    years: int | None = None,
    *,
    detail: str = "",
    late: int = 0,
    whole_month: bool = False,
    source: Source = Source.DATE,
) -> Occurrence:
    return Occurrence(
        day=DAY,
        kind=kind,
        contact_id=1,
        contact="Jane Doe",
        who=who,
        years=years,
        source=source,
        source_id=7,
        due=DAY - timedelta(days=late),
        detail=detail,
        whole_month=whole_month,
    )


@pytest.mark.parametrize(
    ("number", "text"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (10, "10th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (20, "20th"),
        (21, "21st"),
        (22, "22nd"),
        (23, "23rd"),
        (25, "25th"),
        (50, "50th"),
        (101, "101st"),
        (111, "111th"),
        (112, "112th"),
        (113, "113th"),
        (122, "122nd"),
    ],
)
def test_ordinals(number: int, text: str) -> None:
    assert ordinal(number) == text


@given(st.integers(1, 10_000))
def test_an_ordinal_is_the_number_and_an_english_suffix(number: int) -> None:
    text = ordinal(number)
    assert text[:-2] == str(number)
    assert text[-2:] in {"st", "nd", "rd", "th"}
    if number % 100 in (11, 12, 13):
        assert text.endswith("th")


@pytest.mark.parametrize(
    ("item", "title"),
    [
        (occurrence(OccurrenceKind.BIRTHDAY, years=40), "Jane Doe turns 40"),
        (occurrence(OccurrenceKind.BIRTHDAY), "Jane Doe's birthday"),
        (
            occurrence(OccurrenceKind.BIRTHDAY, "Tim (Jane Doe's child)", 18),
            "Tim (Jane Doe's child) turns 18",
        ),
        (occurrence(OccurrenceKind.ANNIVERSARY, years=10), "Jane Doe: 10th anniversary"),
        (occurrence(OccurrenceKind.ANNIVERSARY, years=1), "Jane Doe: 1st anniversary"),
        (occurrence(OccurrenceKind.ANNIVERSARY), "Jane Doe's anniversary"),
        (
            occurrence(OccurrenceKind.WORK_ANNIVERSARY, years=5, detail="Acme"),
            "Jane Doe: 5 years at Acme",
        ),
        (
            occurrence(OccurrenceKind.WORK_ANNIVERSARY, years=1, detail="Acme"),
            "Jane Doe: 1 year at Acme",
        ),
        (occurrence(OccurrenceKind.WORK_ANNIVERSARY, years=3), "Jane Doe: 3 years at work"),
        (occurrence(OccurrenceKind.WORK_ANNIVERSARY), "Jane Doe's work anniversary"),
        (
            occurrence(OccurrenceKind.GRADUATION, "Tim (Jane Doe's child)", whole_month=True),
            "Tim (Jane Doe's child) graduates (May 2025)",
        ),
        (occurrence(OccurrenceKind.GRADUATION), "Jane Doe graduates"),
        (
            occurrence(OccurrenceKind.CUSTOM, years=3, detail="Sobriety"),
            "Jane Doe: Sobriety (3rd)",
        ),
        (occurrence(OccurrenceKind.CUSTOM), "Jane Doe: special day"),
    ],
)
def test_occasion_titles(item: Occurrence, title: str) -> None:
    assert item.title == title == describe(item)


def test_follow_up_titles_say_what_and_how_late() -> None:
    def follow_up(detail: str, late: int) -> Occurrence:
        return occurrence(
            OccurrenceKind.FOLLOW_UP, detail=detail, late=late, source=Source.FOLLOW_UP
        )

    assert follow_up("", 0).title == "Follow up with Jane Doe"
    assert follow_up("Send the proposal", 0).title == "Send the proposal with Jane Doe"
    assert follow_up("", 1).title == "Follow up with Jane Doe (overdue 1 day)"
    assert follow_up("Call", 4).title == "Call with Jane Doe (overdue 4 days)"


def test_keep_in_touch_titles_say_when_somebody_has_gone_cold() -> None:
    def cold(late: int) -> Occurrence:
        return occurrence(OccurrenceKind.KEEP_IN_TOUCH, late=late, source=Source.KEEP_IN_TOUCH)

    assert cold(0).title == "Keep in touch with Jane Doe"
    assert cold(10).title == "Get in touch with Jane Doe (overdue 10 days)"
    assert cold(10).overdue_days == 10


def test_holiday_and_gift_deadline_titles() -> None:
    holiday = occurrence(OccurrenceKind.HOLIDAY, "Christmas", source=Source.HOLIDAY)
    deadline = occurrence(
        OccurrenceKind.GIFT_DEADLINE,
        "Christmas",
        detail="December 25",
        source=Source.GIFT_DEADLINE,
    )
    assert holiday.title == "Christmas"
    assert deadline.title == "Buy gifts for Christmas (December 25)"


def test_an_item_is_never_overdue_by_a_negative_number_of_days() -> None:
    early = occurrence(OccurrenceKind.FOLLOW_UP, late=-3, source=Source.FOLLOW_UP)
    assert early.overdue_days == 0
    assert early.title == "Follow up with Jane Doe"


def test_the_reminder_key_names_the_source_and_the_due_day() -> None:
    late = occurrence(OccurrenceKind.FOLLOW_UP, late=5, source=Source.FOLLOW_UP)
    # Shown today, but keyed by the day it was due: moving days do not make a new reminder.
    assert late.key == ("follow_up", 7, DAY - timedelta(days=5))
