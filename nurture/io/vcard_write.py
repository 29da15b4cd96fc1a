"""Contacts as vCard 4.0 (RFC 6350) or 3.0 (RFC 2426, the way Apple and Google write it).

Custom labels and the dates and relations vCard has no property for travel as Apple item groups
(`item1.X-ABDATE` + `item1.X-ABLabel`), which Apple, Google and our own reader understand.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from nurture.domain.dates import PartialDate
from nurture.domain.dto import ContactCard, ImportantDateValue
from nurture.domain.enums import DateKind
from nurture.errors import ValidationError
from nurture.io.vcard_labels import RELATED_TYPES, date_label, relation_label

_PRODID = "-//Nurture//Nurture//EN"
_PHONE_TYPES = {"mobile": "cell", "work": "work", "home": "home", "fax": "fax", "main": "main"}
_PLACE_TYPES = {"work": "work", "home": "home"}
_Params = Sequence[tuple[str, Sequence[str]]]


def write_vcards(
    cards: Iterable[ContactCard],
    version: str = "4.0",
    referrers: Mapping[int, tuple[str, str]] | None = None,
) -> str:
    """One vCard per contact, CRLF line ends, lines folded at 75 octets. `referrers` gives the
    (uuid, name) of the people who referred them, by id, for X-NURTURE-REFERRED-BY."""
    if version not in ("4.0", "3.0"):
        raise ValidationError(f"vCard {version} cannot be written: choose 4.0 or 3.0.")
    writer = _CardWriter(version == "4.0", referrers or {})
    return "".join(writer.write(card) for card in cards)


def escape(text: str) -> str:
    """A TEXT value with its backslashes, commas, semicolons and line breaks escaped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold a content line into pieces of at most 75 octets, never inside a UTF-8 character."""
    if len(line) <= 75 and line.isascii():
        return line
    pieces: list[str] = []
    current: list[str] = []
    size, limit = 0, 75
    for char in line:
        width = len(char.encode())
        if size + width > limit:
            pieces.append("".join(current))
            current, size, limit = [], 0, 74  # a continuation line starts with a space
        current.append(char)
        size += width
    pieces.append("".join(current))
    return "\r\n ".join(pieces)


def _param(value: str) -> str:
    value = value.replace('"', "")
    return f'"{value}"' if any(char in value for char in ",;:") else value


class _CardWriter:
    def __init__(self, v4: bool, referrers: Mapping[int, tuple[str, str]]) -> None:
        self.v4 = v4
        self.referrers = referrers
        self.lines: list[str] = []
        self.items = 0

    def add(self, name: str, value: str, params: _Params = (), label: str = "") -> None:
        group = ""
        if label:
            self.items += 1
            group = f"item{self.items}."
        params_text = "".join(f";{key}={','.join(map(_param, values))}" for key, values in params)
        self.lines.append(fold(f"{group}{name}{params_text}:{value}"))
        if label:
            self.lines.append(fold(f"{group}X-ABLabel:{escape(label)}"))

    def write(self, card: ContactCard) -> str:
        d = card.draft
        self.lines, self.items = [], 0
        self.add("BEGIN", "VCARD")
        self.add("VERSION", "4.0" if self.v4 else "3.0")
        self.add("PRODID", _PRODID)
        self.add("UID", f"urn:uuid:{card.uuid}")
        person = " ".join(p for p in (d.given_name, d.middle_name, d.family_name) if p)
        first_email = d.emails[0].address if d.emails else ""
        self.add("FN", escape(card.name or person or d.nickname or d.organization or first_email))
        parts = (d.family_name, d.given_name, d.middle_name, d.prefix, d.suffix)
        self.add("N", ";".join(map(escape, parts)))
        if d.organization and not (person or d.nickname):  # a company, not a person
            self.add(*(("KIND", "org") if self.v4 else ("X-ABShowAs", "COMPANY")))
        for name, text in (("NICKNAME", d.nickname), ("TITLE", d.title), ("NOTE", d.notes)):
            if text.strip():
                self.add(name, escape(text.strip()))
        if d.organization or d.department:
            self.add(
                "ORG",
                f"{escape(d.organization)};{escape(d.department)}"
                if d.department
                else escape(d.organization),
            )
        for email in d.emails:
            self._point("EMAIL", email.address, email.label, email.primary, _PLACE_TYPES)
        for phone in d.phones:
            self._point("TEL", phone.raw or phone.e164, phone.label, phone.primary, _PHONE_TYPES)
        for place in d.addresses:
            fields = (place.street, place.city, place.region, place.postal_code, place.country)
            if not any(field.strip() for field in fields):
                continue
            value = ";".join(map(escape, ("", "", *fields)))
            self._point("ADR", value, place.label, place.primary, _PLACE_TYPES, escaped=True)
        for link in d.web_links:
            url = link.url.replace("\r", "").replace("\n", "")
            self._point("URL", url, link.label, link.primary, _PLACE_TYPES, escaped=True)
        self._dates(card.dates)
        # Google's convention for a starred contact, which our reader understands too.
        categories = [*d.tags, "starred"] if d.starred else list(d.tags)
        if categories:
            self.add("CATEGORIES", ",".join(escape(tag) for tag in categories))
        self._relations(card)
        # Nurture's own fields: other clients ignore X- properties; Nurture reads them back.
        for name, value in (
            ("X-NURTURE-TIER", d.tier),
            ("X-NURTURE-KEEP-IN-TOUCH", str(d.keep_in_touch_days or "")),
            ("X-NURTURE-HOW-WE-MET", d.how_we_met.strip()),
            ("X-NURTURE-MET-ON", d.met_on.isoformat() if d.met_on else ""),
            ("X-NURTURE-TIME-ZONE", d.time_zone),
            ("X-NURTURE-STARRED", "1" if d.starred else ""),
        ):
            if value:
                self.add(name, escape(value))
        referrer = self.referrers.get(d.referred_by_id or 0)
        if referrer is not None:
            self.add(
                "X-NURTURE-REFERRED-BY", f"urn:uuid:{referrer[0]}", (("X-NAME", [referrer[1]]),)
            )
        self.add("END", "VCARD")
        return "".join(f"{line}\r\n" for line in self.lines)

    def _point(
        self,
        name: str,
        value: str,
        label: str,
        primary: bool,
        types: dict[str, str],
        escaped: bool = False,
    ) -> None:
        if not value.strip():
            return
        known = types.get(label.lower(), "")
        words = [known] if known else []
        if name == "EMAIL" and not self.v4:
            words.insert(0, "internet")
        params: list[tuple[str, Sequence[str]]] = []
        if primary and not self.v4:
            words.append("pref")
        if words:
            params.append(("TYPE", words))
        if primary and self.v4:
            params.append(("PREF", ["1"]))
        text = value.strip() if escaped else escape(value.strip())
        self.add(name, text, params, "" if known else label.strip())

    def _date(self, when: PartialDate) -> tuple[str, _Params]:
        y, m, day = when.year, when.month, when.day
        if y is None:  # a year-less date always has its day
            if self.v4:
                return f"--{m:02d}{day:02d}", ()
            return f"1604-{m:02d}-{day:02d}", (("X-APPLE-OMIT-YEAR", ["1604"]),)
        if day is None:
            return f"{y:04d}-{m:02d}", ()
        return (f"{y:04d}{m:02d}{day:02d}" if self.v4 else when.iso()), ()

    def _dates(self, dates: Sequence[ImportantDateValue]) -> None:
        birthday = next((d for d in dates if d.kind is DateKind.BIRTHDAY), None)
        anniversary = next((d for d in dates if d.kind is DateKind.ANNIVERSARY), None)
        if birthday is not None:
            self.add("BDAY", *self._date(birthday.date))
        if anniversary is not None:
            label = anniversary.label if anniversary.label.lower() != "anniversary" else ""
            name = "ANNIVERSARY" if self.v4 else "X-ANNIVERSARY"
            self.add(name, *self._date(anniversary.date), label=label)
        for other in dates:
            if other is not birthday and other is not anniversary:
                label = date_label(other.kind, other.label)
                self.add("X-ABDATE", *self._date(other.date), label=label)

    def _relations(self, card: ContactCard) -> None:
        for relation in card.relationships:
            name = escape(relation.other.name.strip())
            if not name:
                continue
            if not self.v4:
                self.add(
                    "X-ABRELATEDNAMES", name, label=relation_label(relation.kind, relation.label)
                )
                continue
            typed = RELATED_TYPES.get(relation.kind)
            params: list[tuple[str, Sequence[str]]] = [("TYPE", [typed])] if typed else []
            params.append(("VALUE", ["text"]))
            label = relation.label if typed else relation_label(relation.kind, relation.label)
            if label == "_$!<Other>!$_":
                label = ""
            self.add("RELATED", name, params, label)
