"""The keep-in-touch rule, computed here once (Python) and mirrored in SQL by the agenda and
the "going cold" filter for whole-table selections; a test holds the two to the same answers.

- Cadence: the contact's own, else the shortest cadence among its tags, else its tier's.
- Due day: the local day of the last touch plus the cadence; never touched: the day they were
  added. "Local day" uses today's offset from UTC in the user's time zone (so SQL can compute
  the same day over a whole table); a touch within an hour of midnight in the other DST season
  may count for the neighbouring day.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from nurture.domain.keep_in_touch import Cadence, CadenceSource, KeepInTouch


def resolve_cadence(
    own: int | None,
    tags: Iterable[tuple[str, int | None]],
    tier: str,
    tier_cadence: Mapping[str, int],
) -> Cadence | None:
    if own:
        return Cadence(own, CadenceSource.OWN)
    tagged = [(days, name) for name, days in tags if days]
    if tagged:
        days, name = min(tagged)
        return Cadence(days, CadenceSource.TAG, name)
    if tier and tier_cadence.get(tier):
        return Cadence(int(tier_cadence[tier]), CadenceSource.TIER, tier)
    return None


def local_day(moment: datetime, offset: timedelta) -> date:
    """The day `moment` falls on with this offset from UTC (the agenda's SQL does the same)."""
    return (moment.astimezone(UTC) + offset).date()


def keep_in_touch(
    cadence: Cadence | None,
    last_touch: datetime | None,
    added: datetime,
    today: date,
    offset: timedelta,
) -> KeepInTouch | None:
    if cadence is None:
        return None
    if last_touch is None:
        due = local_day(added, offset)
    else:
        due = local_day(last_touch, offset) + timedelta(days=cadence.days)
    return KeepInTouch(cadence, due, (due - today).days, last_touch is None)


@dataclass(frozen=True, slots=True)
class TouchRules:
    """What a contact's keep-in-touch state needs besides the contact: today, the local offset
    and the tier cadences from the settings."""

    today: date
    offset: timedelta
    tier_cadence: Mapping[str, int]

    def state(
        self,
        own: int | None,
        tags: Iterable[tuple[str, int | None]],
        tier: str,
        last_touch: datetime | None,
        added: datetime,
    ) -> KeepInTouch | None:
        cadence = resolve_cadence(own, tags, tier, self.tier_cadence)
        return keep_in_touch(cadence, last_touch, added, self.today, self.offset)
