"""A contact's next yearly occasion, as the contacts list shows it."""

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

    @property
    def words(self) -> str:
        """'Birthday today', 'Anniversary in 3 days', 'Birthday Dec 24'."""
        if self.days_away == 0:
            return f"{self.kind.label} today"
        if self.days_away <= _SAY_DAYS_WITHIN:
            return f"{self.kind.label} in {plural(self.days_away, 'day')}"
        return f"{self.kind.label} {self.day:%b} {self.day.day}"
