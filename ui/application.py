"""Starting the desktop app: QApplication, the core, the main window."""

from __future__ import annotations

import logging
import sys
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QSystemTrayIcon

from nurture.app import Nurture
from nurture.errors import NurtureError
from nurture.logs import start_logging
from nurture.paths import resolve_data_dir

if TYPE_CHECKING:
    from ui.views.main_window import MainWindow

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
log = logging.getLogger(__name__)


def app_icon() -> QIcon:
    icon = QIcon()
    for name in ("nurture.svg", "nurture.png", "nurture-64.png"):
        path = RESOURCES / "icons" / name
        if path.exists():
            icon.addFile(str(path))
    return icon


def _log_uncaught(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    """A bug in a slot: into the log file with its traceback, never onto the user's screen."""
    log.critical("unexpected error", exc_info=(kind, error, trace))


def _start_reminders(window: MainWindow) -> None:
    # Loaded here, not at import: not needed for the window's first paint.
    from ui.desktop import start_reminders

    start_reminders(window)


def local_now() -> datetime:
    return datetime.now().astimezone()


def run_app(data_dir: str | None = None, minimized: bool = False) -> int:
    start_logging("app")
    sys.excepthook = _log_uncaught
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Nurture")
    app.setOrganizationName("Nurture")
    app.setDesktopFileName("nurture")
    icon = app_icon()
    app.setWindowIcon(icon)
    from ui.single_instance import SingleInstance

    instance = SingleInstance(resolve_data_dir(data_dir))
    if not instance.claim():
        return 0  # the running Nurture was asked to come to the front
    try:
        core = Nurture.open(data_dir, clock=local_now)
    except NurtureError as error:
        log.error("cannot open the data folder: %s", error.message)
        QMessageBox.critical(None, "Nurture cannot open your data", error.message)
        return 1
    from ui.views.main_window import STARTUP_DELAY_MS, MainWindow

    window = MainWindow(core, icon, local_now)
    instance.raise_requested.connect(window.bring_to_front)
    if not (minimized and QSystemTrayIcon.isSystemTrayAvailable()):
        window.show()
    # The tray and the reminder engine come up once the window has painted.
    QTimer.singleShot(STARTUP_DELAY_MS, lambda: _start_reminders(window))
    try:
        return app.exec()
    finally:
        core.close()
