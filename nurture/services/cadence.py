"""Keep-in-touch over whole tables, in SQL, for the agenda's going-cold items and the contacts
list's "going cold" filter: the same rule as `nurture.calendar.keep_in_touch` (which builds the
values the screens show); tests hold the two to the same answers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from nurture.calendar.keep_in_touch import TouchRules, local_day
from nurture.calendar.occasions import LeapDayPolicy
from nurture.calendar.timing import zone

if TYPE_CHECKING:
    from nurture.services.settings import Settings

_TAG_CADENCE = (
    "(SELECT min(t.keep_in_touch_days) FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id"
    " WHERE ct.contact_id = {alias}.id)"
)
_ANY_TAG_CADENCE = text("SELECT EXISTS (SELECT 1 FROM tags WHERE keep_in_touch_days IS NOT NULL)")


def cadence_sql(session: Session, settings: Settings, alias: str) -> tuple[str, dict[str, Any]]:
    """A contact's keep-in-touch cadence in days as SQL (`alias` names the contacts table):
    its own, else its tags' shortest, else its tier's from settings; NULL for none."""
    tiers = list(settings.tier_cadence.items())
    whens = " ".join(f"WHEN :tier{i} THEN :days{i}" for i in range(len(tiers)))
    params: dict[str, Any] = {}
    for i, (tier, days) in enumerate(tiers):
        params[f"tier{i}"], params[f"days{i}"] = tier, int(days)
    # Most networks give no tag a cadence: then no contact needs its tags looked at.
    has_tag_cadence = session.execute(_ANY_TAG_CADENCE).scalar()
    tagged = _TAG_CADENCE.format(alias=alias) if has_tag_cadence else "NULL"
    by_tier = f"CASE {alias}.tier {whens} ELSE NULL END" if whens else "NULL"
    return f"coalesce({alias}.keep_in_touch_days, {tagged}, {by_tier})", params


def due_day_sql(last_touch: str, added: str, cadence: str) -> str:
    """The due day as ISO text: the local day of the last touch plus the cadence; never touched,
    the day they were added. Needs the `:offset` parameter of `offset_parameter`."""
    return (
        f"CASE WHEN {last_touch} IS NULL THEN date({added}, :offset)"
        f" ELSE date({last_touch}, :offset, '+' || ({cadence}) || ' days') END"
    )


def utc_offset(zone_name: str, now: datetime) -> timedelta:
    """Today's offset from UTC in the user's zone: what "local day" means for stored times."""
    return now.astimezone(zone(zone_name)).utcoffset() or timedelta()


def offset_parameter(offset: timedelta) -> str:
    """The offset as an SQLite date modifier ('+60 minutes')."""
    return f"{int(offset.total_seconds() // 60):+d} minutes"


def touch_rules(settings: Settings, now: datetime) -> TouchRules:
    offset = utc_offset(settings.time_zone, now)
    return TouchRules(local_day(now, offset), offset, dict(settings.tier_cadence))


@dataclass(frozen=True, slots=True)
class DayRules:
    """What a contact's computed state depends on besides the contact, for one local day: the
    keep-in-touch rules and where a Feb 29 date falls in a common year."""

    touch: TouchRules
    leap_day: LeapDayPolicy


def day_rules(settings: Settings, now: datetime) -> DayRules:
    return DayRules(touch_rules(settings, now), settings.leap_day_policy)
