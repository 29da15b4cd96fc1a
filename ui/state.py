"""Window state (geometry, column widths) in QSettings; user data and settings live in the db."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView, QMainWindow


def _settings() -> QSettings:
    return QSettings("Nurture", "Nurture")


def restore(window: QMainWindow, header: QHeaderView) -> bool:
    """Restore what was saved; False on a first run (nothing saved yet)."""
    settings = _settings()
    geometry = settings.value("window/geometry")
    if not isinstance(geometry, QByteArray):
        return False
    window.restoreGeometry(geometry)
    columns = settings.value("contacts/header")
    if isinstance(columns, QByteArray):
        header.restoreState(columns)
    return True


def save(window: QMainWindow, header: QHeaderView) -> None:
    settings = _settings()
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("contacts/header", header.saveState())
