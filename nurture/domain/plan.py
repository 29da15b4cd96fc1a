"""The day's plan and the pre-call brief, as the window, the tray and the command line show them.

A plan row is one person with every reason to reach them today, in the order that matters:
a follow-up due, then an occasion (theirs or their family's, folded into their row), then
keep-in-touch. The brief is what to know before calling: built from the contact's card.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum

from nurture.domain.dto import (
    ContactCard,
    ContactRef,
    FollowUpValue,
    GiftValue,
    InteractionValue,
    IntroductionValue,
    PreferenceValue,
)
from nurture.domain.enums import GiftStatus, RelationshipKind
from nurture.domain.occurrence import Occurrence
from nurture.humanize import ago, plural


class Section(StrEnum):
    FOLLOW_UPS = "follow_ups"
    OCCASIONS = "occasions"
    KEEP_IN_TOUCH = "keep_in_touch"
    RECONNECT = "reconnect"

    @property
    def label(self) -> str:
        labels = {"follow_ups": "Follow-ups", "occasions": "Occasions", "reconnect": "Reconnect"}
        return labels.get(self, "Keep in touch")


@dataclass(frozen=True, slots=True)
class Reason:
    """Why this person is on today's plan, in words ("birthday Fri", "overdue 12 days, every
    30"); the occurrence behind it, for Done and Snooze (None for keep-in-touch)."""

    section: Section
    text: str
    occurrence: Occurrence | None = None


@dataclass(frozen=True, slots=True)
class PlanRow:
    contact: ContactRef
    company: str
    tier: str
    tags: tuple[str, ...]
    reasons: tuple[Reason, ...]
    last_touch: str  # "Call 12 days ago: budget for Q3", or "" when never
    phone: str  # as written ("+1 415 555 0101")
    dial: str  # what a tel: link dials: E.164 when known, else as written
    email: str
    profile: str  # a LinkedIn, X or other social page, else a website
    done: bool = False  # touched today: counts toward the day, listed last

    @property
    def section(self) -> Section:
        return self.reasons[0].section

    @property
    def why(self) -> str:
        return "; ".join(r.text for r in self.reasons)


@dataclass(frozen=True, slots=True)
class DayPlan:
    day: date
    rows: tuple[PlanRow, ...]
    per_day: int  # people to touch a working day
    automatic: int  # what the cadences alone ask
    chosen: int  # the user's "about N a day"; 0: automatic
    backlog: int  # people already overdue this morning
    backlog_done: date | None  # the working day the last of them is planned
    touch_day: date | None = None  # the working day the keep-in-touch list is for (on a day
    # off, the next one's: Sunday evening shows Monday's calls)

    def count(self, section: Section) -> int:
        return sum(1 for r in self.rows if r.section is section and not r.done)

    @property
    def done(self) -> int:
        return sum(1 for r in self.rows if r.done)

    @property
    def summary(self) -> str:
        """What the day holds, each count saying what it counts."""
        keep = plural(self.count(Section.KEEP_IN_TOUCH), "person", "people")
        parts = [
            plural(self.count(Section.FOLLOW_UPS), "follow-up"),
            plural(self.count(Section.OCCASIONS), "occasion"),
            f"{keep} to keep in touch with",
        ]
        if self.count(Section.RECONNECT):
            reconnect = plural(self.count(Section.RECONNECT), "person", "people")
            parts.append(f"{reconnect} to reconnect with")
        text = ", ".join(parts)
        if self.done:
            text += f" ({self.done:,} touched today)"
        if self.touch_day is not None and self.touch_day != self.day:
            text += f" · keep in touch planned for {self.touch_day:%a %b} {self.touch_day.day}"
        if self.backlog and self.backlog_done:
            text += (
                f" · {plural(self.backlog, 'person', 'people')} overdue, worked down by "
                f"{self.backlog_done:%a %b} {self.backlog_done.day}"
            )
        how = f"about {self.per_day:,} a day" + ("" if self.chosen else " (from the cadences)")
        return f"{text} · {how}"

    def only(
        self, tier: str | None = None, tag: str | None = None, section: Section | None = None
    ) -> DayPlan:
        """The rows of one tier, tag or section (the plan's filters); counts follow."""
        rows = tuple(
            r
            for r in self.rows
            if (tier is None or r.tier == tier)
            and (tag is None or tag.casefold() in (t.casefold() for t in r.tags))
            and (section is None or r.section is section)
        )
        return replace(self, rows=rows)


@dataclass(frozen=True, slots=True)
class FamilyMember:
    person: ContactRef
    kind: RelationshipKind
    next_date: str  # "Birthday in 3 days · turns 12", or ""
    tastes: tuple[PreferenceValue, ...] = ()


@dataclass(frozen=True, slots=True)
class Brief:
    """What to know before the call."""

    contact: ContactRef
    company: str
    title: str
    ask_about: str  # left by the last log for this time
    interactions: tuple[InteractionValue, ...]  # the last three, newest first
    follow_ups: tuple[FollowUpValue, ...]  # open loops: follow-ups not done
    introductions: tuple[IntroductionValue, ...]  # introductions with no outcome yet
    gift_ideas: tuple[GiftValue, ...]  # ideas not given yet
    family: tuple[FamilyMember, ...]
    tastes: tuple[PreferenceValue, ...]
    last_gifts: tuple[GiftValue, ...]  # the last three given


def brief_of(card: ContactCard) -> Brief:
    """The pre-call brief from a contact's card (computed for the card's day)."""
    newest = sorted(card.interactions, key=lambda i: i.occurred_at, reverse=True)
    given = [g for g in card.gifts if g.status is not GiftStatus.IDEA]
    given.sort(key=lambda g: g.given_on or date.min, reverse=True)
    dates: dict[int, str] = {}
    for whose, _kind, value in card.family_dates:
        if value.upcoming is not None and whose.id not in dates:
            dates[whose.id] = f"{value.upcoming.kind.label} {value.upcoming.countdown}"
    family = tuple(
        FamilyMember(r.person, r.kind, dates.get(r.person.id, ""), r.tastes) for r in card.household
    )
    return Brief(
        ContactRef(card.id, card.name),
        card.draft.organization,
        card.draft.title,
        newest[0].ask_about if newest else "",
        tuple(newest[:3]),
        tuple(f for f in card.follow_ups if f.done_at is None),
        tuple(i for i in card.introductions if not i.outcome.strip()),
        tuple(g for g in card.gifts if g.status is GiftStatus.IDEA),
        family,
        card.preferences,
        tuple(given[:3]),
    )


def last_touch_words(kind: str, when: datetime | None, title: str, now: datetime) -> str:
    """'Call 12 days ago: budget for Q3' for the plan row's last line."""
    if when is None:
        return ""
    said = kind.replace("_", " ").capitalize()
    return f"{said} {ago(when, now)}" + (f": {title}" if title else "")
