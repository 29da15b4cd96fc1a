"""Window state (geometry, columns, splitter) in QSettings; user data lives in the db."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter


def _settings() -> QSettings:
    return QSettings("Nurture", "Nurture")


def restore(window: QMainWindow, header: QHeaderView, splitter: QSplitter) -> bool:
    """Restore what was saved; False on a first run (nothing saved yet)."""
    settings = _settings()
    geometry = settings.value("window/geometry")
    if not isinstance(geometry, QByteArray):
        return False
    window.restoreGeometry(geometry)
    columns = settings.value("contacts/columns")
    if isinstance(columns, QByteArray):
        header.restoreState(columns)
    sizes = settings.value("contacts/splitter")
    if isinstance(sizes, QByteArray):
        splitter.restoreState(sizes)
    return True


def save(window: QMainWindow, header: QHeaderView, splitter: QSplitter) -> None:
    settings = _settings()
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("contacts/columns", header.saveState())
    settings.setValue("contacts/splitter", splitter.saveState())


def tray_hint_shown() -> bool:
    """Whether the user was told once that closing keeps Nurture in the tray (then it is)."""
    settings = _settings()
    shown = settings.value("tray/hint_shown", False, type=bool)
    settings.setValue("tray/hint_shown", True)
    return bool(shown)
