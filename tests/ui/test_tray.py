"""The tray's menu and tooltip, and what closing the window does with and without a tray."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtWidgets import QSystemTrayIcon
from pytestqt.qtbot import QtBot

from nurture.app import Nurture
from nurture.domain.occurrence import Occurrence, OccurrenceKind, Source
from ui.application import app_icon
from ui.scheduler import ReminderScheduler
from ui.tray import Tray
from ui.views.main_window import MainWindow


def _birthday(contact_id: int, name: str, day: date) -> Occurrence:
    return Occurrence(day, OccurrenceKind.BIRTHDAY, contact_id, name, name, 40, Source.DATE,
                      contact_id, day)  # fmt: skip


def test_the_tray_menu_lists_today_and_the_usual_actions(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    window = MainWindow(core, app_icon(), lambda: now)
    qtbot.addWidget(window)
    items = [_birthday(1, "Ann Lee", now.date()), _birthday(2, "Bob Roe", now.date())]
    opened: list[int] = []
    scheduler = ReminderScheduler(window.workspace, lambda m: True, lambda: now)  # type: ignore[arg-type]
    tray = Tray(window.workspace, scheduler, app_icon(), lambda: items,
                {"log": lambda: None, "open": lambda: None, "quit": lambda: None},
                opened.append)  # fmt: skip
    texts = [a.text() for a in tray.menu.actions() if a.text()]
    assert texts[:2] == ["Ann Lee turns 40", "Bob Roe turns 40"]
    for expected in ("Quick log…", "Open Nurture", "Snooze all until tomorrow",
                     "Pause reminders", "Quit"):  # fmt: skip
        assert expected in texts
    assert tray.icon.toolTip() == "Nurture — 2 things for today"
    tray.menu.actions()[1].trigger()
    assert opened == [2]
    pause = next(a.menu() for a in tray.menu.actions() if a.text() == "Pause reminders")
    pause.actions()[0].trigger()  # for 1 hour
    assert scheduler.paused_until is not None


def test_without_a_tray_closing_the_window_closes_it(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    window = MainWindow(core, app_icon(), lambda: now)
    qtbot.addWidget(window)
    window.show()
    window.start_reminders()
    assert not QSystemTrayIcon.isSystemTrayAvailable()  # offscreen: no tray host
    assert window.tray is None
    window.close()
    assert not window.isVisible()


def test_with_a_tray_closing_the_window_keeps_nurture_running(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    window = MainWindow(core, app_icon(), lambda: now)
    qtbot.addWidget(window)
    window.show()
    assert window.scheduler is None
    scheduler = ReminderScheduler(window.workspace, lambda m: True, lambda: now)  # type: ignore[arg-type]
    window.tray = Tray(window.workspace, scheduler, app_icon(), lambda: [],
                       {"log": lambda: None, "open": window.bring_to_front,
                        "quit": window.quit_app}, window.open_contact)  # fmt: skip
    assert not window.close()  # the close was turned into a hide
    assert not window.isVisible()
    window.bring_to_front()
    assert window.isVisible()
    core.settings.update(close_to_tray=False)
    assert window.close()
