"""Storage failures reach the user as a message with a way out, and change nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from nurture.app import Nurture
from nurture.db.driver import sqlite
from nurture.db.engine import Database
from nurture.domain.dto import ContactDraft
from nurture.errors import DatabaseCorruptError, DatabaseLockedError
from nurture.paths import database_path
from nurture.services.listing import ContactQuery


def test_a_write_while_another_program_holds_the_lock_says_busy_and_changes_nothing(
    tmp_path: Path,
) -> None:
    Nurture.open(tmp_path).close()
    core = Nurture(Database(database_path(tmp_path), 50, long_wait_ms=300), tmp_path)
    other = sqlite.connect(database_path(tmp_path), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseLockedError, match=r"busy.*Nothing was changed"):
            core.contacts.create(ContactDraft(given_name="Ada"))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert core.listing.count(ContactQuery(include_light=True)) == 0
    core.contacts.create(ContactDraft(given_name="Ada"))
    assert core.listing.count(ContactQuery()) == 1
    core.close()


def test_a_damaged_file_names_the_backups_folder(tmp_path: Path) -> None:
    path = database_path(tmp_path)
    path.write_bytes(b"this is not a database at all" * 200)
    with pytest.raises(DatabaseCorruptError, match="backups"):
        Nurture.open(tmp_path)
    assert path.read_bytes() == b"this is not a database at all" * 200


def _sqlite_error(statement: str, *params: object) -> sqlite3.Error:
    # Python's own sqlite3 can lower the variable limit (as builds with the old default);
    # translate() reads its errors as it reads the driver's.
    db = sqlite3.connect(":memory:")
    db.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 999)
    try:
        db.execute(statement, params)
    except sqlite3.Error as error:
        return error
    finally:
        db.close()
    raise AssertionError("the statement did not fail")


def test_failures_are_told_apart_by_sqlites_result_code_not_its_wording(tmp_path: Path) -> None:
    from nurture.db.engine import translate
    from nurture.errors import DiskFullError, StorageError

    path = tmp_path / "nurture.sqlite3"
    too_many = _sqlite_error(f"SELECT 1 WHERE 1 IN ({', '.join('?' * 2_000)})", *range(2_000))
    told = translate(too_many, path)
    assert isinstance(told, StorageError)
    assert "nothing was changed" in told.message
    # The same words with another code are not a storage failure; and the code decides even
    # when the words say nothing useful.
    assert translate(_sqlite_error("SELECT * FROM no_such_table"), path) is None
    full = sqlite.OperationalError("xyz")
    setattr(full, "sqlite_errorcode", sqlite.SQLITE_FULL)  # noqa: B010 (the stubs lack it)
    assert isinstance(translate(full, path), DiskFullError)
    io = sqlite.OperationalError("disk I/O error")
    setattr(io, "sqlite_errorcode", 10 | (13 << 8))  # noqa: B010
    setattr(io, "sqlite_errorname", "SQLITE_IOERR_FSYNC")  # noqa: B010
    told = translate(io, path)
    assert isinstance(told, StorageError)
    assert "SQLITE_IOERR_FSYNC" in told.message
    assert "still connected" in told.message
    # An error of the driver itself (a closed connection) is a bug, not a storage failure.
    closed = sqlite.connect(":memory:")
    closed.close()
    with pytest.raises(sqlite.ProgrammingError) as caught:
        closed.execute("SELECT 1")
    assert translate(caught.value, path) is None
