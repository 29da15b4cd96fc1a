"""The agenda: every occurrence in a window of days, from dates, follow-ups, cadences and holidays.

A year at 100,000 contacts is hundreds of thousands of occurrences, so the bulk is computed in
SQL: a yearly date's day in the window (by month/day, with its year) and a contact's keep-in-touch
due day (last touch + cadence: its own, else its tags' shortest, else its tier's). The rare cases
stay in Python with the pure rules of `nurture.calendar`: Feb 29 (by policy), one-off and
month-only dates, follow-up RRULEs, holidays. Occurrences are computed, never stored.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from nurture.calendar.gift_days import gift_days
from nurture.calendar.occasions import LeapDayPolicy, once_between, yearly_between, years_since
from nurture.calendar.recurrence import follow_up_dates
from nurture.db.engine import Database
from nurture.domain.enums import RelationshipKind
from nurture.domain.occurrence import Occurrence, OccurrenceKind, Source
from nurture.services.cadence import (
    cadence_sql,
    due_candidates_sql,
    due_day_sql,
    offset_parameter,
    utc_offset,
)
from nurture.services.settings import Settings, SettingsService
from nurture.services.unit_of_work import raw_rows

# The order occurrences of one day are listed in.
KIND_ORDER = {kind: i for i, kind in enumerate(OccurrenceKind)}
# SQL's month/day arithmetic handles windows up to a year; longer ones are cut into years.
_SLICE_DAYS = 365

_DATE_ROWS = """
SELECT {day}, d.year, d.kind, d.label, d.lead_days, d.id, d.month, d.day, d.recurrence,
       c.id, c.display_name, c.organization, c.is_light
  FROM important_dates d JOIN contacts c ON c.id = d.contact_id AND c.archived = 0
 WHERE {where}
"""
# A date of a light contact (a kid, a spouse) is shown through the main contact it belongs to,
# found through a relationship in either direction: (light id, main id, main name, kind, inverted).
# The relatives come as one JSON list: SQLite looks each up through the relationships' indexes.
_OWNERS = """
SELECT r.related_id, m.id, m.display_name, r.kind, 0, m.archived
  FROM json_each(:ids) k CROSS JOIN relationships r ON r.related_id = k.value
  CROSS JOIN contacts m ON m.id = r.contact_id AND m.is_light = 0
UNION ALL
SELECT r.contact_id, m.id, m.display_name, r.kind, 1, m.archived
  FROM json_each(:ids) k CROSS JOIN relationships r ON r.contact_id = k.value
  CROSS JOIN contacts m ON m.id = r.related_id AND m.is_light = 0
"""
_MD = "(d.month * 100 + d.day)"
# The year a yearly month/day falls in within [start, end]: the start's, or the next one's.
_YEARLY_DAY = (
    f"printf('%04d-%02d-%02d', CASE WHEN {_MD} >= :a THEN :y ELSE :y + 1 END, d.month, d.day)"
)
# ... and not before the year it started (an anniversary of a wedding still to come).
_YEARLY = (
    "d.recurrence = 'yearly' AND NOT (d.month = 2 AND d.day = 29) AND (d.year IS NULL OR "
    f"d.year <= CASE WHEN {_MD} >= :a THEN :y ELSE :y + 1 END) AND "
)
# As row values, so that SQLite reads the window's range of the (month, day) index.
_SAME_YEAR = "(d.month, d.day) BETWEEN (:am, :ad) AND (:bm, :bd)"
_ACROSS_YEARS = "((d.month, d.day) >= (:am, :ad) OR (d.month, d.day) <= (:bm, :bd))"
_RARE = "(d.recurrence = 'once' AND d.year BETWEEN :y AND :y2) OR (d.recurrence = 'yearly' AND d.month = 2 AND d.day = 29)"  # noqa: E501

_FOLLOW_UPS = text("""
SELECT f.id, f.title, f.due_date, f.rrule, f.completed_through, f.snoozed_until,
       c.id, c.display_name
  FROM follow_ups f JOIN contacts c ON c.id = f.contact_id AND c.archived = 0
 WHERE f.done_at IS NULL AND (f.rrule <> '' OR f.due_date <= :end)
""")

# Keep-in-touch due days of everyone with a cadence (nurture.services.cadence has the rule).
_GOING_COLD = """
SELECT id, display_name, {due} AS due
  FROM (SELECT c.id, c.display_name, c.last_interaction_at, c.created_at,
               {cadence} AS cadence
          FROM (SELECT DISTINCT id FROM ({candidates})) may CROSS JOIN contacts c ON c.id = may.id
         WHERE c.is_light = 0 AND c.archived = 0)
 WHERE cadence IS NOT NULL AND due <= :end {since}
"""
_NOUN_OF = {
    RelationshipKind.SPOUSE: "spouse",
    RelationshipKind.CHILD: "child",
    RelationshipKind.PARENT: "parent",
    RelationshipKind.ASSISTANT: "assistant",
    RelationshipKind.MANAGER: "manager",
    RelationshipKind.BUSINESS_PARTNER: "partner",
    RelationshipKind.COLLEAGUE: "colleague",
    RelationshipKind.COMPETITOR: "competitor",
    RelationshipKind.FRIEND: "friend",
    RelationshipKind.CUSTOM: "relative",
}
# What the relative is to the main contact, by the stored kind and the side it was recorded from.
_NOUNS = {
    (kind.value, inverted): _NOUN_OF[kind.inverse if inverted else kind]
    for kind in RelationshipKind
    for inverted in (False, True)
}
_KINDS = {kind.value: kind for kind in OccurrenceKind}


def _order(occurrence: Occurrence) -> tuple[date, int, str]:
    return occurrence.day, KIND_ORDER[occurrence.kind], occurrence.contact


def holiday_id(key: str) -> int:
    """A stable id for a holiday, so its reminders have a key like any other source."""
    return zlib.crc32(key.encode()) & 0x7FFFFFFF


class AgendaService:
    def __init__(
        self, database: Database, settings: SettingsService, clock: Callable[[], datetime]
    ) -> None:
        self._db = database
        self._settings = settings
        self._clock = clock

    def between(
        self, start: date, end: date, today: date | None = None, going_cold: bool = True
    ) -> list[Occurrence]:
        """Every occurrence in [start, end], by day. When the window holds `today`, overdue
        follow-ups and people already gone cold are listed on today. `going_cold=False` leaves
        keep-in-touch out (the day's plan spreads it over working days itself)."""
        if end < start:
            return []
        settings = self._settings.get()
        overdue_on = today if today is not None and start <= today <= end else None
        found: list[Occurrence] = []
        with self._db.read() as session:
            low = start
            while low <= end:
                high = min(end, low + timedelta(days=_SLICE_DAYS - 1))
                found.extend(_yearly_dates(session, low, high))
                low = high + timedelta(days=1)
            found.extend(_rare_dates(session, start, end, settings.leap_day_policy))
            found.extend(_follow_ups(session, start, end, overdue_on))
            if going_cold:
                found.extend(_going_cold(session, start, end, overdue_on, settings, self._clock()))
        found.extend(_holidays(start, end, settings))
        found.sort(key=_order)
        return found


def _owners(session: Session, light_ids: set[int]) -> dict[int, tuple[int, str, str] | None]:
    """For each relative: (main contact id, its name, what the relative is to it); None when
    every main contact it belongs to is archived (the family goes with the client)."""
    owners: dict[int, tuple[int, str, str] | None] = {}
    rows = raw_rows(session, _OWNERS, {"ids": json.dumps(sorted(light_ids))})
    for light_id, main_id, main_name, kind, inverted, archived in rows:
        if archived:
            owners.setdefault(light_id, None)
        elif owners.get(light_id) is None:
            owners[light_id] = (main_id, main_name, _NOUNS[kind, bool(inverted)])
    return owners


def _rows(session: Session, day_sql: str, where: str, params: dict[str, Any]) -> Iterator[Any]:
    """Date rows with whom they are about: (row, owner id, owner name, who)."""
    rows = raw_rows(session, _DATE_ROWS.format(day=day_sql, where=where), params)
    owners = _owners(session, {row[9] for row in rows if row[12]})
    for row in rows:
        cid, name = row[9], row[10]
        owner = owners.get(cid, ()) if row[12] else ()
        if owner is None:
            continue  # a relative of archived contacts only
        if not owner:
            yield row, cid, name, name
        else:
            yield row, owner[0], owner[1], f"{name} ({owner[1]}'s {owner[2]})"


def _yearly_dates(session: Session, start: date, end: date) -> Iterator[Occurrence]:
    """Yearly dates (but Feb 29) in a window of at most a year, their day computed in SQL."""
    window = _SAME_YEAR if start.year == end.year else _ACROSS_YEARS
    params = {
        "a": start.month * 100 + start.day,
        "am": start.month,
        "ad": start.day,
        "bm": end.month,
        "bd": end.day,
        "y": start.year,
    }
    for row, owner_id, owner, who in _rows(session, _YEARLY_DAY, _YEARLY + window, params):
        day = date.fromisoformat(row[0])
        year = row[1]
        years = day.year - year if year is not None and day.year > year else None
        detail = row[11] if row[2] == "work_anniversary" else row[3]
        yield Occurrence(
            day,
            _KINDS[row[2]],
            owner_id,
            owner,
            who,
            years,
            Source.DATE,
            row[5],
            day,
            row[4],
            False,
            detail,
        )


def _rare_dates(
    session: Session, start: date, end: date, policy: LeapDayPolicy
) -> Iterator[Occurrence]:
    """One-off and month-only dates, and Feb 29 yearly dates (placed by the leap-day policy)."""
    params = {"y": start.year, "y2": end.year}
    for row, owner_id, owner, who in _rows(session, "NULL", _RARE, params):
        year, kind, label, lead, date_id, month, day, recurrence = row[1:9]
        detail = row[11] if kind == "work_anniversary" else label
        if recurrence == "once":
            when = once_between(year, month, day, start, end)
            if when is not None:
                due = when if day is not None else date(year, month, 1)
                yield Occurrence(
                    when,
                    _KINDS[kind],
                    owner_id,
                    owner,
                    who,
                    None,
                    Source.DATE,
                    date_id,
                    due,
                    lead,
                    day is None,
                    detail,
                )
            continue
        for when in yearly_between(month, day, start, end, policy):
            if year is not None and when.year < year:
                continue  # not before the year it started
            yield Occurrence(
                when,
                _KINDS[kind],
                owner_id,
                owner,
                who,
                years_since(year, when),
                Source.DATE,
                date_id,
                when,
                lead,
                False,
                detail,
            )


def _follow_ups(
    session: Session, start: date, end: date, overdue_on: date | None
) -> Iterator[Occurrence]:
    """Each open follow-up's due dates in the window. Dates already past when the window holds
    today, or before the day the follow-up was pushed to, are gathered into one item on that
    day (today, or the pushed-to day), due at the earliest of them."""
    for fid, title, anchor_text, rule, completed_text, pushed_text, cid, name in session.execute(
        _FOLLOW_UPS, {"end": end}
    ):
        anchor = date.fromisoformat(anchor_text)
        completed, pushed = _day(completed_text), _day(pushed_text)
        gather_on = max(filter(None, (overdue_on, pushed)), default=None)
        low = start
        if gather_on is not None:
            before = gather_on - timedelta(days=1)
            late = follow_up_dates(anchor, rule, anchor, before, completed)
            if late and start <= gather_on <= end:
                yield Occurrence(
                    gather_on,
                    OccurrenceKind.FOLLOW_UP,
                    cid,
                    name,
                    name,
                    None,
                    Source.FOLLOW_UP,
                    fid,
                    late[0],
                    None,
                    False,
                    title,
                )
            low = max(start, gather_on)
        for when in follow_up_dates(anchor, rule, low, end, completed):
            yield Occurrence(
                when,
                OccurrenceKind.FOLLOW_UP,
                cid,
                name,
                name,
                None,
                Source.FOLLOW_UP,
                fid,
                when,
                None,
                False,
                title,
            )


def _going_cold(
    session: Session,
    start: date,
    end: date,
    overdue_on: date | None,
    settings: Settings,
    now: datetime,
) -> Iterator[Occurrence]:
    cadence, params = cadence_sql(session, settings, "c")
    params.update(end=end.isoformat(), by=end.isoformat(), since=start.isoformat())
    params["offset"] = offset_parameter(utc_offset(settings.time_zone, now))
    overdue_too = overdue_on is not None
    since = "" if overdue_too else "AND due >= :since"
    due_sql = due_day_sql("last_interaction_at", "created_at", "cadence")
    candidates = due_candidates_sql(session, settings, since=not overdue_too)
    sql = _GOING_COLD.format(cadence=cadence, since=since, due=due_sql, candidates=candidates)
    for cid, name, due_text in raw_rows(session, sql, params):
        due = date.fromisoformat(due_text)
        day = due if due >= start or overdue_on is None else overdue_on
        yield Occurrence(
            day, OccurrenceKind.KEEP_IN_TOUCH, cid, name, name, None, Source.KEEP_IN_TOUCH, cid, due
        )


def _day(value: str | None) -> date | None:
    """A Date column read by raw SQL (ISO text)."""
    return None if value is None else date.fromisoformat(value)


def _holidays(start: date, end: date, settings: Settings) -> Iterator[Occurrence]:
    lead = timedelta(days=settings.gift_lead_days)
    for gift_day in gift_days(settings.gift_holidays, settings.holiday_country, start, end + lead):
        source_id = holiday_id(gift_day.key)
        if start <= gift_day.day <= end:
            yield Occurrence(
                gift_day.day,
                OccurrenceKind.HOLIDAY,
                None,
                "",
                gift_day.name,
                None,
                Source.HOLIDAY,
                source_id,
                gift_day.day,
            )
        buy_by = gift_day.day - lead
        if lead and start <= buy_by <= end:
            yield Occurrence(
                buy_by,
                OccurrenceKind.GIFT_DEADLINE,
                None,
                "",
                gift_day.name,
                None,
                Source.GIFT_DEADLINE,
                source_id,
                buy_by,
                None,
                False,
                f"{gift_day.day:%B} {gift_day.day.day}",
            )
