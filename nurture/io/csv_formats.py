"""The CSV layouts address books export, recognised by their header, mapped by header name.

One table maps every known column name to a target field (with the label it implies: "Business
Phone" is a work phone); Google's numbered groups ("E-mail 2 - Value") are read by pattern; the
few columns that mean different things per producer ("Title" is Mr./Ms. for Outlook, a job title
elsewhere) are overridden per format. Anything else can be mapped by hand (`--map COLUMN=FIELD`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from nurture.formats import CsvFormat

# Fields a column can be mapped to (the wizard's choices and `--map COLUMN=FIELD`).
FIELDS = (
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
    "notes",
    "email",
    "phone",
    "website",
    "street",
    "city",
    "region",
    "postal_code",
    "country",
    "birthday",
    "anniversary",
    "tags",
    "spouse",
    "children",
    "assistant",
    "manager",
    "connected_on",
    "referred_by",
    "birth_year",
    "birth_month",
    "birth_day",
    "ignore",
)


# What each target is called where people see it (the import wizard, `--map` help).
_WORDS = {
    "given_name": "Given name",
    "middle_name": "Middle name",
    "family_name": "Family name",
    "prefix": "Name prefix (Dr.)",
    "suffix": "Name suffix (Jr.)",
    "nickname": "Nickname",
    "full_name": "Full name (split into parts)",
    "organization": "Company",
    "title": "Job title",
    "department": "Department",
    "notes": "Notes",
    "email": "Email",
    "phone": "Phone",
    "website": "Website",
    "street": "Street",
    "city": "City",
    "region": "State or region",
    "postal_code": "Postal code",
    "country": "Country",
    "birthday": "Birthday",
    "anniversary": "Anniversary",
    "tags": "Tags",
    "spouse": "Spouse",
    "children": "Children",
    "assistant": "Assistant",
    "manager": "Manager",
    "connected_on": "Connected on (LinkedIn)",
    "referred_by": "Referred by (kept in how we met)",
    "birth_year": "Birth year",
    "birth_month": "Birth month",
    "birth_day": "Birth day",
    "ignore": "— not imported —",
}
_GROUP_WORDS = {
    "email": "Email",
    "phone": "Phone",
    "address": "Address",
    "website": "Website",
    "event": "Date",
    "relation": "Related person",
}
_PART_WORDS = {"value": "", "label": "label", "formatted": "(one line)", "ignore": "(not imported)"}


def describe(target: str) -> str:
    """A target in words: 'Email', 'Address (one line)', 'Phone label', 'Postal code'."""
    if not target:
        return _WORDS["ignore"]
    group, dot, part = target.partition(".")
    if not dot:
        return _WORDS.get(target, target.replace("_", " ").capitalize())
    what = _GROUP_WORDS.get(group, group.capitalize())
    detail = _PART_WORDS.get(part, _WORDS.get(part, part.replace("_", " ")).lower())
    return f"{what} {detail}".strip()


@dataclass(frozen=True, slots=True)
class Field:
    target: str  # one of FIELDS, or a Google group part ("email.value", "event.label"...)
    label: str = ""  # the label the column implies ("work" for "Business Phone")
    group: int = 0  # numbered group (Google) or address slot (1 work, 2 home, 3 other)


def _slot(prefix: str, label: str, group: int) -> dict[str, Field]:
    parts = {
        "street": "street",
        "street 2": "street",
        "street 3": "street",
        "address": "street",
        "address 2": "street",
        "city": "city",
        "state": "region",
        "postal code": "postal_code",
        "zipcode": "postal_code",
        "zip": "postal_code",
        "country/region": "country",
        "country": "country",
    }
    return {f"{prefix} {part}": Field(target, label, group) for part, target in parts.items()}


_KNOWN: dict[str, Field] = {
    **{name: Field("given_name") for name in ("first name", "given name", "first")},
    **{name: Field("middle_name") for name in ("middle name", "additional name", "middle")},
    **{name: Field("family_name") for name in ("last name", "family name", "surname", "last")},
    "name prefix": Field("prefix"),
    "prefix": Field("prefix"),
    "name suffix": Field("suffix"),
    "suffix": Field("suffix"),
    "nickname": Field("nickname"),
    "display name": Field("full_name"),
    "name": Field("full_name"),
    "full name": Field("full_name"),
    **{
        name: Field("organization")
        for name in (
            "company",
            "organization",
            "organisation",
            "organization name",
            "organization 1 - name",
        )
    },
    **{
        name: Field("title")
        for name in (
            "job title",
            "position",
            "title",
            "organization title",
            "organization 1 - title",
        )
    },
    **{
        name: Field("department")
        for name in ("department", "organization department", "organization 1 - department")
    },
    **{name: Field("notes") for name in ("notes", "note", "comments")},
    "birthday": Field("birthday"),
    "anniversary": Field("anniversary"),
    **{
        name: Field("email")
        for name in (
            "e-mail address",
            "email address",
            "email",
            "e-mail",
            "primary email",
            "e-mail 2 address",
            "e-mail 3 address",
            "secondary email",
            "alternate email 1",
            "alternate email 2",
        )
    },
    **{
        name: Field("phone", "mobile")
        for name in ("mobile phone", "mobile number", "mobile", "cell phone")
    },
    **{
        name: Field("phone", "work")
        for name in (
            "business phone",
            "business phone 2",
            "work phone",
            "work",
            "company main phone",
        )
    },
    **{name: Field("phone", "home") for name in ("home phone", "home phone 2", "home")},
    **{
        name: Field("phone", "other")
        for name in (
            "other phone",
            "phone",
            "other",
            "car phone",
            "pager",
            "pager number",
            "primary phone",
        )
    },
    **{
        name: Field("phone", "fax")
        for name in ("business fax", "home fax", "fax number", "fax", "other fax")
    },
    **{
        name: Field("website")
        for name in (
            "web page",
            "web page 1",
            "web page 2",
            "website",
            "personal web page",
            "personal website",
            "business website",
            "url",
        )
    },
    "categories": Field("tags"),
    "category": Field("tags"),
    "labels": Field("tags"),
    "group membership": Field("tags"),
    "spouse": Field("spouse"),
    "children": Field("children"),
    "assistant's name": Field("assistant"),
    "manager's name": Field("manager"),
    "connected on": Field("connected_on"),
    "referred by": Field("referred_by"),
    "birth year": Field("birth_year"),
    "birth month": Field("birth_month"),
    "birth day": Field("birth_day"),
    **_slot("business", "work", 1),
    **_slot("home", "home", 2),
    **_slot("other", "other", 3),
    **_slot("work", "work", 1),
    "home address": Field("street", "home", 2),
    "home address 2": Field("street", "home", 2),
    "work address": Field("street", "work", 1),
    "work address 2": Field("street", "work", 1),
}
# Outlook: "Title" is the honorific; Yahoo: "Home"/"Work"/"Other" are phones.
_OVERRIDES: dict[CsvFormat, dict[str, Field]] = {
    CsvFormat.OUTLOOK: {"title": Field("prefix")},
    CsvFormat.OUTLOOK_COM: {"title": Field("prefix")},
}

# "E-mail 1 - Value", "Phone 2 - Type", "Address 1 - Postal Code", "Event 1 - Label"...
_GROUP = re.compile(
    r"^(e-mail|phone|address|website|event|relation) (\d+) - (label|type|value|street|city|"
    r"region|postal code|country|po box|extended address|formatted)$"
)
_GROUP_PART = {
    "label": "label",
    "type": "label",
    "value": "value",
    "street": "street",
    "city": "city",
    "region": "region",
    "postal code": "postal_code",
    "country": "country",
    "formatted": "formatted",
}
_GROUP_KIND = {
    "e-mail": "email",
    "phone": "phone",
    "address": "address",
    "website": "website",
    "event": "event",
    "relation": "relation",
}

# Columns only one producer writes; the first format whose every signature is present wins.
_SIGNATURES: tuple[tuple[CsvFormat, frozenset[str]], ...] = (
    (CsvFormat.LINKEDIN, frozenset({"first name", "last name", "connected on"})),
    (CsvFormat.GOOGLE, frozenset({"first name", "last name", "labels"})),
    (CsvFormat.GOOGLE_LEGACY, frozenset({"given name", "family name", "group membership"})),
    (CsvFormat.OUTLOOK_COM, frozenset({"e-mail address", "job title", "given yomi"})),
    (CsvFormat.OUTLOOK, frozenset({"e-mail address", "job title", "business phone"})),
    (CsvFormat.THUNDERBIRD, frozenset({"primary email", "display name"})),
    (CsvFormat.YAHOO, frozenset({"first", "last", "email"})),
)
TAG_SEPARATORS = {CsvFormat.OUTLOOK: ";", CsvFormat.OUTLOOK_COM: ";", CsvFormat.YAHOO: ","}


def normalise(header: str) -> str:
    return " ".join(header.strip().strip("\ufeff").lower().split())


def looks_like_header(cells: Sequence[str]) -> bool:
    """Two or more cells are column names some address book writes (or the one cell of a
    one-column file is: a list of "Primary Email" addresses). Only names from the table count:
    a sentence above the header that mentions "email" is not a header."""
    filled = [cell for cell in cells if cell.strip()]
    known = sum(normalise(cell) in _KNOWN for cell in filled)
    return known >= min(2, len(filled)) and known > 0


def detect(header: Sequence[str]) -> CsvFormat:
    names = {normalise(h) for h in header}
    for csv_format, signature in _SIGNATURES:
        if signature <= names:
            return csv_format
    return CsvFormat.GENERIC


def field_for(header: str, csv_format: CsvFormat) -> Field | None:
    name = normalise(header)
    override = _OVERRIDES.get(csv_format, {}).get(name)
    if override is not None:
        return override
    if m := _GROUP.match(name):
        return Field(f"{_GROUP_KIND[m[1]]}.{_GROUP_PART.get(m[3], 'ignore')}", "", int(m[2]))
    return _KNOWN.get(name) or _guess(name)


_WORDS_IN = re.compile(r"[a-z]+")
# Headers about a contact point that are not the point itself ("E-mail Display Name").
_NOT_THE_VALUE = frozenset({"display", "type", "name", "label", "kind", "status"})
_LABEL_WORDS = (
    ("home", "home"),
    ("private", "home"),
    ("personal", "home"),
    ("work", "work"),
    ("business", "work"),
    ("office", "work"),
    ("mobile", "mobile"),
    ("cell", "mobile"),
)


def _guess(name: str) -> Field | None:
    """A header no address book we know writes, read by its words ("E-mail (home)",
    "Home Tel", "Homepage"): only emails, phones and web pages, where the words are plain."""
    words = set(_WORDS_IN.findall(name.replace("e-mail", "email")))
    if not words or words & _NOT_THE_VALUE:
        return None
    label = next((said for word, said in _LABEL_WORDS if word in words), "")
    if words & {"email", "mail"}:
        return Field("email", label)
    if "fax" in words:
        return Field("phone", "fax")
    if words & {"phone", "tel", "telephone", "mobile", "cell", "cellphone"}:
        return Field("phone", label or "other")
    if words & {"web", "website", "homepage", "url", "site", "www"}:
        return Field("website", label)
    return None


def mapping(
    header: Sequence[str], csv_format: CsvFormat, chosen: Mapping[str, str] | None = None
) -> list[Field | None]:
    """The field of every column, in order; `chosen` maps column names to FIELDS by hand."""
    by_hand = {normalise(k): v for k, v in (chosen or {}).items()}
    fields: list[Field | None] = []
    for column in header:
        picked = by_hand.get(normalise(column))
        if picked is not None:
            known = field_for(column, csv_format)
            label = known.label if known and known.target == picked else ""
            fields.append(None if picked == "ignore" else Field(picked, label))
        else:
            fields.append(field_for(column, csv_format))
    return fields
