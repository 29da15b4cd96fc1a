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
    GIFT = "gift"  # a campaign gift to buy or ship by a day (detail "buy" or "ship")


class Occurrence(NamedTuple):
    """A tuple, not a dataclass: a year's agenda at 100,000 contacts holds hundreds of thousands,
    so the title is worded only when somebody reads it."""

    day: date  # the day it shows on (an overdue item shows today)
    kind: OccurrenceKind
    contact_id: int | None  # the card it opens: a relative's dates open the main contact
    contact: str  # that card's name
    who: str  # whom it is about: "Tim (Jane Doe's child)", or a holiday's name
    years: int | None  # age or anniversary number, when the year is known
    source: Source
    source_id: int
    due: date  # when it was due (earlier than `day` when overdue)
    lead_days: int | None = None  # the date's own reminder lead time, if it has one
    whole_month: bool = False  # a month-only date ("graduates June 2027")
    detail: str = ""  # company (work anniversary), label (custom), follow-up title, holiday date

    @property
    def key(self) -> tuple[str, int, date]:
        return (self.source.value, self.source_id, self.due)

    @property
    def overdue_days(self) -> int:
        return max(0, (self.day - self.due).days)

    @property
    def title(self) -> str:
        return describe(self)


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st..."""
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


def _late(days: int) -> str:
    return f" (overdue {days} day{'s' if days != 1 else ''})" if days else ""


def describe(o: Occurrence) -> str:
    """The line a person reads: "Tim (Jane Doe's child) turns 18", "10th anniversary"..."""
    who, n, kind = o.who, o.years, o.kind
    if kind is OccurrenceKind.BIRTHDAY:
        return f"{who} turns {n}" if n else f"{who}'s birthday"
    if kind is OccurrenceKind.ANNIVERSARY:
        return f"{who}: {ordinal(n)} anniversary" if n else f"{who}'s anniversary"
    if kind is OccurrenceKind.WORK_ANNIVERSARY:
        if not n:
            return f"{who}'s work anniversary"
        return f"{who}: {n} year{'s' if n != 1 else ''} at {o.detail or 'work'}"
    if kind is OccurrenceKind.GRADUATION:
        return f"{who} graduates ({o.due:%B %Y})" if o.whole_month else f"{who} graduates"
    if kind is OccurrenceKind.CUSTOM:
        label = o.detail or "special day"
        return f"{who}: {label} ({ordinal(n)})" if n else f"{who}: {label}"
    if kind is OccurrenceKind.FOLLOW_UP:
        what = f"{o.detail} with {who}" if o.detail else f"Follow up with {who}"
        return what + _late(o.overdue_days)
    if kind is OccurrenceKind.KEEP_IN_TOUCH:
        late = o.overdue_days
        return f"Get in touch with {who}{_late(late)}" if late else f"Keep in touch with {who}"
    if kind is OccurrenceKind.GIFT_DEADLINE:
        return f"Buy gifts for {who} ({o.detail})"
    return who
