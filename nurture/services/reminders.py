"""The reminder engine: what fires now, exactly once, and what the user did with it.

Reminder state lives in the database, one row per (source, source id, due day): when it fired,
until when it is snoozed, whether it was dismissed or done. `due(now)` recomputes the occurrences
around today and finds those whose fire time has come and that have no state saying otherwise;
a backlog (the laptop was closed) comes back as one digest. The window marks them fired only once
a notifier has shown them (`fired`); the command line marks them as it prints them.

A clock that ran ahead and came back: a reminder marked fired at a time that has not come yet
is due again on its real day, and a last check "in the future" counts as none.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.dialects.sqlite import insert

from nurture.calendar.timing import at_local, local_day
from nurture.db.bookkeeping import ReminderState, Setting
from nurture.db.engine import Database
from nurture.db.gifts import Gift
from nurture.db.people import ImportantDate
from nurture.domain.enums import Area, GiftStatus, InteractionKind
from nurture.domain.occurrence import Occurrence, OccurrenceKind, Source
from nurture.errors import ValidationError
from nurture.services.agenda import AgendaService
from nurture.services.interactions import record_interaction
from nurture.services.records import complete_follow_up
from nurture.services.settings import Settings, SettingsService
from nurture.services.unit_of_work import Changes, Outcome, UnitOfWork, unit_of_work

# Occasions missed while the app was closed are caught up for this long; older ones are history.
CATCH_UP_DAYS = 30
# This many reminders at once (or any that were missed) are delivered as one digest.
DIGEST_FROM = 3
# A reminder this late (more than a tick or two) was missed, not just delivered on the tick.
_SLACK = timedelta(minutes=5)
_CHECKED_AT = "reminder_engine.checked_at"
# Things to act on stay due until acted on, however long ago they fell due.
_ACTIONABLE = frozenset({Source.FOLLOW_UP, Source.KEEP_IN_TOUCH})
_NOUNS = {
    OccurrenceKind.BIRTHDAY: ("birthday", "birthdays"),
    OccurrenceKind.ANNIVERSARY: ("anniversary", "anniversaries"),
    OccurrenceKind.GRADUATION: ("graduation", "graduations"),
    OccurrenceKind.WORK_ANNIVERSARY: ("work anniversary", "work anniversaries"),
    OccurrenceKind.CUSTOM: ("date", "dates"),
    OccurrenceKind.FOLLOW_UP: ("follow-up", "follow-ups"),
    OccurrenceKind.KEEP_IN_TOUCH: ("person to get in touch with", "people to get in touch with"),
    OccurrenceKind.HOLIDAY: ("holiday", "holidays"),
    OccurrenceKind.GIFT_DEADLINE: ("gift to buy", "gifts to buy"),
}

Key = tuple[str, int, date]


@dataclass(frozen=True, slots=True)
class Reminder:
    occurrence: Occurrence
    fire_at: datetime


@dataclass(frozen=True, slots=True)
class DueReminders:
    reminders: tuple[Reminder, ...]
    digest: bool
    missed: bool  # some should have fired while the app was not running

    @property
    def summary(self) -> str:
        """'While you were away: 3 birthdays, 2 follow-ups' or '1 birthday'."""
        counts = Counter(r.occurrence.kind for r in self.reminders)
        parts = [
            f"{n} {_NOUNS[kind][0 if n == 1 else 1]}"
            for kind, n in sorted(counts.items(), key=lambda item: -item[1])
        ]
        text = ", ".join(parts)
        return f"While you were away: {text}" if self.missed else text


class ReminderService:
    def __init__(
        self, database: Database, agenda: AgendaService, settings: SettingsService
    ) -> None:
        self._db = database
        self._agenda = agenda
        self._settings = settings

    def fire_time(self, occurrence: Occurrence, settings: Settings) -> datetime:
        """The digest time on (due day - lead time), local; a month-only date on its 1st."""
        lead = (
            0
            if occurrence.whole_month
            else settings.lead_for(occurrence.kind.value, occurrence.lead_days)
        )
        day = occurrence.due - timedelta(days=lead)
        return at_local(day, settings.digest_clock, settings.time_zone)

    def due(self, now: datetime, dry_run: bool = False) -> Outcome[DueReminders]:
        """What must fire at `now`; marked fired (so never again) unless `dry_run`."""
        _aware(now)
        settings = self._settings.get()
        today = local_day(now, settings.time_zone)
        checked = self._checked_at()
        if checked is not None and checked > now + _SLACK:  # the clock was ahead then
            checked = None
        # A first run fires today's reminders, not the history of the last weeks.
        floor = max(checked or now - timedelta(days=1), now - timedelta(days=CATCH_UP_DAYS))
        start = min(local_day(floor, settings.time_zone), today)
        # A snooze can outlast the occasion's own day: look back far enough to find it again.
        start = min(start, self._snoozed_since(now) or start)
        occurrences = self._agenda.between(
            start, today + timedelta(days=self._longest_lead(settings)), today
        )
        states = self._states(occurrences)
        found: list[Reminder] = []
        for occurrence in occurrences:
            fire_at = self.fire_time(occurrence, settings)
            state = states.get(occurrence.key)
            if state is not None:
                fired = state.fired_at is not None and state.fired_at <= now + _SLACK
                if fired or state.dismissed_at or state.done_at:
                    continue
                if state.snoozed_until is not None:
                    fire_at = state.snoozed_until
            elif (
                fire_at < floor and occurrence.source not in _ACTIONABLE and occurrence.due < today
            ):
                continue  # came and went before the catch-up window: history, not news
            if fire_at <= now:
                found.append(Reminder(occurrence, fire_at))
        # Missed: due to fire after the last check but well before now (nobody was running).
        missed = checked is not None and any(checked < r.fire_at < now - _SLACK for r in found)
        result = DueReminders(tuple(found), len(found) >= DIGEST_FROM or missed, missed)
        if dry_run:
            return Outcome(result, Changes())
        return Outcome(result, self.fired(found, now).changes)

    def fired(
        self, reminders: Sequence[Reminder], now: datetime, wait: bool = True
    ) -> Outcome[None]:
        """These were shown at `now` (never again), and the engine checked at `now`. The
        window's tick does not `wait` for another program's long write: it tries next tick."""
        with unit_of_work(self._db, None, wait) as work:
            _upsert(work, [(r.occurrence.key, r.fire_at) for r in reminders], fired_at=now)
            work.session.merge(Setting(key=_CHECKED_AT, value=now.astimezone(UTC).isoformat()))
            work.touch(Area.REMINDERS)
        return Outcome(None, work.changes)

    def snooze(self, occurrence: Occurrence, until: datetime) -> Outcome[None]:
        """Hide it until `until`; then it fires again."""
        return self.snooze_all([occurrence], until)

    def snooze_all(self, occurrences: Sequence[Occurrence], until: datetime) -> Outcome[None]:
        """Hide them all until `until`, as one step (one Undo brings them all back)."""
        _aware(until)
        label = "Snooze" if len(occurrences) == 1 else f"Snooze {len(occurrences)} reminders"
        with unit_of_work(self._db, label) as work:
            snooze_within(work, occurrences, until)
        return Outcome(None, work.changes)

    def snooze_choices(self, now: datetime) -> dict[str, datetime]:
        """'1 hour', 'Tomorrow' and 'Next week' (at the digest time) from `now`."""
        settings = self._settings.get()
        today = local_day(now, settings.time_zone)
        clock, zone_name = settings.digest_clock, settings.time_zone
        return {
            "1 hour": now + timedelta(hours=1),
            "Tomorrow": at_local(today + timedelta(days=1), clock, zone_name),
            "Next week": at_local(today + timedelta(days=7), clock, zone_name),
        }

    def dismiss(self, occurrence: Occurrence, now: datetime) -> Outcome[None]:
        with unit_of_work(self._db, "Dismiss") as work:
            _upsert(work, [(occurrence.key, now)], dismissed_at=now)
            work.touch(Area.REMINDERS, *_contact(occurrence))
        return Outcome(None, work.changes)

    def done(
        self, occurrence: Occurrence, now: datetime, kind: InteractionKind = InteractionKind.CALL
    ) -> Outcome[None]:
        """Done: a follow-up's occurrence is completed; a keep-in-touch logs the touch (`kind`)."""
        return self.done_all([occurrence], now, kind)

    def done_all(
        self,
        occurrences: Sequence[Occurrence],
        now: datetime,
        kind: InteractionKind = InteractionKind.CALL,
    ) -> Outcome[None]:
        """Every reason on a plan row done at once: one step, one Undo."""
        with unit_of_work(self._db, "Done") as work:
            for occurrence in occurrences:
                _upsert(work, [(occurrence.key, now)], done_at=now)
                if occurrence.source is Source.FOLLOW_UP:
                    # An overdue item gathers every missed date before the day it shows on.
                    through = max(occurrence.due, occurrence.day - timedelta(days=1))
                    complete_follow_up(work, occurrence.source_id, through, now)
                elif occurrence.source is Source.KEEP_IN_TOUCH:
                    record_interaction(
                        work, kind, [occurrence.source_id], now, notes="Kept in touch"
                    )
                elif occurrence.source is Source.GIFT:
                    _gift_done(work, occurrence)
                work.touch(Area.REMINDERS, *_contact(occurrence))
        return Outcome(None, work.changes)

    def settled(self, now: datetime) -> set[Key]:
        """Keys the user has dealt with: done, dismissed, or snoozed past `now`."""
        with self._db.read() as session:
            rows = session.execute(
                select(
                    ReminderState.source_kind, ReminderState.source_id, ReminderState.occurs_on
                ).where(
                    (ReminderState.done_at.is_not(None))
                    | (ReminderState.dismissed_at.is_not(None))
                    | (ReminderState.snoozed_until > now)
                )
            )
            return {(kind, source_id, day) for kind, source_id, day in rows}

    def _checked_at(self) -> datetime | None:
        with self._db.read() as session:
            value = session.get(Setting, _CHECKED_AT)
        return None if value is None else datetime.fromisoformat(value.value)

    def _snoozed_since(self, now: datetime) -> date | None:
        """The oldest occasion day among snoozes that have run out and not yet fired."""
        with self._db.read() as session:
            return session.scalar(
                select(func.min(ReminderState.occurs_on)).where(
                    ReminderState.snoozed_until <= now,
                    ReminderState.fired_at.is_(None),
                    ReminderState.done_at.is_(None),
                    ReminderState.dismissed_at.is_(None),
                )
            )

    def _longest_lead(self, settings: Settings) -> int:
        with self._db.read() as session:
            own = session.scalar(select(func.max(ImportantDate.lead_days))) or 0
        return max([own, settings.default_lead_days, *settings.lead_days.values()])

    def _states(self, occurrences: list[Occurrence]) -> dict[Key, ReminderState]:
        if not occurrences:
            return {}
        oldest = min(o.due for o in occurrences)
        with self._db.read() as session:
            rows = session.scalars(select(ReminderState).where(ReminderState.occurs_on >= oldest))
            return {(r.source_kind, r.source_id, r.occurs_on): r for r in rows}


def _aware(moment: datetime) -> None:
    if moment.tzinfo is None:
        raise ValidationError("A reminder time needs a time zone.")


# A campaign gift's to-do done: bought (by its buy-by day), or shipped (by its ship-by day).
_GIFT_STEPS = {"buy": (GiftStatus.IDEA,), "ship": (GiftStatus.IDEA, GiftStatus.BOUGHT)}
_GIFT_DONE = {"buy": GiftStatus.BOUGHT, "ship": GiftStatus.SHIPPED}


def _gift_done(work: UnitOfWork, occurrence: Occurrence) -> None:
    gift = work.session.get(Gift, occurrence.source_id)
    step = occurrence.detail
    if gift is not None and step in _GIFT_DONE and gift.status in _GIFT_STEPS[step]:
        gift.status = _GIFT_DONE[step].value
        work.touch(Area.GIFTS, gift.contact_id)


def snooze_within(work: UnitOfWork, occurrences: Sequence[Occurrence], until: datetime) -> None:
    """Hide these until `until`, inside a unit of work (a plan row's Snooze shares it)."""
    _upsert(work, [(o.key, until) for o in occurrences], snoozed_until=until, fired_at=None)
    for occurrence in occurrences:
        work.touch(Area.REMINDERS, *_contact(occurrence))


def _contact(occurrence: Occurrence) -> tuple[int, ...]:
    return () if occurrence.contact_id is None else (occurrence.contact_id,)


def _upsert(work: UnitOfWork, keys: list[tuple[Key, datetime]], **values: object) -> None:
    """Create or update the state rows of these reminders (`fire_at` is kept from the first)."""
    if not keys:
        return
    rows = [
        {
            "source_kind": kind,
            "source_id": source_id,
            "occurs_on": day,
            "fire_at": fire_at,
            **values,
        }
        for (kind, source_id, day), fire_at in keys
    ]
    statement = insert(ReminderState)
    work.session.execute(
        statement.on_conflict_do_update(
            index_elements=["source_kind", "source_id", "occurs_on"],
            set_={name: statement.excluded[name] for name in values},
        ),
        rows,
    )
