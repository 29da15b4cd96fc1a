"""Where Nurture meets the desktop: the reminder scheduler with its delivery chain (D-Bus, tray
balloon, banner), the tray icon when there is a tray, and what notification buttons do."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from ui.notifications import Actions, BannerNotifier, ChainNotifier, DBusNotifier, TrayNotifier
from ui.operations.reminders import mark_done, snooze
from ui.scheduler import ReminderScheduler
from ui.tray import Tray

if TYPE_CHECKING:
    from ui.views.main_window import MainWindow


def start_reminders(window: MainWindow) -> None:
    """The tray (if the desktop has one) and the reminder scheduler with its delivery chain,
    once the window has painted (application.py starts them)."""
    from ui.views.main_window import STARTUP_DELAY_MS

    window.scheduler, window.tray = start_desktop(window, STARTUP_DELAY_MS * 4)


def start_desktop(window: MainWindow, first_check_ms: int) -> tuple[ReminderScheduler, Tray | None]:
    workspace = window.workspace
    actions = Actions(window)
    actions.open_contact.connect(window.open_contact)
    actions.open_contact.connect(lambda _id: window.bring_to_front())

    actions.snooze.connect(lambda o: snooze(workspace, [o]))
    actions.done.connect(lambda o: mark_done(workspace, o))

    chain = ChainNotifier(
        [
            DBusNotifier(actions),
            TrayNotifier(window.tray_icon),
            BannerNotifier(window.banner_if_seen),
        ]
    )
    scheduler = ReminderScheduler(workspace, chain, workspace.now)
    tray = None
    if Tray.available():
        tray = Tray(
            workspace,
            scheduler,
            window.windowIcon(),
            {
                "log": lambda: window.quick_log([], None),
                "open": window.bring_to_front,
                "quit": window.quit_app,
            },
            window.open_contact,
            window.day_plan,
        )
        tray.show()
        QApplication.setQuitOnLastWindowClosed(False)
    scheduler.start(first_check_ms)
    return scheduler, tray
