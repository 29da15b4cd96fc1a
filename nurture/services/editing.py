"""Editing and deleting one record kept about people (a date, a gift, a taste, a follow-up, an
interaction, an introduction, a referral): one mechanism, so every kind is checked, recorded
for Undo and reported to the window the same way.

An edit names only the fields it changes; the record's other fields are read back and the
whole record is checked again by the same function that checks a new one."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete
from sqlalchemy.orm import Session

from nurture.db.base import Base
from nurture.db.engine import Database
from nurture.domain.enums import Area
from nurture.errors import NotFoundError, ValidationError
from nurture.services.unit_of_work import Outcome, unit_of_work

Fields = dict[str, Any]


def _owner(row: Any, session: Session) -> list[int]:
    return [int(row.contact_id)]


@dataclass(frozen=True, slots=True)
class RecordKind:
    """How one kind of record is named, read, checked and tied to its people."""

    noun: str  # "gift": for messages and undo labels
    area: Area
    model: type[Base]
    fields: tuple[str, ...]  # what an edit may change
    # The checked columns to store for these fields (raises ValidationError); shared with "add".
    check: Callable[[Fields], Fields]
    # The record's fields as `check` takes them (default: the columns of the same names).
    read: Callable[[Any], Fields] | None = None
    # The contacts a change to this record is about (for refresh and search).
    people: Callable[[Any, Session], list[int]] = _owner
    # Runs after the change, with those contacts (an interaction's date moves last-touch).
    after: Callable[[Session, list[int]], None] | None = None
    # Runs after an edit, with the record and its fields before it (a referral that now has a
    # value leaves a thank-you to say).
    edited: Callable[[Session, Any, Fields], None] | None = None

    @property
    def a(self) -> str:
        """'a gift', 'an introduction': for undo labels."""
        return f"{'an' if self.noun[0] in 'aeiou' else 'a'} {self.noun}"

    def current(self, row: Any) -> Fields:
        if self.read is not None:
            return self.read(row)
        return {name: getattr(row, name) for name in self.fields}


def _load(session: Session, kind: RecordKind, record_id: int) -> Any:
    row = session.get(kind.model, record_id)
    if row is None:
        raise NotFoundError(
            f"There is no {kind.noun} with id {record_id}; it may have been deleted."
        )
    return row


def edit_record(
    database: Database, kind: RecordKind, record_id: int, changes: Mapping[str, Any]
) -> Outcome[None]:
    unknown = sorted(set(changes) - set(kind.fields))
    if unknown:
        raise ValidationError(
            f"A {kind.noun} has no field {', '.join(unknown)}; "
            f"it has {', '.join(f.replace('_', ' ') for f in kind.fields)}."
        )
    with unit_of_work(database, f"Edit {kind.a}") as work:
        row = _load(work.session, kind, record_id)
        before = kind.current(row)
        columns = kind.check({**before, **changes})
        for name, value in columns.items():
            setattr(row, name, value)
        work.session.flush()
        people = kind.people(row, work.session)
        if kind.after is not None:
            kind.after(work.session, people)
        if kind.edited is not None:
            kind.edited(work.session, row, before)
        work.touch(kind.area, *people)
    return Outcome(None, work.changes)


def remove_record(database: Database, kind: RecordKind, record_id: int) -> Outcome[None]:
    with unit_of_work(database, f"Delete {kind.a}") as work:
        row = _load(work.session, kind, record_id)
        people = kind.people(row, work.session)
        work.session.execute(delete(kind.model).where(kind.model.id == record_id))  # type: ignore[attr-defined]
        if kind.after is not None:
            kind.after(work.session, people)
        work.touch(kind.area, *people)
    return Outcome(None, work.changes)
