"""The agenda: every occurrence in a window of days, from dates, follow-ups, cadences and holidays.

SQL narrows the rows to the window (month/day ranges for yearly dates); Python turns each row into
its occurrence with the pure rules of `nurture.calendar`. Occurrences are computed, never stored.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from nurture.calendar.cadence import cadence_days, due_on
from nurture.calendar.gift_days import gift_days
from nurture.calendar.occasions import LeapDayPolicy, once_between, ordinal, yearly_on
from nurture.calendar.recurrence import follow_up_dates
from nurture.calendar.timing import local_day
from nurture.db.engine import Database
from nurture.domain.enums import RelationshipKind
from nurture.domain.occurrence import Occurrence, OccurrenceKind, Source
from nurture.services.settings import Settings, SettingsService

# The order occurrences of one day are listed in.
KIND_ORDER = {kind: i for i, kind in enumerate(OccurrenceKind)}

# A date of a light contact (a kid, a spouse) is shown through the main contact it belongs to,
# found through a relationship in either direction.
_DATES = """
SELECT d.id, d.kind, d.label, d.year, d.month, d.day, d.recurrence, d.lead_days,
       c.id, c.display_name, c.organization, c.is_light,
       ma.id, ma.display_name, ra.kind, mb.id, mb.display_name, rb.kind
  FROM important_dates d
  JOIN contacts c ON c.id = d.contact_id AND c.archived = 0
  LEFT JOIN relationships ra ON c.is_light = 1 AND ra.related_id = c.id
  LEFT JOIN contacts ma ON ma.id = ra.contact_id AND ma.is_light = 0
  LEFT JOIN relationships rb ON c.is_light = 1 AND ra.id IS NULL AND rb.contact_id = c.id
  LEFT JOIN contacts mb ON mb.id = rb.related_id AND mb.is_light = 0
 WHERE {window}
"""
_YEARLY_SAME_YEAR = "(d.recurrence = 'yearly' AND (d.month * 100 + d.day BETWEEN :a AND :b{leap}))"
_YEARLY_ACROSS = "(d.recurrence = 'yearly' AND (d.month * 100 + d.day >= :a OR d.month * 100 + d.day <= :b{leap}))"  # noqa: E501
_LEAP = " OR (d.month = 2 AND d.day = 29)"
_ONCE = "(d.recurrence = 'once' AND d.year BETWEEN :y1 AND :y2)"

_FOLLOW_UPS = text("""
SELECT f.id, f.title, f.due_date, f.rrule, f.completed_through, f.snoozed_until,
       c.id, c.display_name
  FROM follow_ups f JOIN contacts c ON c.id = f.contact_id AND c.archived = 0
 WHERE f.done_at IS NULL AND (f.rrule <> '' OR f.due_date <= :end)
""")

_CADENCES = """
SELECT c.id, c.display_name, c.last_interaction_at, c.created_at, c.keep_in_touch_days, c.tier,
       (SELECT min(t.keep_in_touch_days) FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id
         WHERE ct.contact_id = c.id) AS tag_days
  FROM contacts c
 WHERE c.is_light = 0 AND c.archived = 0
   AND (c.keep_in_touch_days IS NOT NULL OR c.tier IN ({tiers})
        OR EXISTS (SELECT 1 FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id
                    WHERE ct.contact_id = c.id AND t.keep_in_touch_days IS NOT NULL))
"""

_TITLES = {
    "birthday": ("{who} turns {n}", "{who}'s birthday"),
    "anniversary": ("{who}: {nth} anniversary", "{who}'s anniversary"),
    "work_anniversary": ("{who}: {n} years at {org}", "{who}'s work anniversary"),
    "graduation": ("{who} graduates", "{who} graduates"),
    "custom": ("{who}: {label} ({nth})", "{who}: {label}"),
}
_NOUNS = {
    RelationshipKind.SPOUSE: "spouse", RelationshipKind.CHILD: "child",
    RelationshipKind.PARENT: "parent", RelationshipKind.ASSISTANT: "assistant",
    RelationshipKind.MANAGER: "manager", RelationshipKind.BUSINESS_PARTNER: "partner",
    RelationshipKind.COLLEAGUE: "colleague", RelationshipKind.COMPETITOR: "competitor",
    RelationshipKind.FRIEND: "friend", RelationshipKind.CUSTOM: "relative",
}  # fmt: skip


def holiday_id(key: str) -> int:
    """A stable id for a holiday, so its reminders have a key like any other source."""
    return zlib.crc32(key.encode()) & 0x7FFFFFFF


class AgendaService:
    def __init__(self, database: Database, settings: SettingsService) -> None:
        self._db = database
        self._settings = settings

    def between(self, start: date, end: date, today: date | None = None) -> list[Occurrence]:
        """Every occurrence in [start, end], by day. When the window holds `today`, overdue
        follow-ups and people already gone cold are listed on today."""
        if end < start:
            return []
        settings = self._settings.get()
        overdue_on = today if today is not None and start <= today <= end else None
        with self._db.read() as session:
            found = [
                *_dates(session, start, end, settings.leap_day_policy),
                *_follow_ups(session, start, end, overdue_on),
                *_going_cold(session, start, end, overdue_on, settings),
            ]
        found.extend(_holidays(start, end, settings))
        found.sort(key=lambda o: (o.day, KIND_ORDER[o.kind], o.contact.casefold(), o.title))
        return found


def _dates(session: Session, start: date, end: date, policy: LeapDayPolicy) -> Iterator[Occurrence]:
    params: dict[str, Any] = {"y1": start.year, "y2": end.year}
    if (end - start).days >= 365:
        yearly = "d.recurrence = 'yearly'"
    else:
        template = _YEARLY_SAME_YEAR if start.year == end.year else _YEARLY_ACROSS
        yearly = template.format(leap=_LEAP)
        params.update(a=start.month * 100 + start.day, b=end.month * 100 + end.day)
    sql = text(_DATES.format(window=f"({yearly} OR {_ONCE})"))
    seen: set[int] = set()
    years = range(start.year, end.year + 1)
    for row in session.execute(sql, params):
        (date_id, kind, label, year, month, day, recurrence, lead, cid, name, org, light,
         ma_id, ma_name, ra_kind, mb_id, mb_name, rb_kind) = row  # fmt: skip
        if date_id in seen:
            continue  # a relative linked to two main contacts: shown once
        seen.add(date_id)
        owner_id, owner, who = cid, name, name
        if light and (ma_id or mb_id):
            owner_id, owner = (ma_id, ma_name) if ma_id else (mb_id, mb_name)
            relation = RelationshipKind(ra_kind) if ma_id else RelationshipKind(rb_kind).inverse
            who = f"{name} ({owner}'s {_NOUNS[relation]})"
        if recurrence == "once":
            when = once_between(year, month, day, start, end)
            days = [] if when is None else [when]
        else:
            days = [d for y in years if start <= (d := yearly_on(y, month, day, policy)) <= end]
        for when in days:
            count = when.year - year if year is not None and recurrence == "yearly" else None
            if count is not None and count <= 0:
                count = None
            with_count, without = _TITLES[kind]
            title = (with_count if count else without).format(
                who=who, n=count, nth=ordinal(count) if count else "", org=org or "work",
                label=label or "special day",
            )  # fmt: skip
            due = when if day is not None else date(year, month, 1)
            yield Occurrence(when, OccurrenceKind(kind), title, owner_id, owner, count,
                             Source.DATE, date_id, due, lead, day is None)  # fmt: skip


def _follow_ups(
    session: Session, start: date, end: date, overdue_on: date | None
) -> Iterator[Occurrence]:
    for fid, title, anchor_text, rule, completed_text, pushed_text, cid, name in session.execute(
        _FOLLOW_UPS, {"end": end}
    ):
        anchor = date.fromisoformat(anchor_text)
        completed, pushed = _day(completed_text), _day(pushed_text)
        label = title or "Follow up"
        what = f"{label} with {name}" if title else f"Follow up with {name}"
        # A follow-up pushed to a later day keeps its due date but shows from that day on.
        hidden_before = pushed if pushed and pushed > start else None
        if overdue_on is not None:
            late = follow_up_dates(anchor, rule, anchor, overdue_on - timedelta(days=1), completed)
            if late and (hidden_before is None or hidden_before <= overdue_on):
                days_late = (overdue_on - late[0]).days
                yield Occurrence(overdue_on, OccurrenceKind.FOLLOW_UP,
                                 f"{what} (overdue {days_late} day{'s' * (days_late != 1)})",
                                 cid, name, None, Source.FOLLOW_UP, fid, late[0])  # fmt: skip
        low = max(start, overdue_on) if overdue_on else start
        for when in follow_up_dates(anchor, rule, low, end, completed):
            shown = max(when, hidden_before) if hidden_before else when
            if shown <= end:
                yield Occurrence(shown, OccurrenceKind.FOLLOW_UP, what, cid, name, None,
                                 Source.FOLLOW_UP, fid, when)  # fmt: skip


def _going_cold(
    session: Session, start: date, end: date, overdue_on: date | None, settings: Settings
) -> Iterator[Occurrence]:
    tiers = settings.tier_cadence
    tier_list = ", ".join(f":t{i}" for i in range(len(tiers))) or "NULL"
    params = {f"t{i}": tier for i, tier in enumerate(tiers)}
    zone = settings.time_zone
    sql = text(_CADENCES.format(tiers=tier_list))
    for cid, name, last, created, own, tier, tag_days in session.execute(sql, params):
        days = cadence_days(own, [tag_days], tier, tiers)
        if days is None:
            continue
        last_day = local_day(_aware(last), zone) if last else None
        due = due_on(last_day, local_day(_aware(created), zone), days)
        if due > end:
            continue
        if due < start:
            if overdue_on is None:
                continue
            late = (overdue_on - due).days
            yield Occurrence(overdue_on, OccurrenceKind.KEEP_IN_TOUCH,
                             f"Get in touch with {name} (overdue {late} day{'s' * (late != 1)})",
                             cid, name, None, Source.KEEP_IN_TOUCH, cid, due)  # fmt: skip
        else:
            yield Occurrence(due, OccurrenceKind.KEEP_IN_TOUCH, f"Keep in touch with {name}",
                             cid, name, None, Source.KEEP_IN_TOUCH, cid, due)  # fmt: skip


def _aware(moment: str) -> datetime:
    """A UTCDateTime column read by raw SQL: its stored naive UTC text, made aware."""
    return datetime.fromisoformat(moment).replace(tzinfo=UTC)


def _day(value: str | None) -> date | None:
    """A Date column read by raw SQL (ISO text)."""
    return None if value is None else date.fromisoformat(value)


def _holidays(start: date, end: date, settings: Settings) -> Iterator[Occurrence]:
    lead = timedelta(days=settings.gift_lead_days)
    for gift_day in gift_days(
        settings.gift_holidays, settings.holiday_country, start, end + lead
    ):
        source_id = holiday_id(gift_day.key)
        if start <= gift_day.day <= end:
            yield Occurrence(gift_day.day, OccurrenceKind.HOLIDAY, gift_day.name, None, "", None,
                             Source.HOLIDAY, source_id, gift_day.day)  # fmt: skip
        buy_by = gift_day.day - lead
        if lead and start <= buy_by <= end:
            title = f"Buy gifts for {gift_day.name} ({gift_day.day:%B} {gift_day.day.day})"
            yield Occurrence(buy_by, OccurrenceKind.GIFT_DEADLINE, title, None, "", None,
                             Source.GIFT_DEADLINE, source_id, buy_by)  # fmt: skip
