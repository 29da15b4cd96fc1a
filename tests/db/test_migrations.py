"""Opening the data file: created, upgraded with its data, backed up, or refused untouched."""

from __future__ import annotations

import hashlib
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from nurture.app import Nurture
from nurture.db.driver import sqlite
from nurture.db.engine import Database
from nurture.db.migrate import MIGRATIONS_DIR, open_database, upgrade
from nurture.db.schema import HEAD_REVISION, metadata
from nurture.errors import DatabaseCorruptError, SchemaTooNewError, StorageError
from nurture.paths import backups_dir, database_path
from nurture.services.listing import ContactQuery

FIRST_REVISION = "0001_initial"
SCRIPTS = ScriptDirectory(str(MIGRATIONS_DIR))
ALL_REVISIONS = [script.revision for script in SCRIPTS.walk_revisions()]


def _sqlite(path: Path) -> closing[sqlite.Connection]:
    return closing(sqlite.connect(path))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _schema(path: Path) -> dict[str, Any]:
    """Tables with their columns, and index names: what the code relies on."""
    with _sqlite(path) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {
            "tables": {t: [c[1] for c in db.execute(f"PRAGMA table_info('{t}')")] for t in tables},
            "indexes": sorted(
                r[0]
                for r in db.execute(
                    "SELECT name FROM sqlite_master WHERE type='index' AND sql IS NOT NULL"
                )
            ),
        }


def _at_revision(data_dir: Path, revision: str) -> Path:
    """A database file in `data_dir` built by the migrations up to `revision` only."""
    data_dir.mkdir(parents=True, exist_ok=True)
    database = Database(database_path(data_dir))
    try:
        upgrade(database, revision)
    finally:
        database.close()
    return database_path(data_dir)


def test_head_revision_constant_is_the_newest_migration() -> None:
    assert SCRIPTS.get_current_head() == HEAD_REVISION
    assert ALL_REVISIONS[-1] == FIRST_REVISION  # walk_revisions goes newest first


def test_an_empty_folder_gets_a_database_at_head(tmp_path: Path) -> None:
    data_dir = tmp_path / "new" / "nested"
    open_database(data_dir).close()
    path = database_path(data_dir)
    with _sqlite(path) as db:
        names = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
        (version,) = db.execute("SELECT version_num FROM alembic_version").fetchone()
    assert version == HEAD_REVISION
    assert set(metadata.tables) <= names
    assert "contact_search" in names
    assert not backups_dir(data_dir).exists()  # nothing to back up in a new file


def test_the_migrations_build_exactly_the_models(app: Nurture) -> None:
    def compared(obj: object, name: str | None, type_: str, *_: object) -> bool:
        if type_ == "table" and name is not None:
            # The FTS5 index (and its shadow tables), Alembic's own table and the undo history
            # (raw SQL with its triggers, nurture/db/history.py) are not models.
            return not (
                name.startswith(("contact_search", "history_")) or name == "alembic_version"
            )
        # SQLite reflection cannot read back an expression index (name COLLATE NOCASE).
        return not (type_ == "index" and name == "uq_tags_name_nocase")

    with app.database.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_object": compared, "compare_type": True}
        )
        assert compare_metadata(context, metadata) == []


@pytest.mark.parametrize("revision", ALL_REVISIONS)
def test_every_revision_upgrades_to_the_schema_of_a_new_database(
    tmp_path: Path, template_database: Path, revision: str
) -> None:
    old = _at_revision(tmp_path / "old", revision)
    open_database(tmp_path / "old").close()
    assert _schema(old) == _schema(template_database)


def _fill_first_revision(path: Path) -> None:
    """Data as the first schema stores it, written with plain SQL so it never follows the models."""
    now = "2024-01-02 03:04:05.000000"
    with _sqlite(path) as db, db:
        db.executemany(
            "INSERT INTO contacts (id, uuid, prefix, given_name, middle_name, family_name, suffix,"
            " nickname, display_name, sort_name, organization, title, department, notes,"
            " how_we_met, time_zone, tier, starred, archived, is_light, last_interaction_at,"
            " created_at, updated_at) VALUES (?, ?, '', ?, '', ?, '', '', ?, ?, ?, '', '', ?,"
            " '', '', '', 0, 0, 0, ?, ?, ?)",
            [
                (1, "u-1", "Ann", "Lee", "Ann Lee", "lee ann", "Acme", "likes sailing", *[now] * 3),
                (2, "u-2", "Bo", "Chen", "Bo Chen", "chen bo", "Initech", "", *[now] * 3),
            ],
        )
        db.execute(
            "INSERT INTO emails (id, contact_id, address, address_key, label, is_primary,"
            " position) VALUES (1, 1, 'Ann@Acme.com', 'ann@acme.com', 'work', 1, 0)"
        )
        db.execute(
            "INSERT INTO phones (id, contact_id, raw, e164, label, is_primary, position)"
            " VALUES (1, 1, '(415) 555-0123', '+14155550123', 'mobile', 1, 0)"
        )
        db.execute("INSERT INTO tags (id, name) VALUES (1, 'Client')")
        db.execute("INSERT INTO contact_tags (contact_id, tag_id) VALUES (1, 1)")
        db.execute(
            "INSERT INTO important_dates (id, contact_id, kind, label, year, month, day,"
            " recurrence) VALUES (1, 1, 'birthday', '', NULL, 2, 29, 'yearly')"
        )
        db.execute(
            "INSERT INTO interactions (id, kind, occurred_at, title, notes, created_at)"
            " VALUES (1, 'lunch', ?, 'Lunch', 'talked boats', ?)",
            (now, now),
        )
        db.executemany(
            "INSERT INTO interaction_participants (interaction_id, contact_id) VALUES (1, ?)",
            [(1,), (2,)],
        )
        db.execute(
            "INSERT INTO relationships (id, contact_id, related_id, kind, label, created_at)"
            " VALUES (1, 1, 2, 'colleague', '', ?)",
            (now,),
        )
        db.execute(
            "INSERT INTO contact_search (rowid, name, organization, emails, phones, notes,"
            " preferences, tags) VALUES (1, 'Ann Lee', 'Acme', 'Ann@Acme.com', '4155550123',"
            " 'likes sailing', '', 'Client')"
        )
        db.execute(
            "INSERT INTO contact_search (rowid, name, organization)"
            " VALUES (2, 'Bo Chen', 'Initech')"
        )


def test_a_database_from_the_first_release_keeps_its_data(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    _fill_first_revision(_at_revision(data_dir, FIRST_REVISION))

    app = Nurture.open(data_dir)
    try:
        ann = app.contacts.card(1)
        assert ann.name == "Ann Lee"
        assert ann.draft.organization == "Acme"
        assert [(e.address, e.label, e.primary) for e in ann.draft.emails] == [
            ("Ann@Acme.com", "work", True)
        ]
        assert [p.e164 for p in ann.draft.phones] == ["+14155550123"]
        assert ann.draft.tags == ("Client",)
        assert [(d.date.month, d.date.day, d.date.year) for d in ann.dates] == [(2, 29, None)]
        assert [(r.kind.value, r.other.id) for r in ann.relationships] == [("colleague", 2)]
        assert [(i.notes, {p.id for p in i.participants}) for i in ann.interactions] == [
            ("talked boats", {1, 2})
        ]
        assert ann.last_interaction_at == datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
        assert app.listing.ids(ContactQuery(search="sailing")) == [1]
        assert app.listing.ids(ContactQuery(search="initech")) == [2]
    finally:
        app.close()
    with _sqlite(database_path(data_dir)) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD_REVISION,)
    # Upgrading an older file first copies it aside; a file already at head is left as it is.
    backups = list((backups_dir(data_dir) / "before-upgrade").glob("*.sqlite3"))
    assert len(backups) == (0 if FIRST_REVISION == HEAD_REVISION else 1)


def test_a_database_from_a_newer_nurture_is_refused_untouched(data_dir: Path) -> None:
    path = database_path(data_dir)
    with _sqlite(path) as db, db:
        db.execute("UPDATE alembic_version SET version_num = '9999_future'")
    before = _digest(path)

    with pytest.raises(SchemaTooNewError, match="newer version of Nurture"):
        open_database(data_dir)

    assert _digest(path) == before
    assert not backups_dir(data_dir).exists()


def test_a_sqlite_file_of_another_program_is_refused_untouched(tmp_path: Path) -> None:
    path = database_path(tmp_path)
    with _sqlite(path) as db, db:
        db.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
        db.execute("INSERT INTO recipes (name) VALUES ('soup')")
    before = _digest(path)

    with pytest.raises(StorageError, match="not a Nurture database"):
        Nurture.open(tmp_path)

    assert _digest(path) == before


def test_a_file_that_is_not_a_database_is_reported_as_damaged(tmp_path: Path) -> None:
    path = database_path(tmp_path)
    path.write_bytes(b"These are my notes, not a database. " * 200)

    with pytest.raises(DatabaseCorruptError, match="backups"):
        Nurture.open(tmp_path)

    assert path.read_bytes().startswith(b"These are my notes")


def test_an_impossible_data_folder_is_a_storage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(StorageError, match="cannot create its data folder"):
        Nurture.open(blocker / "data")


def test_backup_is_a_consistent_readable_copy(app: Nurture, make_contact: Any) -> None:
    make_contact("Ann Lee", emails=["ann@acme.com"], tags=("Client",))
    # The app is still open, so the new rows may sit in the WAL file only: the backup API
    # must still see them.
    target = app.backups.make("manual").path

    assert target.parent == backups_dir(app.data_dir)
    assert target.name.endswith("-manual.sqlite3")
    with _sqlite(target) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT display_name FROM contacts").fetchall() == [("Ann Lee",)]
        assert db.execute("SELECT address FROM emails").fetchall() == [("ann@acme.com",)]
    # A backup is a whole Nurture database: it opens as one.
    restored = app.data_dir.parent / "restored"
    restored.mkdir()
    target.replace(database_path(restored))
    copy = Nurture.open(restored)
    try:
        assert [s.name for s in copy.listing.page(ContactQuery(search="ann"))] == ["Ann Lee"]
    finally:
        copy.close()


def test_connections_use_wal_foreign_keys_and_full_sync(app: Nurture) -> None:
    with app.database.engine.connect() as connection:
        pragma = connection.connection.driver_connection.execute  # type: ignore[union-attr]
        assert pragma("PRAGMA journal_mode").fetchone() == ("wal",)
        assert pragma("PRAGMA foreign_keys").fetchone() == (1,)
        assert pragma("PRAGMA synchronous").fetchone() == (2,)
        assert pragma("PRAGMA busy_timeout").fetchone()[0] > 0


def test_a_freshly_migrated_database_enforces_foreign_keys(tmp_path: Path) -> None:
    # The migration turns foreign keys off; the connection it used must get them back.
    database = open_database(tmp_path / "data")
    try:
        with database.engine.connect() as connection:
            pragma = connection.connection.driver_connection.execute  # type: ignore[union-attr]
            assert pragma("PRAGMA foreign_keys").fetchone() == (1,)
    finally:
        database.close()
