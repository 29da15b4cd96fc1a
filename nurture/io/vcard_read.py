"""vCard 2.1, 3.0 and 4.0 (Apple/iCloud, Google, Android, Outlook) into IncomingContacts.

The file is cut into cards first (`vcard_lines`), and each card is parsed alone by
`vobject.readOne`, so one broken card costs that card and nothing else.
"""

from __future__ import annotations

import base64
import dataclasses
import re
import urllib.parse
import warnings
from collections.abc import Iterator
from datetime import date
from typing import Any, TypeVar

from nurture.contact_points import shown_as_given
from nurture.domain.dates import PartialDate
from nurture.domain.dto import AddressValue, EmailValue, PhoneValue, WebLinkValue
from nurture.domain.enums import DateKind, RelationshipKind, WebKind
from nurture.domain.vocabulary import (
    RELATION_WORDS,
    clean_label,
    date_kind,
    relation_kind,
    web_kind,
)
from nurture.errors import ValidationError
from nurture.io.dates import parse_date_text
from nurture.io.incoming import IncomingContact, IncomingDate, IncomingRelation
from nurture.io.vcard_labels import (
    ANDROID_EVENTS,
    ANDROID_RELATIONS,
    ANNIVERSARY_PROPERTIES,
    KNOWN_LABELS,
    PHONE_TYPES,
    PLACE_TYPES,
    RELATION_PROPERTIES,
)
from nurture.io.vcard_lines import CardError, RawCard, card_text, repaired, split_cards

_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:\S*$")
# Properties about the file, not the person, or read with another one: never reported.
_HOUSEKEEPING = frozenset(
    {
        "VERSION", "PRODID", "REV", "FN", "N", "X-ABLABEL", "SORT-STRING", "MAILER",
        "CLASS", "SOURCE", "NAME", "PROFILE", "KIND", "CLIENTPIDMAP", "X-ABUID", "X-ABSHOWAS",
        "X-ABADR", "X-MS-OL-DEFAULT-POSTAL-ADDRESS", "X-MOZILLA-HTML", "X-EVOLUTION-FILE-AS",
        "X-MS-OL-DESIGN", "X-MS-CARDPICTURE",
    }
)  # fmt: skip
# Instant messengers as older clients write them: the property and the link scheme.
_MESSENGERS = {
    "X-AIM": "aim",
    "X-ICQ": "icq",
    "X-JABBER": "xmpp",
    "X-MSN": "msnim",
    "X-YAHOO": "ymsgr",
    "X-SKYPE": "skype",
    "X-SKYPE-USERNAME": "skype",
    "X-GOOGLE-TALK": "xmpp",
    "X-GTALK": "xmpp",
    "X-QQ": "qq",
}


def _uuid(text: str) -> str:
    """The UUID of 'urn:uuid:…' or a bare one, in its canonical form; '' for any other UID."""
    import uuid

    try:
        return str(uuid.UUID(text.strip().removeprefix("urn:uuid:")))
    except ValueError:
        return ""


def _zone(text: str) -> str:
    """An IANA time zone ('Europe/Berlin', also as vCard 4's 'VALUE=text'); '' for an offset
    ('-05:00'), which names no zone."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return text if "/" in text and ZoneInfo(text) else ""
    except (ZoneInfoNotFoundError, ValueError):
        return ""


def read_vcards(text: str) -> Iterator[IncomingContact | CardError]:
    """Every card in `text`, in file order: a contact, or an error saying why it was left out."""
    for card in split_cards(text):
        yield card if isinstance(card, CardError) else _read_card(card)


def _read_card(raw: RawCard) -> IncomingContact | CardError:
    import vobject

    noted: list[str] = []
    left_out: list[str] = []
    try:
        try:
            component = _parse(vobject, [line for _, line in raw.lines], noted)
        except ValueError as error:  # undecodable text or a damaged photo: one more try
            lines, repair = repaired(raw.lines, error)
            left_out.append(repair)
            component = _parse(vobject, lines, noted)
        contact = _Reader(raw.line).read(component)
    except Exception as error:
        # One unreadable property costs that property, never the card: try without them.
        kept, dropped = _readable_lines(vobject, raw)
        if not dropped:
            return CardError(raw.line, _reason(vobject, raw, error))
        try:
            contact = _Reader(raw.line).read(_parse(vobject, kept, noted))
        except Exception:
            return CardError(raw.line, _reason(vobject, raw, error))
        left_out.extend(dropped)
    contact.warnings.extend(said for said in left_out if said)
    contact.warnings.extend(f"The vCard reader noted: {message}" for message in noted)
    if contact.is_empty():
        return CardError(raw.line, "This card has no name, email or phone.")
    return contact


def _readable_lines(vobject: Any, raw: RawCard) -> tuple[list[str], list[str]]:
    """The card's lines that vobject can read one by one, and what the others were (with their
    file line): a stray PROFILE line, a property name with a '/', a broken parameter…"""
    kept: list[str] = []
    dropped: list[str] = []
    for number, line in raw.lines:
        name = re.split(r"[;:]", line, maxsplit=1)[0].split(".")[-1].strip().upper()
        try:
            if name == "PROFILE":
                raise ValueError("a PROFILE line belongs to another format")
            vobject.base.parseLine(line)
        except Exception:
            shown = line if len(line) <= 40 else line[:37] + "..."
            dropped.append(f"line {number} left out ({shown!r}): not a vCard property")
            continue
        kept.append(line)
    return kept, dropped


def _parse(vobject: Any, lines: list[str], noted: list[str]) -> Any:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        component = vobject.readOne(card_text(lines), allowQP=True)
    noted.extend(str(warning.message) for warning in caught)
    return component


def _reason(vobject: Any, raw: RawCard, error: Exception) -> str:
    for number, line in raw.lines:
        try:
            vobject.base.parseLine(line)
        except Exception:
            shown = line if len(line) <= 40 else line[:37] + "..."
            return f"This card could not be read: line {number} is not a vCard line ({shown!r})."
    if isinstance(error, UnicodeDecodeError):
        return f"This card could not be read: its text is not valid {error.encoding}."
    if isinstance(error, LookupError):
        return f"This card could not be read: it names an unknown character set ({error})."
    if isinstance(error, vobject.base.ParseError) and "closed" in str(error):
        return "This card could not be read: its BEGIN and END lines do not match."
    detail = re.sub(r"^At line \d+: ", "", str(error)).strip() or type(error).__name__
    return f"This card could not be read ({detail})."


def _text(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(part for part in map(_text, value) if part)
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def _types(line: Any) -> set[str]:
    params: dict[str, list[str]] = line.params
    found = {part.strip().lower() for value in params.get("TYPE", []) for part in value.split(",")}
    found.update(str(param).lower() for param in line.singletonparams)
    return found


def _preferred(line: Any, types: set[str]) -> bool:
    return "pref" in types or any(value.strip() == "1" for value in line.params.get("PREF", []))


def _pick(types: set[str], table: tuple[tuple[str, str], ...]) -> str:
    return next((label for token, label in table if token in types), "")


class _Reader:
    """Reads one parsed card; keeps the Apple item-group labels (`item1.X-ABLabel`)."""

    def __init__(self, line: int) -> None:
        self.contact = IncomingContact(line=line)
        self.labels: dict[str, str] = {}
        self.labels_of_addresses: list[str] = []

    def read(self, component: Any) -> IncomingContact:
        children = list(component.getChildren())
        for line in children:
            if line.name == "X-ABLABEL" and line.group:
                self.labels[str(line.group).lower()] = clean_label(_text(line.value))
        formatted = ""
        for line in children:
            if line.name == "FN":
                formatted = formatted or _text(line.value)
            else:
                self._line(line)
        c = self.contact
        if not c.addresses:  # a LABEL repeats an ADR; alone, it is the only address there is
            c.addresses.extend(AddressValue(street=text) for text in self.labels_of_addresses)
        # A company's or a nickname's card repeats it as FN: that is not a person's name.
        repeated = formatted.casefold() in (c.organization.casefold(), c.nickname.casefold())
        if not (c.given_name or c.middle_name or c.family_name or repeated):
            c.full_name = formatted
        elif not repeated:
            parts = (c.prefix, c.given_name, c.middle_name, c.family_name, c.suffix, c.nickname)
            c.shown_as = shown_as_given(formatted, *parts)
        _one_primary(c.emails)
        _one_primary(c.phones)
        _one_primary(c.addresses)
        _one_primary(c.web_links)
        return c

    def _label(self, line: Any) -> str:
        return self.labels.get(str(line.group).lower(), "") if line.group else ""

    def _point_label(self, line: Any, types: set[str], table: tuple[tuple[str, str], ...]) -> str:
        custom = self._label(line)
        if custom:
            return KNOWN_LABELS.get(custom.lower().replace(" ", ""), custom)
        return _pick(types, table)

    def _line(self, line: Any) -> None:
        c, name, value = self.contact, str(line.name), line.value
        if name == "N":
            c.family_name, c.given_name = _text(value.family), _text(value.given)
            c.middle_name, c.prefix = _text(value.additional), _text(value.prefix)
            c.suffix = _text(value.suffix)
        elif name == "NICKNAME":
            c.nickname = c.nickname or ", ".join(p.strip() for p in _text(value).split(",") if p)
        elif name == "ORG":
            parts = [_text(part) for part in (value if isinstance(value, list) else [value])]
            c.organization = c.organization or (parts[0] if parts else "")
            c.department = c.department or ", ".join(part for part in parts[1:] if part)
        elif name == "TITLE":
            if c.title and c.title != _text(value):  # a ROLE came first
                c.warnings.append(f"ROLE '{c.title}' left out: the job title is '{_text(value)}'")
            c.title = _text(value)
        elif name == "ROLE":
            if c.title:
                c.warnings.append(f"ROLE '{_text(value)}' left out: the job title is '{c.title}'")
            else:
                c.title = _text(value)
        elif name == "NOTE":
            c.notes = "\n\n".join(part for part in (c.notes, _text(value)) if part)
        elif name == "CATEGORIES":
            self._tags(value)
        elif name == "EMAIL":
            self._email(line)
        elif name == "TEL":
            self._phone(line)
        elif name == "ADR":
            self._address(line)
        elif name in ("URL", "X-SOCIALPROFILE"):
            self._web(line)
        elif name == "BDAY":
            self._date(line, DateKind.BIRTHDAY)
        elif name in ANNIVERSARY_PROPERTIES:
            self._date(line, DateKind.ANNIVERSARY)
        elif name == "X-ABDATE":
            self._date(line, None)
        elif name in ("RELATED", "X-ABRELATEDNAMES"):
            self._related(line)
        elif name in RELATION_PROPERTIES:  # X-MS-SPOUSE, X-CHILDREN (a list)...
            for person in re.split(r"[,;]", _text(value)):
                self._relation(person, RELATION_PROPERTIES[name])
        elif name == "X-ANDROID-CUSTOM":
            self._android(_text(value))
        elif name == "PHOTO" and c.photo is None:
            self._photo(line)
        elif name == "UID":
            c.uid = _uuid(_text(value))
        elif name == "X-NURTURE-REFERRED-BY":
            named = next(iter(line.params.get("X-NAME", [])), "")
            c.referred_by = (_uuid(_text(value)), named)
        elif name.startswith("X-NURTURE-"):
            self._nurture(name.removeprefix("X-NURTURE-"), _text(value).strip())
        elif name == "IMPP" or name in _MESSENGERS:
            self._messenger(name, _text(value))
        elif name == "TZ":
            if _zone(_text(value)):
                c.time_zone = c.time_zone or _zone(_text(value))
            else:
                c.warnings.append(f"TZ '{_text(value)}' left out: an offset names no time zone")
        elif name == "LABEL":
            self.labels_of_addresses.append(_text(value))
        elif name not in _HOUSEKEEPING and not (name == "PHOTO" and c.photo is not None):
            shown = _text(value) if not isinstance(value, bytes) else "binary data"
            shown = shown if len(shown) <= 40 else shown[:37] + "..."
            c.warnings.append(f"{name} '{shown}' left out: Nurture has no field for it")

    def _messenger(self, name: str, handle: str) -> None:
        """An instant-messaging handle, kept as a link its app opens ('xmpp:ada@example.org',
        'skype:ada.ng'), labelled with the service."""
        if not handle:
            return
        scheme = _MESSENGERS.get(name) or handle.partition(":")[0].lower()
        url = handle if _URI.match(handle) else f"{scheme}:{handle}"
        self.contact.web_links.append(WebLinkValue(url, WebKind.OTHER, scheme))

    def _nurture(self, name: str, text: str) -> None:
        """Nurture's own fields from its own export; an unreadable one is left out, said."""
        c = self.contact
        try:
            if name == "TIER":
                c.tier = text
            elif name == "KEEP-IN-TOUCH":
                c.keep_in_touch_days = int(text) if text else None
            elif name == "HOW-WE-MET":
                c.how_we_met = text
            elif name == "MET-ON":
                c.met_on = date.fromisoformat(text) if text else None
            elif name == "TIME-ZONE":
                c.time_zone = text
            elif name == "STARRED":
                c.starred = c.starred or text == "1"
        except ValueError:
            c.warnings.append(f"X-NURTURE-{name} '{text}' left out: not readable")

    def _tags(self, value: Any) -> None:
        for tag in value if isinstance(value, list) else [value]:
            self.contact.add_group(_text(tag))

    def _email(self, line: Any) -> None:
        address = re.sub(r"^mailto:", "", _text(line.value), flags=re.IGNORECASE)
        if address:
            types = _types(line)
            label = self._point_label(line, types, PLACE_TYPES)
            self.contact.emails.append(EmailValue(address, label, _preferred(line, types)))

    def _phone(self, line: Any) -> None:
        raw = re.sub(r"^tel:", "", _text(line.value), flags=re.IGNORECASE)
        if raw:
            types = _types(line)
            label = self._point_label(line, types, PHONE_TYPES)
            self.contact.phones.append(PhoneValue(raw, label, _preferred(line, types)))

    def _address(self, line: Any) -> None:
        a, types = line.value, _types(line)
        street = "\n".join(p for p in map(_text, (a.street, a.extended, a.box)) if p)
        place = AddressValue(
            self._point_label(line, types, PLACE_TYPES),
            street,
            _text(a.city),
            _text(a.region),
            _text(a.code),
            _text(a.country),
            _preferred(line, types),
        )
        if any((place.street, place.city, place.region, place.postal_code, place.country)):
            self.contact.addresses.append(place)

    def _web(self, line: Any) -> None:
        url, types = _text(line.value), _types(line)
        if not url or url.lower().startswith("x-apple:"):
            url = next(iter(line.params.get("X-USER", [])), "")
            if not url:
                return
        kind = web_kind(url, types)
        label = self._label(line) or _pick(types, PLACE_TYPES)
        self.contact.web_links.append(WebLinkValue(url, kind, label, _preferred(line, types)))

    def _date(self, line: Any, fixed: DateKind | None) -> None:
        label = self._label(line)
        kind, kept = date_kind(label)
        if fixed is not None:
            kind, kept = fixed, "" if label.lower() == fixed.value else label
        omit = {year.strip() for year in line.params.get("X-APPLE-OMIT-YEAR", [])}
        self._add_date(_text(line.value), kind, kept, omit)

    def _add_date(self, text: str, kind: DateKind, label: str, omit: set[str]) -> None:
        try:
            when = parse_date_text(text)
            if when is not None and when.year is not None and str(when.year) in omit:
                when = PartialDate(None, when.month, when.day)
        except ValidationError:
            what = label or ("date" if kind is DateKind.CUSTOM else kind.value.replace("_", " "))
            self.contact.warnings.append(f"The {what} '{text}' could not be read and was left out.")
            return
        if when is not None:
            self.contact.dates.append(IncomingDate(kind, when, label))

    def _related(self, line: Any) -> None:
        name, types = _text(line.value), _types(line)
        value_type = {value.lower() for value in line.params.get("VALUE", [])}
        if line.name == "RELATED" and (
            "uri" in value_type or ("text" not in value_type and _URI.match(name))
        ):
            self.contact.warnings.append(
                f"A related person given only as a link ({name}) was left out."
            )
            return
        label = self._label(line)
        typed = next((RELATION_WORDS[t] for t in sorted(types) if t in RELATION_WORDS), None)
        if label:
            kind, kept = relation_kind(label)
            if typed is not None and typed is not kind:
                kind, kept = typed, label
        elif typed is not None:
            kind, kept = typed, ""
        else:
            kind, kept = relation_kind(next(iter(sorted(types - {"pref"})), ""))
        self._relation(name, kind, kept)

    def _relation(self, name: str, kind: RelationshipKind, label: str = "") -> None:
        if name.strip():
            self.contact.relations.append(IncomingRelation(kind, name.strip(), label))

    def _android(self, value: str) -> None:
        parts = [*value.split(";"), "", "", ""]
        data, code, custom = parts[1].strip(), parts[2].strip(), parts[3].strip()
        if parts[0].endswith("/nickname") and data:
            self.contact.nickname = self.contact.nickname or data
        elif parts[0].endswith("/relation"):
            self._relation(data, *relation_kind(custom or ANDROID_RELATIONS.get(code, "")))
        elif parts[0].endswith("/contact_event") and data:
            self._add_date(data, *date_kind(custom or ANDROID_EVENTS.get(code, "")), set())

    def _photo(self, line: Any) -> None:
        """Base64 (ENCODING=b, or bare as some writers leave it) or a data: URI; never a link."""
        text = "" if isinstance(line.value, bytes) else _text(line.value)
        meta, payload = ";base64", text
        if text.lower().startswith("data:") and "," in text:
            meta, payload = text[5:].split(",", 1)
        elif _URI.match(text):
            self.contact.warnings.append(f"The photo is a link ({text}) and was not downloaded.")
            return
        try:
            data = (
                line.value
                if isinstance(line.value, bytes)
                else (
                    base64.b64decode(payload)
                    if meta.lower().endswith(";base64")
                    else urllib.parse.unquote_to_bytes(payload)
                )
            )
        except ValueError:  # binascii.Error, or not ASCII
            self.contact.warnings.append("The photo could not be read and was left out.")
            return
        self.contact.photo = data or None


_Point = TypeVar("_Point", EmailValue, PhoneValue, AddressValue, WebLinkValue)


def _one_primary(values: list[_Point]) -> None:
    """At most one primary value of each kind: the first one the card marked."""
    seen = False
    for index, value in enumerate(values):
        if value.primary and seen:
            values[index] = dataclasses.replace(value, primary=False)
        seen = seen or value.primary
