"""Run under Xvfb by test_tray_host: the real window with a tray host present; prints what the
tray did, whether closing the window kept Nurture running, and whether File ▸ Quit ended it."""

from __future__ import annotations

import sys
from datetime import datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from nurture.app import Nurture
from ui.application import app_icon
from ui.desktop import start_reminders
from ui.views.main_window import MainWindow

app = QApplication(sys.argv)
core = Nurture.open(sys.argv[1])
window = MainWindow(core, app_icon(), lambda: datetime.now().astimezone())
window.show()


def probe() -> None:
    start_reminders(window)
    print("tray", window.tray is not None and window.tray.icon.isVisible(), flush=True)
    window.close()
    print("running after close", not window.isVisible() and app is not None, flush=True)
    QTimer.singleShot(500, quit_from_the_menu)


def quit_from_the_menu() -> None:
    print("still alive", flush=True)
    window.bring_to_front()
    window.quit_action.trigger()  # File ▸ Quit: ends Nurture, tray or not
    QTimer.singleShot(5000, lambda: app.exit(3))  # not reached when Quit quits


QTimer.singleShot(1500, probe)
code = app.exec()
print("quit ended the app", code, flush=True)
sys.exit(code)
