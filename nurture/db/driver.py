"""The database driver: SQLCipher's build of SQLite (`sqlcipher3`), the one module every
connection to the data file goes through — the engine's, the backups', the checks'. It reads and
writes the same files as Python's own `sqlite3`; its SQLite is newer (3.51: FTS5 secure-delete)
and, given a key, it encrypts the file (see the open issue on encryption at rest)."""

from __future__ import annotations

from pathlib import Path

import sqlcipher3.dbapi2 as sqlite

__all__ = [
    "Connection",
    "DatabaseError",
    "Error",
    "IntegrityError",
    "OperationalError",
    "connect",
    "sqlite",
]

Connection = sqlite.Connection
Error = sqlite.Error
DatabaseError = sqlite.DatabaseError
OperationalError = sqlite.OperationalError
IntegrityError = sqlite.IntegrityError


def connect(path: Path | str, key: bytes | None = None, readonly: bool = False) -> Connection:
    """A connection to the file at `path` (read-only: it is never created or changed), with
    the file's `key` given first when it is encrypted."""
    if readonly:
        connection = sqlite.connect(f"file:{path}?mode=ro", uri=True)
    else:
        connection = sqlite.connect(str(path))
    if key is not None:
        unlock(connection, key)
    return connection


def unlock(connection: Connection, key: bytes) -> None:
    """Give the raw key (before anything else is read): SQLCipher skips its key derivation."""
    connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
