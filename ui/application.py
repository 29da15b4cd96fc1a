"""Starting the desktop app: QApplication, the core, the main window."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from nurture.app import Nurture
from nurture.errors import NurtureError

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def app_icon() -> QIcon:
    icon = QIcon()
    for name in ("nurture.svg", "nurture.png", "nurture-64.png"):
        path = RESOURCES / "icons" / name
        if path.exists():
            icon.addFile(str(path))
    return icon


def local_now() -> datetime:
    return datetime.now().astimezone()


def run_app(data_dir: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Nurture")
    app.setOrganizationName("Nurture")
    app.setDesktopFileName("nurture")
    icon = app_icon()
    app.setWindowIcon(icon)
    try:
        core = Nurture.open(data_dir)
    except NurtureError as error:
        QMessageBox.critical(None, "Nurture cannot open your data", error.message)
        return 1
    from ui.views.main_window import MainWindow

    window = MainWindow(core, icon, local_now)
    window.show()
    try:
        return app.exec()
    finally:
        core.close()
