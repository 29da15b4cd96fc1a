"""Importing a contacts file: preview, import as one undoable batch, undo.

The file is read completely first (a file that cannot be read changes nothing); then one
transaction matches every incoming contact (email, phone, name), merges or skips duplicates by
choice, creates the rest in bulk and records the batch. A preview makes the same decisions
and writes none of them (nor the search index); cancelling rolls back.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import bindparam, select, text
from sqlalchemy.orm import Session

from nurture.db import history, search_index
from nurture.db.bookkeeping import ImportBatch, ImportBatchItem
from nurture.db.engine import Database
from nurture.db.people import Contact
from nurture.domain.dto import ContactRef, ImportBatchValue, JobChange
from nurture.domain.enums import Area
from nurture.errors import NotFoundError, NurtureError, ValidationError
from nurture.formats import OnDuplicate
from nurture.gc_pause import cycle_collection_paused
from nurture.io.incoming import IncomingContact, Problem
from nurture.io.reader import Column, ContactsFile, read
from nurture.services.contacts import refresh_names
from nurture.services.import_match import Matcher
from nurture.services.import_write import ImportWriter
from nurture.services.settings import SettingsService
from nurture.services.unit_of_work import Changes, Outcome, driver_connection, unit_of_work

PROGRESS_EVERY = 500
WRITE_EVERY = 5_000  # rows queued between writes: memory stays flat, executemany stays fast
_LINK_TABLES = frozenset(
    {"emails", "phones", "addresses", "web_links", "important_dates", "relationships"}
)


class ImportCancelled(NurtureError):
    def __init__(self) -> None:
        super().__init__("The import was cancelled; nothing was imported.")


class _Preview(Exception):
    """Rolls a preview's transaction back after its report is made."""


@dataclass(frozen=True, slots=True)
class ImportOptions:
    mapping: Mapping[str, str] = field(default_factory=dict)
    on_duplicate: OnDuplicate = OnDuplicate.MERGE


@dataclass(frozen=True, slots=True)
class ImportReport:
    batch: int | None  # None for a preview
    format: str
    encoding: str
    rows: int
    created: int
    merged: int  # matched an existing contact and added something to it
    unchanged: int  # matched, and the file had nothing new
    skipped: int  # matched, left alone by choice
    errors: tuple[Problem, ...]  # rows not imported, and why
    notes: tuple[Problem, ...]  # imported, with something left out or kept as it was
    columns: tuple[Column, ...] = ()
    duplicates: tuple[tuple[int, int, str], ...] = ()  # (line, existing contact id, why)
    notices: tuple[str, ...] = ()  # about the whole file: how its dates were read
    job_changes: tuple[JobChange, ...] = ()  # people the file says moved job: act on them
    new_people: tuple[ContactRef, ...] = ()  # the first NEW_PEOPLE_LISTED people it added


Progress = Callable[[int, int], None]


class ImportService:
    def __init__(
        self,
        database: Database,
        settings: SettingsService,
        clock: Callable[[], datetime],
        safeguard: Callable[[str], object],
    ) -> None:
        """`safeguard(operation)`: a backup before an import or its undo, when anything
        changed since the last one."""
        self._db = database
        self._settings = settings
        self._clock = clock
        self._safeguard = safeguard

    def open(
        self, data: bytes, name: str, fmt: str = "auto", encoding: str | None = None
    ) -> ContactsFile:
        """Read a file once (decoded as detected or in the chosen encoding, split into rows or
        cards) for its columns, previews and the import; ValidationError when it cannot be
        read as contacts at all."""
        return read(data, name, fmt, encoding)

    def preview(self, source: ContactsFile, options: ImportOptions) -> ImportReport:
        """Exactly what `run` would do, without keeping any of it."""
        return self._import(source, options, None, None, preview=True).value

    def run(
        self,
        source: ContactsFile,
        options: ImportOptions,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> Outcome[ImportReport]:
        self._safeguard("import")
        with self._db.doing(f"the import of {source.name}"):
            return self._import(source, options, progress, cancelled, preview=False)

    @cycle_collection_paused()
    def _import(
        self,
        source: ContactsFile,
        options: ImportOptions,
        progress: Progress | None,
        cancelled: Callable[[], bool] | None,
        preview: bool,
    ) -> Outcome[ImportReport]:
        name, parsed = source.name, source.parsed(options.mapping)
        if not parsed.contacts:
            first = (
                f" Line {parsed.problems[0].line}: {parsed.problems[0].message}."
                if parsed.problems
                else ""
            )
            raise ValidationError(f"{name} holds no contacts that could be imported.{first}")
        region = self._settings.get().phone_region
        report: ImportReport | None = None
        try:
            with unit_of_work(self._db, None) as work:
                batch = ImportBatch(source=name, format=parsed.format)
                work.session.add(batch)
                work.session.flush()
                # A preview decides everything the import would and writes none of it.
                writer = ImportWriter(work, batch.id, region, self._clock(), dry_run=preview)
                counts, notes, duplicates = _write(
                    writer, parsed.contacts, options.on_duplicate, progress, cancelled
                )
                notes.extend(Problem(line, note) for line, note in writer.finish())
                if not preview:
                    search_index.index_new(work.session.connection(), writer.first_new)
                batch.added, batch.merged, batch.skipped = counts[0], counts[1], counts[3]
                report = ImportReport(
                    None if preview else batch.id,
                    parsed.format,
                    parsed.encoding,
                    parsed.rows,
                    counts[0],
                    counts[1],
                    counts[2],
                    counts[3],
                    tuple(parsed.problems),
                    tuple(notes),
                    tuple(parsed.columns),
                    tuple(duplicates),
                    tuple(parsed.notices),
                    _job_changes(work.session, writer.job_changes),
                    tuple(ContactRef(cid, name) for cid, name in writer.new_people()),
                )
                work.touch(Area.IMPORTS)
                if counts[0]:
                    work.touch(Area.CONTACTS)
                if preview:
                    raise _Preview
                history.add_import_step(driver_connection(work.session), f"Import {name}", batch.id)
        except _Preview:
            assert report is not None
            return Outcome(report, Changes())
        assert report is not None
        return Outcome(report, work.changes)

    def undo(self, batch_id: int) -> Outcome[int]:
        """Remove exactly what the batch added and restore what it filled in; returns how many
        contacts it removed."""
        self._safeguard("undo-import")
        with unit_of_work(self._db, None) as work:
            session = work.session
            batch = session.get(ImportBatch, batch_id)
            if batch is None:
                raise NotFoundError(f"There is no import {batch_id}.")
            if batch.undone_at is not None:
                raise ValidationError(f"Import {batch_id} was already undone.")
            # The contacts it created go first (with their rows), then what it did to others:
            # a tag it created is removed once nobody has it.
            added = list(
                session.scalars(select(Contact.id).where(Contact.import_batch_id == batch_id))
            )
            for start in range(0, len(added), 900):
                session.execute(
                    text("DELETE FROM contacts WHERE id IN :ids").bindparams(
                        bindparam("ids", expanding=True)
                    ),
                    {"ids": added[start : start + 900]},
                )
            touched: set[int] = set()
            items = session.scalars(
                select(ImportBatchItem)
                .where(ImportBatchItem.batch_id == batch_id)
                .order_by(ImportBatchItem.id.desc())
            ).all()
            for item in items:
                touched.update(_undo_item(session, item))
            batch.undone_at = self._clock()
            history.forget_import(driver_connection(session), batch_id)
            work.touch(Area.CONTACTS, *touched, *added)
            work.touch(Area.TAGS, *touched)
            work.touch(Area.IMPORTS)
        return Outcome(len(added), work.changes)

    def batches(self) -> list[ImportBatchValue]:
        """Every import, newest first."""
        stmt = select(ImportBatch).order_by(ImportBatch.id.desc())
        with self._db.read() as session:
            return [_batch_value(b) for b in session.scalars(stmt)]


def _write(
    writer: ImportWriter,
    contacts: list[IncomingContact],
    on_duplicate: OnDuplicate,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> tuple[list[int], list[Problem], list[tuple[int, int, str]]]:
    """[created, merged, unchanged, skipped], notes and duplicates found."""
    matcher = Matcher(driver_connection(writer.work.session), writer.region)
    counts = [0, 0, 0, 0]
    notes: list[Problem] = []
    duplicates: list[tuple[int, int, str]] = []
    plan: list[tuple[IncomingContact, list[tuple[str, str]], int, bool]] = []
    # First pass: who is who (new people are indexed at once, so a file's own repeats merge).
    for incoming in contacts:
        phones = [matcher.phone_parts(p.raw) for p in incoming.phones]
        e164s = [e164 for e164, _ in phones]
        keys = matcher.profile(incoming, e164s)
        found = None if on_duplicate is OnDuplicate.ADD else matcher.find(incoming, e164s, keys)
        if found is not None and not found.sure:
            # Listed for review, not merged: Find duplicates shows the pair.
            notes.append(
                Problem(
                    incoming.line,
                    f"may be the same person as contact {found.contact_id} ({found.why}), "
                    "but other details differ: added, not merged — see Find duplicates",
                )
            )
            found = None
        if found is None:
            contact_id = writer.new_id()
            matcher.add(contact_id, keys)
            plan.append((incoming, phones, contact_id, True))
            continue
        contact_id, why = found.contact_id, found.why
        matcher.merge(contact_id, keys)
        duplicates.append((incoming.line, contact_id, why))
        if on_duplicate is OnDuplicate.SKIP:
            counts[3] += 1
        else:
            plan.append((incoming, phones, contact_id, False))
    writer.load_existing({cid for _, _, cid, new in plan if not new and cid < writer.first_new})
    writer.reserve_uids([incoming.uid for incoming, _, _, new in plan if new])
    for done, (incoming, phones, contact_id, new) in enumerate(plan, start=1):
        if cancelled is not None and cancelled():
            raise ImportCancelled
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, len(plan))
        if done % WRITE_EVERY == 0:
            writer.write_queued()
        notes.extend(Problem(incoming.line, w) for w in incoming.warnings)
        if new:
            left_out = writer.create(contact_id, incoming, phones)
            counts[0] += 1
        else:
            changed, left_out = writer.merge(contact_id, incoming, phones)
            counts[1 if changed else 2] += 1
        notes.extend(Problem(incoming.line, note) for note in left_out)
        writer.refer(contact_id, incoming)
    if progress is not None:
        progress(len(plan), len(plan))
    return counts, notes, duplicates


def _job_changes(
    session: Session, found: list[tuple[int, int, str, str, str]]
) -> tuple[JobChange, ...]:
    ids = sorted({contact_id for contact_id, *_ in found})
    names: dict[int, str] = {}
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        rows = session.execute(
            select(Contact.id, Contact.display_name).where(Contact.id.in_(chunk))
        )
        names.update((cid, name) for cid, name in rows)
    return tuple(
        JobChange(ContactRef(cid, names.get(cid, "")), line, field, old, new)
        for cid, line, field, old, new in found
    )


def _undo_item(session: object, item: ImportBatchItem) -> set[int]:
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    if item.table_name == "contacts":
        # Only a field still holding what the import wrote goes back: a later edit stays.
        data = json.loads(item.before)
        for name, old in data["before"].items():
            if name == "photo":
                session.execute(
                    text("UPDATE contacts SET photo = NULL WHERE id = :id"), {"id": item.row_id}
                )
                continue
            session.execute(
                text(f"UPDATE contacts SET {name} = :old WHERE id = :id AND {name} IS :new"),
                {"old": old, "new": data["after"][name], "id": item.row_id},
            )
        contact = session.get(Contact, item.row_id)
        if contact is not None:
            session.refresh(contact)
            refresh_names(contact)
        return {item.row_id}
    if item.table_name == "tags":
        session.execute(
            text(
                "DELETE FROM tags WHERE id = :id AND NOT EXISTS (SELECT 1 FROM "
                "contact_tags WHERE tag_id = :id)"
            ),
            {"id": item.row_id},
        )
        return set()
    if item.table_name == "contact_tags":
        tag_id = json.loads(item.before)["tag_id"]
        session.execute(
            text("DELETE FROM contact_tags WHERE contact_id = :c AND tag_id = :t"),
            {"c": item.row_id, "t": tag_id},
        )
        return {item.row_id}
    if item.table_name in _LINK_TABLES:
        # Still the row the import added (same id, same contact), not a later one reusing the id.
        owner = int(json.loads(item.before)["contact_id"])
        session.execute(
            text(f"DELETE FROM {item.table_name} WHERE id = :id AND contact_id = :c"),
            {"id": item.row_id, "c": owner},
        )
        return {owner}
    raise ValidationError(f"Import records a change Nurture cannot undo ({item.table_name}).")


def _batch_value(b: ImportBatch) -> ImportBatchValue:
    return ImportBatchValue(
        b.id, b.source, b.format, b.created_at, b.added, b.merged, b.skipped, b.undone_at
    )
