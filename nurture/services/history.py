"""Undo and redo, for every write the product offers (window and command line alike): the
newest step is undone first, several steps deep; a new write after an undo drops what could
have been redone. The steps themselves are recorded by `nurture.db.history`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from nurture.db import history, search_index
from nurture.db.driver import sqlite
from nurture.db.engine import Database
from nurture.domain.enums import Area
from nurture.errors import ValidationError
from nurture.services.unit_of_work import Changes, Outcome, driver_connection

if TYPE_CHECKING:
    from nurture.services.importing import ImportService

_NEWEST_DONE = text(
    "SELECT id, label, kind, batch_id, areas, contact_ids FROM history_steps"
    " WHERE undone = 0 ORDER BY id DESC LIMIT 1"
)
_OLDEST_UNDONE = text(
    "SELECT id, label, kind, batch_id, areas, contact_ids FROM history_steps"
    " WHERE undone = 1 ORDER BY id ASC LIMIT 1"
)


@dataclass(frozen=True, slots=True)
class HistoryState:
    """What Edit ▸ Undo and Redo would do, in words ("Log call"); None when nothing."""

    undo: str | None
    redo: str | None


class HistoryService:
    def __init__(self, database: Database, importing: Callable[[], ImportService]) -> None:
        self._db = database
        self._importing = importing

    def state(self) -> HistoryState:
        with self._db.read() as session:
            done = session.execute(_NEWEST_DONE).first()
            undone = session.execute(_OLDEST_UNDONE).first()
        return HistoryState(done[1] if done else None, undone[1] if undone else None)

    def undo(self) -> Outcome[str]:
        """Undo the newest step; returns its label."""
        with self._db.read() as session:
            step = session.execute(_NEWEST_DONE).first()
        if step is None:
            raise ValidationError("There is nothing to undo.")
        step_id, label, kind, batch_id, _areas, _ids = step
        if kind == "import":
            outcome = self._importing().undo(int(batch_id))  # removes its step too
            return Outcome(label, outcome.changes)
        return Outcome(label, self._replay(step_id, backwards=True))

    def redo(self) -> Outcome[str]:
        """Redo the step undone last; returns its label."""
        with self._db.read() as session:
            step = session.execute(_OLDEST_UNDONE).first()
        if step is None:
            raise ValidationError("There is nothing to redo.")
        return Outcome(step[1], self._replay(step[0], backwards=False))

    def _replay(self, step_id: int, backwards: bool) -> Changes:
        try:
            return self._replayed(step_id, backwards)
        except (sqlite.IntegrityError, IntegrityError) as error:
            # Something written outside the history since (sample data reusing a deleted
            # contact's id) stands in the way; the transaction rolled back, nothing changed.
            raise ValidationError(
                "That change can no longer be undone: what it touched has changed since."
            ) from error

    def _replayed(self, step_id: int, backwards: bool) -> Changes:
        with self._db.write() as session:
            raw = driver_connection(session)
            row = raw.execute(
                "SELECT areas, contact_ids FROM history_steps WHERE id = ?", (step_id,)
            ).fetchone()
            history.replay(raw, step_id, backwards)
            raw.execute(
                "UPDATE history_steps SET undone = ? WHERE id = ?", (int(backwards), step_id)
            )
            areas = frozenset(Area(a) for a in row[0].split(",") if a)
            contact_ids = frozenset(int(i) for i in row[1].split(",") if i)
            search_index.reindex(session.connection(), contact_ids)
        return Changes(areas, contact_ids)
