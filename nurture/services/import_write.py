"""Writing an import: new contacts in bulk, and field-by-field merges into existing ones that
record what they changed (`import_batch_items`) so the batch can be undone exactly.

Nothing existing is overwritten: an empty field is filled, a new email, phone, address, link,
tag, date or relative is added, a different value is kept as it was and reported. A preview
(`dry_run`) decides all of it the same way and writes none of it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Table, select, update

from nurture.contact_points import (
    check_email,
    display_name,
    email_key,
    is_loose_email,
    sort_name,
)
from nurture.db.bookkeeping import ImportBatchItem
from nurture.db.bulk import BulkWriter, IdAllocator, table_of, utc_text
from nurture.db.network import Relationship
from nurture.db.people import (
    Address,
    Contact,
    Email,
    ImportantDate,
    Phone,
    WebLink,
    contact_tags,
    new_uuid,
)
from nurture.domain.dto import NAME_AND_WORK_FIELDS
from nurture.domain.enums import Area
from nurture.errors import ValidationError
from nurture.io.incoming import IncomingContact, IncomingDate
from nurture.services.contacts import find_tag, reach_of, tag_for
from nurture.services.import_match import name_key
from nurture.services.records import date_recurrence
from nurture.services.unit_of_work import UnitOfWork, driver_connection

TABLES = [
    table_of(m)
    for m in (
        Contact,
        Email,
        Phone,
        Address,
        WebLink,
        contact_tags,
        ImportantDate,
        Relationship,
        ImportBatchItem,
    )
]
_CONTACTS, _EMAILS, _PHONES, _ADDRESSES, _LINKS, _, _DATES, _RELATIONSHIPS, _ITEMS = TABLES
_SCALARS = (*NAME_AND_WORK_FIELDS, "how_we_met")
_IN_CHUNK = 900
_LOADED = ("id", *_SCALARS, "notes", "starred", "met_on", "has_photo")
NEW_PEOPLE_LISTED = 1_000


class ImportWriter:
    def __init__(
        self, work: UnitOfWork, batch_id: int, region: str, now: datetime, dry_run: bool = False
    ) -> None:
        self.work = work
        self.dry_run = dry_run
        self.connection: Connection = work.session.connection()
        self.batch_id = batch_id
        self.region = region
        self.ids = IdAllocator(self.connection)
        self.bulk = BulkWriter(self.connection, TABLES)
        self.first_new = self.ids.peek(_CONTACTS)
        self.stamp = utc_text(now)
        self._tags: dict[str, int] = {}
        self._existing: dict[int, dict[str, Any]] = {}
        self._updates: dict[int, dict[str, Any]] = defaultdict(dict)
        self.added_rows = 0
        self.changed: set[int] = set()
        self._uids_taken: set[str] = set()
        self._new_uids: dict[str, int] = {}  # this import's people, found by referrals
        self._new_people: list[tuple[int, str]] = []  # main contacts added: (id, name)
        # (contact, file line, field, on the card, in the file): a new job, for the report.
        self.job_changes: list[tuple[int, int, str, str, str]] = []
        # (contact, referrer's uuid, referrer's name, file line): linked once everyone is in.
        self._referrals: list[tuple[int, str, str, int]] = []

    # -- new contacts ------------------------------------------------------------------------

    def new_id(self) -> int:
        return self.ids.take(_CONTACTS)

    def reserve_uids(self, uids: list[str]) -> None:
        """Which of the file's UIDs already name a contact here: a new contact keeps its UID
        (so a referral or a later import finds it) only when nobody has it."""
        wanted = sorted({u for u in uids if u})
        for start in range(0, len(wanted), _IN_CHUNK):
            rows = self.connection.execute(
                select(Contact.uuid).where(Contact.uuid.in_(wanted[start : start + _IN_CHUNK]))
            )
            self._uids_taken.update(rows.scalars())

    def create(
        self,
        contact_id: int,
        incoming: IncomingContact,
        phones: list[tuple[str, str]],
        light: bool = False,
    ) -> list[str]:
        """Queue a new contact with everything it has; returns what had to be left out. A later
        row of the same file that is the same person merges into it like into any other."""
        have = _scalars(incoming)  # read straight from the row: a ContactDraft costs 6 µs
        parts = (have["given_name"], have["middle_name"], have["family_name"], incoming.nickname)
        organization = incoming.organization
        # How to reach them names them only when nothing else does.
        named = any(parts) or organization or incoming.shown_as.strip()
        reach = "" if named else reach_of(incoming.to_draft())
        uid = incoming.uid if incoming.uid and incoming.uid not in self._uids_taken else new_uuid()
        self._uids_taken.add(uid)
        self._new_uids[uid] = contact_id
        shown = display_name(
            *parts, organization, reach, incoming.prefix, incoming.suffix, incoming.shown_as
        )
        if not light:
            self._new_people.append((contact_id, shown))
        met_on = incoming.met_on.isoformat() if incoming.met_on else None
        self.bulk.add(
            _CONTACTS,
            {
                **have,
                "id": contact_id,
                "uuid": uid,
                "display_name": shown,
                "sort_name": sort_name(*parts, organization),
                "notes": incoming.notes,
                "met_on": met_on,
                "referred_by_id": None,
                "time_zone": incoming.time_zone,
                "tier": incoming.tier,
                "keep_in_touch_days": incoming.keep_in_touch_days,
                "starred": incoming.starred,
                "archived": False,
                "is_light": light,
                "photo": incoming.photo,
                "last_interaction_at": None,
                "import_batch_id": self.batch_id,
                "created_at": self.stamp,
                "updated_at": self.stamp,
            },
        )
        have.update(
            id=contact_id,
            notes=incoming.notes,
            starred=incoming.starred,
            met_on=met_on,
            has_photo=incoming.photo is not None,
        )
        self._existing[contact_id] = have
        return self._add_points(contact_id, incoming, phones, have, record=False)

    # -- merging into existing contacts ------------------------------------------------------

    def load_existing(self, contact_ids: set[int]) -> None:
        """What the matched contacts already have: one query per table for all of them (the
        ids go in as one JSON array), read through the driver (a file imported again matches
        everyone: SQLAlchemy's per-row processing would cost more than the queries)."""
        if not contact_ids:
            return
        ids = json.dumps(sorted(contact_ids))
        driver = driver_connection(self.work.session)

        def rows(sql: str) -> Any:
            return driver.execute(sql.replace(":ids", "(SELECT value FROM json_each(?))"), (ids,))

        existing = self._existing
        for row in rows(
            f"SELECT id, {', '.join(_SCALARS)}, notes, starred, met_on, "
            "photo IS NOT NULL FROM contacts WHERE id IN :ids"
        ):
            existing[row[0]] = dict(zip(_LOADED, row, strict=True))
        for contact_id, key in rows(
            "SELECT contact_id, address_key FROM emails WHERE contact_id IN :ids"
        ):
            existing[contact_id].setdefault("emails", set()).add(key)
        for contact_id, e164, raw in rows(
            "SELECT contact_id, e164, raw FROM phones WHERE contact_id IN :ids"
        ):
            existing[contact_id].setdefault("phones", set()).add(e164 or name_key(raw))
        for contact_id, street, city, postal in rows(
            "SELECT contact_id, street, city, postal_code FROM addresses WHERE contact_id IN :ids"
        ):
            key = name_key(f"{street} {city} {postal}")
            existing[contact_id].setdefault("addresses", set()).add(key)
        for contact_id, url in rows(
            "SELECT contact_id, url FROM web_links WHERE contact_id IN :ids"
        ):
            existing[contact_id].setdefault("links", set()).add(url)
        for contact_id, tag_id in rows(
            "SELECT contact_id, tag_id FROM contact_tags WHERE contact_id IN :ids"
        ):
            existing[contact_id].setdefault("tags", set()).add(tag_id)
        for contact_id, kind, year, month, day in rows(
            "SELECT contact_id, kind, year, month, day FROM important_dates "
            "WHERE contact_id IN :ids"
        ):
            existing[contact_id].setdefault("dates", set()).add((kind, year, month, day))
        for contact_id, name in rows(
            "SELECT r.contact_id, c.display_name FROM relationships r JOIN contacts c "
            "ON c.id = r.related_id WHERE r.contact_id IN :ids"
        ):
            existing[contact_id].setdefault("relatives", set()).add(name_key(name))

    def merge(
        self, contact_id: int, incoming: IncomingContact, phones: list[tuple[str, str]]
    ) -> tuple[bool, list[str]]:
        """Add what is new to an existing contact: (changed, notes about conflicts)."""
        have = self._existing[contact_id]
        notes: list[str] = []
        before: dict[str, Any] = {}
        file_says = _scalars(incoming)
        for name in _SCALARS:
            mine, theirs = have[name], file_says[name]
            if theirs and not mine:
                before[name], have[name] = mine, theirs
            elif theirs and mine and theirs.casefold() != mine.casefold():
                notes.append(f"kept {name.replace('_', ' ')} '{mine}' (the file says '{theirs}')")
                if name in ("organization", "title"):
                    self.job_changes.append((contact_id, incoming.line, name, mine, theirs))
        their_notes, met_on = incoming.notes, incoming.met_on
        if their_notes and their_notes not in have["notes"]:
            before["notes"] = have["notes"]
            have["notes"] = f"{have['notes']}\n\n{their_notes}" if have["notes"] else their_notes
        if incoming.starred and not have["starred"]:
            before["starred"], have["starred"] = False, True
        if met_on and not have["met_on"]:
            before["met_on"], have["met_on"] = None, met_on.isoformat()
        if incoming.photo and not have["has_photo"]:
            before["photo"], have["has_photo"] = None, True
            self._updates[contact_id]["photo"] = incoming.photo
        if before:
            # What it was and what the import made it: undo restores only fields still so.
            after = {k: have[k] for k in before if k != "photo"}
            self._record("contacts", contact_id, {"before": before, "after": after})
            self._updates[contact_id].update({k: have[k] for k in before if k != "photo"})
        rows_before = self.added_rows
        notes.extend(self._add_points(contact_id, incoming, phones, have, record=True))
        changed = bool(before) or self.added_rows > rows_before
        if changed:
            self.changed.add(contact_id)  # its search entry must see the new emails and tags
        return changed, notes

    def refer(self, contact_id: int, incoming: IncomingContact) -> None:
        """Link them to who referred them (by UUID) once every row of the file is written."""
        uid, name = incoming.referred_by
        if uid:
            self._referrals.append((contact_id, uid, name, incoming.line))

    def new_people(self) -> list[tuple[int, str]]:
        """The first NEW_PEOPLE_LISTED main contacts this import added, by id: (id, name)."""
        listed = sorted(self._new_people)[:NEW_PEOPLE_LISTED]
        return [(cid, self._renamed(cid).get("display_name", name)) for cid, name in listed]

    def write_queued(self) -> None:
        """Write the rows queued so far (a preview drops them): a 100,000-row import never
        holds all of its rows at once."""
        if self.dry_run:
            self.bulk.discard()
        else:
            self.bulk.flush()

    def finish(self) -> list[tuple[int, str]]:
        """Write what is queued, then link referrals; (line, note) for referrers not found."""
        if self.dry_run:
            return self._link_referrals()
        self.bulk.flush()
        for contact_id, values in self._updates.items():
            values.update(self._renamed(contact_id))
            self.connection.execute(update(Contact).where(Contact.id == contact_id).values(values))
        self.work.touch(Area.CONTACTS, *self._updates, *self.changed)
        return self._link_referrals()

    def _renamed(self, contact_id: int) -> dict[str, str]:
        """The names a merge changed a contact's shown and sorted names to, if it did."""
        values = self._updates.get(contact_id, {})
        if not any(name in values for name in NAME_AND_WORK_FIELDS):
            return {}
        have = self._existing[contact_id]
        parts = (have["given_name"], have["middle_name"], have["family_name"], have["nickname"])
        shown = display_name(
            *parts, have["organization"], "", have["prefix"], have["suffix"], have["shown_as"]
        )
        return {"display_name": shown, "sort_name": sort_name(*parts, have["organization"])}

    def _link_referrals(self) -> list[tuple[int, str]]:
        notes: list[tuple[int, str]] = []
        uids = sorted({uid for _, uid, _, _ in self._referrals})
        ids: dict[str, int] = {}
        for start in range(0, len(uids), _IN_CHUNK):
            rows = self.connection.execute(
                select(Contact.uuid, Contact.id).where(
                    Contact.uuid.in_(uids[start : start + _IN_CHUNK])
                )
            )
            ids.update((uid, contact_id) for uid, contact_id in rows)
        ids.update(self._new_uids)  # a preview has not written them
        for contact_id, uid, name, line in self._referrals:
            referrer = ids.get(uid)
            if referrer is None or referrer == contact_id:
                notes.append((line, f"referred by {name or uid} left out: not in the file or here"))
                continue
            if self.dry_run:
                continue
            done = self.connection.execute(
                update(Contact)
                .where(Contact.id == contact_id, Contact.referred_by_id.is_(None))
                .values(referred_by_id=referrer)
            )
            if done.rowcount and contact_id < self.first_new:  # a new one goes with the batch
                change = {"before": {"referred_by_id": None}, "after": {"referred_by_id": referrer}}
                self._record("contacts", contact_id, change)
        if self._referrals and not self.dry_run:
            self.bulk.flush()  # the undo records
        return notes

    # -- shared ------------------------------------------------------------------------------

    def _record(self, table: str, row_id: int, before: dict[str, Any] | None = None) -> None:
        self.bulk.add(
            _ITEMS,
            {
                "id": self.ids.take(_ITEMS),
                "batch_id": self.batch_id,
                "table_name": table,
                "row_id": row_id,
                "before": json.dumps(before, default=str) if before else "",
            },
        )

    def _row(self, table: Table, row: dict[str, Any], record: bool) -> None:
        self.added_rows += 1
        row["id"] = self.ids.take(table)
        self.bulk.add(table, row)
        if record:  # undo deletes it only if it is still this contact's row
            self._record(table.name, row["id"], {"contact_id": row["contact_id"]})

    def _add_points(
        self,
        contact_id: int,
        incoming: IncomingContact,
        phones: list[tuple[str, str]],
        have: dict[str, Any],
        record: bool,
    ) -> list[str]:
        notes: list[str] = []
        emails = have.setdefault("emails", set())
        # A new contact takes the file's primary marks (Google's "* Work"); an existing one
        # keeps its own primary and gets the new values beside it.
        first_email = _primary_index([e.primary for e in incoming.emails]) if not emails else -1
        for index, email in enumerate(incoming.emails):
            try:
                address = check_email(email.address)
            except ValidationError:
                if not is_loose_email(email.address):
                    notes.append(f"email '{email.address}' left out: not an email address")
                    continue
                address = email.address.strip()
                notes.append(f"email '{address}' kept, but its domain has no dot: check it")
            key = email_key(address)
            if key in emails:
                continue
            self._row(
                _EMAILS,
                {
                    "contact_id": contact_id,
                    "address": address,
                    "address_key": key,
                    "label": email.label,
                    "is_primary": index == first_email,
                    "position": len(emails),
                },
                record,
            )
            emails.add(key)
        numbers = have.setdefault("phones", set())
        first_phone = _primary_index([p.primary for p in incoming.phones]) if not numbers else -1
        for index, (phone, (e164, national)) in enumerate(
            zip(incoming.phones, phones, strict=True)
        ):
            key = e164 or name_key(phone.raw)
            if key in numbers or not any(c.isdigit() for c in phone.raw):
                continue
            self._row(
                _PHONES,
                {
                    "contact_id": contact_id,
                    "raw": phone.raw.strip(),
                    "e164": e164,
                    "national": national,
                    "label": phone.label,
                    "is_primary": index == first_phone,
                    "position": len(numbers),
                },
                record,
            )
            numbers.add(key)
        places = have.setdefault("addresses", set())
        for a in incoming.addresses:
            key = name_key(f"{a.street} {a.city} {a.postal_code}")
            if key in places or not key:
                continue
            self._row(
                _ADDRESSES,
                {
                    "contact_id": contact_id,
                    "label": a.label,
                    "street": a.street,
                    "city": a.city,
                    "region": a.region,
                    "postal_code": a.postal_code,
                    "country": a.country,
                    "is_primary": not places,
                    "position": len(places),
                },
                record,
            )
            places.add(key)
        links = have.setdefault("links", set())
        for link in incoming.web_links:
            if link.url in links:
                continue
            self._row(
                _LINKS,
                {
                    "contact_id": contact_id,
                    "kind": link.kind.value,
                    "url": link.url,
                    "label": link.label,
                    "is_primary": not links,
                    "position": len(links),
                },
                record,
            )
            links.add(link.url)
        tags = have.setdefault("tags", set())
        for name in incoming.tags:
            tag_id = self._tag(name)
            if tag_id in tags:
                continue
            self.bulk.add(contact_tags, {"contact_id": contact_id, "tag_id": tag_id})
            self.added_rows += 1
            if record:
                self._record("contact_tags", contact_id, {"tag_id": tag_id})
            tags.add(tag_id)
        notes.extend(self._dates(contact_id, incoming.dates, have, record))
        relatives = have.setdefault("relatives", set())
        for relation in incoming.relations:
            key = name_key(relation.name)
            if not key or key in relatives:
                continue
            relative = IncomingContact(line=incoming.line, full_name=relation.name, family_name="")
            relative_id = self.new_id()
            self.create(relative_id, relative, [], light=True)
            self._row(
                _RELATIONSHIPS,
                {
                    "contact_id": contact_id,
                    "related_id": relative_id,
                    "kind": relation.kind.value,
                    "label": relation.label,
                    "created_at": self.stamp,
                },
                record,
            )
            relatives.add(key)
        return notes

    def _dates(
        self, contact_id: int, dates: list[IncomingDate], have: dict[str, Any], record: bool
    ) -> list[str]:
        notes: list[str] = []
        known: set[tuple[str, int | None, int, int | None]] = have.setdefault("dates", set())
        kinds = {kind for kind, *_ in known}
        for item in dates:
            kind, when = item.kind.value, item.date  # an enum's value is a slow lookup
            key = (kind, when.year, when.month, when.day)
            if key in known:
                continue
            if kind == "birthday" and "birthday" in kinds:
                notes.append(f"kept the birthday on file (the file says {when.iso()})")
                continue
            try:
                recurrence = date_recurrence(item.kind, when)
            except ValidationError as error:
                notes.append(f"{kind} left out: {error.message}")
                continue
            self._row(
                _DATES,
                {
                    "contact_id": contact_id,
                    "kind": kind,
                    "label": item.label.strip(),
                    "year": when.year,
                    "month": when.month,
                    "day": when.day,
                    "recurrence": recurrence.value,
                    "lead_days": None,
                },
                record,
            )
            known.add(key)
            kinds.add(kind)
        return notes

    def _tag(self, name: str) -> int:
        key = name.casefold()
        if key not in self._tags:
            existed = find_tag(self.work.session, name) is not None
            tag_id = tag_for(self.work.session, name).id
            if not existed:
                self._record("tags", tag_id)  # undo removes it if nobody else has it by then
            self._tags[key] = tag_id
        return self._tags[key]


def _scalars(incoming: IncomingContact) -> dict[str, Any]:
    """The name and work fields and how we met as a new contact takes them (a formatted name
    split into its parts when the file gives no parts)."""
    values = {name: getattr(incoming, name) for name in _SCALARS}
    values["given_name"], values["middle_name"], values["family_name"] = incoming.name_parts()
    return values


def _primary_index(marks: list[bool]) -> int:
    """The value marked primary, else the first."""
    return marks.index(True) if True in marks else 0
