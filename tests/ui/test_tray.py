"""The tray's menu and tooltip, and what closing the window does with and without a tray."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QMenu, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from nurture.app import Nurture
from nurture.domain.dates import PartialDate
from nurture.domain.dto import ContactDraft
from nurture.domain.enums import DateKind
from ui.application import app_icon
from ui.desktop import start_reminders
from ui.scheduler import ReminderScheduler
from ui.tray import Tray
from ui.views.main_window import MainWindow


def _born_today(core: Nurture, now: datetime, given: str) -> int:
    """A client (a star: someone who matters) whose birthday is today."""
    draft = ContactDraft(given_name=given, family_name="Lee", starred=True)
    person = core.contacts.create(draft).value.id
    core.records.add_date(person, DateKind.BIRTHDAY, PartialDate(1986, now.month, now.day))
    return person


def _tray(window: MainWindow, now: datetime, opened: list[int]) -> Tray:
    scheduler = ReminderScheduler(window.workspace, lambda m: True, lambda: now)  # type: ignore[arg-type]
    return Tray(
        window.workspace,
        scheduler,
        app_icon(),
        {"log": lambda: None, "open": window.bring_to_front, "quit": window.quit_app},
        opened.append,
        window.day_plan,
    )


def test_the_tray_menu_lists_today_and_the_usual_actions(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    core.settings.update(time_zone="UTC", gift_holidays=[])
    _born_today(core, now, "Ann")
    bob = _born_today(core, now, "Bob")
    window = MainWindow(core, app_icon(), lambda: now)
    qtbot.addWidget(window)
    opened: list[int] = []
    tray = _tray(window, now, opened)
    qtbot.waitUntil(lambda: len(tray.items) == 2)
    tray.menu.aboutToShow.emit()
    texts = [a.text() for a in tray.menu.actions() if a.text()]
    assert texts[:2] == [
        "Ann Lee — birthday today (turns 40)",
        "Bob Lee — birthday today (turns 40)",
    ]
    for expected in (
        "Quick log…",
        "Open Nurture",
        "Snooze all until tomorrow",
        "Pause reminders",
        "Quit",
    ):
        assert expected in texts
    assert tray.icon.toolTip() == "Nurture — 2 people on today's plan"  # as Today counts them
    tray.menu.actions()[1].trigger()
    assert opened == [bob]
    pause = next(a.menu() for a in tray.menu.actions() if a.text() == "Pause reminders")
    assert isinstance(pause, QMenu)
    pause.actions()[0].trigger()  # for 1 hour
    assert tray.scheduler.paused_until is not None


def test_an_item_done_while_the_window_is_hidden_leaves_the_tray(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    core.settings.update(time_zone="UTC", gift_holidays=[])
    _born_today(core, now, "Ann")
    window = MainWindow(core, app_icon(), lambda: now)  # never shown: closed to the tray
    qtbot.addWidget(window)
    tray = _tray(window, now, [])
    qtbot.waitUntil(lambda: len(tray.items) == 1)
    ((reason,),) = [row.reasons for row in tray.items]
    birthday = reason.occurrence
    assert birthday is not None
    # What a notification's Done button does.
    window.workspace.write(lambda: core.reminders.done(birthday, now))
    qtbot.waitUntil(lambda: tray.items == [])
    assert tray.icon.toolTip() == "Nurture — nobody on today's plan"


def test_without_a_tray_closing_the_window_closes_it(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    window = MainWindow(core, app_icon(), lambda: now)
    qtbot.addWidget(window)
    window.show()
    start_reminders(window)
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
    window.tray = _tray(window, now, [])
    assert not window.close()  # the close was turned into a hide
    assert not window.isVisible()
    window.bring_to_front()
    assert window.isVisible()
    core.settings.update(close_to_tray=False)
    assert window.close()


def test_snooze_all_from_the_tray_is_one_step_that_undo_takes_back(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    core.settings.update(time_zone="UTC", gift_holidays=[])
    _born_today(core, now, "Ann")
    _born_today(core, now, "Bob")
    window = MainWindow(core, app_icon(), lambda: now)
    qtbot.addWidget(window)
    tray = _tray(window, now, [])
    qtbot.waitUntil(lambda: len(tray.items) == 2)
    tray.menu.aboutToShow.emit()
    snooze_all = next(a for a in tray.menu.actions() if a.text() == "Snooze all until tomorrow")
    snooze_all.trigger()
    qtbot.waitUntil(lambda: tray.items == [])
    assert core.history.state().undo == "Snooze 2 reminders"
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: len(tray.items) == 2)
