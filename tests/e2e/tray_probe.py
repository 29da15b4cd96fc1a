"""Run under Xvfb by test_tray_host: the real window with a tray host present; prints what the
tray did and whether closing the window kept Nurture running."""

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
    QTimer.singleShot(500, lambda: (print("still alive", flush=True), app.exit(0)))


QTimer.singleShot(1500, probe)
sys.exit(app.exec())
