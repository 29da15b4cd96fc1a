"""Opening the data file: create it, or back it up and migrate it, or refuse a newer one. One
process migrates at a time (a lock file): three first starts of a new version on an old file
make one pre-upgrade backup and one upgrade, not three racing ones."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from nurture.db.backups import backup_before_upgrade, every_backup
from nurture.db.driver import connect, sqlite
from nurture.db.engine import Database, translate
from nurture.db.in_use import one_at_a_time
from nurture.db.revision import HEAD_REVISION
from nurture.errors import DatabaseCorruptError, SchemaTooNewError, StorageError
from nurture.paths import FILE_MODE, database_path, private_file, private_folder

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def open_database(data_dir: Path, key: bytes | None = None) -> Database:
    """The ready-to-use database in `data_dir`, created or upgraded to this build's schema."""
    path = database_path(data_dir)
    if not path.exists() and every_backup(data_dir):
        # Gone, with copies beside it (an interrupted restore, a mistake): never an empty new
        # database that the daily backup would then copy over the good ones.
        raise DatabaseCorruptError(
            f"{path} is missing, but there are backups of it. Restore the newest: "
            "nurture restore (or File ▸ Restore from backup…)."
        )
    try:
        private_folder(data_dir)
        _private_database(path)
    except OSError as error:
        raise StorageError(f"Nurture cannot create its data folder {data_dir}: {error}") from error
    if read_revision(path, key) == HEAD_REVISION:
        return Database(path, key=key)
    with one_at_a_time(data_dir / "migrate.lock"):
        current = read_revision(path, key)  # another process may have upgraded it meanwhile
        if current != HEAD_REVISION:
            if current is not None:
                _refuse_unknown(current, path)
                backup_before_upgrade(path, data_dir, current, datetime.now(UTC), key)
            database = Database(path, key=key)
            try:
                with database.storage_errors():
                    upgrade(database, HEAD_REVISION)
            except BaseException:
                database.close()  # its hold on the folder too: a restore may come next
                raise
            return database
    return Database(path, key=key)


def _private_database(path: Path) -> None:
    """The database file (made now if new, so SQLite never creates it world-readable) and its
    journal files, readable by the user alone; SQLite gives new -wal/-shm files its mode."""
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, FILE_MODE))
    for part in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        private_file(part)


def read_revision(path: Path, key: bytes | None = None) -> str | None:
    """The Alembic revision stored in the file; None for a missing or empty file."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        connection = connect(path, key, readonly=True)
        try:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
            if "alembic_version" not in tables:
                if tables:
                    raise StorageError(
                        f"{path} is not a Nurture database. Move it away or choose another "
                        "data folder with --data-dir."
                    )
                return None
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            connection.close()
    except sqlite.Error as error:
        raise (translate(error, path) or StorageError(f"Cannot read {path}: {error}")) from error
    return None if row is None else str(row[0])


def _refuse_unknown(revision: str, path: Path) -> None:
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    scripts = ScriptDirectory(str(MIGRATIONS_DIR))
    try:
        scripts.get_revision(revision)
    except CommandError as error:
        raise SchemaTooNewError(
            f"{path} was written by a newer version of Nurture (schema {revision}). "
            "It was not touched: install the newer Nurture to open it."
        ) from error


def upgrade(database: Database, revision: str) -> None:
    """Run the Alembic migrations up to `revision` in one transaction, foreign keys off."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with database.engine.connect() as connection:
        # PRAGMA foreign_keys is a no-op inside a transaction: set it on the raw connection.
        raw = connection.connection.driver_connection
        assert isinstance(raw, sqlite.Connection)
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
        finally:
            raw.execute("PRAGMA foreign_keys = ON")
