"""vCard 2.1, 3.0 and 4.0 (Apple/iCloud, Google, Android, Outlook) into IncomingContacts.

The file is cut into cards here (unfolding lines and quoted-printable soft breaks), and each card
is parsed alone by `vobject.readOne`, so one broken card costs that card and nothing else.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import re
import urllib.parse
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from nurture.domain.dates import PartialDate
from nurture.domain.dto import AddressValue, EmailValue, PhoneValue, WebLinkValue
from nurture.domain.enums import DateKind, RelationshipKind
from nurture.errors import ValidationError
from nurture.io.dates import parse_date_text
from nurture.io.incoming import IncomingContact, IncomingDate, IncomingRelation
from nurture.io.vcard_labels import RELATION_WORDS, clean_label, date_kind, relation_kind, web_kind


@dataclass(frozen=True, slots=True)
class CardError:
    """A card that could not be imported: `line` is where it starts in the file (1-based)."""

    line: int
    message: str


@dataclass(slots=True)
class _RawCard:
    line: int
    lines: list[tuple[int, str]] = field(default_factory=list)  # (file line, logical line)


_BREAK = re.compile(r"\r\n|\r|\n")
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:\S*$")
_QP_COMMA = re.compile(r"=2C", re.IGNORECASE)
_PHONE_TYPES = (("fax", "fax"), ("cell", "mobile"), ("mobile", "mobile"), ("iphone", "mobile"),
                ("main", "main"), ("x-main", "main"), ("work", "work"), ("home", "home"),
                ("other", "other"), ("pager", "other"))  # fmt: skip
_PLACE_TYPES = (("work", "work"), ("home", "home"), ("other", "other"))
_KNOWN_LABELS = {"mobile": "mobile", "cell": "mobile", "iphone": "mobile", "main": "main",
                 "homefax": "fax", "workfax": "fax", "otherfax": "fax", "fax": "fax",
                 "home": "home", "work": "work", "other": "other", "pager": "other"}  # fmt: skip
_SPOUSE = {"X-SPOUSE", "X-MS-SPOUSE", "X-EVOLUTION-SPOUSE", "X-KADDRESSBOOK-X-SPOUSENAME"}
_ASSISTANT = {"X-ASSISTANT", "X-MS-ASSISTANT", "X-EVOLUTION-ASSISTANT",
              "X-KADDRESSBOOK-X-ASSISTANTSNAME"}  # fmt: skip
_MANAGER = {"X-MANAGER", "X-MS-MANAGER", "X-EVOLUTION-MANAGER", "X-KADDRESSBOOK-X-MANAGERSNAME"}
_CHILDREN = {"X-MS-CHILD", "X-MS-CHILDREN", "X-CHILDREN", "X-CHILD"}
_ANNIVERSARY = {"ANNIVERSARY", "X-ANNIVERSARY", "X-MS-ANNIVERSARY", "X-EVOLUTION-ANNIVERSARY",
                "X-KADDRESSBOOK-X-ANNIVERSARY"}  # fmt: skip
# Android's X-ANDROID-CUSTOM relation and event type numbers (ContactsContract).
_ANDROID_RELATIONS = {"1": "assistant", "3": "child", "4": "partner", "5": "father", "6": "friend",
                      "7": "manager", "8": "mother", "9": "parent", "10": "partner",
                      "14": "spouse"}  # fmt: skip
_ANDROID_EVENTS = {"1": "anniversary", "3": "birthday"}


def read_vcards(text: str) -> Iterator[IncomingContact | CardError]:
    """Every card in `text`, in file order: a contact, or an error saying why it was left out."""
    for card in _split_cards(_logical_lines(text.removeprefix("\ufeff"))):
        yield card if isinstance(card, CardError) else _read_card(card)


def _logical_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, line) with folded lines joined and quoted-printable soft breaks removed."""
    pending: str | None = None
    start = 0
    soft_break = False
    for number, physical in enumerate(_BREAK.split(text), start=1):
        if pending is not None and soft_break:
            pending = pending[:-1] + physical
        elif pending is not None and physical[:1] in (" ", "\t"):
            pending += physical[1:]
        else:
            if pending is not None:
                yield start, pending
            pending, start = (physical, number) if physical.strip() else (None, number)
            if pending is None:
                soft_break = False
                continue
        soft_break = pending.endswith("=") and "QUOTED-PRINTABLE" in _head(pending).upper()
    if pending is not None:
        yield start, pending


def _split_cards(lines: Iterator[tuple[int, str]]) -> Iterator[_RawCard | CardError]:
    card: _RawCard | None = None
    for number, line in lines:
        key = line.strip().upper().replace(" ", "")
        if key == "BEGIN:VCARD":
            if card is not None:
                yield CardError(card.line, "This card has no END:VCARD before the next card.")
            card = _RawCard(number)
        elif card is None:
            continue  # text between cards
        elif key == "END:VCARD":
            yield card
            card = None
        else:
            card.lines.append((number, line))
    if card is not None:
        yield CardError(card.line, "This card has no END:VCARD: the file seems to be cut short.")


def _head(line: str) -> str:
    """The name and parameters of a content line (before the first ':' outside quotes)."""
    colon = line.find(":")
    if colon < 0 or '"' not in line[:colon]:
        return line if colon < 0 else line[:colon]
    quoted = False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            return line[:index]
    return line


def _escape_commas(line: str) -> str:
    """vobject keeps only the text before the first bare comma of a value, but vCard 2.1 (and
    sloppy 3.0) writers leave commas bare in notes, titles and names: escape them, except where
    commas do separate values (CATEGORIES, split by vobject)."""
    head = _head(line)
    if head == line or head.rsplit(".", 1)[-1].split(";", 1)[0].upper() == "CATEGORIES":
        return line
    value = line[len(head) + 1 :]
    if "," not in value and "=2" not in value.upper():
        return line
    out: list[str] = []
    escaped = False
    for char in value:
        out.append("\\," if char == "," and not escaped else char)
        escaped = char == "\\" and not escaped
    value = "".join(out)
    if "QUOTED-PRINTABLE" in head.upper():
        value = _QP_COMMA.sub(r"\\\\,", value)
    return f"{head}:{value}"


def _read_card(raw: _RawCard) -> IncomingContact | CardError:
    import vobject

    body = "\r\n".join(_escape_commas(line) for _, line in raw.lines)
    text = f"BEGIN:VCARD\r\n{body}\r\nEND:VCARD\r\n"
    noted: list[str] = []
    try:
        try:
            component = _parse(vobject, text, noted)
            dropped_photo = False
        except (ValueError, binascii.Error):  # a damaged photo: keep the person, drop the photo
            kept = [line for _, line in raw.lines if not _is_photo(line)]
            if len(kept) == len(raw.lines):
                raise
            body = "\r\n".join(_escape_commas(line) for line in kept)
            component = _parse(vobject, f"BEGIN:VCARD\r\n{body}\r\nEND:VCARD\r\n", noted)
            dropped_photo = True
        contact = _Reader(raw.line).read(component)
    except Exception as error:
        return CardError(raw.line, _reason(vobject, raw, error))
    if dropped_photo:
        contact.warnings.append("The photo could not be read and was left out.")
    contact.warnings.extend(f"The vCard reader noted: {message}" for message in noted)
    if contact.is_empty():
        return CardError(raw.line, "This card has no name, email or phone.")
    return contact


def _parse(vobject: Any, text: str, noted: list[str]) -> Any:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        component = vobject.readOne(text, allowQP=True)
    noted.extend(str(warning.message) for warning in caught)
    return component


def _is_photo(line: str) -> bool:
    return _head(line).rsplit(".", 1)[-1].split(";", 1)[0].upper() in ("PHOTO", "LOGO")


def _reason(vobject: Any, raw: _RawCard, error: Exception) -> str:
    for number, line in raw.lines:
        try:
            vobject.base.parseLine(line)
        except Exception:
            shown = line if len(line) <= 40 else line[:37] + "..."
            return f"This card could not be read: line {number} is not a vCard line ({shown!r})."
    detail = re.sub(r"^At line \d+: ", "", str(error)).strip() or type(error).__name__
    return f"This card could not be read ({detail})."


def _text(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(part for part in map(_text, value) if part)
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return str(value).replace("\\:", ":").replace("\r\n", "\n").replace("\r", "\n").strip()


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
        # A company's or a nickname's card repeats it as FN: that is not a person's name.
        if not (c.given_name or c.middle_name or c.family_name) and formatted.casefold() not in (
            c.organization.casefold(), c.nickname.casefold()):
            c.full_name = formatted
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
            return _KNOWN_LABELS.get(custom.lower().replace(" ", ""), custom)
        return _pick(types, table)

    def _line(self, line: Any) -> None:
        c, name, value = self.contact, str(line.name), line.value
        if name == "N":
            c.family_name, c.given_name, c.middle_name = (
                _text(value.family), _text(value.given), _text(value.additional))
            c.prefix, c.suffix = _text(value.prefix), _text(value.suffix)
        elif name == "NICKNAME":
            c.nickname = c.nickname or ", ".join(p.strip() for p in _text(value).split(",") if p)
        elif name == "ORG":
            parts = [_text(part) for part in (value if isinstance(value, list) else [value])]
            c.organization = c.organization or (parts[0] if parts else "")
            c.department = c.department or ", ".join(part for part in parts[1:] if part)
        elif name in ("TITLE", "ROLE"):
            c.title = c.title or _text(value)
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
        elif name in _ANNIVERSARY:
            self._date(line, DateKind.ANNIVERSARY)
        elif name == "X-ABDATE":
            self._date(line, None)
        elif name in ("RELATED", "X-ABRELATEDNAMES"):
            self._related(line)
        elif name in _SPOUSE | _ASSISTANT | _MANAGER | _CHILDREN:
            label = ("spouse" if name in _SPOUSE else "assistant" if name in _ASSISTANT
                     else "manager" if name in _MANAGER else "child")  # fmt: skip
            for person in re.split(r"[,;]", _text(value)):
                self._relation(person, RELATION_WORDS[label])
        elif name == "X-ANDROID-CUSTOM":
            self._android(_text(value))
        elif name == "PHOTO" and c.photo is None:
            self._photo(line)

    def _tags(self, value: Any) -> None:
        for tag in value if isinstance(value, list) else [value]:
            text = _text(tag).lstrip("* ").strip()
            if text.lower() == "starred":
                self.contact.starred = True
            elif text and text.lower() != "mycontacts":  # Google's system groups
                self.contact.tags.append(text)

    def _email(self, line: Any) -> None:
        address = re.sub(r"^mailto:", "", _text(line.value), flags=re.IGNORECASE)
        if address:
            types = _types(line)
            self.contact.emails.append(EmailValue(
                address, self._point_label(line, types, _PLACE_TYPES), _preferred(line, types)))

    def _phone(self, line: Any) -> None:
        raw = re.sub(r"^tel:", "", _text(line.value), flags=re.IGNORECASE)
        if raw:
            types = _types(line)
            self.contact.phones.append(PhoneValue(
                raw, self._point_label(line, types, _PHONE_TYPES), _preferred(line, types)))

    def _address(self, line: Any) -> None:
        a, types = line.value, _types(line)
        street = "\n".join(p for p in map(_text, (a.street, a.extended, a.box)) if p)
        place = AddressValue(self._point_label(line, types, _PLACE_TYPES), street, _text(a.city),
                             _text(a.region), _text(a.code), _text(a.country),
                             _preferred(line, types))  # fmt: skip
        if any((place.street, place.city, place.region, place.postal_code, place.country)):
            self.contact.addresses.append(place)

    def _web(self, line: Any) -> None:
        url, types = _text(line.value), _types(line)
        if not url or url.lower().startswith("x-apple:"):
            url = next(iter(line.params.get("X-USER", [])), "")
            if not url:
                return
        kind = web_kind(url, types)
        label = self._label(line) or _pick(types, _PLACE_TYPES)
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
            what = "birthday" if kind is DateKind.BIRTHDAY else label or kind.value
            self.contact.warnings.append(f"The {what} '{text}' could not be read and was left "
                                         "out.")  # fmt: skip
            return
        if when is not None:
            self.contact.dates.append(IncomingDate(kind, when, label))

    def _related(self, line: Any) -> None:
        name, types = _text(line.value), _types(line)
        if _URI.match(name) or "uri" in {v.lower() for v in line.params.get("VALUE", [])}:
            self.contact.warnings.append(f"A related person given only as a link ({name}) "
                                         "was left out.")  # fmt: skip
            return
        label = self._label(line)
        typed = next((RELATION_WORDS[t] for t in sorted(types) if t in RELATION_WORDS), None)
        kind, kept = relation_kind(label or next(iter(sorted(types - {"pref"})), ""))
        if typed is not None and typed is not kind:
            kind, kept = typed, label
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
            self._relation(data, *relation_kind(custom or _ANDROID_RELATIONS.get(code, "")))
        elif parts[0].endswith("/contact_event") and data:
            self._add_date(data, *date_kind(custom or _ANDROID_EVENTS.get(code, "")), set())

    def _photo(self, line: Any) -> None:
        value = line.value
        if isinstance(value, bytes):
            self.contact.photo = value or None
            return
        text = _text(value)
        if text.lower().startswith("data:") and "," in text:
            meta, payload = text[5:].split(",", 1)
            data = (base64.b64decode(payload) if meta.lower().endswith(";base64")
                    else urllib.parse.unquote_to_bytes(payload))  # fmt: skip
            self.contact.photo = data or None
        elif text:
            self.contact.warnings.append("The photo is a link to the web and was not downloaded.")


_Point = TypeVar("_Point", EmailValue, PhoneValue, AddressValue, WebLinkValue)


def _one_primary(values: list[_Point]) -> None:
    """At most one primary value of each kind: the first one the card marked."""
    seen = False
    for index, value in enumerate(values):
        if value.primary and seen:
            values[index] = dataclasses.replace(value, primary=False)
        seen = seen or value.primary
