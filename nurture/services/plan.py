"""Today's plan — follow-ups due, occasions of the people who matter (their family's folded into
their row), then keep-in-touch spread over working days (`nurture.calendar.workload`) — and the
pre-call brief. What the user already dealt with (done, dismissed, snoozed) stays off."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from nurture.calendar.keep_in_touch import local_day
from nurture.calendar.timing import at_local
from nurture.calendar.workload import EARLY_SHARE, Due, spread, working_day
from nurture.db.engine import Database
from nurture.db.people import Contact
from nurture.db.touches import PlanSkip
from nurture.domain.dto import ContactRef
from nurture.domain.enums import Area
from nurture.domain.occurrence import Occurrence, OccurrenceKind, Source
from nurture.domain.plan import Brief, DayPlan, PlanRow, Reason, Section, brief_of, last_touch_words
from nurture.domain.vocabulary import tier_rank
from nurture.errors import NotFoundError
from nurture.humanize import ago, plural
from nurture.services.agenda import AgendaService
from nurture.services.cadence import (
    cadence_sql,
    due_candidates_sql,
    due_day_sql,
    offset_parameter,
    per_day_sql,
    utc_offset,
)
from nurture.services.contacts import ContactsService
from nurture.services.insights import InsightsService
from nurture.services.reminders import ReminderService, snooze_within
from nurture.services.settings import SettingsService
from nurture.services.unit_of_work import Outcome, raw_rows, unit_of_work

# Occasions are planned this many days ahead: time to call, or to send something.
OCCASION_DAYS = 7
RECONNECT_A_WEEK = 5
_OCCASIONS = frozenset(
    {
        OccurrenceKind.BIRTHDAY,
        OccurrenceKind.ANNIVERSARY,
        OccurrenceKind.GRADUATION,
        OccurrenceKind.WORK_ANNIVERSARY,
        OccurrenceKind.CUSTOM,
    }
)
# Who can matter to the day's list and the backlog: the overdue (always planned before anyone
# else, so nobody else moves their days), whoever may be planned by the day (a quarter of a
# cadence early), and who was touched on it — read among the candidates the indexes find.
_DUES = f"""
SELECT id, tier, cadence, due, last_day
  FROM (SELECT id, tier, cadence, {{due}} AS due, date(last_interaction_at, :offset) AS last_day
          FROM (SELECT c.id, c.tier, c.last_interaction_at, c.created_at, {{cadence}} AS cadence
                  FROM (SELECT id FROM ({{candidates}}) UNION SELECT c.id FROM contacts c
                         WHERE c.last_interaction_at >= date(:day, '-1 days')) may
                 CROSS JOIN contacts c ON c.id = may.id
                 WHERE c.is_light = 0 AND c.archived = 0)
         WHERE cadence IS NOT NULL)
 WHERE due < :touch OR last_day = :day
    OR date(due, '-' || (cadence / {EARLY_SHARE}) || ' days') <= :touch
"""
# Campaign gifts still to buy or ship by a day soon (or already past): the plan's to-dos.
_GIFT_TASKS = """
SELECT g.id, g.contact_id, c.display_name, g.description, k.name, 'buy', g.buy_by
  FROM gifts g JOIN contacts c ON c.id = g.contact_id JOIN campaigns k ON k.id = g.campaign_id
 WHERE g.buy_by <= :soon AND g.status = 'idea'
UNION ALL
SELECT g.id, g.contact_id, c.display_name, g.description, k.name, 'ship', g.ship_by
  FROM gifts g JOIN contacts c ON c.id = g.contact_id JOIN campaigns k ON k.id = g.campaign_id
 WHERE g.ship_by <= :soon AND g.status IN ('idea', 'bought')
"""
GIFT_TASK_DAYS = 3  # a gift to buy or ship shows this many days ahead
# Who matters enough for their occasions to be on the plan: a tier, a star or a cadence.
_MATTERS = """
SELECT c.id FROM contacts c
 WHERE c.id IN ({ids}) AND (c.tier <> '' OR c.starred OR c.keep_in_touch_days IS NOT NULL)
"""
_ROWS = """
SELECT c.id, c.display_name, c.organization, c.tier,
       (SELECT group_concat(t.name, char(31)) FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id
         WHERE ct.contact_id = c.id),
       (SELECT p.raw || char(31) || coalesce(nullif(p.e164, ''), p.raw) FROM phones p
         WHERE p.contact_id = c.id ORDER BY p.is_primary DESC, p.position LIMIT 1),
       (SELECT e.address FROM emails e WHERE e.contact_id = c.id
         ORDER BY e.is_primary DESC, e.position LIMIT 1),
       (SELECT w.url FROM web_links w WHERE w.contact_id = c.id
         ORDER BY w.kind = 'website', w.is_primary DESC, w.position LIMIT 1),
       (SELECT i.kind || char(31) || i.occurred_at || char(31) || coalesce(nullif(i.title, ''),
               substr(i.notes, 1, 80))
          FROM interaction_participants ip JOIN interactions i ON i.id = ip.interaction_id
         WHERE ip.contact_id = c.id ORDER BY i.occurred_at DESC LIMIT 1)
  FROM contacts c WHERE c.id IN ({ids})
"""
# A relative's date: their first name and what they like most, for "Claire's birthday Fri —
# Robert's wife, likes dark chocolate".
_RELATIVES = """
SELECT d.id, c.given_name, c.display_name,
       (SELECT p.item FROM preferences p WHERE p.contact_id = c.id AND p.likes
         ORDER BY p.id LIMIT 1)
  FROM important_dates d JOIN contacts c ON c.id = d.contact_id
 WHERE d.id IN ({ids}) AND c.is_light
"""


class PlanService:
    def __init__(
        self,
        database: Database,
        settings: SettingsService,
        agenda: AgendaService,
        reminders: ReminderService,
        contacts: ContactsService,
        insights: InsightsService,
        clock: Callable[[], datetime],
    ) -> None:
        self._db = database
        self._settings = settings
        self._agenda = agenda
        self._reminders = reminders
        self._contacts = contacts
        self._insights = insights
        self._clock = clock

    def plan(self, now: datetime | None = None, day: date | None = None) -> DayPlan:
        """The plan for `day` (default: today where the user is)."""
        now = now or self._clock()
        settings = self._settings.get()
        offset = utc_offset(settings.time_zone, now)
        today = local_day(now, offset)
        day = day or today
        settled = self._reminders.settled(now)
        found = [
            o
            for o in self._agenda.between(
                day, day + timedelta(days=OCCASION_DAYS - 1), day, going_cold=False
            )
            if o.key not in settled and o.contact_id is not None
        ]
        follow_ups = sorted(
            (o for o in found if o.kind is OccurrenceKind.FOLLOW_UP and o.day == day),
            key=lambda o: (o.due, o.contact),
        )
        occasions = [o for o in found if o.kind in _OCCASIONS]
        with self._db.read() as session:
            matters = _matters(session, {o.contact_id for o in occasions if o.contact_id})
            occasions = [o for o in occasions if o.contact_id in matters]
            relatives = _relatives(session, [o for o in occasions if o.contact_id])
            gift_tasks = _gift_tasks(session, day)
            touch_day = working_day(day)
            people, touched_today, per_day = _dues(session, settings, now, day, touch_day)
        chosen = settings.daily_touches
        if touch_day != day:  # a day off plans the next working day's touches
            touched_today = []
        planned = spread(people, touch_day, 1, chosen or None, asked=per_day)
        share_left = max(0, planned.per_day - len(touched_today))
        keep = planned.days.get(touch_day, [])[:share_left]
        reasons: dict[int, list[Reason]] = defaultdict(list)
        for o in follow_ups:
            reasons[_id(o)].append(Reason(Section.FOLLOW_UPS, _follow_up_words(o), o))
        for o, campaign in gift_tasks:
            if o.key not in settled:
                words = _gift_words(o, day, campaign)
                reasons[_id(o)].append(Reason(Section.FOLLOW_UPS, words, o))
        for o in sorted(occasions, key=lambda o: (o.day, o.contact)):
            words = _occasion_words(o, day, relatives.get(o.source_id))
            reasons[_id(o)].append(Reason(Section.OCCASIONS, words, o))
        for person in keep:
            reasons[person.contact_id].append(
                Reason(
                    Section.KEEP_IN_TOUCH,
                    _keep_in_touch_words(person, touch_day),
                    _touch(person.contact_id, person.due, day),
                )
            )
        # Reconnect: a few a week, the same people all week until touched or put off.
        suggested = self._insights.reconnect(now, RECONNECT_A_WEEK + len(reasons), day)
        fresh = [r for r in suggested if r.contact.id not in reasons][:RECONNECT_A_WEEK]
        for r in fresh:
            last = ago(r.last_interaction_at, now)
            words = f"reconnect: {r.reason} · {plural(r.talks, 'talk')}, last {last}"
            touch = _touch(r.contact.id, day, day)
            reasons[r.contact.id].append(Reason(Section.RECONNECT, words, touch))
        done = [cid for cid in touched_today if cid not in reasons]
        order = list(reasons)
        with self._db.read() as session:
            details = _details(session, [*order, *done], now)
        rows = [
            _row(
                details[cid],
                tuple(sorted(reasons[cid], key=lambda r: list(Section).index(r.section))),
            )
            for cid in order
            if cid in details
        ]
        rows.sort(key=lambda r: list(Section).index(r.section))  # stable: each section's order
        rows.extend(
            _row(details[cid], (Reason(Section.KEEP_IN_TOUCH, "touched today"),), done=True)
            for cid in done
            if cid in details
        )
        return DayPlan(
            day,
            tuple(rows),
            planned.per_day,
            planned.automatic,
            chosen,
            planned.backlog,
            planned.backlog_done,
            touch_day,
        )

    def brief(self, contact_id: int) -> Brief:
        return brief_of(self._contacts.card(contact_id))

    def skip(
        self, contact_id: int, until: date | None = None, reasons: Sequence[Reason] = ()
    ) -> Outcome[date]:
        """Keep someone off the plan until a later day (the next working day after the one
        planned, by default): their
        keep-in-touch skipped, the row's follow-ups and occasions snoozed to that morning, as
        one step. They come back then, never lost."""
        settings = self._settings.get()
        now = self._clock()
        today = local_day(now, utc_offset(settings.time_zone, now))
        # The working day after the one being planned (on a day off, the plan is Monday's).
        next_working_day = working_day(working_day(today) + timedelta(days=1))
        until = until or next_working_day
        label = (
            "Skip for today" if until == next_working_day else f"Put off to {until:%b} {until.day}"
        )
        snoozed = [
            r.occurrence for r in reasons if r.occurrence and r.section is not Section.KEEP_IN_TOUCH
        ]
        with unit_of_work(self._db, label) as work:
            if work.session.get(Contact, contact_id) is None:
                raise NotFoundError(f"There is no contact with id {contact_id}.")
            work.session.merge(PlanSkip(contact_id=contact_id, until=until))
            morning = at_local(until, settings.digest_clock, settings.time_zone)
            snooze_within(work, snoozed, morning)
            work.touch(Area.CONTACTS, contact_id)
        return Outcome(until, work.changes)


def _touch(contact_id: int, due: date, day: date) -> Occurrence:
    """A keep-in-touch (or reconnect) reason as the reminders know it, so Done logs the touch
    like anywhere."""
    kind, source = OccurrenceKind.KEEP_IN_TOUCH, Source.KEEP_IN_TOUCH
    return Occurrence(day, kind, contact_id, "", "", None, source, contact_id, due)


def _id(o: Occurrence) -> int:
    assert o.contact_id is not None
    return o.contact_id


def _in(ids: Iterable[int]) -> str:
    return ",".join(str(int(i)) for i in ids) or "NULL"


def _matters(session: Session, ids: set[int]) -> set[int]:
    return {row[0] for row in raw_rows(session, _MATTERS.format(ids=_in(ids)))}


def _relatives(session: Session, occasions: list[Occurrence]) -> dict[int, tuple[str, str]]:
    """For a relative's date: (their first name, what they like)."""
    ids = [o.source_id for o in occasions if o.who != o.contact]
    rows = raw_rows(session, _RELATIVES.format(ids=_in(ids)))
    return {date_id: (given or name, liked or "") for date_id, given, name, liked in rows}


def _dues(
    session: Session, settings: Any, now: datetime, day: date, touch_day: date
) -> tuple[list[Due], list[int], float]:
    """Who the workload needs for `touch_day` (see _DUES), who was touched on `day`, and the
    people a calendar day everyone's cadence asks for."""
    cadence, params = cadence_sql(session, settings, "c")
    params["offset"] = offset_parameter(utc_offset(settings.time_zone, now))
    params.update(day=day.isoformat(), touch=touch_day.isoformat(), by=touch_day.isoformat())
    due_sql = due_day_sql("last_interaction_at", "created_at", "cadence")
    candidates = due_candidates_sql(session, settings, early_share=EARLY_SHARE)
    rows = raw_rows(
        session, _DUES.format(cadence=cadence, due=due_sql, candidates=candidates), params
    )
    total_sql, total_params = per_day_sql(session, settings)
    per_day = float(raw_rows(session, total_sql, total_params)[0][0])
    skips = {
        cid: date.fromisoformat(until)
        for cid, until in raw_rows(
            session,
            "SELECT contact_id, until FROM plan_skips WHERE until > :day",
            {"day": str(day)},
        )
    }
    ranks = {tier: i for i, tier in enumerate(sorted(settings.tier_cadence, key=tier_rank))}
    people: list[Due] = []
    touched: list[int] = []
    day_text = day.isoformat()
    for cid, tier, days, due_text, last_day in rows:
        if last_day == day_text:
            touched.append(cid)
            continue
        people.append(
            Due(
                cid,
                date.fromisoformat(due_text),
                int(days),
                ranks.get(tier, len(ranks)),
                skips.get(cid),
            )
        )
    return people, touched, per_day


def _details(session: Session, ids: list[int], now: datetime) -> dict[int, tuple[Any, ...]]:
    found: dict[int, tuple[Any, ...]] = {}
    for start in range(0, len(ids), 500):
        for row in raw_rows(session, _ROWS.format(ids=_in(ids[start : start + 500]))):
            last = ""
            if row[8]:
                kind, when, title = row[8].split("\x1f")
                last = last_touch_words(kind, datetime.fromisoformat(when), title, now)
            found[row[0]] = (*row[:8], last)
    return found


def _row(detail: tuple[Any, ...], reasons: tuple[Reason, ...], done: bool = False) -> PlanRow:
    cid, name, company, tier, tags, phone, email, profile, last = detail
    written, _, dial = (phone or "").partition("\x1f")
    return PlanRow(
        ContactRef(cid, name),
        company,
        tier,
        tuple(tags.split("\x1f")) if tags else (),
        reasons,
        last,
        written,
        dial,
        email or "",
        profile or "",
        done,
    )


def _when(day: date, today: date) -> str:
    days = (day - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    return f"{day:%a}"


def _follow_up_words(o: Occurrence) -> str:
    what = f"follow-up: {o.detail}" if o.detail else "follow-up"
    late = o.overdue_days
    return what + (f" (due {plural(late, 'day')} ago)" if late > 0 else "")


def _occasion_words(o: Occurrence, today: date, relative: tuple[str, str] | None) -> str:
    kind = o.kind.value.replace("_", " ")
    when = _when(o.day, today)
    if relative is None:
        years = (
            f" ({'turns' if o.kind is OccurrenceKind.BIRTHDAY else 'marks'} {o.years})"
            if o.years
            else ""
        )
        return f"{kind} {when}{years}"
    first, liked = relative
    # o.who is "Claire Smith (Robert Smith's spouse)": keep what they are to the client.
    _name, _, relation = o.who.partition(" (")
    words = f"{first}'s {kind} {when}"
    if relation:
        words += f" — {relation.rstrip(')')}"
    if liked:
        words += f", likes {liked}"
    return words


def _gift_tasks(session: Session, day: date) -> list[tuple[Occurrence, str]]:
    """Each campaign gift to buy or ship soon, as an occurrence Done and Snooze understand."""
    soon = day + timedelta(days=GIFT_TASK_DAYS)
    found = []
    for gid, cid, name, what, campaign, step, by in raw_rows(
        session, _GIFT_TASKS, {"soon": soon.isoformat()}
    ):
        due = date.fromisoformat(by)
        o = Occurrence(
            max(day, due), OccurrenceKind.GIFT_DEADLINE, cid, name, what, None, Source.GIFT,
            gid, due, None, False, step,
        )  # fmt: skip
        found.append((o, campaign))
    return found


def _gift_words(o: Occurrence, today: date, campaign: str) -> str:
    """'gift: buy Dalwhinnie 15 by Thu (Christmas 2026)'; past the day, 'was due Mon'."""
    when = f"was due {_when(o.due, today)}" if o.due < today else f"by {_when(o.due, today)}"
    return f"gift: {o.detail} {o.who} {when} ({campaign})"


def _keep_in_touch_words(person: Due, today: date) -> str:
    late = (today - person.due).days
    every = f"every {plural(person.cadence, 'day')}"
    if late > 0:
        return f"overdue {plural(late, 'day')}, {every}"
    if late == 0:
        return f"due today, {every}"
    return f"due in {plural(-late, 'day')}, {every}"
