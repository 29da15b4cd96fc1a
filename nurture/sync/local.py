"""Nurture's side of a sync: which contacts go to the server, their synced fields, and the
writes a sync makes to them (a server's change merged in, a card new from the phone, a card
deleted there archived here)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from sqlalchemy import bindparam, select, text
from sqlalchemy.orm import Session

from nurture.db.people import Contact, ImportantDate
from nurture.db.sync_state import SyncConflict
from nurture.domain.dates import PartialDate
from nurture.domain.dto import ContactCard, ImportantDateValue
from nurture.domain.enums import DateKind
from nurture.io.incoming import IncomingContact
from nurture.services.cards import contact_draft
from nurture.services.contacts import apply_draft, set_dates
from nurture.services.exporting import cards_of
from nurture.services.settings import Settings
from nurture.services.unit_of_work import raw_rows
from nurture.sync.fields import Conflict, DateTriple, Fields, dates_from, draft_with, fields_of
from nurture.sync.plan import Known

_CHUNK = 500


@dataclass(frozen=True, slots=True)
class Agreed:
    """A card both sides now hold alike, as `remember` keeps it."""

    href: str
    uuid: str
    etag: str
    card: str
    fields: Fields
    digest: str


@dataclass(frozen=True, slots=True)
class Fingerprint:
    uuid: str
    name: str
    updated_at: datetime
    digest: str


# Every stored column a synced field comes from, each contact point list in its order: one row
# per contact, read by SQLite in one pass, so an unchanged contact costs a digest, not a card.
_FINGERPRINTS = """
SELECT c.id, c.uuid, c.display_name, c.updated_at,
  c.prefix, c.given_name, c.middle_name, c.family_name, c.suffix, c.nickname, c.shown_as,
  c.organization,
  c.department, c.title, c.notes, c.starred, {extras}
  length(c.photo), hex(substr(c.photo, 1, 48)), hex(substr(c.photo, -48)),
  (SELECT group_concat(address || char(31) || label || char(31) || is_primary, char(30))
     FROM (SELECT * FROM emails WHERE contact_id = c.id ORDER BY position)),
  (SELECT group_concat(raw || char(31) || label || char(31) || is_primary, char(30))
     FROM (SELECT * FROM phones WHERE contact_id = c.id ORDER BY position)),
  (SELECT group_concat(label || char(31) || street || char(31) || city || char(31) || region
          || char(31) || postal_code || char(31) || country || char(31) || is_primary, char(30))
     FROM (SELECT * FROM addresses WHERE contact_id = c.id ORDER BY position)),
  (SELECT group_concat(url || char(31) || kind || char(31) || label || char(31) || is_primary,
          char(30))
     FROM (SELECT * FROM web_links WHERE contact_id = c.id ORDER BY position)),
  (SELECT group_concat(name, char(30)) FROM (SELECT t.name FROM contact_tags ct
     JOIN tags t ON t.id = ct.tag_id WHERE ct.contact_id = c.id ORDER BY t.name)),
  (SELECT group_concat(kind || char(31) || ifnull(year, '') || '-' || month || '-'
          || ifnull(day, '') || char(31) || label, char(30))
     FROM (SELECT * FROM important_dates WHERE contact_id = c.id ORDER BY id))
FROM contacts c WHERE c.id IN (SELECT value FROM json_each(:ids))
"""
_EXTRA_COLUMNS = "c.tier, c.keep_in_touch_days, c.how_we_met, c.met_on, c.time_zone,"


def in_scope(session: Session, settings: Settings) -> dict[str, int]:
    """uuid -> id of every contact that goes to the server: never an archived one; not light
    contacts unless the user chose everyone; only a tag's when the user chose a tag."""
    where = ["c.archived = 0"]
    params: dict[str, str] = {}
    if settings.sync_scope == "people":
        where.append("c.is_light = 0")
    elif settings.sync_scope == "tag":
        where.append(
            "c.id IN (SELECT ct.contact_id FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id"
            " WHERE t.name = :tag COLLATE NOCASE)"
        )
        params["tag"] = settings.sync_tag.strip()
    sql = f"SELECT c.uuid, c.id FROM contacts c WHERE {' AND '.join(where)}"
    return {str(row[0]): int(row[1]) for row in session.execute(text(sql), params)}


def contacts_by_uuid(session: Session, uuids: Sequence[str]) -> dict[str, int]:
    """uuid -> id of those of `uuids` that exist at all (archived or not)."""
    found: dict[str, int] = {}
    for start in range(0, len(uuids), _CHUNK):
        rows = session.execute(
            select(Contact.uuid, Contact.id).where(Contact.uuid.in_(uuids[start : start + _CHUNK]))
        )
        found.update((uuid, contact_id) for uuid, contact_id in rows)
    return found


def fingerprints(session: Session, ids: Sequence[int], extras: bool) -> dict[int, Fingerprint]:
    """id -> what the contact is, with a digest of everything its synced fields come from."""
    sql = _FINGERPRINTS.format(extras=_EXTRA_COLUMNS if extras else "")
    found: dict[int, Fingerprint] = {}
    for contact_id, uuid, name, updated_at, *columns in raw_rows(
        session, sql, {"ids": json.dumps(list(ids))}
    ):
        said = "\x1d".join("" if value is None else str(value) for value in columns)
        digest = hashlib.sha256(said.encode()).hexdigest()[:32]
        when = datetime.fromisoformat(updated_at).replace(tzinfo=UTC)
        found[contact_id] = Fingerprint(uuid, name, when, digest)
    return found


def synced_fields(session: Session, ids: Sequence[int], extras: bool) -> dict[int, Fields]:
    """id -> the synced fields of these contacts, read whole."""
    return {
        card.id: fields_of_card(card, photo, extras)
        for card, photo in cards_with_photos(session, ids)
    }


def cards_with_photos(
    session: Session, ids: Sequence[int]
) -> Iterator[tuple[ContactCard, bytes | None]]:
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        photos: dict[int, bytes | None] = {
            row.id: row.photo
            for row in session.execute(
                select(Contact.id, Contact.photo).where(
                    Contact.id.in_(chunk), Contact.photo.is_not(None)
                )
            )
        }
        for card in cards_of(session, chunk):
            yield card, photos.get(card.id)


def fields_of_card(card: ContactCard, photo: bytes | None, extras: bool) -> Fields:
    return fields_of(card.draft, ((d.kind, d.date, d.label) for d in card.dates), photo, extras)


def apply_fields(session: Session, contact_id: int, fields: Fields, region: str) -> None:
    """Set a contact's synced fields; its dates keep their ids (and reminders) where unchanged."""
    contact = session.get_one(Contact, contact_id)
    apply_draft(session, contact, draft_with(contact_draft(contact), fields), region)
    set_dates(session, contact_id, _date_entries(session, contact_id, dates_from(fields)))


def set_photo(session: Session, contact_id: int, photo: bytes | None) -> None:
    session.get_one(Contact, contact_id).photo = photo


def create_contact(
    session: Session, card: IncomingContact, uuid: str, region: str, extras: bool
) -> int:
    """A new contact from a card made on the phone."""
    contact = Contact(uuid=uuid)
    draft = card.to_draft()
    if not extras:  # Nurture's own fields only come in when the user turned them on
        draft = replace(draft, tier="", keep_in_touch_days=None, how_we_met="", met_on=None)
    apply_draft(session, contact, draft, region)
    contact.photo = card.photo
    session.add(contact)
    session.flush()
    set_dates(
        session,
        contact.id,
        [ImportantDateValue(0, d.kind, d.date, d.label) for d in card.dates],
    )
    return contact.id


def archive(session: Session, contact_id: int) -> None:
    session.get_one(Contact, contact_id).archived = True


def keep_conflicts(session: Session, contact_id: int, conflicts: Sequence[Conflict]) -> None:
    session.add_all(
        SyncConflict(
            contact_id=contact_id,
            field=c.field,
            kept=json.dumps(c.kept, ensure_ascii=False),
            set_aside=json.dumps(c.set_aside, ensure_ascii=False),
            from_server=c.from_server,
        )
        for c in conflicts
    )


def remember(session: Session, book: str, agreed: Sequence[Agreed]) -> None:
    """What both sides agreed on for these cards, for the next sync to compare with. A card
    replaces the one at its href and any other of its contact (REPLACE on both keys)."""
    if not agreed:
        return
    session.execute(
        text(
            "INSERT OR REPLACE INTO sync_cards"
            " (href, book_url, contact_uuid, etag, card, fields, digest)"
            " VALUES (:href, :book, :uuid, :etag, :card, :fields, :digest)"
        ),
        [
            {
                "href": a.href,
                "book": book,
                "uuid": a.uuid,
                "etag": a.etag,
                "card": a.card,
                "fields": json.dumps(a.fields, ensure_ascii=False, sort_keys=True),
                "digest": a.digest,
            }
            for a in agreed
        ],
    )


def with_texts(session: Session, known: dict[str, Known], uuids: set[str]) -> dict[str, Known]:
    """`known` with the card text and the fields as synced filled in for these contacts' cards:
    the rest of a book of 20,000 stays unread when little changed."""
    hrefs = [href for href, was in known.items() if was.uuid in uuids]
    filled = dict(known)
    for start in range(0, len(hrefs), _CHUNK):
        rows = session.execute(
            text("SELECT href, card, fields FROM sync_cards WHERE href IN :hrefs").bindparams(
                bindparam("hrefs", expanding=True)
            ),
            {"hrefs": hrefs[start : start + _CHUNK]},
        )
        for href, card, fields in rows:
            filled[href] = replace(known[href], card=card, fields=fields)
    return filled


def forget(session: Session, href: str) -> None:
    session.execute(text("DELETE FROM sync_cards WHERE href = :href"), {"href": href})


def _date_entries(
    session: Session, contact_id: int, wanted: Sequence[DateTriple]
) -> list[ImportantDateValue]:
    stored = list(
        session.scalars(select(ImportantDate).where(ImportantDate.contact_id == contact_id))
    )
    entries: list[ImportantDateValue] = []
    for kind, when, label in wanted:
        same = next(
            (
                row
                for row in stored
                if (row.kind, PartialDate(row.year, row.month, row.day)) == (str(kind), when)
            ),
            None,
        )
        if same is not None:
            stored.remove(same)
            entries.append(
                ImportantDateValue(
                    same.id, DateKind(same.kind), when, label, lead_days=same.lead_days
                )
            )
        else:
            entries.append(ImportantDateValue(0, kind, when, label))
    return entries
