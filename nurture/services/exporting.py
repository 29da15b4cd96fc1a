"""Exporting everything: CSV (Google layout), vCard 4.0/3.0, and an iCalendar of the occasions.

Main contacts are exported; their relatives travel inside them as relations (names), which is how
Google, Apple and Outlook hold a spouse or a child too. Cards are read a few hundred at a time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from nurture.calendar.occasions import LeapDayPolicy
from nurture.db.engine import Database
from nurture.db.network import Relationship
from nurture.db.people import Contact, ImportantDate
from nurture.db.touches import FollowUp
from nurture.domain.dates import PartialDate
from nurture.domain.dto import ContactCard, ContactRef, ImportantDateValue, RelationshipValue
from nurture.domain.enums import DateKind, Recurrence, RelationshipKind
from nurture.errors import ValidationError
from nurture.formats import ExportFormat
from nurture.io.csv_export import write_google_csv
from nurture.io.files import write_whole
from nurture.io.ics import CalendarEvent, write_ics
from nurture.services.cards import contact_draft
from nurture.services.settings import SettingsService

_CHUNK = 500
# A year-less yearly date starts its series in a leap year, so Feb 29 exists.
_NO_YEAR_START = 2000
_ICS_KINDS = {
    DateKind.BIRTHDAY: "birthday",
    DateKind.ANNIVERSARY: "anniversary",
    DateKind.GRADUATION: "graduation",
    DateKind.WORK_ANNIVERSARY: "work anniversary",
}


class ExportService:
    """Exports are reads: they never change the database, so they never touch Undo."""

    def __init__(self, database: Database, clock: Callable[[], datetime]) -> None:
        self._db = database
        self._clock = clock

    def export_to(
        self, fmt: ExportFormat | str, target: Path, contact_ids: Sequence[int] | None = None
    ) -> Path:
        """Write the export to `target` whole or not at all: into a `.part` file beside it,
        flushed to disk, then renamed over the target (an old file stays until then)."""
        return write_whole(target, self.export(fmt, contact_ids=contact_ids))

    def export(
        self,
        fmt: ExportFormat | str,
        now: datetime | None = None,
        contact_ids: Sequence[int] | None = None,
    ) -> bytes:
        """Everyone (the main contacts), or just these people (a filter, a selection)."""
        try:
            fmt = ExportFormat(fmt)
        except ValueError as error:
            choices = ", ".join(f.value for f in ExportFormat)
            raise ValidationError(f"Unknown export format '{fmt}': choose {choices}.") from error
        if fmt is ExportFormat.ICS:
            return write_ics(self.events(contact_ids), now or self._clock())
        cards = list(self.cards(contact_ids))
        if fmt is ExportFormat.CSV:
            return write_google_csv(cards).encode("utf-8")
        from nurture.io.vcard import write_vcards

        version = "3.0" if fmt is ExportFormat.VCARD3 else "4.0"
        return write_vcards(cards, version, self._referrers(cards)).encode("utf-8")

    def _referrers(self, cards: Sequence[ContactCard]) -> dict[int, tuple[str, str]]:
        """(uuid, name) of everyone who referred one of these people, by id."""
        ids = sorted({c.draft.referred_by_id for c in cards if c.draft.referred_by_id})
        found: dict[int, tuple[str, str]] = {}
        with self._db.read() as session:
            for start in range(0, len(ids), _CHUNK):
                rows = session.execute(
                    select(Contact.id, Contact.uuid, Contact.display_name).where(
                        Contact.id.in_(ids[start : start + _CHUNK])
                    )
                )
                found.update((i, (uuid, name)) for i, uuid, name in rows)
        return found

    def cards(self, contact_ids: Sequence[int] | None = None) -> Iterator[ContactCard]:
        """Every main contact (or these) with contact points, tags, dates and relationships."""
        chosen = set(contact_ids or ())
        with self._db.read() as session:
            query = select(Contact.id).order_by(Contact.sort_name, Contact.id)
            if contact_ids is None:
                query = query.where(Contact.is_light.is_(False))
            ids = [i for i in session.scalars(query) if contact_ids is None or i in chosen]
            for start in range(0, len(ids), _CHUNK):
                yield from cards_of(session, ids[start : start + _CHUNK])

    def events(self, contact_ids: Sequence[int] | None = None) -> Iterator[CalendarEvent]:
        """The occasions of every contact not archived (or of these), and the open follow-ups,
        as the .ics export and the synced calendar carry them."""
        chosen = set(contact_ids or ())
        leap_day = SettingsService(self._db).get().leap_day_policy

        def wanted(contact_id: int) -> bool:
            return contact_ids is None or contact_id in chosen

        with self._db.read() as session:
            rows = session.execute(
                select(ImportantDate, Contact.display_name, Contact.uuid)
                .join(Contact, Contact.id == ImportantDate.contact_id)
                .where(Contact.archived.is_(False))
                .order_by(ImportantDate.month, ImportantDate.day)
            )
            for when, name, uuid in rows:
                if wanted(when.contact_id):
                    yield _date_event(when, name, uuid, leap_day)
            follow_ups = session.execute(
                select(FollowUp, Contact.display_name)
                .join(Contact, Contact.id == FollowUp.contact_id)
                .where(FollowUp.done_at.is_(None), Contact.archived.is_(False))
            )
            for follow_up, name in follow_ups:
                if not wanted(follow_up.contact_id):
                    continue
                yield CalendarEvent(
                    f"follow-up-{follow_up.id}@nurture",
                    f"{follow_up.title or 'Follow up'} with {name}",
                    follow_up.due_date,
                    rrule=follow_up.rrule,
                    description=follow_up.notes,
                )


# A Feb 29 yearly date as one rule every calendar reads alike (RFC 5545 drops a plain yearly
# Feb 29 in common years; readers disagree on what to show): the last day of February, or the
# 60th day of the year (Feb 29 in leap years, Mar 1 otherwise), as the user's setting says.
_LEAP_DAY_RULES = {
    LeapDayPolicy.FEB_28: "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1",
    LeapDayPolicy.MAR_1: "FREQ=YEARLY;BYYEARDAY=60",
}


def _date_event(
    when: ImportantDate, name: str, uuid: str, leap_day: LeapDayPolicy
) -> CalendarEvent:
    kind = DateKind(when.kind)
    what = _ICS_KINDS.get(kind, when.label or "special day")
    uid = f"{uuid}-date-{when.id}@nurture"
    if when.recurrence == Recurrence.ONCE.value and when.year is not None:
        start = date(when.year, when.month, when.day or 1)
        return CalendarEvent(uid, f"{name}: {what}", start, whole_month=when.day is None)
    year = when.year or _NO_YEAR_START
    summary = f"{name}'s {what}" + (f" (since {when.year})" if when.year else "")
    start = date(year, when.month, when.day or 1)
    if (when.month, when.day) == (2, 29):
        return CalendarEvent(uid, summary, start, rrule=_LEAP_DAY_RULES[leap_day])
    return CalendarEvent(uid, summary, start, yearly=True)


def cards_of(session: Session, ids: Sequence[int]) -> Iterator[ContactCard]:
    contacts = session.scalars(
        select(Contact)
        .where(Contact.id.in_(ids))
        .options(
            selectinload(Contact.emails),
            selectinload(Contact.phones),
            selectinload(Contact.addresses),
            selectinload(Contact.web_links),
            selectinload(Contact.tags),
            selectinload(Contact.dates),
        )
    ).all()
    relations: dict[int, list[RelationshipValue]] = defaultdict(list)
    rows = session.execute(
        select(Relationship, Contact.id, Contact.display_name).join(
            Contact,
            or_(
                (Contact.id == Relationship.related_id) & Relationship.contact_id.in_(ids),
                (Contact.id == Relationship.contact_id) & Relationship.related_id.in_(ids),
            ),
        )
    )
    for relation, other_id, other_name in rows:
        if other_id == relation.related_id:
            owner, kind = relation.contact_id, RelationshipKind(relation.kind)
        else:
            owner, kind = relation.related_id, RelationshipKind(relation.kind).inverse
        relations[owner].append(
            RelationshipValue(relation.id, kind, ContactRef(other_id, other_name), relation.label)
        )
    by_id = {c.id: c for c in contacts}
    for contact_id in ids:
        contact = by_id[contact_id]
        yield ContactCard(
            id=contact.id,
            uuid=contact.uuid,
            name=contact.display_name,
            draft=contact_draft(contact),
            created_at=contact.created_at,
            last_interaction_at=contact.last_interaction_at,
            referred_by=None,
            dates=tuple(
                ImportantDateValue(
                    d.id,
                    DateKind(d.kind),
                    PartialDate(d.year, d.month, d.day),
                    d.label,
                    Recurrence(d.recurrence),
                    d.lead_days,
                )
                for d in sorted(contact.dates, key=lambda d: (d.kind != "birthday", d.id))
            ),
            relationships=tuple(relations[contact_id]),
        )
