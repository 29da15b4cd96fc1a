"""Backups and the database check as the window and the command line use them: a backup now,
the daily one while the app runs, one before an operation that changes much at once (import,
merge, undo-import, a bulk delete) when anything changed since the last, a copy in a second
folder when the user chose one, and `check` (integrity, references, search index, damaged text)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from nurture.db.backups import Backup, every_backup, listed, make_backup, rotate
from nurture.db.engine import Database
from nurture.db.repair import (
    CheckReport,
    broken_references,
    damaged_text,
    integrity,
    rebuild_search_index,
    repair_text,
    search_index_sound,
)
from nurture.db.search_index import reindex
from nurture.paths import backups_dir, private_file, private_folder
from nurture.services.settings import SettingsService

DAILY = timedelta(days=1)
RECENT = timedelta(hours=1)  # a copy this fresh covers the next risky step too


class BackupService:
    def __init__(
        self,
        database: Database,
        data_dir: Path,
        settings: SettingsService,
        clock: Callable[[], datetime],
    ) -> None:
        self._db = database
        self._folder = backups_dir(data_dir)
        self._data_dir = data_dir
        self._settings = settings
        self._clock = clock
        self.second_copy_failed = ""  # why the last copy to the second folder failed, if it did

    def backups(self) -> list[Backup]:
        """Every backup, pre-upgrade ones included, the newest first."""
        return every_backup(self._data_dir)

    def make(self, reason: str = "manual") -> Backup:
        """A checked backup now (refused, with the way out, when the database is damaged), and
        a copy in the second folder when one is set."""
        now = self._clock()
        made = make_backup(self._db.path, self._folder, reason, now, self._db.key)
        self._second_copy(made, now)
        return made

    def daily(self) -> Backup | None:
        """The day's backup, when the newest is a day old (the app asks every few minutes)."""
        now = self._clock()
        newest = self._newest(now)
        if newest is not None and now - newest.made < DAILY:
            return None
        return self.make("daily")

    def before(self, operation: str) -> Backup | None:
        """A backup before an operation that changes much at once, unless nothing changed since
        the newest one or that one is less than an hour old: at 100,000 contacts a copy takes
        seconds, and merging twenty duplicates in a row (each undoable) needs one, not twenty."""
        now = self._clock()
        newest = self._newest(now)
        if newest is not None and (now - newest.made < RECENT or self._last_write() <= newest.made):
            return None
        return self.make(f"before-{operation}")

    def check(self) -> CheckReport:
        """Integrity and references reported; damaged text and the search index repaired."""
        report = CheckReport()
        damaged = damaged_text(self._db.path, self._db.key)
        with self._db.write() as session:
            connection = session.connection()
            report.integrity = integrity(connection)
            report.foreign_keys = broken_references(connection)
            if damaged:
                report.repaired_text = repair_text(connection, damaged)
                reindex(connection, [row for table, _c, row, *_ in damaged if table == "contacts"])
            if not search_index_sound(connection):
                rebuild_search_index(connection)
                report.search_rebuilt = True
        return report

    def _newest(self, now: datetime) -> Backup | None:
        """The newest backup not stamped ahead of the clock."""
        return next((b for b in listed(self._folder) if b.made <= now), None)

    def _last_write(self) -> datetime:
        path = self._db.path
        times = [
            p.stat().st_mtime for p in (path, path.with_name(path.name + "-wal")) if p.exists()
        ]
        return datetime.fromtimestamp(max(times, default=0), UTC)

    def _second_copy(self, made: Backup, now: datetime) -> None:
        second = self._settings.get().second_backup_folder.strip()
        self.second_copy_failed = ""
        if not second:
            return
        try:
            folder = private_folder(Path(second).expanduser())
            target = folder / made.path.name
            part = folder / f".{made.path.name}.part"
            shutil.copyfile(made.path, part)
            private_file(part)
            part.replace(target)
            rotate(folder, now)
        except OSError as error:  # another disk unplugged: the main backup still stands
            self.second_copy_failed = (
                f"The backup was made, but its copy in {second} failed "
                f"({error.strerror or error}). Check that the drive is connected."
            )
