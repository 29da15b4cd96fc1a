"""Adding and removing the records kept on a contact: important dates, follow-ups, preferences
and gifts. Each is one row owned by one contact, so they share one small mechanism."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from sqlalchemy import delete
from sqlalchemy.orm import Session

from nurture.calendar.recurrence import next_follow_up
from nurture.db.base import Base
from nurture.db.engine import Database
from nurture.db.gifts import Gift, Preference
from nurture.db.people import Contact, ImportantDate
from nurture.db.touches import FollowUp
from nurture.domain.dates import PartialDate
from nurture.domain.enums import (
    Area,
    DateKind,
    GiftDirection,
    GiftStatus,
    PreferenceCategory,
    Recurrence,
)
from nurture.errors import NotFoundError, ValidationError
from nurture.services.unit_of_work import Outcome, UnitOfWork, unit_of_work


def check_rrule(rule: str, start: date) -> str:
    """The rule as stored, after dateutil confirms it parses (RFC 5545 RRULE, no DTSTART)."""
    from dateutil.rrule import rrulestr

    clean = rule.strip().removeprefix("RRULE:")
    if not clean:
        return ""
    try:
        recurrence = rrulestr(clean, dtstart=datetime.combine(start, datetime.min.time()))
        first = next(iter(recurrence), None)
    except (ValueError, TypeError) as error:
        raise ValidationError(f"'{rule}' is not a recurrence rule (like FREQ=MONTHLY).") from error
    if first is None:
        raise ValidationError(f"'{rule}' never happens; check its months and days.")
    return clean


def date_recurrence(
    kind: DateKind,
    when: PartialDate,
    recurrence: Recurrence | None = None,
    lead_days: int | None = None,
) -> Recurrence:
    """How a date comes back, checked: a month-only date ("graduates June 2027") and a
    graduation happen once; the rest come back yearly unless told otherwise."""
    if recurrence is None:
        once = when.day is None or kind is DateKind.GRADUATION
        recurrence = Recurrence.ONCE if once else Recurrence.YEARLY
    if recurrence is Recurrence.YEARLY and when.day is None:
        raise ValidationError("A date that comes back every year needs a day.")
    if recurrence is Recurrence.ONCE and when.year is None:
        raise ValidationError("A one-off date needs a year.")
    if lead_days is not None and lead_days < 0:
        raise ValidationError("The reminder lead time cannot be negative.")
    return recurrence


def important_date(
    contact_id: int,
    kind: DateKind,
    when: PartialDate,
    label: str = "",
    recurrence: Recurrence | None = None,
    lead_days: int | None = None,
) -> ImportantDate:
    """A checked, unsaved important date."""
    return ImportantDate(
        contact_id=contact_id,
        kind=str(DateKind(kind)),
        label=label.strip(),
        year=when.year,
        month=when.month,
        day=when.day,
        recurrence=str(date_recurrence(kind, when, recurrence, lead_days)),
        lead_days=lead_days,
    )


def complete_follow_up(
    work: UnitOfWork, follow_up_id: int, occurrence: date, now: datetime
) -> None:
    """Inside a unit of work: everything up to `occurrence` is done; with nothing after it
    (a one-off, or a rule that has run out), the follow-up is done."""
    follow_up = work.session.get(FollowUp, follow_up_id)
    if follow_up is None:
        raise NotFoundError("That follow-up no longer exists.")
    done_through = max(occurrence, follow_up.completed_through or occurrence)
    follow_up.completed_through = done_through
    if next_follow_up(follow_up.due_date, follow_up.rrule, done_through) is None:
        follow_up.done_at = now
    work.touch(Area.FOLLOW_UPS, follow_up.contact_id)


_NOUN = {
    Area.DATES: "a date",
    Area.FOLLOW_UPS: "a follow-up",
    Area.PREFERENCES: "a taste",
    Area.GIFTS: "a gift",
}


class RecordsService:
    def __init__(self, database: Database, clock: Callable[[], datetime]) -> None:
        self._db = database
        self._clock = clock

    def _add(self, area: Area, contact_id: int, record: Base) -> Outcome[int]:
        with unit_of_work(self._db, f"Add {_NOUN[area]}") as work:
            _require_contact(work.session, contact_id)
            work.session.add(record)
            work.session.flush()
            work.touch(area, contact_id)
        return Outcome(int(record.id), work.changes)  # type: ignore[attr-defined]

    def _remove(self, area: Area, model: type[Base], record_id: int) -> Outcome[None]:
        with unit_of_work(self._db, f"Delete {_NOUN[area]}") as work:
            record = work.session.get(model, record_id)
            if record is None:
                raise NotFoundError(f"That {area.value.rstrip('s')} no longer exists.")
            contact_id = int(record.contact_id)  # type: ignore[attr-defined]
            work.session.execute(delete(model).where(model.id == record_id))  # type: ignore[attr-defined]
            work.touch(area, contact_id)
        return Outcome(None, work.changes)

    def add_date(
        self,
        contact_id: int,
        kind: DateKind,
        when: PartialDate,
        label: str = "",
        recurrence: Recurrence | None = None,
        lead_days: int | None = None,
    ) -> Outcome[int]:
        record = important_date(contact_id, kind, when, label, recurrence, lead_days)
        return self._add(Area.DATES, contact_id, record)

    def remove_date(self, date_id: int) -> Outcome[None]:
        return self._remove(Area.DATES, ImportantDate, date_id)

    def add_follow_up(
        self, contact_id: int, due: date, title: str = "", rrule: str = "", notes: str = ""
    ) -> Outcome[int]:
        record = FollowUp(
            contact_id=contact_id,
            due_date=due,
            title=title.strip(),
            notes=notes.strip(),
            rrule=check_rrule(rrule, due),
        )
        return self._add(Area.FOLLOW_UPS, contact_id, record)

    def complete_follow_up(self, follow_up_id: int, occurrence: date) -> Outcome[None]:
        """Mark one occurrence done (a one-off follow-up is then done for good)."""
        with unit_of_work(self._db, "Mark a follow-up done") as work:
            complete_follow_up(work, follow_up_id, occurrence, self._clock())
        return Outcome(None, work.changes)

    def push_follow_up(self, follow_up_id: int, until: date) -> Outcome[None]:
        """Show the follow-up again from `until` (it keeps its due date)."""
        with unit_of_work(self._db, "Snooze a follow-up") as work:
            follow_up = work.session.get(FollowUp, follow_up_id)
            if follow_up is None:
                raise NotFoundError("That follow-up no longer exists.")
            follow_up.snoozed_until = until
            work.touch(Area.FOLLOW_UPS, follow_up.contact_id)
        return Outcome(None, work.changes)

    def remove_follow_up(self, follow_up_id: int) -> Outcome[None]:
        return self._remove(Area.FOLLOW_UPS, FollowUp, follow_up_id)

    def add_preference(
        self,
        contact_id: int,
        category: PreferenceCategory,
        item: str,
        detail: str = "",
        likes: bool = True,
    ) -> Outcome[int]:
        if not item.strip():
            raise ValidationError("Say what the preference is (for example 'Scotch').")
        record = Preference(
            contact_id=contact_id,
            category=str(PreferenceCategory(category)),
            item=item.strip(),
            detail=detail.strip(),
            likes=likes,
        )
        return self._add(Area.PREFERENCES, contact_id, record)

    def remove_preference(self, preference_id: int) -> Outcome[None]:
        return self._remove(Area.PREFERENCES, Preference, preference_id)

    def add_gift(
        self,
        contact_id: int,
        direction: GiftDirection,
        description: str,
        occasion: str = "",
        given_on: date | None = None,
        amount_cents: int | None = None,
        currency: str = "",
        status: GiftStatus | None = None,
        notes: str = "",
    ) -> Outcome[int]:
        if not description.strip():
            raise ValidationError("Describe the gift.")
        if amount_cents is not None and amount_cents < 0:
            raise ValidationError("A gift's amount cannot be negative.")
        direction = GiftDirection(direction)
        if status is None:
            status = GiftStatus.IDEA if direction is GiftDirection.IDEA else GiftStatus.GIVEN
        record = Gift(
            contact_id=contact_id,
            direction=str(direction),
            description=description.strip(),
            occasion=occasion.strip(),
            given_on=given_on,
            amount_cents=amount_cents,
            currency=currency.strip().upper(),
            status=str(GiftStatus(status)),
            notes=notes.strip(),
        )
        return self._add(Area.GIFTS, contact_id, record)

    def remove_gift(self, gift_id: int) -> Outcome[None]:
        return self._remove(Area.GIFTS, Gift, gift_id)


def _require_contact(session: Session, contact_id: int) -> None:
    if session.get(Contact, contact_id) is None:
        raise NotFoundError(f"There is no contact with id {contact_id}.")
