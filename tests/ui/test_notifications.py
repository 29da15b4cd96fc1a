"""How a reminder reaches the user: the first way that works in the chain (desktop
notification, tray balloon, banner in the window), and what a notification's buttons do."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from pytestqt.qtbot import QtBot

from nurture.app import Nurture
from nurture.domain.occurrence import Occurrence, OccurrenceKind, Source
from ui.application import app_icon
from ui.notifications import (
    Actions,
    BannerNotifier,
    ChainNotifier,
    DBusNotifier,
    Message,
    TrayNotifier,
)
from ui.views.main_window import MainWindow


def _birthday() -> Occurrence:
    day = date(2026, 11, 22)
    return Occurrence(
        day, OccurrenceKind.BIRTHDAY, 7, "Ann Lee", "Ann Lee", 40, Source.DATE, 3, day
    )


def test_without_a_notification_service_or_tray_the_banner_shows_the_reminder(
    qtbot: QtBot, core: Nurture, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
    window = MainWindow(core, app_icon(), lambda: now)
    qtbot.addWidget(window)
    window.show()
    chain = ChainNotifier(
        [DBusNotifier(Actions()), TrayNotifier(lambda: None), BannerNotifier(window.show_banner)]
    )
    assert chain.notify(Message("Ann Lee turns 40", "today"))
    assert window.banner.isVisible()
    assert window.banner.text() == "Ann Lee turns 40 — today"


def test_a_notifications_buttons_open_snooze_and_complete(qtbot: QtBot) -> None:
    actions = Actions()
    notifier = DBusNotifier(actions)  # no connection needed to receive a click
    birthday = _birthday()
    notifier._sent[41] = Message("Ann Lee turns 40", "today", contact_id=7, key=birthday)
    opened: list[int] = []
    snoozed: list[object] = []
    done: list[object] = []
    actions.open_contact.connect(opened.append)
    actions.snooze.connect(snoozed.append)
    actions.done.connect(done.append)
    for action in ("default", "snooze", "done", "unknown"):
        notifier._invoked(41, action)
    notifier._invoked(99, "done")
    assert opened == [7]
    assert snoozed == [birthday]
    assert done == [birthday]
