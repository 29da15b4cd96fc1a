"""Sync from the window: connecting in Preferences ▸ Sync, File ▸ Sync now with its result, a
password asked once per session where no keyring keeps it, and a failure said plainly."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from nurture.app import Nurture
from tests.radicale_server import Server
from tests.ui.driving import on_next_dialog, person, window
from ui.dialogs.preferences import PreferencesDialog


@pytest.fixture
def no_keyring() -> Iterator[None]:
    was = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(was)


def test_connecting_in_preferences_then_syncing_now(
    qtbot: QtBot,
    core: Nurture,
    now: datetime,
    radicale: Server,
    no_keyring: None,
) -> None:
    person(core, "Robert", "Hughes")
    shown = window(qtbot, core, now)
    said: list[str] = []

    def connect_then_ok(dialog: QWidget) -> None:
        assert isinstance(dialog, PreferencesDialog)
        dialog.tabs.setCurrentIndex(dialog.tabs.count() - 1)
        dialog.sync.url.setText(radicale.url)
        dialog.sync.user.setText(radicale.user)
        dialog.sync.password.setText(radicale.password)
        dialog.sync.every.setValue(30)
        dialog.sync.connect_button.click()
        qtbot.waitUntil(lambda: dialog.sync.connect_button.isEnabled(), timeout=20_000)
        said.append(dialog.sync.result.text())
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    on_next_dialog(connect_then_ok)
    shown.preferences()
    qtbot.waitUntil(lambda: core.settings.get().sync_every_minutes == 30)
    assert said[0].startswith("Connected: your contacts sync with the address book “Nurture”.")
    assert "Nurture asks for the password once per session" in said[0]
    assert shown.sync_control.timer.interval() == 30 * 60_000

    results: list[str] = []

    def read_result(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        results.append(box.text())
        box.accept()

    on_next_dialog(read_result)
    shown.sync_action.trigger()  # the password from this session: not asked again
    qtbot.waitUntil(lambda: bool(results), timeout=20_000)
    assert results == ["1 sent to the server."]
    assert shown.sync_control.label.text().startswith("Synced ")


def test_a_sync_that_fails_says_why_and_asks_for_the_password_again(
    qtbot: QtBot,
    core: Nurture,
    now: datetime,
    radicale: Server,
    no_keyring: None,
) -> None:
    from nurture.sync.account import connect

    connect(core.settings, radicale.url, radicale.user, radicale.password)
    shown = window(qtbot, core, now)
    messages: list[str] = []

    def wrong_password(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog)
        assert "no keyring here keeps it" in dialog.labelText()
        dialog.setTextValue("milk chocolate")

        def read_failure(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            messages.append(box.text())
            box.accept()

        on_next_dialog(read_failure)
        dialog.accept()

    on_next_dialog(wrong_password)
    shown.sync_action.trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=20_000)
    assert "refused the user name or password" in messages[0]
    assert shown.sync_control.label.text() == "Sync failed"
    assert shown.sync_control.session_password is None  # asked again next time


def test_a_value_a_sync_conflict_set_aside_shows_on_the_card_but_not_in_private(
    core: Nurture, now: datetime
) -> None:
    import re

    from nurture.db.sync_state import SyncConflict
    from ui.card_html import card_html
    from ui.privacy import redacted_card

    mia = person(core, "Mia", "Chen")
    with core.database.write() as session:
        session.add(
            SyncConflict(
                contact_id=mia,
                field="organization",
                kept='"Chen Orthodontics"',
                set_aside='"Chen Dental"',
                from_server=True,
                at=now,
            )
        )
    card = core.contacts.card(mia)
    shown = re.sub("<[^>]+>", "", card_html(card, now))
    assert "Set aside by sync" in shown
    assert "organization“Chen Dental” (the phone's, 22 Nov 2026; kept “Chen Orthodontics”)" in shown
    assert "Chen Dental" not in card_html(redacted_card(card), now)
