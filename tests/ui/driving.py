"""Driving the real window in UI tests: open it, pick a row, answer the next dialog."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from nurture.app import Nurture
from nurture.domain.dto import ContactDraft
from ui.application import app_icon
from ui.models.contacts import CONTACT_ID_ROLE
from ui.views.main_window import MainWindow


def window(qtbot: QtBot, core: Nurture, now: datetime) -> MainWindow:
    window = MainWindow(core, app_icon(), lambda: now)
    qtbot.addWidget(window)
    window.show()
    return window


def on_next_dialog(action: Callable[[QWidget], None]) -> None:
    """Act on the next modal dialog as soon as it is up (dialogs run their own event loop)."""

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, attempt)
        else:
            action(dialog)

    QTimer.singleShot(0, attempt)


def person(core: Nurture, given: str, family: str) -> int:
    return core.contacts.create(ContactDraft(given_name=given, family_name=family)).value.id


def select(window: MainWindow, contact_id: int) -> None:
    model = window.contacts.model
    for row in range(model.rowCount()):
        if model.index(row, 0).data(CONTACT_ID_ROLE) == contact_id:
            window.contacts.table.selectRow(row)
            return
    raise AssertionError(f"contact {contact_id} is not listed")
