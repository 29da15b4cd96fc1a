"""Contacts as a CSV in Google Contacts' current export layout, so the file re-imports into Google
and into Nurture. Every cell goes through `neutralise` against spreadsheet formula injection; our
own importer takes the apostrophe off again."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from nurture.domain.dto import ContactCard, ImportantDateValue
from nurture.domain.enums import DateKind, RelationshipKind, WebKind
from nurture.io.formulas import neutralise

_NAME_COLUMNS = (
    "First Name",
    "Middle Name",
    "Last Name",
    "Name Prefix",
    "Name Suffix",
    "Nickname",
    "Organization Name",
    "Organization Title",
    "Organization Department",
    "Birthday",
    "Notes",
    "Labels",
)
_EMAIL_PARTS = ("Label", "Value")
_PHONE_PARTS = ("Label", "Value")
_ADDRESS_PARTS = ("Label", "Street", "City", "Region", "Postal Code", "Country")
_WEBSITE_PARTS = ("Label", "Value")
_EVENT_PARTS = ("Label", "Value")
_RELATION_PARTS = ("Label", "Value")

MY_CONTACTS = "* myContacts"
STARRED = "* starred"
MULTI_VALUE_SEPARATOR = " ::: "
PRIMARY_MARK = "* "

# Google's own spelling of the labels it knows; anything else is a custom label.
_KNOWN_LABELS = {
    "home": "Home",
    "work": "Work",
    "mobile": "Mobile",
    "other": "Other",
    "main": "Main",
    "pager": "Pager",
    "home fax": "Home Fax",
    "home_fax": "Home Fax",
    "work fax": "Work Fax",
    "work_fax": "Work Fax",
    "google voice": "Google Voice",
    "google_voice": "Google Voice",
    "homepage": "Homepage",
    "blog": "Blog",
    "profile": "Profile",
}

_EVENT_LABELS = {
    DateKind.BIRTHDAY: "Birthday",
    DateKind.ANNIVERSARY: "Anniversary",
    DateKind.GRADUATION: "Graduation",
    DateKind.WORK_ANNIVERSARY: "Work anniversary",
}

_RELATION_LABELS = {
    RelationshipKind.SPOUSE: "Spouse",
    RelationshipKind.CHILD: "Child",
    RelationshipKind.PARENT: "Parent",
    RelationshipKind.ASSISTANT: "Assistant",
    RelationshipKind.MANAGER: "Manager",
    RelationshipKind.BUSINESS_PARTNER: "Partner",
    RelationshipKind.COLLEAGUE: "Colleague",
    RelationshipKind.COMPETITOR: "Competitor",
    RelationshipKind.FRIEND: "Friend",
}

_WEB_LABELS = {
    WebKind.LINKEDIN: "LinkedIn",
    WebKind.TWITTER: "Twitter",
    WebKind.FACEBOOK: "Facebook",
    WebKind.INSTAGRAM: "Instagram",
}


def write_google_csv(cards: Iterable[ContactCard]) -> str:
    """The CSV text (CRLF line ends, no BOM) with as many numbered groups as the data needs."""
    rows = [_Row.of(card) for card in cards]
    counts = {
        "E-mail": max((len(r.emails) for r in rows), default=0),
        "Phone": max((len(r.phones) for r in rows), default=0),
        "Address": max((len(r.addresses) for r in rows), default=0),
        "Website": max((len(r.websites) for r in rows), default=0),
        "Event": max((len(r.events) for r in rows), default=0),
        "Relation": max((len(r.relations) for r in rows), default=0),
    }
    header = [
        *_NAME_COLUMNS,
        *_groups("E-mail", _EMAIL_PARTS, counts["E-mail"]),
        *_groups("Phone", _PHONE_PARTS, counts["Phone"]),
        *_groups("Address", _ADDRESS_PARTS, counts["Address"]),
        *_groups("Website", _WEBSITE_PARTS, counts["Website"]),
        *_groups("Event", _EVENT_PARTS, counts["Event"]),
        *_groups("Relation", _RELATION_PARTS, counts["Relation"]),
    ]
    out = io.StringIO(newline="")
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([neutralise(cell) for cell in header])
    for row in rows:
        cells = [
            *row.names,
            *_pad(row.emails, len(_EMAIL_PARTS), counts["E-mail"]),
            *_pad(row.phones, len(_PHONE_PARTS), counts["Phone"]),
            *_pad(row.addresses, len(_ADDRESS_PARTS), counts["Address"]),
            *_pad(row.websites, len(_WEBSITE_PARTS), counts["Website"]),
            *_pad(row.events, len(_EVENT_PARTS), counts["Event"]),
            *_pad(row.relations, len(_RELATION_PARTS), counts["Relation"]),
        ]
        writer.writerow([neutralise(cell) for cell in cells])
    return out.getvalue()


def _groups(prefix: str, parts: Sequence[str], count: int) -> list[str]:
    return [f"{prefix} {n} - {part}" for n in range(1, max(count, 1) + 1) for part in parts]


def _pad(groups: Sequence[tuple[str, ...]], width: int, count: int) -> list[str]:
    cells = [cell for group in groups for cell in group]
    return cells + [""] * (max(count, 1) * width - len(cells))


class _Row:
    """One card's cells before padding: the fixed columns, then each repeated group."""

    __slots__ = ("addresses", "emails", "events", "names", "phones", "relations", "websites")

    def __init__(self) -> None:
        self.names: list[str] = []
        self.emails: list[tuple[str, ...]] = []
        self.phones: list[tuple[str, ...]] = []
        self.addresses: list[tuple[str, ...]] = []
        self.websites: list[tuple[str, ...]] = []
        self.events: list[tuple[str, ...]] = []
        self.relations: list[tuple[str, ...]] = []

    @classmethod
    def of(cls, card: ContactCard) -> _Row:
        row = cls()
        d = card.draft
        birthday, others = _split_birthday(card.dates)
        labels = [MY_CONTACTS, *d.tags]
        if d.starred:
            labels.append(STARRED)
        given = d.given_name
        if not any((d.given_name, d.middle_name, d.family_name, d.nickname, d.organization)):
            given = card.name  # a contact known only by its display name
        row.names = [
            given,
            d.middle_name,
            d.family_name,
            d.prefix,
            d.suffix,
            d.nickname,
            d.organization,
            d.title,
            d.department,
            birthday.date.iso() if birthday else "",
            d.notes,
            MULTI_VALUE_SEPARATOR.join(labels),
        ]
        row.emails = [(_point_label(e.label, e.primary), e.address) for e in d.emails]
        row.phones = [(_point_label(p.label, p.primary), p.value) for p in d.phones]
        row.addresses = [
            (_label(a.label), a.street, a.city, a.region, a.postal_code, a.country)
            for a in d.addresses
        ]
        row.websites = [(_web_label(w.kind, w.label), w.url) for w in d.web_links]
        row.events = [(_event_label(v), v.date.iso()) for v in others]
        row.relations = [
            (_RELATION_LABELS.get(r.kind) or r.label or r.kind.label, r.other.name)
            for r in card.relationships
        ]
        return row


def _split_birthday(
    dates: Sequence[ImportantDateValue],
) -> tuple[ImportantDateValue | None, list[ImportantDateValue]]:
    """The first birthday (for the Birthday column) and every other date (for Event groups)."""
    birthday = next((v for v in dates if v.kind is DateKind.BIRTHDAY), None)
    return birthday, [v for v in dates if v is not birthday]


def _label(label: str) -> str:
    """Google's capitalised spelling; custom labels typed in lower case get a capital."""
    text = label.strip()
    known = _KNOWN_LABELS.get(text.lower())
    if known:
        return known
    return text[:1].upper() + text[1:] if text.islower() else text


def _point_label(label: str, primary: bool) -> str:
    """Google marks the primary email or phone by prefixing its label with `* `."""
    text = _label(label)
    if primary:
        return PRIMARY_MARK + (text or "Other")
    return text


def _web_label(kind: WebKind, label: str) -> str:
    fixed = _WEB_LABELS.get(kind)
    if fixed:
        return fixed
    if kind is WebKind.WEBSITE:
        return _label(label) or "Homepage"
    return _label(label) or "Other"


def _event_label(value: ImportantDateValue) -> str:
    if value.kind is DateKind.CUSTOM:
        return value.label.strip() or "Other"
    return _EVENT_LABELS[value.kind]
