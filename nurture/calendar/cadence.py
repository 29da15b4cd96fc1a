"""Keep-in-touch: which cadence applies to a contact, and the day they go cold."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta


def cadence_days(
    own: int | None, tag_days: Iterable[int | None], tier: str, tier_days: Mapping[str, int]
) -> int | None:
    """The contact's own cadence, else the shortest of its tags', else its tier's, else none."""
    if own:
        return own
    tagged = [days for days in tag_days if days]
    if tagged:
        return min(tagged)
    return tier_days.get(tier) or None


def due_on(last_touch: date | None, since: date, days: int) -> date:
    """The day a contact goes cold: `days` after the last touch; never touched means due from
    `since` (when they were added), so the date stays put until somebody acts."""
    if last_touch is None:
        return since
    return last_touch + timedelta(days=days)
