"""The SQLite engine: pragmas, explicit transactions, and storage failures turned into messages."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from nurture.errors import (
    DamagedTextError,
    DatabaseCorruptError,
    DatabaseLockedError,
    DiskFullError,
    StorageError,
)

BUSY_TIMEOUT_MS = 5000


def _pragmas(busy_timeout_ms: int) -> Callable[[sqlite3.Connection, Any], None]:
    def on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        _on_connect(dbapi_connection, busy_timeout_ms)

    return on_connect


def _on_connect(dbapi_connection: sqlite3.Connection, busy_timeout_ms: int) -> None:
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


def _on_begin(connection: Any) -> None:
    # Writers take the lock up front: a deferred transaction that later upgrades to a write
    # lock in WAL mode fails at once with SQLITE_BUSY instead of waiting for the busy timeout.
    mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
    connection.exec_driver_sql(f"BEGIN {mode}")


def make_engine(path: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Engine:
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _pragmas(busy_timeout_ms))
    event.listen(engine, "begin", _on_begin)
    return engine


# SQLite's primary result codes (the low byte of an extended code), as qutebrowser's
# misc/sql.py reads them: the code, not the message text, says what happened.
_BUSY = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
_DAMAGED = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
_NO_ACCESS = {
    sqlite3.SQLITE_CANTOPEN,
    sqlite3.SQLITE_READONLY,
    sqlite3.SQLITE_PERM,
    sqlite3.SQLITE_AUTH,
}


def translate(error: BaseException, path: Path) -> StorageError | None:
    """The user-facing storage error for a database failure, or None if it is not one."""
    original = error.orig if isinstance(error, DBAPIError) else error
    if isinstance(original, UnicodeDecodeError):
        return DatabaseCorruptError(
            f"The database {path} is damaged (it holds text that cannot be read). Restore the "
            "newest good backup: nurture restore (or File ▸ Restore from backup…)."
        )
    if not isinstance(original, sqlite3.Error):
        return None
    if "Could not decode to UTF-8" in str(original):
        return DamagedTextError(
            "Some text in the database is damaged (characters that cannot be read), so this "
            "could not be shown. Nothing was changed. Repair it: nurture check (or Help ▸ "
            "Check database), which keeps what can be read."
        )
    code = getattr(original, "sqlite_errorcode", None)
    if code is None:
        return None  # raised by the driver itself (a closed connection): a bug, not storage
    primary = code & 0xFF
    if primary in _BUSY:
        return DatabaseLockedError(
            f"The database {path} is busy: another program is writing to it. "
            "Nothing was changed; try again in a moment."
        )
    if primary == sqlite3.SQLITE_FULL:
        return DiskFullError(
            f"The disk holding {path.parent} is full, so nothing was saved. "
            "Free some space and try again."
        )
    if primary in _DAMAGED:
        return DatabaseCorruptError(
            f"The database {path} is damaged. Restore the newest good backup from "
            f"{path.parent / 'backups'}: nurture restore (or File ▸ Restore from backup…)."
        )
    if primary == sqlite3.SQLITE_IOERR:
        return StorageError(
            f"The disk holding {path} could not be read or written ({original.sqlite_errorname}"
            "). Nothing was saved. Check that the drive is still connected and healthy, "
            "then try again."
        )
    if primary in _NO_ACCESS:
        return StorageError(
            f"Nurture cannot write to {path}. Check that the folder exists and is writable."
        )
    if primary == sqlite3.SQLITE_ERROR and "too many SQL variables" in str(original):
        # SQLite's limit on values in one statement: our bug (a list not cut into chunks),
        # but the user deserves a plain answer and an unchanged database.
        return StorageError(
            "That was too many people at once for one step, so nothing was changed. "
            "Try it with fewer selected, and please report it."
        )
    return None


class Database:
    """One SQLite file. Reads use deferred transactions, writes take the write lock at BEGIN."""

    def __init__(self, path: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
        self.path = path
        self.engine = make_engine(path, busy_timeout_ms)
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(
            self.engine.execution_options(sqlite_begin="IMMEDIATE"), expire_on_commit=False
        )

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self.storage_errors(), self._read() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error."""
        with self.storage_errors(), self._write() as session, session.begin():
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
