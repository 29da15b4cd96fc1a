"""Keeping data safe from the window: Back up now, Help ▸ Check database, a damaged database
found soon after start (no more automatic backups, the restore offered), File ▸ Restore from
backup…, and a database that cannot be opened for damage offering a backup before anything."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from nurture.app import Nurture
from nurture.db.backups import Backup, listed
from nurture.db.driver import sqlite
from nurture.domain.dto import ContactDraft
from nurture.paths import backups_dir, database_path
from nurture.services.listing import ContactQuery
from tests.ui.driving import on_next_dialog, window
from ui.application import _open
from ui.dialogs.restore import RestoreDialog


def test_back_up_now_and_check_the_database_from_the_menus(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    main = window(qtbot, core, now)
    main.safety.back_up()
    qtbot.waitUntil(lambda: bool(listed(backups_dir(core.data_dir))))
    qtbot.waitUntil(lambda: main.banner.text().startswith("Backed up to "))
    said: list[str] = []

    def read(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        said.append(dialog.text())
        dialog.accept()

    on_next_dialog(read)
    main.safety.check()
    qtbot.waitUntil(lambda: bool(said))
    assert said == ["The database is sound."]


def test_a_damaged_database_stops_the_automatic_backups_and_offers_the_restore(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    core.contacts.create(ContactDraft(given_name="Ann", family_name="Lee"))
    good = core.backups.make("daily")
    main = window(qtbot, core, now)
    main.safety.timer.start()
    asked: list[Backup] = []
    main.safety.restore_requested.connect(asked.append)
    shown: list[str] = []

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, RestoreDialog)
        item = dialog.list.item(0)
        assert item is not None
        shown.append(item.text())
        dialog.buttons.accepted.emit()

    on_next_dialog(choose)
    main.safety._checked("*** in database main *** Page 7: btreeInitPage() returns error")
    assert asked == [good]
    assert not main.safety.timer.isActive()
    assert "daily" in shown[0]
    main.safety.daily()  # asked again: nothing is made of a damaged file
    assert len(listed(backups_dir(core.data_dir))) == 1


def test_a_database_that_cannot_be_opened_offers_its_backup_first(
    qtbot: QtBot, data_dir: Path
) -> None:
    app = Nurture.open(data_dir)
    app.contacts.create(ContactDraft(given_name="Ann", family_name="Lee"))
    app.backups.make("manual")
    app.close()
    database_path(data_dir).write_bytes(b"not a database any more " * 300)

    def restore_it(dialog: QWidget) -> None:
        assert isinstance(dialog, RestoreDialog)
        assert dialog.list.count() == 1
        dialog.buttons.accepted.emit()

    on_next_dialog(restore_it)
    core = _open(data_dir)
    assert core is not None
    try:
        assert [s.name for s in core.listing.page(ContactQuery())] == ["Ann Lee"]
        aside = list((backups_dir(data_dir) / "replaced").rglob("nurture.sqlite3"))
        assert aside[0].read_bytes().startswith(b"not a database")  # kept, not deleted
    finally:
        core.close()
    with sqlite.connect(database_path(data_dir)) as db:
        assert db.execute("PRAGMA quick_check").fetchone() == ("ok",)


def test_an_encrypted_folder_asks_its_passphrase_before_opening(
    qtbot: QtBot, data_dir: Path
) -> None:
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    from nurture.db.encryption import encrypt

    app = Nurture.open(data_dir)
    app.contacts.create(ContactDraft(given_name="Ann", family_name="Lee"))
    app.close()
    encrypt(data_dir, "dark chocolate 70%")
    asked: list[str] = []

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog)
        assert dialog.textEchoMode() == QLineEdit.EchoMode.Password
        asked.append(dialog.labelText())
        dialog.setTextValue("dark chocolate 70%")
        dialog.accept()

    on_next_dialog(answer)
    core = _open(data_dir)
    assert core is not None
    try:
        assert [s.name for s in core.listing.page(ContactQuery())] == ["Ann Lee"]
        assert core.database.key is not None
    finally:
        core.close()
    assert asked == ["Passphrase:"]


def test_the_first_start_encrypts_behind_a_chosen_passphrase_and_shows_the_recovery_key(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import keyring.core
    from PySide6.QtWidgets import QLineEdit

    from nurture.db.encryption import is_encrypted, unlock
    from nurture.db.keys import key_from_recovery, load_info
    from ui.dialogs.encryption import NewPassphraseDialog, RecoveryKeyDialog, set_up

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.delenv("NURTURE_NEW_PASSPHRASE", raising=False)
    keyring.core.init_backend()
    try:

        def choose(dialog: QWidget) -> None:
            assert isinstance(dialog, NewPassphraseDialog)
            assert dialog.first.echoMode() == QLineEdit.EchoMode.Password
            dialog.first.setText("single malt")
            dialog.second.setText("single malt")
            dialog._accept()

        on_next_dialog(choose)
        key = set_up(data_dir)
    finally:
        monkeypatch.delenv("PYTHON_KEYRING_BACKEND")
        keyring.core.init_backend()
    assert key is not None
    assert is_encrypted(data_dir)
    info = load_info(data_dir)
    assert info is not None
    assert info.mode == "passphrase"
    assert unlock(data_dir, lambda _prompt: "single malt") == key
    assert set_up(data_dir) is None  # once
    shown = RecoveryKeyDialog(None, key)
    qtbot.addWidget(shown)
    assert key_from_recovery(shown.shown.text()) == key
    shown.save(str(tmp_path / "recovery.txt"))
    assert shown.text in (tmp_path / "recovery.txt").read_text()
