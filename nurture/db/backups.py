"""Backups you can trust: consistent copies (SQLite's backup API) made only of a database that
passes `PRAGMA quick_check`, each one checked and renamed into place whole, rotated by age, and
restored with the current file (and its -wal/-shm) moved aside first.

Rotation keeps the newest copy of each of the last 7 days, 4 weeks and 12 months, and always
the 3 newest. A copy's age comes from the time it was made, stamped in its name: a copy stamped
ahead of the clock (a clock that was wrong) is kept, and one rotation removes at most two
copies (the oldest first), so a clock a year ahead cannot sweep the recent ones away at once.
Copies made before an upgrade live apart (`before-upgrade/`, the 5 newest kept): no number of
manual backups pushes them out.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from nurture.db.driver import connect, sqlite
from nurture.db.engine import translate
from nurture.db.in_use import alone
from nurture.errors import DatabaseCorruptError, NotFoundError, StorageError
from nurture.paths import FILE_MODE, backups_dir, database_path, private_file, private_folder

UPGRADES = "before-upgrade"
REPLACED = "replaced"
_NAME = re.compile(r"^nurture-(\d{8}-\d{6}-\d{6})-(.+)\.sqlite3$")
_STAMP = "%Y%m%d-%H%M%S-%f"
_KEEP_NEWEST = 3
_DAYS, _WEEKS, _MONTHS = 7, 4, 12
_UPGRADES_KEPT = 5
_REMOVED_AT_ONCE = 2  # each backup adds one: the set still shrinks to the policy
_STRAY_AFTER = timedelta(hours=1)  # a `.part` left by a crash, older than any backup takes


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    made: datetime  # UTC, from its name
    reason: str  # "daily", "manual", "before-import", "before-upgrade-from-0007_shown_as"

    @property
    def size(self) -> int:
        return self.path.stat().st_size


def quick_check(path: Path, key: bytes | None = None) -> str:
    """'' when SQLite finds the file sound (`PRAGMA quick_check`), else what it found."""
    try:
        connection = connect(path, key, readonly=True)
        try:
            rows = [str(r[0]) for r in connection.execute("PRAGMA quick_check")]
        finally:
            connection.close()
    except sqlite.DatabaseError as error:
        return str(error)
    return "" if rows == ["ok"] else "; ".join(rows[:3])


def damaged_message(path: Path, problem: str) -> str:
    return (
        f"The database {path} is damaged ({problem}). No backup was made, so the good copies "
        "stay. Restore the newest good one: nurture restore (or File ▸ Restore from backup…)."
    )


def make_backup(
    path: Path,
    folder: Path,
    reason: str,
    now: datetime,
    key: bytes | None = None,
    rotated: bool = True,
) -> Backup:
    """A checked copy of `path` in `folder` (encrypted with the same `key`: SQLCipher's backup
    API copies between files of one key), then the folder rotated. A damaged database is
    refused (DatabaseCorruptError): copying it would rotate good copies away."""
    problem = quick_check(path, key)
    if problem:
        raise DatabaseCorruptError(damaged_message(path, problem))
    private_folder(folder)
    made = now.astimezone(UTC)
    target = folder / f"nurture-{made.strftime(_STAMP)}-{reason}.sqlite3"
    part = folder / f".{target.name}.part"
    try:
        os.close(os.open(part, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE))
        source = connect(path, key, readonly=True)
        copy = connect(part, key)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        finally:
            copy.close()
            source.close()
        if quick_check(part, key):
            raise StorageError(f"The backup written to {folder} did not read back whole.")
        with part.open("rb") as file:
            os.fsync(file.fileno())
        part.replace(target)
    except (OSError, sqlite.Error, StorageError) as error:
        _remove_part(part)
        if isinstance(error, StorageError):
            raise
        known = translate(error, folder / target.name) if isinstance(error, sqlite.Error) else None
        raise known or StorageError(f"Backup failed: {error}") from error
    if rotated:
        rotate(folder, now, target)
    return Backup(target, made, reason)


def _remove_part(part: Path) -> None:
    for leftover in (part, part.with_name(part.name + "-journal")):
        leftover.unlink(missing_ok=True)


def listed(folder: Path) -> list[Backup]:
    """The backups in `folder` (not its subfolders), the newest first."""
    found = []
    for path in folder.glob("nurture-*.sqlite3") if folder.is_dir() else ():
        match = _NAME.match(path.name)
        if match:
            made = datetime.strptime(match.group(1), _STAMP).replace(tzinfo=UTC)
            found.append(Backup(path, made, match.group(2)))
    return sorted(found, key=lambda b: b.made, reverse=True)


def every_backup(data_dir: Path) -> list[Backup]:
    """The rotated backups and the pre-upgrade ones, the newest first."""
    folder = backups_dir(data_dir)
    both = [*listed(folder), *listed(folder / UPGRADES)]
    return sorted(both, key=lambda b: b.made, reverse=True)


def rotate(folder: Path, now: datetime, made: Path | None = None) -> list[Path]:
    """Remove what the age-based policy does not keep (never `made`, the copy just made);
    stray parts of crashed backups too. Returns what was removed."""
    today = now.astimezone(UTC)
    everyone = listed(folder)
    ahead = [b for b in everyone if b.made > today]  # the clock was wrong: all kept
    backups = [b for b in everyone if b.made <= today]  # the policy is about these
    keep: set[Path] = {b.path for b in ahead} | {b.path for b in backups[:_KEEP_NEWEST]}
    if made is not None:
        keep.add(made)
    newest_of: dict[tuple[str, object], Path] = {}
    for b in backups:  # newest first: the first seen in a bucket is its newest
        age = today - b.made
        buckets: list[tuple[str, object]] = []
        if age <= timedelta(days=_DAYS):
            buckets.append(("day", b.made.date()))
        if age <= timedelta(weeks=_WEEKS):
            buckets.append(("week", tuple(b.made.isocalendar())[:2]))
        if age <= timedelta(days=31 * _MONTHS):
            buckets.append(("month", (b.made.year, b.made.month)))
        for bucket in buckets:
            newest_of.setdefault(bucket, b.path)
    keep |= set(newest_of.values())
    gone = [b.path for b in reversed(backups) if b.path not in keep][:_REMOVED_AT_ONCE]
    for path in gone:
        path.unlink(missing_ok=True)
    for stray in folder.glob(".nurture-*.part*"):
        if datetime.fromtimestamp(stray.stat().st_mtime, UTC) < today - _STRAY_AFTER:
            stray.unlink(missing_ok=True)
    return gone


def backup_before_upgrade(
    path: Path, data_dir: Path, revision: str, now: datetime, key: bytes | None = None
) -> Backup:
    folder = backups_dir(data_dir) / UPGRADES
    # Not by age: the newest few, however old (an upgrade may come years after the last).
    made = make_backup(path, folder, f"before-upgrade-from-{revision}", now, key, rotated=False)
    for old in listed(folder)[_UPGRADES_KEPT:]:
        old.path.unlink(missing_ok=True)
    return made


def restore(
    data_dir: Path, chosen: Backup | None, now: datetime | None = None, key: bytes | None = None
) -> tuple[Backup, Path]:
    """Put a backup in place of the database: the newest sound one unless `chosen`. The
    current file and its -wal/-shm are moved aside first (never deleted), so a left-over
    write-ahead log cannot be played onto the restored copy. Returns the backup and where the
    replaced files went. Nurture must not be running on `data_dir`."""
    candidates = [chosen] if chosen else every_backup(data_dir)
    backup = next((b for b in candidates if not quick_check(b.path, key)), None)
    if backup is None:
        if chosen is not None:
            raise DatabaseCorruptError(f"The backup {chosen.path.name} is damaged itself.")
        raise NotFoundError(f"There is no sound backup in {backups_dir(data_dir)} to restore.")
    with alone(data_dir, "restore"):
        return _put_in_place(data_dir, backup, now, key)


def _put_in_place(
    data_dir: Path, backup: Backup, now: datetime | None, key: bytes | None
) -> tuple[Backup, Path]:
    target = database_path(data_dir)
    # The copy first, checked, beside the file: only then is anything moved (a full disk or a
    # crash before this point leaves the current file where it was).
    part = target.with_name(f".{target.name}.restoring")
    try:
        shutil.copyfile(backup.path, part)
        private_file(part)
        with part.open("rb") as file:
            os.fsync(file.fileno())
    except OSError as error:
        part.unlink(missing_ok=True)
        raise StorageError(
            f"The backup could not be copied ({error.strerror or error}); nothing changed."
        ) from error
    problem = quick_check(part, key)
    if problem:
        part.unlink()
        raise StorageError(f"The copy did not read back whole ({problem}); nothing changed.")
    when = (now or datetime.now(UTC)).astimezone(UTC)  # names the folder the old file goes to
    aside = private_folder(backups_dir(data_dir) / REPLACED / when.strftime(_STAMP))
    # Renames within one disk: the current file and its journals go aside, the copy comes in.
    for suffix in ("", "-wal", "-shm", "-journal"):
        current = target.with_name(target.name + suffix)
        if current.exists():
            current.replace(aside / current.name)
    part.replace(target)
    return backup, aside
