"""Who an incoming contact already is: the same email, else the same phone, else the same name
(exact, then a close spelling of it among people with the same family name, via rapidfuzz)."""

from __future__ import annotations

import unicodedata
from collections import defaultdict

from rapidfuzz import fuzz
from sqlalchemy import Connection, text

from nurture.contact_points import email_key, is_email
from nurture.io.incoming import IncomingContact

# token_sort_ratio at or above this counts as the same name ("Jon Smith" / "John Smith": 95).
NAME_SIMILARITY = 90


def name_key(name: str) -> str:
    """Lower case, no accents, single spaces: "José  García" and "jose garcia" are one key."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def incoming_name(contact: IncomingContact) -> str:
    parts = (contact.given_name, contact.middle_name, contact.family_name)
    return " ".join(p for p in parts if p) or contact.full_name or contact.nickname


class Matcher:
    """Indexes of everyone in the database (and everyone added so far by this import)."""

    def __init__(self, connection: Connection) -> None:
        self.by_email: dict[str, int] = {}
        self.by_phone: dict[str, int] = {}
        self.by_name: dict[str, int] = {}
        self.by_family: dict[str, list[tuple[str, int]]] = defaultdict(list)
        emails = connection.execute(text("SELECT address_key, contact_id FROM emails"))
        for key, contact_id in emails:
            self.by_email.setdefault(key, contact_id)
        for e164, contact_id in connection.execute(
            text("SELECT e164, contact_id FROM phones WHERE e164 <> ''")
        ):
            self.by_phone.setdefault(e164, contact_id)
        for contact_id, given, middle, family in connection.execute(
            text("SELECT id, given_name, middle_name, family_name FROM contacts WHERE is_light = 0")
        ):
            self.add_name(contact_id, " ".join(p for p in (given, middle, family) if p), family)

    def add_name(self, contact_id: int, full: str, family: str) -> None:
        key = name_key(full)
        if key:
            self.by_name.setdefault(key, contact_id)
            self.by_family[name_key(family) or key].append((key, contact_id))

    def add(self, contact_id: int, contact: IncomingContact, phones: list[str]) -> None:
        for email in contact.emails:
            if is_email(email.address):
                self.by_email.setdefault(email_key(email.address), contact_id)
        for e164 in phones:
            if e164:
                self.by_phone.setdefault(e164, contact_id)
        self.add_name(contact_id, incoming_name(contact), contact.family_name)

    def find(self, contact: IncomingContact, phones: list[str]) -> tuple[int, str] | None:
        """(contact id, why) of the person this incoming contact already is, if any."""
        for email in contact.emails:
            # "n/a" in an email column is not an address two people can share.
            found = self.by_email.get(email_key(email.address)) if is_email(email.address) else None
            if found is not None:
                return found, f"same email {email.address}"
        for e164 in phones:
            found = self.by_phone.get(e164) if e164 else None
            if found is not None:
                return found, f"same phone {e164}"
        key = name_key(incoming_name(contact))
        if not key:
            return None
        found = self.by_name.get(key)
        if found is not None:
            return found, "same name"
        family = name_key(contact.family_name) or key
        best: tuple[float, int] | None = None
        for other, contact_id in self.by_family.get(family, ()):
            score = fuzz.token_sort_ratio(key, other)
            if score >= NAME_SIMILARITY and (best is None or score > best[0]):
                best = (score, contact_id)
        return (best[1], "similar name") if best else None
