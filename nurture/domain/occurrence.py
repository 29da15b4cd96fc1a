"""What is coming: one occurrence of a date, a follow-up, a going-cold contact or a holiday."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import NamedTuple


class OccurrenceKind(StrEnum):
    BIRTHDAY = "birthday"
    ANNIVERSARY = "anniversary"
    GRADUATION = "graduation"
    WORK_ANNIVERSARY = "work_anniversary"
    CUSTOM = "custom"
    FOLLOW_UP = "follow_up"
    KEEP_IN_TOUCH = "keep_in_touch"
    HOLIDAY = "holiday"
    GIFT_DEADLINE = "gift_deadline"


class Source(StrEnum):
    """What an occurrence comes from; with its id and due date it names a reminder."""

    DATE = "date"
    FOLLOW_UP = "follow_up"
    KEEP_IN_TOUCH = "keep_in_touch"
    HOLIDAY = "holiday"
    GIFT_DEADLINE = "gift_deadline"


class Occurrence(NamedTuple):
    """A tuple, not a dataclass: a year's agenda at 100,000 contacts holds hundreds of thousands."""

    day: date  # the day it shows on (an overdue item shows today)
    kind: OccurrenceKind
    title: str
    contact_id: int | None  # the card it opens: a relative's dates open the main contact
    contact: str
    years: int | None  # age or anniversary number, when the year is known
    source: Source
    source_id: int
    due: date  # when it was due (differs from `day` when overdue)
    lead_days: int | None = None  # the date's own reminder lead time, if it has one
    whole_month: bool = False  # a month-only date ("graduates June 2027")

    @property
    def key(self) -> tuple[str, int, date]:
        return (self.source.value, self.source_id, self.due)

    @property
    def overdue_days(self) -> int:
        return max(0, (self.day - self.due).days)
