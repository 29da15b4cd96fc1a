"""One write = one transaction that records what it touched, for the UI's selective refresh."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from sqlalchemy.orm import Session

from nurture.db import search_index
from nurture.db.engine import Database
from nurture.domain.enums import Area

# Areas whose text is part of a contact's search index row.
_SEARCHED = frozenset({Area.CONTACTS, Area.TAGS, Area.PREFERENCES})


@dataclass(frozen=True, slots=True)
class Changes:
    """What a write changed: which kinds of data, and which contacts (Anki's OpChanges idea)."""

    areas: frozenset[Area] = frozenset()
    contact_ids: frozenset[int] = frozenset()

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.areas | other.areas, self.contact_ids | other.contact_ids)

    def touches(self, *areas: Area) -> bool:
        return not self.areas.isdisjoint(areas)


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Outcome(Generic[T]):
    value: T
    changes: Changes


@dataclass(slots=True)
class UnitOfWork:
    session: Session
    _areas: set[Area] = field(default_factory=set)
    _contacts: set[int] = field(default_factory=set)
    _reindex: set[int] = field(default_factory=set)

    def touch(self, area: Area, *contact_ids: int) -> None:
        self._areas.add(area)
        self._contacts.update(contact_ids)
        if area in _SEARCHED:
            self._reindex.update(contact_ids)

    @property
    def reindex_ids(self) -> frozenset[int]:
        return frozenset(self._reindex)

    @property
    def changes(self) -> Changes:
        return Changes(frozenset(self._areas), frozenset(self._contacts))


@contextmanager
def unit_of_work(database: Database) -> Iterator[UnitOfWork]:
    """Commit when the block ends (with the search index brought up to date), else roll back."""
    with database.write() as session:
        work = UnitOfWork(session)
        yield work
        session.flush()
        search_index.reindex(session.connection(), work.reindex_ids)
