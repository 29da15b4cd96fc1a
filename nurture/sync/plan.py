"""What one sync will do, decided before anything is written on either side: every card the
server changed matched to its contact and merged, every contact Nurture changed, every delete
on either side. Deciding first is what makes `--dry-run` honest and the mass-delete guard
possible: nothing happens until the whole plan is known."""

from __future__ import annotations

import json
import re
import uuid as uuids
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from nurture.io.incoming import IncomingContact
from nurture.io.vcard import CardError, read_vcards
from nurture.sync.carddav import card_href
from nurture.sync.fields import Fields, Merge, card_fields, merge

_REV = re.compile(r"^REV[;:](?:[^:\r\n]*:)?([0-9TZ:+\-.]+)", re.MULTILINE | re.IGNORECASE)


Fetched = tuple[str, str, IncomingContact | CardError]  # (ETag, text, the card read)


@dataclass(frozen=True, slots=True)
class Known:
    """A card as the last sync left it."""

    uuid: str
    etag: str
    card: str
    fields: str  # JSON
    digest: str


@dataclass(frozen=True, slots=True)
class Local:
    id: int
    name: str
    fields: Fields | None  # None: unchanged since the last sync, so not read
    updated_at: datetime
    in_scope: bool

    def changed_since(self, fields_then: str) -> bool:
        return self.fields is not None and self.fields != json.loads(fields_then)


@dataclass(frozen=True, slots=True)
class Pulled:
    """A card the server changed (or a new one), and what becomes of it here."""

    href: str
    etag: str
    text: str
    card: IncomingContact
    uuid: str  # the contact it is (or will be)
    contact: Local | None  # None: a new contact here
    merged: Merge | None  # None for a new contact
    ours_then: Fields | None


@dataclass(frozen=True, slots=True)
class Push:
    contact: Local
    href: str
    etag: str | None  # None: a new card (If-None-Match)
    server_copy: str  # "" for a new card


@dataclass(slots=True)
class Plan:
    pulled: list[Pulled] = field(default_factory=list)
    pushes: list[Push] = field(default_factory=list)
    archive_here: list[tuple[str, Local]] = field(default_factory=list)  # (href, contact)
    delete_there: list[tuple[str, str, str]] = field(default_factory=list)  # (href, etag, who)
    forget: list[str] = field(default_factory=list)  # cards gone on both sides
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # (href, why)


def parse(text: str) -> IncomingContact | CardError:
    for card in read_vcards(text):
        return card
    return CardError(1, "The server sent an empty card.")


def make_plan(
    book: str,
    known: Mapping[str, Known],
    fetched: Mapping[str, Fetched],
    removed: set[str],
    locals_by_uuid: Mapping[str, Local],
    extras: bool,
) -> Plan:
    """`known`: the cards of the last sync by href; `fetched`: href -> (ETag, text, card) of the
    cards the server changed or added; `removed`: hrefs the server no longer has;
    `locals_by_uuid`: Nurture's contacts (those in scope, and those the known cards name)."""
    plan = Plan()
    linked: set[str] = set()
    for href, (etag, text, card) in fetched.items():
        was = known.get(href)
        if isinstance(card, CardError):
            plan.unreadable.append((href, card.message))
            if was is not None:  # its contact keeps this card: no second one is sent
                linked.add(was.uuid)
            continue
        uuid = was.uuid if was is not None else _new_uuid(card, locals_by_uuid, linked)
        local = locals_by_uuid.get(uuid)
        linked.add(uuid)
        if local is None:
            plan.pulled.append(Pulled(href, etag, text, card, uuid, None, None, None))
            continue
        ours_then = json.loads(was.fields) if was is not None else None
        theirs_then = _fields_of(was.card, extras) if was is not None else None
        newer = _server_is_newer(text, local.updated_at)
        ours = local.fields if local.fields is not None else ours_then or {}
        merged = merge(ours_then, ours, theirs_then, card_fields(card, extras), newer)
        plan.pulled.append(Pulled(href, etag, text, card, uuid, local, merged, ours_then))
        if not local.in_scope:  # archived here (or left the scope) since: goes once merged
            plan.delete_there.append((href, etag, local.name))
        elif merged.to_server:
            plan.pushes.append(Push(local, href, etag, text))
    for href in sorted(removed - fetched.keys()):
        was = known[href]
        local = locals_by_uuid.get(was.uuid)
        linked.add(was.uuid)
        if local is None or not local.in_scope:
            plan.forget.append(href)
        elif local.changed_since(was.fields):  # changed here, deleted there: send again
            plan.pushes.append(Push(local, href, None, ""))
        else:
            plan.archive_here.append((href, local))
    for href, was in known.items():
        if href in fetched or href in removed:
            continue
        linked.add(was.uuid)
        local = locals_by_uuid.get(was.uuid)
        if local is None or not local.in_scope:
            plan.delete_there.append((href, was.etag, local.name if local else href))
        elif local.changed_since(was.fields):
            plan.pushes.append(Push(local, href, was.etag, was.card))
    plan.pushes.extend(
        Push(local, card_href(book, uuid), None, "")
        for uuid, local in locals_by_uuid.items()
        if local.in_scope and uuid not in linked
    )
    return plan


def _new_uuid(card: IncomingContact, locals_by_uuid: Mapping[str, Local], taken: set[str]) -> str:
    """The contact a card new to this sync is: the one whose UUID is its UID (a card Nurture
    sent before, or a restored file), else a new one keeping the card's UID when it is a UUID."""
    if card.uid and card.uid not in taken:
        local = locals_by_uuid.get(card.uid)
        if local is None or local.in_scope:
            return card.uid
    return str(uuids.uuid4())


def _fields_of(text: str, extras: bool) -> Fields | None:
    card = parse(text) if text else None
    return card_fields(card, extras) if isinstance(card, IncomingContact) else None


def _server_is_newer(text: str, updated_at: datetime) -> bool:
    """Whether the card's REV is after the contact's last change. A card without a REV counts
    as newer: it was changed since the last sync, and that sync is when Nurture saw it."""
    found = _REV.search(text)
    if not found:
        return True
    from dateutil import parser

    try:
        rev = parser.isoparse(found.group(1))
    except ValueError:
        return True
    if rev.tzinfo is None:
        rev = rev.replace(tzinfo=UTC)
    return rev > updated_at
