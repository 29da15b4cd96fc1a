"""The SQLite engine: pragmas, explicit transactions, and storage failures turned into messages.

A write that finds another program writing (a long import in another Nurture) waits for it,
and says so through `Database.waiting` ("waiting for the import of contacts.csv to finish"),
instead of failing after a few seconds; a background write (`wait=False`) gives up at once and is
tried again later. A long writer says what it is doing in the data folder's `activity` file."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from nurture.db.driver import sqlite, unlock
from nurture.db.in_use import hold_shared, release
from nurture.errors import (
    DamagedTextError,
    DatabaseCorruptError,
    DatabaseLockedError,
    DiskFullError,
    StorageError,
)
from nurture.paths import private_file

BUSY_TIMEOUT_MS = 5000
_FIRST_TRY_MS = 250  # a writer busy longer than this is a long one: say so, then wait
_STEP_MS = 1000  # the long wait, in steps Ctrl-C can come between
LONG_WAIT_MS = 15 * 60 * 1000  # the longest import of 100,000 contacts, with room to spare


def _pragmas(busy_timeout_ms: int, key: bytes | None) -> Callable[[sqlite.Connection, Any], None]:
    def on_connect(dbapi_connection: sqlite.Connection, _record: Any) -> None:
        if key is not None:  # before anything is read
            unlock(dbapi_connection, key)
        _on_connect(dbapi_connection, busy_timeout_ms)

    return on_connect


def _on_connect(dbapi_connection: sqlite.Connection, busy_timeout_ms: int) -> None:
    # Let SQLAlchemy's begin event decide when a transaction starts (pysqlite's own guessing
    # skips DDL and SAVEPOINTs).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute("PRAGMA foreign_keys = ON")
    # What is deleted is overwritten, not left readable in free pages of the file.
    cursor.execute("PRAGMA secure_delete = ON")
    cursor.close()


def _begin(
    announce: Callable[[], None], busy_timeout_ms: int, long_wait_ms: int
) -> Callable[[Any], None]:
    def on_begin(connection: Any) -> None:
        # Writers take the lock up front: a deferred transaction that later upgrades to a
        # write lock in WAL mode fails at once with SQLITE_BUSY instead of waiting.
        options = connection.get_execution_options()
        mode = options.get("sqlite_begin", "DEFERRED")
        if mode != "IMMEDIATE":
            connection.exec_driver_sql(f"BEGIN {mode}")
            return
        raw = connection.connection.driver_connection
        raw.execute(f"PRAGMA busy_timeout = {_FIRST_TRY_MS}")
        try:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        except DBAPIError as error:
            if not options.get("nurture_wait", True) or not _busy(error):
                raise
            announce()
            _wait_for_the_lock(connection, raw, long_wait_ms)
        finally:
            # Ctrl-C may have closed the connection meanwhile: its KeyboardInterrupt goes on.
            with suppress(sqlite.ProgrammingError):
                raw.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")

    return on_begin


def _wait_for_the_lock(connection: Any, raw: Any, long_wait_ms: int) -> None:
    """BEGIN IMMEDIATE again and again, a second at a time, for up to `long_wait_ms`: between
    the tries Python runs, so Ctrl-C stops a wait SQLite's own busy handler would not."""
    raw.execute(f"PRAGMA busy_timeout = {min(_STEP_MS, int(long_wait_ms))}")
    deadline = time.monotonic() + long_wait_ms / 1000
    while True:
        try:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            return
        except DBAPIError as error:
            if not _busy(error) or time.monotonic() >= deadline:
                raise


def _busy(error: DBAPIError) -> bool:
    code = getattr(error.orig, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in _BUSY


def make_engine(
    path: Path,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    announce: Callable[[], None] = lambda: None,
    long_wait_ms: int = LONG_WAIT_MS,
    key: bytes | None = None,
) -> Engine:
    engine = create_engine(f"sqlite:///{path}", module=sqlite)
    event.listen(engine, "connect", _pragmas(busy_timeout_ms, key))
    event.listen(engine, "begin", _begin(announce, busy_timeout_ms, long_wait_ms))
    return engine


# SQLite's primary result codes (the low byte of an extended code), as qutebrowser's
# misc/sql.py reads them: the code, not the message text, says what happened.
_BUSY = {sqlite.SQLITE_BUSY, sqlite.SQLITE_LOCKED}
_DAMAGED = {sqlite.SQLITE_CORRUPT, sqlite.SQLITE_NOTADB}
# SQLite's own words for the codes (sqlite3_errstr), for errors raised without the code.
_BY_MESSAGE = {
    "database or disk is full": sqlite.SQLITE_FULL,
    "database is locked": sqlite.SQLITE_BUSY,
    "disk I/O error": sqlite.SQLITE_IOERR,
    "database disk image is malformed": sqlite.SQLITE_CORRUPT,
    "file is not a database": sqlite.SQLITE_NOTADB,
}
_NO_ACCESS = {
    sqlite.SQLITE_CANTOPEN,
    sqlite.SQLITE_READONLY,
    sqlite.SQLITE_PERM,
    sqlite.SQLITE_AUTH,
}


def translate(error: BaseException, path: Path) -> StorageError | None:
    """The user-facing storage error for a database failure, or None if it is not one."""
    original = error.orig if isinstance(error, DBAPIError) else error
    if isinstance(original, UnicodeDecodeError):
        return DatabaseCorruptError(
            f"The database {path} is damaged (it holds text that cannot be read). Restore the "
            "newest good backup: nurture restore (or File ▸ Restore from backup…)."
        )
    # Python's own sqlite3 raises the same kinds of errors (a test, a tool reading the file).
    if not isinstance(original, (sqlite.Error, sqlite3.Error)):
        return None
    if "Could not decode to UTF-8" in str(original):
        return DamagedTextError(
            "Some text in the database is damaged (characters that cannot be read), so this "
            "could not be shown. Nothing was changed. Repair it: nurture check (or Help ▸ "
            "Check database), which keeps what can be read."
        )
    code = getattr(original, "sqlite_errorcode", None)
    if code is None:  # the backup API's errors carry SQLite's message but not its code
        code = _BY_MESSAGE.get(str(original))
    if code is None:
        return None  # raised by the driver itself (a closed connection): a bug, not storage
    primary = code & 0xFF
    if primary in _BUSY:
        return DatabaseLockedError(
            f"The database {path} is busy: another program is writing to it. "
            "Nothing was changed; try again in a moment."
        )
    if primary == sqlite.SQLITE_FULL:
        return DiskFullError(
            f"The disk holding {path.parent} is full, so nothing was saved. "
            "Free some space and try again."
        )
    if primary in _DAMAGED:
        return DatabaseCorruptError(
            f"The database {path} is damaged. Restore the newest good backup from "
            f"{path.parent / 'backups'}: nurture restore (or File ▸ Restore from backup…)."
        )
    if primary == sqlite.SQLITE_IOERR:
        name = getattr(original, "sqlite_errorname", code)
        return StorageError(
            f"The disk holding {path} could not be read or written ({name}). Nothing was "
            "saved. Check that the drive is still connected and healthy, then try again."
        )
    if primary in _NO_ACCESS:
        return StorageError(
            f"Nurture cannot write to {path}. Check that the folder exists and is writable."
        )
    if primary == sqlite.SQLITE_ERROR and "too many SQL variables" in str(original):
        # SQLite's limit on values in one statement: our bug (a list not cut into chunks),
        # but the user deserves a plain answer and an unchanged database.
        return StorageError(
            "That was too many people at once for one step, so nothing was changed. "
            "Try it with fewer selected, and please report it."
        )
    return None


class Database:
    """One SQLite file. Reads use deferred transactions, writes take the write lock at BEGIN."""

    def __init__(
        self,
        path: Path,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
        long_wait_ms: int = LONG_WAIT_MS,
        key: bytes | None = None,
    ) -> None:
        """`key`: the raw SQLCipher key of an encrypted file (None: a plain one)."""
        self.path = path
        self.key = key
        self._in_use = hold_shared(path.parent)  # restore and encrypt wait for it to go
        self.engine = make_engine(path, busy_timeout_ms, self._announce, long_wait_ms, key)
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(
            self.engine.execution_options(sqlite_begin="IMMEDIATE"), expire_on_commit=False
        )
        self._write_or_not = sessionmaker(
            self.engine.execution_options(sqlite_begin="IMMEDIATE", nurture_wait=False),
            expire_on_commit=False,
        )
        # Told what another program is writing, when a write has to wait for it.
        self.waiting: Callable[[str], None] = lambda _what: None

    @property
    def activity_path(self) -> Path:
        return self.path.with_name("activity")

    @contextmanager
    def doing(self, what: str) -> Iterator[None]:
        """Say, while a long write runs, what it is ("the import of contacts.csv"): another
        Nurture that has to wait tells its user."""
        try:
            self.activity_path.write_text(f"{os.getpid()}\n{what}\n", encoding="utf-8")
            private_file(self.activity_path)
        except OSError:
            pass  # only a courtesy to whoever waits
        try:
            yield
        finally:
            self.activity_path.unlink(missing_ok=True)

    def _announce(self) -> None:
        what = "another program's change"
        try:
            pid, said = self.activity_path.read_text(encoding="utf-8").splitlines()[:2]
            if int(pid) != os.getpid():
                what = said
        except (OSError, ValueError):
            pass
        self.waiting(what)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self.storage_errors(), self._read() as session:
            yield session

    @contextmanager
    def write(self, wait: bool = True) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error. Another
        program's long write is waited for (and announced), unless `wait` is False: then the
        write fails at once with DatabaseLockedError, to be tried again later."""
        sessions = self._write if wait else self._write_or_not
        with self.storage_errors(), sessions() as session, session.begin():
            yield session

    @contextmanager
    def storage_errors(self) -> Iterator[None]:
        try:
            yield
        except (DBAPIError, UnicodeDecodeError) as error:
            known = translate(error, self.path)
            if known is None:
                raise
            raise known from error

    def close(self) -> None:
        self.engine.dispose()
        release(self._in_use)
        self._in_use = None  # closing twice lets go once
