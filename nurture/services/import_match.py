"""Who an incoming contact already is: the same email, else the same phone, else the same name
(exact, then a close spelling of it among people with the same family name, via rapidfuzz).

An email is a person's own: the same email is the same person. A phone (an office line) or a
name is shared by different people, so those merge only when nothing conflicts — other emails
on both sides, other employers, other phones, another name — and two rows of one file never
merge by name alone. A match that conflicts is not merged but reported for review."""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from nurture.contact_points import email_key, is_email, phone_parts
from nurture.db.driver import Connection
from nurture.io.incoming import IncomingContact

# token_sort_ratio at or above this counts as the same name ("Jon Smith" / "John Smith": 95).
NAME_SIMILARITY = 90


def name_key(name: str) -> str:
    """Lower case, no accents, single spaces: "José  García" and "jose garcia" are one key."""
    folded = name.casefold()
    if folded.isascii():  # most names: nothing to decompose, nothing to take off
        return " ".join(folded.split())
    decomposed = unicodedata.normalize("NFKD", folded)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def incoming_name(contact: IncomingContact) -> str:
    parts = (contact.given_name, contact.middle_name, contact.family_name)
    return " ".join(p for p in parts if p) or contact.full_name or contact.nickname


@dataclass(slots=True)
class Profile:
    """What tells two people apart: their emails, phones, name and employer (and, for an
    incoming contact, its family name's key, where a close spelling is looked for)."""

    emails: set[str] = field(default_factory=set)
    phones: set[str] = field(default_factory=set)
    name: str = ""
    organization: str = ""
    family: str = ""


@dataclass(slots=True)
class Family:
    """Everyone of one family name: their name keys and ids, in the order they were met."""

    keys: list[str] = field(default_factory=list)
    ids: list[int] = field(default_factory=list)
    _sorted: list[str] = field(default_factory=list)

    def sorted_keys(self) -> list[str]:
        """The keys with their words sorted (what token_sort_ratio compares), made when the
        family is first searched: most never are."""
        self._sorted.extend(_sorted_words(key) for key in self.keys[len(self._sorted) :])
        return self._sorted


def _sorted_words(key: str) -> str:
    return " ".join(sorted(key.split()))


@dataclass(frozen=True, slots=True)
class Match:
    contact_id: int
    why: str  # "same email ann@x.com", "same phone +1…", "same name", "similar name"
    sure: bool  # False: something conflicts, so it is reported for review, not merged


class Matcher:
    """Indexes of everyone in the database (and everyone added so far by this import)."""

    def __init__(self, connection: Connection, region: str) -> None:
        """Read through the driver: at 100,000 contacts, SQLAlchemy's per-row result
        processing would cost more than the queries."""
        self.region = region
        # A number as written -> (E.164, national): each spelling is parsed once.
        self._phone_parts: dict[str, tuple[str, str]] = {}
        self.by_email: dict[str, int] = {}
        self.by_phone: dict[str, int] = {}
        self.by_name: dict[str, int] = {}
        self.by_family: dict[str, Family] = defaultdict(Family)
        self.profiles: dict[int, Profile] = defaultdict(Profile)
        self.added: set[int] = set()  # people this import created
        for key, contact_id in connection.execute("SELECT address_key, contact_id FROM emails"):
            self.by_email.setdefault(key, contact_id)
            self.profiles[contact_id].emails.add(key)
        for e164, contact_id, raw, national in connection.execute(
            "SELECT e164, contact_id, raw, national FROM phones WHERE e164 <> ''"
        ):
            self.by_phone.setdefault(e164, contact_id)
            self.profiles[contact_id].phones.add(e164)
            if national and raw.startswith("+"):  # international: the same in every region
                self._phone_parts.setdefault(raw, (e164, national))
        for contact_id, given, middle, family, organization in connection.execute(
            "SELECT id, given_name, middle_name, family_name, organization FROM contacts "
            "WHERE is_light = 0"
        ):
            profile = self.profiles[contact_id]
            profile.name = name_key(" ".join(p for p in (given, middle, family) if p))
            profile.organization = name_key(organization)
            self._index_name(contact_id, profile.name, name_key(family))

    def _index_name(self, contact_id: int, key: str, family: str) -> None:
        if key:
            self.by_name.setdefault(key, contact_id)
            family_of = self.by_family[family or key]
            family_of.keys.append(key)
            family_of.ids.append(contact_id)

    def phone_parts(self, raw: str) -> tuple[str, str]:
        """(E.164, national significant number) of a number as written, parsed once per
        spelling (a file repeats office numbers); a number in international form that is
        already stored here is read as stored (a file imported again is not parsed again)."""
        parts = self._phone_parts.get(raw)
        if parts is None:
            parts = self._phone_parts[raw] = phone_parts(raw, self.region)
        return parts

    @staticmethod
    def profile(contact: IncomingContact, phones: list[str]) -> Profile:
        """An incoming contact's keys, made once for finding, adding and merging it."""
        return Profile(
            {email_key(e.address) for e in contact.emails if is_email(e.address)},
            {p for p in phones if p},
            name_key(incoming_name(contact)),
            name_key(contact.organization),
            name_key(contact.family_name),
        )

    def add(self, contact_id: int, incoming: Profile) -> None:
        self.added.add(contact_id)
        self.merge(contact_id, incoming)
        self._index_name(contact_id, incoming.name, incoming.family)

    def merge(self, contact_id: int, incoming: Profile) -> None:
        """What an incoming contact brings to `contact_id` (new, or merged into it)."""
        profile = self.profiles[contact_id]
        for key in incoming.emails:
            self.by_email.setdefault(key, contact_id)
        profile.emails |= incoming.emails
        for e164 in incoming.phones:
            self.by_phone.setdefault(e164, contact_id)
        profile.phones |= incoming.phones
        profile.name = profile.name or incoming.name
        profile.organization = profile.organization or incoming.organization

    def find(self, contact: IncomingContact, phones: list[str], incoming: Profile) -> Match | None:
        """The person this incoming contact (its E.164 phones in order, its `profile`) already
        is, if any, and how sure that is: the first sure match (email, then phone, then name),
        else the first doubtful one."""
        if incoming.emails:
            for email in contact.emails:
                # "n/a" in an email column is not an address two people can share.
                key = email_key(email.address)
                found = self.by_email.get(key) if key in incoming.emails else None
                if found is not None:
                    return Match(found, f"same email {email.address}", True)
        doubtful: Match | None = None
        for e164 in phones:
            found = self.by_phone.get(e164) if e164 else None
            # Someone else on the same line (an office number) is no match at all.
            if found is not None and not self._other_name(incoming, found):
                match = Match(
                    found, f"same phone {e164}", not self._conflicts(incoming, found, True)
                )
                if match.sure:
                    return match
                doubtful = doubtful or match
        key = incoming.name
        found, why = (self.by_name.get(key), "same name") if key else (None, "")
        if key and found is None:
            found, why = self._similar(key, incoming.family), "similar name"
        if found is not None:
            # Two rows of one file are two people unless an email or a phone says otherwise.
            sure = found not in self.added and not self._conflicts(incoming, found, False)
            if sure:
                return Match(found, why, True)
            doubtful = doubtful or Match(found, why, False)
        return doubtful

    def _similar(self, key: str, family: str) -> int | None:
        """The first of the closest spellings among the same family (token_sort_ratio, in
        one C++ pass: a common family name has thousands of people)."""
        others = self.by_family.get(family or key)
        if others is None:
            return None
        best = process.extractOne(
            _sorted_words(key),
            others.sorted_keys(),
            scorer=fuzz.ratio,
            score_cutoff=NAME_SIMILARITY,
        )
        return others.ids[best[2]] if best else None

    def _conflicts(self, incoming: Profile, contact_id: int, by_phone: bool) -> bool:
        """Whether what each side says about itself tells them apart."""
        known = self.profiles.get(contact_id, Profile())
        if incoming.emails and known.emails and not incoming.emails & known.emails:
            return True
        organizations = (incoming.organization, known.organization)
        if all(organizations) and organizations[0] != organizations[1]:
            return True
        if by_phone:
            return False
        return bool(incoming.phones and known.phones and not incoming.phones & known.phones)

    def _other_name(self, incoming: Profile, contact_id: int) -> bool:
        known = self.profiles.get(contact_id, Profile()).name
        return bool(
            incoming.name
            and known
            and fuzz.token_sort_ratio(incoming.name, known) < NAME_SIMILARITY
        )
