"""One CSV record to an IncomingContact, through the column mapping of `csv_formats`."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime

from nurture.domain.dto import AddressValue, EmailValue, PhoneValue, WebLinkValue
from nurture.domain.enums import DateKind, RelationshipKind
from nurture.domain.vocabulary import date_kind, relation_kind, web_kind
from nurture.errors import ValidationError
from nurture.formats import CsvFormat
from nurture.io.csv_formats import TAG_SEPARATORS, Field
from nurture.io.csv_read import CsvRow
from nurture.io.dates import parse_date_text, split_year_month_day
from nurture.io.formulas import restore
from nurture.io.incoming import IncomingContact, IncomingDate, IncomingRelation

GOOGLE_MULTI = " ::: "
_TEXT = frozenset(
    {
        "given_name",
        "middle_name",
        "family_name",
        "prefix",
        "suffix",
        "nickname",
        "full_name",
        "organization",
        "title",
        "department",
    }
)
_PEOPLE = {
    "spouse": RelationshipKind.SPOUSE,
    "assistant": RelationshipKind.ASSISTANT,
    "manager": RelationshipKind.MANAGER,
}


def build(row: CsvRow, fields: Sequence[Field | None], csv_format: CsvFormat) -> IncomingContact:
    contact = IncomingContact(line=row.line)
    groups: dict[tuple[str, int], dict[str, str]] = defaultdict(dict)
    addresses: dict[int, dict[str, str]] = defaultdict(dict)
    split_birthday: dict[str, str] = {}
    extra_notes: list[str] = []
    for field, raw in zip(fields, row.cells, strict=False):
        value = restore(raw).strip() if field is not None else ""
        if not value or field is None:
            continue
        target = field.target
        if "." in target:  # first: most of Google's and Outlook's columns are groups' parts
            group_kind, part = target.split(".", 1)
            groups[(group_kind, field.group)][part] = value
        elif target in _TEXT:
            setattr(contact, target, value)
        elif target == "notes":
            extra_notes.append(value)
        elif target == "email":
            contact.emails.extend(EmailValue(v, field.label) for v in _multi(value))
        elif target == "phone":
            contact.phones.extend(PhoneValue(v, field.label) for v in _multi(value))
        elif target == "website":
            contact.web_links.extend(
                WebLinkValue(v, web_kind(v), field.label) for v in _multi(value)
            )
        elif target in ("street", "city", "region", "postal_code", "country"):
            slot = addresses[field.group or 1]
            slot["label"] = field.label
            slot[target] = f"{slot[target]}\n{value}" if target in slot else value
        elif target in ("birthday", "anniversary"):
            dated = DateKind.BIRTHDAY if target == "birthday" else DateKind.ANNIVERSARY
            _add_date(contact, dated, value)
        elif target == "tags":
            _tags(contact, value, csv_format)
        elif target == "referred_by":  # a name, not yet a contact: kept in words
            said = f"Referred by {value}"
            contact.how_we_met = f"{contact.how_we_met}\n{said}" if contact.how_we_met else said
        elif target in _PEOPLE:
            contact.relations.append(IncomingRelation(_PEOPLE[target], value))
        elif target == "children":
            for child in re.split(r"[;,]", value):
                if child.strip():
                    contact.relations.append(
                        IncomingRelation(RelationshipKind.CHILD, child.strip())
                    )
        elif target == "connected_on":
            _connected(contact, value)
        elif target in ("birth_year", "birth_month", "birth_day"):
            split_birthday[target] = value
    contact.notes = "\n\n".join(extra_notes)
    if split_birthday:
        try:
            when = split_year_month_day(
                *(split_birthday.get(f"birth_{p}", "") for p in ("year", "month", "day"))
            )
        except ValidationError as error:
            contact.warnings.append(f"birthday left out: {error.message}")
        else:
            if when is not None:
                contact.dates.append(IncomingDate(DateKind.BIRTHDAY, when))
    for number in sorted(addresses):
        parts = addresses[number]
        contact.addresses.append(
            AddressValue(
                parts.pop("label", ""),
                parts.get("street", ""),
                parts.get("city", ""),
                parts.get("region", ""),
                parts.get("postal_code", ""),
                parts.get("country", ""),
            )
        )
    for (group_kind, _number), parts in sorted(groups.items(), key=lambda item: item[0][1]):
        _group(contact, group_kind, parts)
    return contact


def _multi(value: str) -> list[str]:
    """Google puts several values in one cell: "a@x.com ::: b@y.com"."""
    return [v.strip() for v in value.split(GOOGLE_MULTI) if v.strip()]


def _label(text: str) -> tuple[str, bool]:
    """Google's "* Work" marks the primary value."""
    primary = text.startswith("* ")
    return text.removeprefix("* ").strip().lower(), primary


def _add_date(contact: IncomingContact, kind: DateKind, value: str, label: str = "") -> None:
    try:
        when = parse_date_text(value)
    except ValidationError as error:
        contact.warnings.append(f"{kind.value.replace('_', ' ')} left out: {error.message}")
        return
    if when is not None:
        contact.dates.append(IncomingDate(kind, when, label))


def _tags(contact: IncomingContact, value: str, csv_format: CsvFormat) -> None:
    separator = TAG_SEPARATORS.get(csv_format)
    if not separator:  # Google's " ::: ", else the ";" most address books write
        separator = GOOGLE_MULTI if GOOGLE_MULTI in value or ";" not in value else ";"
    for piece in value.split(separator):
        contact.add_group(piece)


def _connected(contact: IncomingContact, value: str) -> None:
    for pattern in ("%d %b %Y", "%m/%d/%y", "%m/%d/%Y", "%Y-%m-%d"):
        try:
            contact.met_on = datetime.strptime(value, pattern).date()
            break
        except ValueError:
            continue
    contact.how_we_met = f"Connected on LinkedIn on {value}"


def _as_written(parts: dict[str, str]) -> str:
    """A relation's or date's own label as the user wrote it ("Mom"), kept beside its kind."""
    return parts.get("label", "").removeprefix("* ").strip()


def _group(contact: IncomingContact, kind: str, parts: dict[str, str]) -> None:
    label, primary = _label(parts.get("label", ""))
    values = _multi(parts.get("value", ""))
    if kind == "email":
        contact.emails.extend(
            EmailValue(v, label, primary and i == 0) for i, v in enumerate(values)
        )
    elif kind == "phone":
        contact.phones.extend(
            PhoneValue(v, label, primary and i == 0) for i, v in enumerate(values)
        )
    elif kind == "website":
        contact.web_links.extend(WebLinkValue(v, web_kind(v), label) for v in values)
    elif kind == "address" and any(
        parts.get(p) for p in ("street", "city", "postal_code", "country", "formatted")
    ):
        contact.addresses.append(
            AddressValue(
                label,
                parts.get("street") or parts.get("formatted", ""),
                parts.get("city", ""),
                parts.get("region", ""),
                parts.get("postal_code", ""),
                parts.get("country", ""),
                primary,
            )
        )
    elif kind == "event":
        dated, kept = date_kind(_as_written(parts))
        for value in values:
            _add_date(contact, dated, value, kept)
    elif kind == "relation":
        relation, kept = relation_kind(_as_written(parts))
        for value in values:
            contact.relations.append(IncomingRelation(relation, value, kept))
