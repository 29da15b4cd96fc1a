"""Creating, editing, tagging, finding and deleting contacts."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from typing import TypeAlias, TypeVar

from sqlalchemy import bindparam, delete, select, text, update
from sqlalchemy.orm import Session

from nurture.contact_points import (
    check_email,
    check_phone,
    display_name,
    email_key,
    phone_parts,
    sort_name,
)
from nurture.db import search_index
from nurture.db.engine import Database
from nurture.db.people import (
    Address,
    Contact,
    Email,
    ImportantDate,
    Phone,
    Tag,
    WebLink,
    contact_tags,
)
from nurture.domain.dates import PartialDate
from nurture.domain.dto import (
    NAME_AND_WORK_FIELDS,
    ContactCard,
    ContactDraft,
    ImportantDateValue,
    JobChange,
)
from nurture.domain.enums import Area, DateKind
from nurture.domain.gifts import repeat_in_household
from nurture.domain.keep_in_touch import check_cadence
from nurture.errors import AmbiguousError, NotFoundError, ValidationError
from nurture.services.cadence import DayRules, day_rules
from nurture.services.cards import household_gifts, load_card
from nurture.services.records import date_columns
from nurture.services.settings import SettingsService
from nurture.services.unit_of_work import Outcome, unit_of_work

V = TypeVar("V")
_ID = re.compile(r"[0-9]{1,18}")


# A date as an editor gives it: a kept one (its id), changed or not, or a new one (a kind and a
# date, or a value with id 0).
DateEntry: TypeAlias = ImportantDateValue | tuple[DateKind, PartialDate]


def set_dates(session: Session, contact_id: int, dates: Sequence[DateEntry]) -> None:
    """Make the contact's dates these: kept ones keep their id (and so their reminders' done and
    snoozed state); a changed day or kind comes back as a new date would; the rest go."""
    entries = [d if isinstance(d, ImportantDateValue) else ImportantDateValue(0, *d) for d in dates]
    stored = {
        row.id: row
        for row in session.scalars(
            select(ImportantDate).where(ImportantDate.contact_id == contact_id)
        )
    }
    kept = {entry.id for entry in entries if entry.id}
    if kept - set(stored):
        raise NotFoundError("One of the dates no longer exists; reopen the contact.")
    for row_id, row in stored.items():
        if row_id not in kept:
            session.delete(row)
    for entry in entries:
        found = stored.get(entry.id)
        same_day = found is not None and (
            found.kind,
            PartialDate(found.year, found.month, found.day),
        ) == (str(entry.kind), entry.date)
        fields = {
            "kind": entry.kind,
            "date": entry.date,
            "label": entry.label,
            "recurrence": found.recurrence if found is not None and same_day else None,
            "lead_days": entry.lead_days,
        }
        if found is None:
            session.add(ImportantDate(contact_id=contact_id, **date_columns(fields)))
        else:
            for name, value in date_columns(fields).items():
                setattr(found, name, value)


class ContactsService:
    def __init__(
        self, database: Database, settings: SettingsService, clock: Callable[[], datetime]
    ) -> None:
        self._db = database
        self._settings = settings
        self._clock = clock

    def _rules(self) -> DayRules:
        return day_rules(self._settings.get(), self._clock())

    def card(self, contact_id: int) -> ContactCard:
        with self._db.read() as session:
            return load_card(session, contact_id, self._rules())

    def create(self, draft: ContactDraft, dates: Sequence[DateEntry] = ()) -> Outcome[ContactCard]:
        """A new contact, with its important dates, in one transaction."""
        region = self._settings.get().phone_region
        with unit_of_work(self._db, "New contact") as work:
            contact = Contact()
            apply_draft(work.session, contact, draft, region)
            work.session.add(contact)
            work.session.flush()
            set_dates(work.session, contact.id, dates)
            work.touch(Area.CONTACTS, contact.id)
            if dates:
                work.touch(Area.DATES, contact.id)
            if draft.tags:
                work.touch(Area.TAGS, contact.id)
        return Outcome(self.card(contact.id), work.changes)

    def update(
        self,
        contact_id: int,
        draft: ContactDraft,
        dates: Sequence[DateEntry] | None = None,
    ) -> Outcome[ContactCard]:
        """Replace the contact's fields, contact points and tags with the draft's, and (when
        given) its dates, all in one transaction."""
        region = self._settings.get().phone_region
        with unit_of_work(self._db, "Edit") as work:
            contact = _get(work.session, contact_id)
            if draft.referred_by_id == contact_id:
                raise ValidationError("A contact cannot be referred by themselves.")
            apply_draft(work.session, contact, draft, region)
            if dates is not None:
                set_dates(work.session, contact_id, dates)
                work.touch(Area.DATES, contact_id)
            work.touch(Area.CONTACTS, contact_id)
            work.touch(Area.TAGS, contact_id)
        return Outcome(self.card(contact_id), work.changes)

    def gift_repeats(
        self,
        contact_id: int,
        description: str,
        but: int | None = None,
        before: date | None = None,
    ) -> str:
        """The warning when this gift was already given to them or their household (naming
        whom and when), '' when it is new: the card, the gift dialog, campaigns and the
        command line all ask here."""
        with self._db.read() as session:
            card = load_card(session, contact_id, self._rules())
            household = household_gifts(session, card)
        return repeat_in_household(description, card.name, card.gifts, household, but, before)

    def take_job_changes(self, changes: Sequence[JobChange]) -> Outcome[int]:
        """Put the new companies and titles an import found on the cards, as one step."""
        if any(c.field not in ("organization", "title") for c in changes):
            raise ValidationError("An import's job change sets a company or a title only.")
        label = "Update the job" if len(changes) == 1 else f"Update {len(changes)} jobs"
        with unit_of_work(self._db, label) as work:
            for change in changes:
                contact = _get(work.session, change.contact.id)
                setattr(contact, change.field, change.new.strip())
                refresh_names(contact)
                work.touch(Area.CONTACTS, contact.id)
        return Outcome(len(changes), work.changes)

    def add_tags(self, contact_ids: Sequence[int], names: Iterable[str]) -> Outcome[None]:
        with unit_of_work(self._db, "Tag") as work:
            for tag in [tag_for(work.session, name) for name in names]:
                work.session.execute(
                    text(
                        "INSERT OR IGNORE INTO contact_tags(contact_id, tag_id) "
                        "SELECT id, :tag FROM contacts WHERE id IN :ids"
                    ).bindparams(bindparam("ids", expanding=True)),
                    {"tag": tag.id, "ids": list(contact_ids)},
                )
            work.touch(Area.TAGS, *contact_ids)
        return Outcome(None, work.changes)

    def remove_tags(self, contact_ids: Sequence[int], names: Iterable[str]) -> Outcome[None]:
        with unit_of_work(self._db, "Untag") as work:
            found = [find_tag(work.session, name) for name in names]
            tag_ids = [tag.id for tag in found if tag is not None]
            work.session.execute(
                delete(contact_tags).where(
                    contact_tags.c.contact_id.in_(list(contact_ids)),
                    contact_tags.c.tag_id.in_(tag_ids),
                )
            )
            work.touch(Area.TAGS, *contact_ids)
        return Outcome(None, work.changes)

    def set_tag_cadence(self, name: str, days: int | None) -> Outcome[int]:
        """Keep in touch every `days` days with everyone tagged `name` who has no cadence of
        their own (None: the tag sets none). Returns how many carry the tag."""
        check_cadence(days)
        with unit_of_work(self._db, "Set a tag's cadence") as work:
            tag = find_tag(work.session, name)
            if tag is None:
                raise NotFoundError(f"There is no tag named '{_tag_name(name)}'.")
            tag.keep_in_touch_days = days
            tagged = list(
                work.session.scalars(
                    select(contact_tags.c.contact_id).where(contact_tags.c.tag_id == tag.id)
                )
            )
            work.touch(Area.TAGS, *tagged)
        return Outcome(len(tagged), work.changes)

    def set_cadence(self, contact_ids: Sequence[int], days: int | None) -> Outcome[None]:
        """Keep in touch with all of them every `days` days (None: no cadence of their own)."""
        check_cadence(days)
        return self._set("Set keep-in-touch", contact_ids, keep_in_touch_days=days)

    def set_archived(self, contact_ids: Sequence[int], archived: bool) -> Outcome[None]:
        return self._set("Archive" if archived else "Unarchive", contact_ids, archived=archived)

    def _set(self, label: str, contact_ids: Sequence[int], **values: object) -> Outcome[None]:
        ids = list(contact_ids)
        with unit_of_work(self._db, label) as work:
            work.session.execute(update(Contact).where(Contact.id.in_(ids)).values(**values))
            work.touch(Area.CONTACTS, *ids)
        return Outcome(None, work.changes)

    def resolve(self, reference: str) -> int:
        """A contact id from an id or an unambiguous name (as the command line accepts)."""
        with self._db.read() as session:
            if _ID.fullmatch(reference.strip()):
                contact_id = int(reference)
                if session.get(Contact, contact_id) is None:
                    raise NotFoundError(f"There is no contact with id {contact_id}.")
                return contact_id
            exact = session.execute(
                select(Contact.id, Contact.display_name)
                .where(Contact.display_name.collate("NOCASE") == reference.strip())
                .limit(6)
            ).all()
            if not exact:
                match = search_index.match_expression(reference)
                if match is not None:
                    exact = session.execute(
                        text(
                            "SELECT c.id, c.display_name FROM contact_search s "
                            "JOIN contacts c ON c.id = s.rowid "
                            "WHERE contact_search MATCH :q AND s.name MATCH :q LIMIT 6"
                        ),
                        {"q": match},
                    ).all()
        if len(exact) == 1:
            return int(exact[0][0])
        if not exact:
            raise NotFoundError(f"No contact is called '{reference}'.")
        listed = ", ".join(f"{name} (id {cid})" for cid, name in exact[:5])
        raise AmbiguousError(f"'{reference}' could be {listed}: use the id.")


def _get(session: Session, contact_id: int) -> Contact:
    contact = session.get(Contact, contact_id)
    if contact is None:
        raise NotFoundError(f"There is no contact with id {contact_id}.")
    return contact


def _tag_name(name: str) -> str:
    return " ".join(name.split())


def find_tag(session: Session, name: str) -> Tag | None:
    """The tag with this name, ignoring case (as SQLite's NOCASE does) and runs of spaces."""
    return session.scalar(select(Tag).where(Tag.name.collate("NOCASE") == _tag_name(name)))


def tag_for(session: Session, name: str) -> Tag:
    """The tag with this name, created if new."""
    clean = _tag_name(name)
    if not clean:
        raise ValidationError("A tag needs a name.")
    tag = find_tag(session, clean)
    if tag is None:
        tag = Tag(name=clean)
        session.add(tag)
        session.flush()
    return tag


def apply_draft(session: Session, contact: Contact, draft: ContactDraft, region: str) -> None:
    check_cadence(draft.keep_in_touch_days)
    if draft.referred_by_id is not None and session.get(Contact, draft.referred_by_id) is None:
        raise NotFoundError(f"There is no contact with id {draft.referred_by_id}.")
    for name in (*NAME_AND_WORK_FIELDS, "notes", "how_we_met", "time_zone", "tier"):
        setattr(contact, name, getattr(draft, name).strip())
    contact.met_on = draft.met_on
    contact.referred_by_id = draft.referred_by_id
    contact.keep_in_touch_days = draft.keep_in_touch_days
    contact.starred = draft.starred
    contact.archived = draft.archived
    contact.is_light = draft.is_light
    refresh_names(contact, reach_of(draft))
    primary = _with_primary
    contact.emails = [
        Email(
            address=address,
            address_key=email_key(address),
            label=e.label.strip(),
            is_primary=is_primary,
            position=i,
        )
        for i, (e, is_primary) in enumerate(primary(draft.emails, lambda e: e.primary))
        for address in [check_email(e.address)]
    ]
    contact.phones = [
        Phone(
            raw=raw,
            e164=e164,
            national=national,
            label=p.label.strip(),
            is_primary=is_primary,
            position=i,
        )
        for i, (p, is_primary) in enumerate(primary(draft.phones, lambda p: p.primary))
        for raw in [check_phone(p.raw)]
        for e164, national in [phone_parts(raw, region)]
    ]
    contact.addresses = [
        Address(
            label=a.label,
            street=a.street,
            city=a.city,
            region=a.region,
            postal_code=a.postal_code,
            country=a.country,
            is_primary=is_primary,
            position=i,
        )
        for i, (a, is_primary) in enumerate(primary(draft.addresses, lambda a: a.primary))
    ]
    contact.web_links = [
        WebLink(
            url=w.url.strip(), kind=str(w.kind), label=w.label, is_primary=is_primary, position=i
        )
        for i, (w, is_primary) in enumerate(primary(draft.web_links, lambda w: w.primary))
    ]
    contact.tags = list({tag.id: tag for tag in (tag_for(session, t) for t in draft.tags)}.values())


def reach_of(draft: ContactDraft) -> str:
    """The first email or phone: a name for someone known only by how to reach them."""
    if draft.emails:
        return draft.emails[0].address.strip()
    return draft.phones[0].raw.strip() if draft.phones else ""


def refresh_names(contact: Contact, reach: str = "") -> None:
    """Recompute the stored display and sort names from the name parts (and, with nothing
    else to go by, how to reach them)."""
    parts = (contact.given_name, contact.middle_name, contact.family_name, contact.nickname)
    contact.display_name = display_name(
        *parts, contact.organization, reach, contact.prefix, contact.suffix, contact.shown_as
    )
    contact.sort_name = sort_name(*parts, contact.organization)


def _with_primary(values: Sequence[V], flag: Callable[[V], bool]) -> list[tuple[V, bool]]:
    """Exactly one primary per kind: the first one marked, else the first one."""
    chosen = next((i for i, value in enumerate(values) if flag(value)), 0)
    return [(value, i == chosen) for i, value in enumerate(values)]
