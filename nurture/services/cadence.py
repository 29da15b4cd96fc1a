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
_ACTIVE_MAIN = "{alias}.is_light = 0 AND {alias}.archived = 0"
# The partial indexes of migration 0014, named: without statistics SQLite would rather take the
# contacts list's index and visit every contact.
_OWN = "INDEXED BY ix_contacts_touch_own"
_BY_TIER = "INDEXED BY ix_contacts_touch_tier"
_UNTOUCHED = "INDEXED BY ix_contacts_untouched"


def _has_tag_cadence(session: Session) -> bool:
    # Most networks give no tag a cadence: then no contact needs its tags looked at.
    return bool(session.execute(_ANY_TAG_CADENCE).scalar())


def cadence_sql(
    session: Session, settings: Settings, alias: str, own: bool = True
) -> tuple[str, dict[str, Any]]:
    """A contact's keep-in-touch cadence in days as SQL (`alias` names the contacts table):
    its own, else its tags' shortest, else its tier's from settings; NULL for none.
    `own=False`: for contacts known to have no cadence of their own."""
    tiers = list(settings.tier_cadence.items())
    whens = " ".join(f"WHEN :tier{i} THEN :days{i}" for i in range(len(tiers)))
    params: dict[str, Any] = {}
    for i, (tier, days) in enumerate(tiers):
        params[f"tier{i}"], params[f"days{i}"] = tier, int(days)
    tagged = _TAG_CADENCE.format(alias=alias) if _has_tag_cadence(session) else "NULL"
    by_tier = f"CASE {alias}.tier {whens} ELSE NULL END" if whens else "NULL"
    mine = f"{alias}.keep_in_touch_days, " if own else ""
    return f"coalesce({mine}{tagged}, {by_tier})", params


def due_candidates_sql(
    session: Session,
    settings: Settings,
    early_share: int | None = None,
    since: bool = False,
) -> str:
    """The ids of contacts whose keep-in-touch due day, less a `1/early_share` of their
    cadence, may fall on or before the day in `:by` (and with `since`, not before `:since`).

    A superset, for the exact rule (`due_day_sql`) to decide on: it is read by index ranges of
    the last touch for each cadence in use (own, per tier; every contact of a tag with a
    cadence; everyone never touched), so at 100,000 contacts it costs the few thousand who
    may be due, not a date computed for everyone. Two days of slack cover any UTC offset.
    Needs cadence_sql's parameters (the tiers' cadences)."""

    def before(days: str) -> str:
        kept = f"({days} - {days} / {early_share})" if early_share else days
        return f"date(:by, '+2 days', '-' || {kept} || ' days')"

    def after(days: str) -> str:
        return f" AND c.last_interaction_at >= date(:since, '-2 days', '-' || {days} || ' days')"

    active = _ACTIVE_MAIN.format(alias="c")
    branches = [
        "SELECT c.id FROM (SELECT DISTINCT keep_in_touch_days AS days"
        f" FROM contacts c {_OWN} WHERE {active} AND c.keep_in_touch_days IS NOT NULL) own"
        f" CROSS JOIN contacts c {_OWN} ON c.keep_in_touch_days = own.days"
        f" WHERE {active} AND c.keep_in_touch_days IS NOT NULL"
        f" AND c.last_interaction_at < {before('own.days')}" + (after("own.days") if since else "")
    ]
    for i in range(len(settings.tier_cadence)):
        branches.append(
            f"SELECT c.id FROM contacts c {_BY_TIER} WHERE {active}"
            f" AND c.keep_in_touch_days IS NULL AND c.tier = :tier{i}"
            f" AND c.last_interaction_at < {before(f':days{i}')}"
            + (after(f":days{i}") if since else "")
        )
    branches.append(
        f"SELECT c.id FROM contacts c {_UNTOUCHED} WHERE {active} AND c.last_interaction_at IS NULL"
    )
    if _has_tag_cadence(session):
        branches.append(
            "SELECT ct.contact_id FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id"
            " WHERE t.keep_in_touch_days IS NOT NULL"
        )
    return " UNION ALL ".join(branches)


def per_day_sql(session: Session, settings: Settings) -> tuple[str, dict[str, Any]]:
    """How many people a calendar day everyone's cadence asks for (the sum of 1/cadence), in
    two index scans: those with a cadence of their own, then everyone else by tier and tag."""
    others, params = cadence_sql(session, settings, "c", own=False)
    active = _ACTIVE_MAIN.format(alias="c")
    return (
        f"SELECT (SELECT total(1.0 / c.keep_in_touch_days) FROM contacts c {_OWN}"
        f" WHERE {active} AND c.keep_in_touch_days IS NOT NULL)"
        f" + (SELECT total(1.0 / {others}) FROM contacts c {_BY_TIER} WHERE {active}"
        " AND c.keep_in_touch_days IS NULL)",
        params,
    )


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
