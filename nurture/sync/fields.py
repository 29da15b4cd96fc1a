"""The fields a contact shares with its card, as plain JSON values, and the three-way merge.

Each side is compared with itself: Nurture's fields now with Nurture's fields as last synced,
the server's card now with the server's card as last seen (both read by the same vCard
reader), so a field only counts as changed where that side changed it, never because a
vCard round trip spells it differently.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from nurture.domain.dates import PartialDate
from nurture.domain.dto import (
    NAME_AND_WORK_FIELDS,
    AddressValue,
    ContactDraft,
    EmailValue,
    PhoneValue,
    WebLinkValue,
)
from nurture.domain.enums import DateKind, WebKind
from nurture.io.incoming import IncomingContact

Fields = dict[str, Any]  # field name -> a JSON value (str, bool, int, None or nested lists)
DateTriple = tuple[DateKind, PartialDate, str]  # (kind, date, label)

TEXT_FIELDS = (*NAME_AND_WORK_FIELDS, "notes")  # the name as shown (a card's FN) included
LIST_FIELDS = ("emails", "phones", "addresses", "web_links", "tags")
DATE_FIELDS = ("birthday", "anniversary", "other_dates")
# Nurture's own fields, carried as X-NURTURE-* properties only when the user turns that on.
EXTRA_FIELDS = ("tier", "keep_in_touch_days", "how_we_met", "met_on", "time_zone")
SYNCED = (*TEXT_FIELDS, *LIST_FIELDS, "starred", *DATE_FIELDS, "photo")


def fields_of(
    draft: ContactDraft, dates: Iterable[DateTriple], photo: bytes | None, extras: bool
) -> Fields:
    """The synced fields of a contact (or of a card read into a draft)."""
    found: Fields = {name: getattr(draft, name).strip() for name in TEXT_FIELDS}
    found["emails"] = [[e.address.strip(), e.label, e.primary] for e in draft.emails]
    found["phones"] = [[p.raw.strip(), p.label, p.primary] for p in draft.phones]
    found["addresses"] = [
        [a.label, a.street, a.city, a.region, a.postal_code, a.country, a.primary]
        for a in draft.addresses
    ]
    found["web_links"] = [[w.url.strip(), str(w.kind), w.label, w.primary] for w in draft.web_links]
    found["tags"] = sorted(draft.tags, key=str.casefold)
    found["starred"] = draft.starred
    found.update(_dates(dates))
    found["photo"] = hashlib.sha256(photo).hexdigest()[:32] if photo else ""
    if extras:
        found.update(
            tier=draft.tier,
            keep_in_touch_days=draft.keep_in_touch_days,
            how_we_met=draft.how_we_met.strip(),
            met_on=draft.met_on.isoformat() if draft.met_on else "",
            time_zone=draft.time_zone,
        )
    return found


def card_fields(card: IncomingContact, extras: bool) -> Fields:
    return fields_of(
        card.to_draft(), ((d.kind, d.date, d.label) for d in card.dates), card.photo, extras
    )


def _dates(dates: Iterable[DateTriple]) -> Fields:
    """The first birthday and anniversary as the card's BDAY and ANNIVERSARY; the rest (a
    graduation, a work anniversary, a second birthday) as one sorted list."""
    birthday, anniversary = "", ["", ""]
    others: list[list[str]] = []
    for kind, when, label in dates:
        if kind is DateKind.BIRTHDAY and not birthday:
            birthday = when.iso()
        elif kind is DateKind.ANNIVERSARY and not anniversary[0]:
            anniversary = [when.iso(), "" if label.lower() == "anniversary" else label]
        else:
            others.append([str(kind), when.iso(), label])
    return {"birthday": birthday, "anniversary": anniversary, "other_dates": sorted(others)}


def dates_from(fields: Mapping[str, Any]) -> list[DateTriple]:
    found: list[DateTriple] = []
    if fields["birthday"]:
        found.append((DateKind.BIRTHDAY, PartialDate.parse(fields["birthday"]), ""))
    when, label = fields["anniversary"]
    if when:
        found.append((DateKind.ANNIVERSARY, PartialDate.parse(when), label))
    found.extend(
        (DateKind(k), PartialDate.parse(w), label) for k, w, label in fields["other_dates"]
    )
    return found


def draft_with(draft: ContactDraft, fields: Mapping[str, Any]) -> ContactDraft:
    """`draft` with the synced fields set from `fields` (Nurture's own fields left as they are,
    unless `fields` carries them)."""
    changes: dict[str, Any] = {name: fields[name] for name in TEXT_FIELDS}
    changes["emails"] = tuple(EmailValue(a, label, p) for a, label, p in fields["emails"])
    changes["phones"] = tuple(PhoneValue(raw, label, p) for raw, label, p in fields["phones"])
    changes["addresses"] = tuple(
        AddressValue(label, street, city, region, code, country, p)
        for label, street, city, region, code, country, p in fields["addresses"]
    )
    changes["web_links"] = tuple(
        WebLinkValue(url, WebKind(kind), label, p) for url, kind, label, p in fields["web_links"]
    )
    changes["tags"] = tuple(fields["tags"])
    changes["starred"] = bool(fields["starred"])
    if "tier" in fields:
        changes.update(
            tier=fields["tier"],
            keep_in_touch_days=fields["keep_in_touch_days"],
            how_we_met=fields["how_we_met"],
            met_on=date.fromisoformat(fields["met_on"]) if fields["met_on"] else None,
            time_zone=fields["time_zone"],
        )
    return replace(draft, **changes)


@dataclass(frozen=True, slots=True)
class Conflict:
    """Both sides changed `field`: `kept` is in the contact now, `set_aside` was the other
    side's value (`from_server`: the server's)."""

    field: str
    kept: Any
    set_aside: Any
    from_server: bool


@dataclass(frozen=True, slots=True)
class Merge:
    fields: Fields  # what both sides hold after the sync
    conflicts: tuple[Conflict, ...]
    to_nurture: tuple[str, ...]  # fields Nurture takes from the server
    to_server: tuple[str, ...]  # fields the server takes from Nurture


def merge(
    ours_then: Mapping[str, Any] | None,
    ours: Mapping[str, Any],
    theirs_then: Mapping[str, Any] | None,
    theirs: Mapping[str, Any],
    server_is_newer: bool,
) -> Merge:
    """Field by field: a field only one side changed takes that side's value; a field both
    changed to different values takes the newer side's and sets the other aside. Without a
    last sync (`*_then` None), every field that differs counts as changed on both sides."""
    merged: Fields = {}
    conflicts: list[Conflict] = []
    to_nurture: list[str] = []
    to_server: list[str] = []
    for name, value in ours.items():
        remote = theirs.get(name, value)
        we_changed = ours_then is None or ours_then.get(name) != value
        they_changed = theirs_then is None or theirs_then.get(name) != remote
        if value == remote or not they_changed:
            merged[name] = value
            if we_changed and value != remote:
                to_server.append(name)
        elif not we_changed:
            merged[name] = remote
            to_nurture.append(name)
        elif server_is_newer:
            merged[name] = remote
            to_nurture.append(name)
            conflicts.append(Conflict(name, remote, value, from_server=False))
        else:
            merged[name] = value
            to_server.append(name)
            conflicts.append(Conflict(name, value, remote, from_server=True))
    return Merge(merged, tuple(conflicts), tuple(to_nurture), tuple(to_server))
