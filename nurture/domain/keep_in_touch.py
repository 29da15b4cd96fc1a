"""Keep-in-touch as every screen and the command line show it: where the cadence comes from,
when the next touch is due, and the state in words. Built by `nurture.calendar.keep_in_touch`,
the one place the rule is computed; the list, card, Today, tray, CLI and exports only read it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from nurture.errors import ValidationError
from nurture.humanize import plural

# A touch due within this many days shows as "due in N days", not "on track".
DUE_SOON_DAYS = 7
LONGEST_CADENCE_DAYS = 3650  # ten years: past that, there is no cadence to speak of


def check_cadence(days: int | None) -> None:
    """A keep-in-touch cadence is a number of days from one to ten years' worth (or none)."""
    if days is not None and not 1 <= days <= LONGEST_CADENCE_DAYS:
        raise ValidationError(
            f"Keep-in-touch is a number of days from 1 to {LONGEST_CADENCE_DAYS:,} (ten years)."
        )


class CadenceSource(StrEnum):
    OWN = "own"
    TAG = "tag"
    TIER = "tier"


@dataclass(frozen=True, slots=True)
class Cadence:
    """How often to be in touch, and why: the contact's own setting, a tag's, or its tier's."""

    days: int
    source: CadenceSource
    name: str = ""  # the tag or tier it comes from

    def describe(self) -> str:
        """'every 30 days', 'every 30 days (tag Client)', 'every 90 days (tier B)'."""
        every = f"every {plural(self.days, 'day')}"
        if self.source is CadenceSource.OWN:
            return every
        return f"{every} ({self.source.value} {self.name})"


class TouchState(StrEnum):
    ON_TRACK = "on_track"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"


@dataclass(frozen=True, slots=True)
class KeepInTouch:
    cadence: Cadence
    due: date  # the day the next touch is due
    days_left: int  # until `due`; negative when overdue
    never_touched: bool  # then `due` is the day they were added

    @property
    def state(self) -> TouchState:
        if self.days_left < 0:
            return TouchState.OVERDUE
        if self.days_left <= DUE_SOON_DAYS:
            return TouchState.DUE_SOON
        return TouchState.ON_TRACK

    @property
    def words(self) -> str:
        """'overdue 15 days', 'due today', 'due in 3 days', 'on track'."""
        if self.days_left < 0:
            return f"overdue {plural(-self.days_left, 'day')}"
        if self.days_left == 0:
            return "due today"
        if self.days_left <= DUE_SOON_DAYS:
            return f"due in {plural(self.days_left, 'day')}"
        return "on track"
