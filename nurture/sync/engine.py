"""One sync of Nurture's contacts with a CardDAV address book.

1. Ask the server what changed since the last sync token (the whole book on a first sync or
   when the token expired) and fetch those cards.
2. Plan (`sync.plan`): merge each changed card with its contact field by field, find what
   Nurture changed, and what each side deleted. A plan that deletes more than the set share
   of the book stops here and asks (`TooManyDeletes`); a dry run stops here and reports.
3. Write Nurture's side in one transaction: the server's changes merged in, new cards as new
   contacts, cards deleted there archived here, conflicts set aside in `sync_conflicts`.
4. Send Nurture's side: each card with If-Match (If-None-Match for a new one), then the
   deletes, recording each answer as it comes, so a server that disappears halfway loses
   nothing: what was sent is known, and the next sync sends the rest.
5. Keep the new sync token.
6. Bring the "Nurture" calendar up to date (`sync.caldav`), one-way.

A sync is not a step of Edit ▸ Undo: what it did is on the server too, which undo cannot
reach. A value a conflict replaced stays in the contact's sync history.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from nurture.db.engine import Database
from nurture.db.sync_state import SyncBook, SyncCard, SyncEvent
from nurture.domain.enums import Area
from nurture.io.ics import CalendarEvent
from nurture.io.incoming import IncomingContact
from nurture.services.settings import Settings, SettingsService
from nurture.services.unit_of_work import UnitOfWork, unit_of_work
from nurture.sync import carddav, local
from nurture.sync.caldav import Sent, publish
from nurture.sync.carddav import Written
from nurture.sync.cards import card_text
from nurture.sync.dav import DavSession, SyncError
from nurture.sync.local import Agreed
from nurture.sync.plan import Fetched, Known, Local, Plan, Push, make_plan, parse
from nurture.sync.report import (
    ConflictNote,
    SyncReport,
    TooManyDeletes,
    count_plan,
    count_push,
)

Progress = Callable[[str, int, int], None]  # (what, done, of)
_SAVE_EVERY = 200  # cards sent between two commits of what the server said
# A first upload of at least this many cards into an empty book goes in one request, where the
# server takes it: Radicale checks every card's UID against the whole book, so thousands of
# single uploads slow down as the book grows.
_WHOLE_BOOK_FROM = 50


class SyncEngine:
    def __init__(
        self,
        database: Database,
        settings: SettingsService,
        clock: Callable[[], datetime],
        events: Callable[[], Iterable[CalendarEvent]],
    ) -> None:
        self._db = database
        self._settings = settings
        self._clock = clock
        self._events = events  # the occasions and follow-ups, as the .ics export has them

    def last_synced(self) -> datetime | None:
        """When the chosen address book was last synced to the end; None if never."""
        book = self._settings.get().sync_book
        with self._db.read() as session:
            state = session.get(SyncBook, book) if book else None
            return state.synced_at if state is not None else None

    def run(
        self,
        password: str,
        dry_run: bool = False,
        allow_deletes: bool = False,
        progress: Progress | None = None,
    ) -> SyncReport:
        settings = self._settings.get()
        if not (settings.sync_url and settings.sync_user and settings.sync_book):
            raise SyncError("Sync is not set up: choose a server and an address book first.")
        book = settings.sync_book
        tell = progress or (lambda what, done, of: None)
        report = SyncReport(book, dry_run)
        with DavSession(settings.sync_user, password) as dav:
            tell("Asking the server what changed", 0, 0)
            token, known = self._state(book)
            delta = carddav.changes(dav, book, token)
            removed = set(delta.removed) & known.keys()
            if delta.full:
                removed |= known.keys() - delta.changed.keys()
            wanted = [
                href
                for href, etag in delta.changed.items()
                if href not in known or not etag or known[href].etag != etag
            ]
            tell("Fetching changed cards", 0, len(wanted))
            fetched = {
                href: (etag, text, parse(text))
                for href, (etag, text) in carddav.fetch(dav, book, wanted).items()
            }
            removed |= {href for href in wanted if href not in fetched and href in known}
            plan = self._plan(book, known, fetched, removed, settings)
            report.unreadable = plan.unreadable
            if dry_run:  # says what would happen, mass deletes included, and asks nothing
                count_plan(plan, report)
            else:
                self._guard(plan, len(known), settings, allow_deletes)
                self._write_here(book, plan, settings, report)
                empty = delta.full and not delta.changed
                self._send(dav, book, plan, settings.sync_extras, report, tell, empty)
                self._finish(book, delta.token)
            if settings.sync_calendar:
                tell("Sending the calendar", 0, 0)
                self._publish(dav, settings.sync_calendar, report)
        return report

    def _publish(self, dav: DavSession, calendar: str, report: SyncReport) -> None:
        with self._db.read() as session:
            known = {
                row.uid: Sent(row.href, row.etag, row.digest)
                for row in session.scalars(select(SyncEvent))
            }
        done = publish(dav, calendar, self._events(), known, self._clock(), report.dry_run)
        report.events_sent = sum(sent is not known.get(uid) for uid, sent in done.sent.items())
        report.events_deleted = len(done.deleted)
        report.refused.extend(done.refused)
        if report.dry_run:
            return
        with self._db.write() as session:  # what the calendar holds now, and nothing else
            session.execute(text("DELETE FROM sync_events"))
            session.add_all(
                SyncEvent(uid=uid, href=sent.href, etag=sent.etag, digest=sent.digest)
                for uid, sent in done.sent.items()
            )

    def _state(self, book: str) -> tuple[str, dict[str, Known]]:
        with self._db.read() as session:
            state = session.get(SyncBook, book)
            # Each card's text and fields are read later, only for the cards the plan needs.
            rows = session.execute(
                select(SyncCard.href, SyncCard.contact_uuid, SyncCard.etag, SyncCard.digest).where(
                    SyncCard.book_url == book
                )
            )
            known = {href: Known(uuid, etag, "", "{}", digest) for href, uuid, etag, digest in rows}
        return (state.token if state else ""), known

    def _plan(
        self,
        book: str,
        known: dict[str, Known],
        fetched: dict[str, Fetched],
        removed: set[str],
        settings: Settings,
    ) -> Plan:
        extras = settings.sync_extras
        with self._db.read() as session:
            scope = set(local.in_scope(session, settings).values())
            uids = [
                card.uid
                for href, (_, _, card) in fetched.items()
                if href not in known and isinstance(card, IncomingContact) and card.uid
            ]
            named = local.contacts_by_uuid(session, [k.uuid for k in known.values()] + uids)
            prints = local.fingerprints(session, sorted(scope | set(named.values())), extras)
            # A contact is read whole only when its card changed there, or when it has a card
            # and changed here (its digest moved); one new to the server is read when sent.
            digests = {k.uuid: k.digest for k in known.values()}
            touched = {known[href].uuid for href in (fetched.keys() | removed) if href in known}
            touched.update(uids)
            wanted = [
                contact_id
                for contact_id, found in prints.items()
                if found.uuid in touched or digests.get(found.uuid, found.digest) != found.digest
            ]
            fields = local.synced_fields(session, wanted, extras)
            needed = touched | {prints[contact_id].uuid for contact_id in wanted}
            known = local.with_texts(session, known, needed)
        locals_by_uuid = {
            found.uuid: Local(
                contact_id,
                found.name,
                fields.get(contact_id),
                found.updated_at,
                contact_id in scope,
            )
            for contact_id, found in prints.items()
        }
        return make_plan(book, known, fetched, removed, locals_by_uuid, settings.sync_extras)

    def _guard(self, plan: Plan, book_size: int, settings: Settings, allow: bool) -> None:
        here, there = len(plan.archive_here), len(plan.delete_there)
        share = settings.sync_delete_percent
        if not allow and here + there > 3 and (here + there) * 100 > share * max(book_size, 1):
            raise TooManyDeletes(here, there, book_size)

    def _write_here(self, book: str, plan: Plan, settings: Settings, report: SyncReport) -> None:
        region = settings.phone_region
        agreed: dict[int, tuple[str, str, str, str]] = {}  # id -> (href, uuid, etag, text)
        with unit_of_work(self._db, None) as work:
            session = work.session
            _keep_book(session, book)
            for pulled in plan.pulled:
                if pulled.contact is None:
                    contact_id = local.create_contact(
                        session, pulled.card, pulled.uuid, region, settings.sync_extras
                    )
                    _touch(work, contact_id)
                    report.added_here += 1
                else:
                    contact_id = pulled.contact.id
                    merged = pulled.merged
                    assert merged is not None
                    if merged.to_nurture:
                        local.apply_fields(session, contact_id, merged.fields, region)
                        if "photo" in merged.to_nurture:
                            local.set_photo(session, contact_id, pulled.card.photo)
                        _touch(work, contact_id)
                        report.changed_here += 1
                    local.keep_conflicts(session, contact_id, merged.conflicts)
                    report.conflicts.extend(
                        ConflictNote(
                            pulled.contact.name, c.field, c.kept, c.set_aside, c.from_server
                        )
                        for c in merged.conflicts
                    )
                    if merged.to_server:  # agreed once the server has taken Nurture's side
                        then = pulled.ours_then or {}
                        seen = Agreed(pulled.href, pulled.uuid, pulled.etag, pulled.text, then, "")
                        local.remember(session, book, [seen])
                        continue
                agreed[contact_id] = (pulled.href, pulled.uuid, pulled.etag, pulled.text)
            for href, contact in plan.archive_here:
                local.archive(session, contact.id)
                local.forget(session, href)
                work.touch(Area.CONTACTS, contact.id)
                report.archived_here += 1
            for href in plan.forget:
                local.forget(session, href)
            session.flush()
            extras = settings.sync_extras
            prints = local.fingerprints(session, sorted(agreed), extras)
            now = local.synced_fields(session, sorted(agreed), extras)
            local.remember(
                session,
                book,
                [Agreed(*seen, now[i], prints[i].digest) for i, seen in agreed.items()],
            )
        report.changes = work.changes

    def _send(
        self,
        dav: DavSession,
        book: str,
        plan: Plan,
        extras: bool,
        report: SyncReport,
        tell: Progress,
        empty_book: bool,
    ) -> None:
        pushes = {push.contact.id: push for push in plan.pushes}
        if empty_book and len(pushes) >= _WHOLE_BOOK_FROM:
            pushes = self._send_book(dav, book, pushes, extras, report, tell)
        done: list[Agreed] = []
        gone: list[str] = []
        total = len(pushes) + len(plan.delete_there)
        pushes_by_href = {push.href: push for push in pushes.values()}
        number = 0
        try:
            for batch in self._prepared(pushes, extras):
                for name, ready in batch:
                    number += 1
                    push = pushes_by_href[ready.href]
                    tell("Sending changes", number, total)
                    result = carddav.put(dav, push.href, ready.card, push.etag)
                    if result.outcome is Written.DONE:
                        done.append(replace(ready, etag=result.etag))
                        count_push(push, report)
                    elif result.outcome is Written.STALE:
                        report.changed_meanwhile += 1
                    else:
                        report.refused.append((name, result.reason))
                self._remember(book, done, gone)
            for number, (href, etag, who) in enumerate(plan.delete_there, start=len(pushes) + 1):
                tell("Deleting on the server", number, total)
                result = carddav.delete(dav, href, etag)
                if result.outcome is Written.DONE:
                    gone.append(href)
                    report.deleted_there += 1
                elif result.outcome is Written.STALE:
                    report.changed_meanwhile += 1
                else:
                    report.refused.append((who, result.reason))
        finally:  # what the server took is recorded even when it stops answering halfway
            self._remember(book, done, gone)

    def _send_book(
        self,
        dav: DavSession,
        book: str,
        pushes: dict[int, Push],
        extras: bool,
        report: SyncReport,
        tell: Progress,
    ) -> dict[int, Push]:
        """A first upload into an empty book in one request; the pushes left to send one by
        one (all of them when the server will not take a whole book)."""
        tell("Preparing the cards", 0, 0)
        ready = [agreed for batch in self._prepared(pushes, extras) for _, agreed in batch]
        tell("Sending every card at once", 0, 0)
        if not carddav.put_book(dav, book, "".join(agreed.card for agreed in ready), len(ready)):
            return pushes
        # Radicale names each card by its UID; one it named otherwise is matched by its UID at
        # the next sync, like any card Nurture sent before.
        listed = carddav.changes(dav, book, "").changed
        done = [replace(a, etag=listed[a.href]) for a in ready if a.href in listed]
        report.added_there += len(done)
        self._remember(book, done, [])
        return {}

    def _prepared(
        self, pushes: dict[int, Push], extras: bool
    ) -> Iterator[list[tuple[str, Agreed]]]:
        """The cards to send, a batch at a time, each with its contact's name and what both
        sides will hold once the server takes it (its ETag still to come). Each batch is read
        in a short read: a long upload never holds a snapshot of the database open."""
        ids = sorted(pushes)
        for start in range(0, len(ids), _SAVE_EVERY):
            chunk = ids[start : start + _SAVE_EVERY]
            with self._db.read() as session:
                prints = local.fingerprints(session, chunk, extras)
                batch = [
                    (
                        card.name,
                        Agreed(
                            pushes[card.id].href,
                            card.uuid,
                            "",
                            card_text(card, photo, pushes[card.id].server_copy, extras),
                            local.fields_of_card(card, photo, extras),
                            prints[card.id].digest,
                        ),
                    )
                    for card, photo in local.cards_with_photos(session, chunk)
                ]
            yield batch  # the read is over before anything is sent

    def _remember(self, book: str, done: list[Agreed], gone: list[str]) -> None:
        if not (done or gone):
            return
        with self._db.write() as session:
            local.remember(session, book, done)
            for href in gone:
                local.forget(session, href)
        done.clear()
        gone.clear()

    def _finish(self, book: str, token: str) -> None:
        with self._db.write() as session:
            state = _keep_book(session, book)
            state.token = token
            state.synced_at = self._clock()


def _touch(work: UnitOfWork, contact_id: int) -> None:
    """A contact the sync wrote: its row, dates and tags may all have changed."""
    for area in (Area.CONTACTS, Area.DATES, Area.TAGS):
        work.touch(area, contact_id)


def _keep_book(session: Session, book: str) -> SyncBook:
    """The book's state row; a book chosen instead of another starts afresh."""
    session.execute(text("DELETE FROM sync_books WHERE url != :url"), {"url": book})
    state = session.get(SyncBook, book)
    if state is None:
        state = SyncBook(url=book, token="")
        session.add(state)
        session.flush()
    return state
