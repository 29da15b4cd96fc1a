"""A contact's next yearly occasion, as the contacts list and the card show it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from nurture.domain.enums import DateKind
from nurture.humanize import plural

# Nearer than this, the list says "in N days"; further, it gives the day.
_SAY_DAYS_WITHIN = 30


@dataclass(frozen=True, slots=True)
class NextOccasion:
    day: date
    kind: DateKind
    days_away: int
    years: int | None = None  # the age or anniversary it marks, when the year is known

    @property
    def countdown(self) -> str:
        """'today', 'in 3 days · turns 41', 'in 200 days · marks 12' (beside the date)."""
        when = "today" if self.days_away == 0 else f"in {plural(self.days_away, 'day')}"
        if self.years:
            when += f" · {'turns' if self.kind is DateKind.BIRTHDAY else 'marks'} {self.years}"
        return when

    @property
    def words(self) -> str:
        """'Birthday today', 'Anniversary in 3 days', 'Birthday Dec 24'."""
        if self.days_away == 0:
            return f"{self.kind.label} today"
        if self.days_away <= _SAY_DAYS_WITHIN:
            return f"{self.kind.label} in {plural(self.days_away, 'day')}"
        return f"{self.kind.label} {self.day:%b} {self.day.day}"
