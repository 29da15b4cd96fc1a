"""Backups you can trust, on real files: rotation by age that a wrong clock cannot empty,
pre-upgrade copies kept apart, a damaged database never rotated over good copies, a restore
that a left-over write-ahead log cannot spoil, a check that repairs damaged text and the search
index, and a second folder."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from nurture.app import Nurture
from nurture.db.backups import listed, make_backup, quick_check, restore, rotate
from nurture.db.driver import sqlite
from nurture.domain.dto import ContactDraft
from nurture.errors import DatabaseCorruptError, StorageError
from nurture.paths import backups_dir, database_path
from nurture.services.listing import ContactQuery
from tests.db.test_cli import nurture, ok

NOW = datetime(2026, 11, 27, 12, tzinfo=UTC)


def _names(app: Nurture) -> list[str]:
    return [s.name for s in app.listing.page(ContactQuery())]


def test_rotation_keeps_days_weeks_and_months_and_a_wrong_clock_empties_nothing(
    app: Nurture,
) -> None:
    folder = backups_dir(app.data_dir)
    path = app.database.path
    # A year of daily backups, then a clock a year ahead for two days, then the right clock.
    for days in range(365, 0, -1):
        make_backup(path, folder, "daily", NOW - timedelta(days=days))
    before = len(listed(folder))
    ahead = [make_backup(path, folder, "daily", NOW + timedelta(days=365 + d)) for d in (0, 1)]
    assert len(listed(folder)) >= before + 2 - 2 * 2  # at most two go per backup made
    after = [make_backup(path, folder, "daily", NOW + timedelta(hours=h)) for h in (1, 2)]

    kept = listed(folder)
    stamps = [b.made for b in kept]
    assert {b.path for b in ahead} <= {b.path for b in kept}  # kept, and they took nothing
    assert after[-1].path in {b.path for b in kept}  # the newest of its day
    recent = [s for s in stamps if NOW - timedelta(days=7) <= s <= NOW + timedelta(hours=3)]
    assert len(recent) >= 6  # a copy for (almost) every day of the last week
    months = {(s.year, s.month) for s in stamps if s <= NOW}
    assert len(months) >= 12 - 2 * 2  # one a month (the wrong clock took at most four)
    assert len(kept) <= 2 + 2 + 7 + 4 + 13 + 3  # and not a year of dailies


def test_pre_upgrade_copies_live_apart_from_manual_ones(app: Nurture) -> None:
    folder = backups_dir(app.data_dir)
    upgrade = make_backup(app.database.path, folder / "before-upgrade", "before-upgrade", NOW)
    for minutes in range(30):
        make_backup(app.database.path, folder, "manual", NOW + timedelta(minutes=minutes))
    assert upgrade.path.exists()
    assert app.backups.backups()[-1].path == upgrade.path


def test_a_damaged_database_is_not_backed_up_over_good_copies(app: Nurture) -> None:
    app.contacts.create(ContactDraft(given_name="Ann", family_name="Lee"))
    good = app.backups.make("daily")
    app.close()
    path = app.database.path
    with sqlite.connect(path) as db:  # everything in the main file, nothing in a WAL
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    for page in range(4096, len(data), 4096):  # every page's header after the first, garbled
        data[page : page + 8] = b"\x0d\xff\xff\xff\xff\xff\xff\xff"
    path.write_bytes(data)
    assert quick_check(path)

    with pytest.raises(DatabaseCorruptError, match="No backup was made"):
        make_backup(path, backups_dir(app.data_dir), "daily", NOW + timedelta(days=2))
    assert [b.path for b in listed(backups_dir(app.data_dir))] == [good.path]


def test_restore_after_a_crash_with_a_left_over_wal_gives_the_backups_content(
    data_dir: Path,
) -> None:
    app = Nurture.open(data_dir)
    app.contacts.create(ContactDraft(given_name="Ann", family_name="Lee"))
    app.backups.make("manual")
    app.contacts.create(ContactDraft(given_name="Bo", family_name="Roe"))
    path = app.database.path
    # A crash: the process dies with its changes in the write-ahead log, never checkpointed.
    script = (
        "import os, sys, sqlite3\n"
        "c = sqlite3.connect(sys.argv[1]); c.execute('PRAGMA journal_mode=WAL')\n"
        "c.execute(\"UPDATE contacts SET display_name = 'Crashed'\"); c.commit()\n"
        "os._exit(0)\n"
    )
    app.close()
    subprocess.run([sys.executable, "-c", script, str(path)], check=True)
    assert path.with_name(path.name + "-wal").exists()

    restored, aside = restore(data_dir, None, NOW)

    assert quick_check(path) == ""
    assert {"nurture.sqlite3", "nurture.sqlite3-wal"} <= {p.name for p in aside.iterdir()}
    assert not path.with_name(path.name + "-wal").exists()  # the crash's log went aside too
    again = Nurture.open(data_dir)
    try:
        assert _names(again) == ["Ann Lee"]
        again.contacts.create(ContactDraft(given_name="Cy", family_name="Ng"))  # it takes writes
        assert _names(again) == ["Ann Lee", "Cy Ng"]
    finally:
        again.close()
    assert restored.reason == "manual"


def test_damaged_text_is_repaired_so_the_list_and_export_work(data_dir: Path) -> None:
    app = Nurture.open(data_dir)
    ann = app.contacts.create(ContactDraft(given_name="Anna", family_name="Lee")).value.id
    app.contacts.create(ContactDraft(given_name="Bo", family_name="Roe"))
    app.close()

    def flip_a_bit() -> None:
        with sqlite.connect(database_path(data_dir)) as db:  # "Anna" with a byte gone bad
            db.execute(
                "UPDATE contacts SET display_name = CAST(X'416EFF61204C6565' AS TEXT) WHERE id = ?",
                (ann,),
            )

    flip_a_bit()
    said = ok(nurture("check", data_dir=data_dir))
    assert "Damaged text repaired (1): contacts.display_name #1" in said
    assert "An\ufffda Lee" in ok(nurture("contacts", data_dir=data_dir))

    flip_a_bit()  # and again, found this time by the list itself
    listed = nurture("contacts", data_dir=data_dir)
    assert listed.returncode == 0, listed.stderr
    assert "An\ufffda Lee" in listed.stdout
    assert "repaired damaged text in contacts.display_name #1" in listed.stderr
    exported = ok(nurture("export", "--format", "vcard", data_dir=data_dir))
    assert "Bo Roe" in exported
    again = Nurture.open(data_dir)
    try:
        assert again.listing.ids(ContactQuery(search="lee")) == [ann]  # indexed again
    finally:
        again.close()


def test_a_second_folder_gets_every_backup(app: Nurture, tmp_path: Path) -> None:
    second = tmp_path / "usb-disk" / "Nurture backups"
    app.settings.update(second_backup_folder=str(second))
    made = app.backups.make("manual")
    assert (second / made.path.name).read_bytes() == made.path.read_bytes()
    unplugged = tmp_path / "unplugged"
    unplugged.write_text("a file where the disk's folder was")
    app.settings.update(second_backup_folder=str(unplugged / "Nurture backups"))
    later = app.backups.make("manual")  # the backup itself still stands
    assert later.path.exists()
    assert "its copy in" in app.backups.second_copy_failed


def test_a_stray_part_of_a_crashed_backup_is_cleared(app: Nurture) -> None:
    folder = backups_dir(app.data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    stray = folder / ".nurture-20260101-000000-000000-daily.sqlite3.part-journal"
    stray.write_bytes(b"half")
    hours_ago = (NOW - timedelta(hours=2)).timestamp()
    os.utime(stray, (hours_ago, hours_ago))
    rotate(folder, NOW)
    assert not stray.exists()


def test_a_backup_comes_before_a_merge_or_a_bulk_delete_when_anything_changed(
    data_dir: Path,
) -> None:
    hours = [0]
    app = Nurture.open(data_dir, clock=lambda: datetime.now(UTC) + timedelta(hours=hours[0]))
    try:
        ids = [
            app.contacts.create(ContactDraft(given_name=f"P{i:02d}", family_name="Lee")).value.id
            for i in range(14)
        ]

        def reasons() -> list[str]:
            return [b.reason for b in app.backups.backups()]

        app.deletion.delete(ids[:1])
        assert reasons() == []  # one person is not a bulk delete (and undo brings them back)
        app.deletion.delete(ids[1:11])
        assert reasons() == ["before-bulk-delete"]
        app.merging.merge(ids[11], ids[12])
        assert reasons() == ["before-bulk-delete"]  # a copy this fresh covers a merge too
        hours[0] = 2
        app.merging.merge(ids[11], ids[13])
        assert reasons()[0] == "before-merge"  # two hours and changes later: a new copy
        hours[0] = 4
        made = len(reasons())
        assert app.backups.before("import") is None  # nothing changed since: no copy
        assert len(reasons()) == made
    finally:
        app.close()


def test_restore_waits_for_the_app_to_quit_and_says_what_it_did(data_dir: Path) -> None:
    app = Nurture.open(data_dir)
    app.contacts.create(ContactDraft(given_name="Ann", family_name="Lee"))
    app.backups.make("manual")
    app.close()
    lock = data_dir / "nurture.lock"
    lock.write_text(f"{os.getpid()}\nnurture\n{socket.gethostname()}\n")  # as Qt writes it
    running = nurture("restore", data_dir=data_dir)
    assert (running.returncode, "quit it first" in running.stderr) == (1, True)
    lock.unlink()
    said = ok(nurture("restore", data_dir=data_dir))
    assert said.startswith("Restored nurture-")
    assert "The file it replaced is kept in" in said


def test_three_first_starts_on_an_old_file_upgrade_it_once_with_one_backup(
    tmp_path: Path,
) -> None:
    data = tmp_path / "old"
    maker = Path(__file__).resolve().parents[2] / "packaging" / "smoke" / "old_database.py"
    subprocess.run([sys.executable, str(maker), str(data)], check=True)
    starts = [
        subprocess.Popen(
            [sys.executable, "-m", "nurture", "--data-dir", str(data), "contacts", "--json"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    results = [start.communicate(timeout=60) for start in starts]
    assert [start.returncode for start in starts] == [0, 0, 0], results
    assert all('"Ann Lee"' in out for out, _err in results)
    upgrades = list((backups_dir(data) / "before-upgrade").glob("*.sqlite3"))
    assert len(upgrades) == 1


def test_after_a_clock_that_ran_ahead_a_new_backup_is_never_the_one_removed(
    app: Nurture,
) -> None:
    folder = backups_dir(app.data_dir)
    for hours in (1, 2, 3):  # made while the clock ran six hours fast
        make_backup(app.database.path, folder, "manual", NOW + timedelta(hours=6 + hours))
    for minutes in range(4):  # the clock right again
        made = make_backup(
            app.database.path, folder, "before-import", NOW + timedelta(minutes=minutes)
        )
        assert made.path.exists()


def test_a_restore_that_cannot_copy_leaves_the_database_where_it_was(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = Nurture.open(data_dir)
    app.contacts.create(ContactDraft(given_name="Ann", family_name="Lee"))
    app.backups.make("manual")
    app.close()
    before = database_path(data_dir).read_bytes()

    def full_disk(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("nurture.db.backups.shutil.copyfile", full_disk)
    with pytest.raises(StorageError, match="nothing changed"):
        restore(data_dir, None)
    assert database_path(data_dir).read_bytes() == before
    assert not list(data_dir.glob(".nurture.sqlite3.restoring"))


def test_a_missing_database_beside_its_backups_is_not_replaced_by_an_empty_one(
    data_dir: Path,
) -> None:
    app = Nurture.open(data_dir)
    app.contacts.create(ContactDraft(given_name="Ann", family_name="Lee"))
    app.backups.make("manual")
    app.close()
    database_path(data_dir).unlink()
    with pytest.raises(DatabaseCorruptError, match="missing, but there are backups"):
        Nurture.open(data_dir)
    assert not database_path(data_dir).exists()
    restore(data_dir, None)
    again = Nurture.open(data_dir)
    try:
        assert _names(again) == ["Ann Lee"]
    finally:
        again.close()


def test_restore_waits_for_every_program_using_the_folder(data_dir: Path) -> None:
    app = Nurture.open(data_dir)  # as a command line import in another terminal would hold it
    app.contacts.create(ContactDraft(given_name="Ann", family_name="Lee"))
    app.backups.make("manual")
    try:
        with pytest.raises(StorageError, match="Another Nurture program is using"):
            restore(data_dir, None)
        assert _names(app) == ["Ann Lee"]  # untouched, still working
    finally:
        app.close()
    restore(data_dir, None)  # now alone: done


def test_a_damaged_date_is_found_and_made_readable_again(data_dir: Path) -> None:
    from nurture.db.driver import sqlite

    app = Nurture.open(data_dir)
    ann = app.contacts.create(ContactDraft(given_name="Ann", family_name="Lee")).value.id
    app.close()
    with sqlite.connect(database_path(data_dir)) as db:  # a flipped bit in the day it was added
        flipped = "X'32303236FF31312D32372031323A30303A3030'"  # "2026\xff11-27 12:00:00"
        db.execute(f"UPDATE contacts SET created_at = CAST({flipped} AS TEXT) WHERE id = ?", (ann,))
    listed = nurture("contacts", data_dir=data_dir)
    assert listed.returncode == 0, listed.stderr
    assert "Ann Lee" in listed.stdout
    assert "repaired damaged text in contacts.created_at" in listed.stderr
    shown = ok(nurture("show", "Ann Lee", data_dir=data_dir))
    assert "Ann Lee" in shown
