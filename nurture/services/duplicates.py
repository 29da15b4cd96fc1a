"""Likely duplicates across the whole database: the same email, the same phone, the same name
(ignoring case and accents) or a close spelling of it within a family name (rapidfuzz).

Every source is blocked by a key, never all against all: emails and phones by an indexed
self-join, names by their key, similar names by family and, inside a family, by length (a
ratio of 90 cannot join names whose lengths differ by more than a tenth of their sum). The
search stops once `limit` pairs are found, strongest evidence first."""

from __future__ import annotations

import json
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import combinations, product

from rapidfuzz import fuzz, process
from sqlalchemy import select, text

from nurture.contact_points import NO_NAME
from nurture.db.engine import Database
from nurture.db.people import Contact, DistinctPair
from nurture.domain.dto import ContactRef
from nurture.domain.enums import Area
from nurture.errors import NotFoundError, ValidationError
from nurture.gc_pause import cycle_collection_paused
from nurture.services.import_match import NAME_SIMILARITY, name_key
from nurture.services.unit_of_work import Outcome, unit_of_work


@dataclass(frozen=True, slots=True)
class DuplicatePair:
    first: ContactRef
    second: ContactRef
    reason: str


Pair = tuple[int, int]

_SAME_EMAIL = text(
    "SELECT DISTINCT a.contact_id, b.contact_id, a.address FROM emails a JOIN emails b "
    "ON b.address_key = a.address_key AND b.contact_id > a.contact_id"
)
_SAME_PHONE = text(
    "SELECT DISTINCT a.contact_id, b.contact_id, a.e164 FROM phones a JOIN phones b "
    "ON b.e164 = a.e164 AND b.contact_id > a.contact_id WHERE a.e164 <> ''"
)
_DISTINCT = text("SELECT first_id, second_id FROM distinct_pairs")
# Full contacts are a good share of the table: one pass over it beats a lookup per row
# through ix_contacts_list (2-3x at 100,000).
_PEOPLE = text(
    "SELECT id, display_name, family_name FROM contacts NOT INDEXED "
    "WHERE is_light = 0 AND archived = 0"
)
_NAMES = text(
    "SELECT id, display_name FROM contacts WHERE id IN (SELECT value FROM json_each(:ids))"
)


class DuplicatesService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def find(self, limit: int | None = 1000) -> list[DuplicatePair]:
        """Pairs, strongest evidence first (email, phone, name, similar name), each pair once,
        at most `limit` of them (None: all); never a pair the user said are different people.

        The cycle collector waits meanwhile: a full collection walks the 100,000 rows read
        here with the GIL held, and the window (on another thread) froze for it."""
        with cycle_collection_paused(), self._db.read() as session:
            found = _Found(limit, {(a, b) for a, b in session.execute(_DISTINCT)})
            emails = session.execute(_SAME_EMAIL).all()
            found.take(((a, b), f"same email {address}") for a, b, address in emails)
            phones = session.execute(_SAME_PHONE).all()
            found.take(((a, b), f"same phone {e164}") for a, b, e164 in phones)
            if not found.full():
                found.take(_by_name(session.execute(_PEOPLE).all()))
            ids = json.dumps(sorted({cid for pair in found.reasons for cid in pair}))
            names: dict[int, str] = dict(session.execute(_NAMES, {"ids": ids}).all())
        return [
            DuplicatePair(ContactRef(a, names[a]), ContactRef(b, names[b]), reason)
            for (a, b), reason in found.reasons.items()
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


class _Found:
    """The pairs so far with their strongest reason, up to the limit, less the distinct ones."""

    def __init__(self, limit: int | None, distinct: set[Pair]) -> None:
        self.reasons: dict[Pair, str] = {}
        self._limit, self._distinct = limit, distinct

    def full(self) -> bool:
        return self._limit is not None and len(self.reasons) >= self._limit

    def take(self, candidates: Iterable[tuple[Pair, str]]) -> None:
        for pair, reason in candidates:
            if self.full():
                return  # a lazy source stops here: the rest is never computed
            if pair not in self._distinct:
                self.reasons.setdefault(pair, reason)


def _by_name(people: Iterable[tuple[int, str, str]]) -> Iterator[tuple[Pair, str]]:
    """Every pair with the same name key, then every pair with a similar one in the same
    family; lazily, so a caller that has enough stops before the fuzzy part."""
    same: dict[str, list[int]] = defaultdict(list)
    families: dict[str, set[str]] = defaultdict(set)
    family_keys: dict[str, str] = {}  # a family name is shared by many: normalise it once
    unnamed = name_key(NO_NAME)
    for cid, name, family in people:
        key = name_key(name)
        if not key or key == unnamed:
            continue
        same[key].append(cid)
        if family not in family_keys:
            family_keys[family] = name_key(family)
        families[family_keys[family] or key].add(key)
    for ids in same.values():
        for a, b in combinations(ids, 2):
            yield (min(a, b), max(a, b)), "same name"
    for keys in families.values():
        for key_a, key_b in _similar_keys(keys):
            for a, b in product(same[key_a], same[key_b]):
                yield (min(a, b), max(a, b)), "similar name"


def _similar_keys(keys: Iterable[str]) -> Iterator[tuple[str, str]]:
    """Pairs of different keys whose token_sort_ratio reaches NAME_SIMILARITY. The tokens are
    sorted once per key, so rapidfuzz compares with its plain ratio, one key against the
    keys close enough in length, in one call."""
    by_length = sorted(keys, key=lambda key: (len(key), key))  # the same order every run
    lengths = [len(key) for key in by_length]
    forms = [" ".join(sorted(key.split())) for key in by_length]
    for i, form in enumerate(forms):
        # ratio <= 100 * (1 - (longer - shorter) / (longer + shorter)): past 11/9 of this
        # length no key reaches 90.
        end = bisect_right(lengths, lengths[i] * (200 - NAME_SIMILARITY) // NAME_SIMILARITY)
        if end <= i + 1:
            continue
        matches = process.extract(
            form, forms[i + 1 : end], scorer=fuzz.ratio, score_cutoff=NAME_SIMILARITY, limit=None
        )
        for _form, _score, j in matches:
            yield by_length[i], by_length[i + 1 + j]
