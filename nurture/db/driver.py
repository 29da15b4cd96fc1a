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


def connect(path: Path | str, readonly: bool = False) -> Connection:
    """A connection to the file at `path` (read-only: it is never created or changed)."""
    if readonly:
        return sqlite.connect(f"file:{path}?mode=ro", uri=True)
    return sqlite.connect(str(path))
