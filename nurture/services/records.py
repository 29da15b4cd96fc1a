"""Adding and removing the records kept on a contact: important dates, follow-ups, preferences
and gifts. Each is one row owned by one contact, so they share one small mechanism."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from enum import Enum
from typing import Any, TypeVar

from nurture.calendar.recurrence import at_most_daily, next_follow_up
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
from nurture.services.editing import Fields, RecordKind, edit_record, remove_record
from nurture.services.unit_of_work import Outcome, UnitOfWork, unit_of_work

E = TypeVar("E", bound=Enum)


def check_rrule(rule: str, start: date) -> str:
    """The rule as stored, after dateutil confirms it parses (RFC 5545 RRULE, no DTSTART)."""
    from dateutil.rrule import rrulestr

    clean = rule.strip().removeprefix("RRULE:")
    if not clean:
        return ""
    if at_most_daily(clean) != clean:
        raise ValidationError(
            f"'{rule}' repeats more often than daily: a follow-up comes back at most once a "
            "day (FREQ=DAILY, WEEKLY, MONTHLY or YEARLY)."
        )
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


def member(kind: type[E], value: object, noun: str) -> E:
    """`value` as a member of `kind`, or a message naming the choices."""
    try:
        return kind(value)
    except ValueError as error:
        choices = ", ".join(str(m) for m in kind)
        raise ValidationError(f"'{value}' is not a {noun}; use one of {choices}.") from error


def date_columns(fields: Fields) -> Fields:
    kind = member(DateKind, fields["kind"], "kind of date")
    when: PartialDate = fields["date"]
    recurrence = fields.get("recurrence")
    lead_days = fields.get("lead_days")
    return {
        "kind": str(kind),
        "label": str(fields.get("label") or "").strip(),
        "year": when.year,
        "month": when.month,
        "day": when.day,
        "recurrence": str(
            date_recurrence(
                kind,
                when,
                member(Recurrence, recurrence, "repeat") if recurrence else None,
                lead_days,
            )
        ),
        "lead_days": lead_days,
    }


def _date_fields(row: ImportantDate) -> Fields:
    return {
        "kind": row.kind,
        "date": PartialDate(row.year, row.month, row.day),
        "label": row.label,
        "recurrence": row.recurrence,
        "lead_days": row.lead_days,
    }


def _follow_up_columns(fields: Fields) -> Fields:
    due = fields["due_date"]
    if not isinstance(due, date):
        raise ValidationError("A follow-up needs a due date.")
    return {
        "due_date": due,
        "title": str(fields["title"]).strip(),
        "notes": str(fields["notes"]).strip(),
        "rrule": check_rrule(str(fields["rrule"]), due),
    }


def _taste_columns(fields: Fields) -> Fields:
    item = str(fields["item"]).strip()
    if not item:
        raise ValidationError("Say what the preference is (for example 'Scotch').")
    return {
        "category": str(member(PreferenceCategory, fields["category"], "kind of taste")),
        "item": item,
        "detail": str(fields["detail"]).strip(),
        "likes": bool(fields["likes"]),
    }


def _gift_columns(fields: Fields) -> Fields:
    description = str(fields["description"]).strip()
    if not description:
        raise ValidationError("Describe the gift.")
    amount = fields["amount_cents"]
    if amount is not None and amount < 0:
        raise ValidationError("A gift's amount cannot be negative.")
    direction = member(GiftDirection, fields["direction"], "kind of gift")
    status = fields["status"]
    if status is None:
        status = GiftStatus.IDEA if direction is GiftDirection.IDEA else GiftStatus.GIVEN
    return {
        "direction": str(direction),
        "description": description,
        "occasion": str(fields["occasion"]).strip(),
        "given_on": fields["given_on"],
        "amount_cents": amount,
        "currency": str(fields["currency"]).strip().upper(),
        "status": str(member(GiftStatus, status, "gift status")),
        "notes": str(fields["notes"]).strip(),
        "buy_by": fields.get("buy_by"),
        "ship_by": fields.get("ship_by"),
    }


DATE = RecordKind(
    "date",
    Area.DATES,
    ImportantDate,
    ("kind", "date", "label", "recurrence", "lead_days"),
    date_columns,
    read=_date_fields,
)
FOLLOW_UP = RecordKind(
    "follow-up",
    Area.FOLLOW_UPS,
    FollowUp,
    ("due_date", "title", "notes", "rrule"),
    _follow_up_columns,
)
TASTE = RecordKind(
    "taste", Area.PREFERENCES, Preference, ("category", "item", "detail", "likes"), _taste_columns
)
GIFT = RecordKind(
    "gift",
    Area.GIFTS,
    Gift,
    (
        "direction",
        "description",
        "occasion",
        "given_on",
        "amount_cents",
        "currency",
        "status",
        "notes",
        "buy_by",
        "ship_by",
    ),
    _gift_columns,
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


class RecordsService:
    """Dates, follow-ups, tastes and gifts: add, edit (only the fields named) and delete."""

    def __init__(self, database: Database, clock: Callable[[], datetime]) -> None:
        self._db = database
        self._clock = clock

    def _add(self, kind: RecordKind, contact_id: int, fields: Fields) -> Outcome[int]:
        record = kind.model(contact_id=contact_id, **kind.check(fields))
        with unit_of_work(self._db, f"Add {kind.a}") as work:
            if work.session.get(Contact, contact_id) is None:
                raise NotFoundError(f"There is no contact with id {contact_id}.")
            work.session.add(record)
            work.session.flush()
            work.touch(kind.area, contact_id)
        return Outcome(int(record.id), work.changes)  # type: ignore[attr-defined]

    def add_date(
        self,
        contact_id: int,
        kind: DateKind,
        when: PartialDate,
        label: str = "",
        recurrence: Recurrence | None = None,
        lead_days: int | None = None,
    ) -> Outcome[int]:
        fields = {
            "kind": kind,
            "date": when,
            "label": label,
            "recurrence": recurrence,
            "lead_days": lead_days,
        }
        return self._add(DATE, contact_id, fields)

    def update_date(self, date_id: int, **changes: Any) -> Outcome[None]:
        """Change a date's kind, date (a PartialDate), label, recurrence or lead_days. A new day
        or kind without a recurrence of its own comes back as a new date would."""
        if {"date", "kind"} & set(changes) and "recurrence" not in changes:
            changes["recurrence"] = None
        return edit_record(self._db, DATE, date_id, changes)

    def remove_date(self, date_id: int) -> Outcome[None]:
        return remove_record(self._db, DATE, date_id)

    def add_follow_up(
        self, contact_id: int, due: date, title: str = "", rrule: str = "", notes: str = ""
    ) -> Outcome[int]:
        fields = {"due_date": due, "title": title, "notes": notes, "rrule": rrule}
        return self._add(FOLLOW_UP, contact_id, fields)

    def update_follow_up(self, follow_up_id: int, **changes: Any) -> Outcome[None]:
        """Change a follow-up's due_date, title, notes or rrule."""
        return edit_record(self._db, FOLLOW_UP, follow_up_id, changes)

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
        return remove_record(self._db, FOLLOW_UP, follow_up_id)

    def add_preference(
        self,
        contact_id: int,
        category: PreferenceCategory,
        item: str,
        detail: str = "",
        likes: bool = True,
    ) -> Outcome[int]:
        fields = {"category": category, "item": item, "detail": detail, "likes": likes}
        return self._add(TASTE, contact_id, fields)

    def update_preference(self, preference_id: int, **changes: Any) -> Outcome[None]:
        """Change a taste's category, item, detail or likes."""
        return edit_record(self._db, TASTE, preference_id, changes)

    def remove_preference(self, preference_id: int) -> Outcome[None]:
        return remove_record(self._db, TASTE, preference_id)

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
        fields = {
            "direction": direction,
            "description": description,
            "occasion": occasion,
            "given_on": given_on,
            "amount_cents": amount_cents,
            "currency": currency,
            "status": status,
            "notes": notes,
        }
        return self._add(GIFT, contact_id, fields)

    def update_gift(self, gift_id: int, **changes: Any) -> Outcome[None]:
        """Change a gift's direction, description, occasion, given_on, amount_cents,
        currency, status, notes, buy_by or ship_by."""
        return edit_record(self._db, GIFT, gift_id, changes)

    def remove_gift(self, gift_id: int) -> Outcome[None]:
        return remove_record(self._db, GIFT, gift_id)
