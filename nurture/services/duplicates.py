"""Likely duplicates across the whole database: the same email, the same phone, the same name
(ignoring case and accents) or a close spelling of it within a family name (rapidfuzz)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz
from sqlalchemy import select, text

from nurture.contact_points import NO_NAME
from nurture.db.engine import Database
from nurture.db.people import Contact, DistinctPair
from nurture.domain.dto import ContactRef
from nurture.domain.enums import Area
from nurture.errors import NotFoundError, ValidationError
from nurture.services.import_match import NAME_SIMILARITY, name_key
from nurture.services.unit_of_work import Outcome, unit_of_work

# Fuzzy comparison is pairwise: families larger than this are only checked for exact names.
_FUZZY_BUCKET = 400


@dataclass(frozen=True, slots=True)
class DuplicatePair:
    first: ContactRef
    second: ContactRef
    reason: str


_SAME_EMAIL = text(
    "SELECT DISTINCT a.contact_id, b.contact_id, a.address FROM emails a JOIN emails b "
    "ON b.address_key = a.address_key AND b.contact_id > a.contact_id"
)
_SAME_PHONE = text(
    "SELECT DISTINCT a.contact_id, b.contact_id, a.e164 FROM phones a JOIN phones b "
    "ON b.e164 = a.e164 AND b.contact_id > a.contact_id WHERE a.e164 <> ''"
)
_DISTINCT = text("SELECT first_id, second_id FROM distinct_pairs")
_PEOPLE = text(
    "SELECT id, display_name, family_name FROM contacts WHERE is_light = 0 AND archived = 0"
)


class DuplicatesService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def find(self, limit: int = 1000) -> list[DuplicatePair]:
        """Pairs, strongest evidence first (email, phone, name, similar name), each pair once;
        never a pair the user said are different people."""
        with self._db.read() as session:
            distinct = {(int(a), int(b)) for a, b in session.execute(_DISTINCT)}
            names = {cid: (name, family) for cid, name, family in session.execute(_PEOPLE)}
            every_name: dict[int, str] = {
                int(cid): str(name)
                for cid, name in session.execute(text("SELECT id, display_name FROM contacts"))
            }
            reasons: dict[tuple[int, int], str] = {}
            for a, b, address in session.execute(_SAME_EMAIL):
                reasons.setdefault((a, b), f"same email {address}")
            for a, b, e164 in session.execute(_SAME_PHONE):
                reasons.setdefault((a, b), f"same phone {e164}")
        if len(reasons) < limit:
            for pair, reason in _by_name(names).items():
                reasons.setdefault(pair, reason)
        kept = [(pair, reason) for pair, reason in reasons.items() if pair not in distinct]
        return [
            DuplicatePair(ContactRef(a, every_name[a]), ContactRef(b, every_name[b]), reason)
            for (a, b), reason in kept[:limit]
        ]

    def not_duplicates(self, first_id: int, second_id: int) -> Outcome[None]:
        """Remember that these two are different people (Undo forgets it again)."""
        low, high = sorted((first_id, second_id))
        if low == high:
            raise ValidationError("A contact is always the same person as themselves.")
        with unit_of_work(self._db, "Not duplicates") as work:
            found = work.session.scalars(select(Contact.id).where(Contact.id.in_((low, high))))
            if len(set(found)) != 2:
                raise NotFoundError("One of the two contacts no longer exists.")
            work.session.merge(DistinctPair(first_id=low, second_id=high))
            work.touch(Area.CONTACTS, low, high)
        return Outcome(None, work.changes)


def _by_name(names: dict[int, tuple[str, str]]) -> dict[tuple[int, int], str]:
    families: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for cid, (name, family) in names.items():
        key = name_key(name)
        if key and key != name_key(NO_NAME):
            families[name_key(family) or key].append((key, cid))
    found: dict[tuple[int, int], str] = {}
    for members in families.values():
        by_key: dict[str, list[int]] = defaultdict(list)
        for key, cid in members:
            by_key[key].append(cid)
        for ids in by_key.values():
            for i, a in enumerate(ids):
                for b in ids[i + 1 :]:
                    found[(min(a, b), max(a, b))] = "same name"
        if len(members) > _FUZZY_BUCKET:
            continue
        for i, (key_a, a) in enumerate(members):
            for key_b, b in members[i + 1 :]:
                if key_a != key_b and fuzz.token_sort_ratio(key_a, key_b) >= NAME_SIMILARITY:
                    found.setdefault((min(a, b), max(a, b)), "similar name")
    return found
