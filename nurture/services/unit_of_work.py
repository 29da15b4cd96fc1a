"""One write = one transaction that records what it touched (for the UI's selective refresh)
and, when it has an undo label, the rows it changed (one step of the undo history)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from sqlalchemy.orm import Session

from nurture.db import history, search_index
from nurture.db.driver import sqlite
from nurture.db.engine import Database
from nurture.db.repair import rebuild_search_index
from nurture.domain.enums import Area

# Areas whose text is part of a contact's search index row.
_SEARCHED = frozenset({Area.CONTACTS, Area.TAGS, Area.PREFERENCES})
# Reindexing a contact deletes its old index row, and with secure-delete that rewrites the entry
# of every word in it ("com", a company everyone shares), so each costs more as the index grows.
# Past this many contacts the whole index is made again instead, at any size (100,000: 5,000
# reindexed in 8.1 s, all of them made again in 2.7 s; 1,000 reindexed in 0.8 s).
REBUILD_INDEX_ABOVE = 2_000


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
def unit_of_work(database: Database, undo: str | None, wait: bool = True) -> Iterator[UnitOfWork]:
    """Commit when the block ends (with the search index brought up to date), else roll back.

    `undo` names the step in Edit ▸ Undo ("Log a call"); None records nothing (the demo, an
    import, which undoes by its batch, and the reminder engine's own bookkeeping). `wait`:
    see `Database.write`."""
    with database.write(wait) as session:
        raw = driver_connection(session)
        step = history.begin_step(raw, undo) if undo else None
        try:
            work = UnitOfWork(session)
            yield work
            session.flush()
            if step is not None:
                history.end_step(raw, step, work.changes.areas, work.changes.contact_ids)
        finally:
            if step is not None:  # a failed write rolls back; its triggers must not outlive it
                history.stop_recording(raw)
        if len(work.reindex_ids) > REBUILD_INDEX_ABOVE:
            rebuild_search_index(session.connection())
        else:
            search_index.reindex(session.connection(), work.reindex_ids)


def driver_connection(session: Session) -> sqlite.Connection:
    raw = session.connection().connection.driver_connection
    assert isinstance(raw, sqlite.Connection)
    return raw


def raw_rows(session: Session, sql: str, params: dict[str, Any] | None = None) -> list[Any]:
    """Rows straight from the sqlite3 cursor: at hundreds of thousands of rows, SQLAlchemy's
    per-row result processing would cost more than the query."""
    return driver_connection(session).execute(sql, params or {}).fetchall()
