"""Storage failures reach the user as a message with a way out, and change nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from nurture.app import Nurture
from nurture.db.engine import Database
from nurture.domain.dto import ContactDraft
from nurture.errors import DatabaseCorruptError, DatabaseLockedError
from nurture.paths import database_path
from nurture.services.listing import ContactQuery


def test_a_write_while_another_program_holds_the_lock_says_busy_and_changes_nothing(
    tmp_path: Path,
) -> None:
    Nurture.open(tmp_path).close()
    core = Nurture(Database(database_path(tmp_path), busy_timeout_ms=50), tmp_path)
    other = sqlite3.connect(database_path(tmp_path), isolation_level=None)
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
