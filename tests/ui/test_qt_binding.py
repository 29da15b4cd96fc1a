"""The Qt binding must not lose references to None: 6.12.0 did, and the app aborted after a
few thousand repaints of the contacts list (pinned in pyproject.toml; this test guards it)."""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

_Index = QModelIndex | QPersistentModelIndex


class _Empty(QAbstractTableModel):
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 20

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> None:
        return None


def test_repainting_a_view_whose_model_returns_none_keeps_none_alive(qtbot: QtBot) -> None:
    view = QTableView()
    qtbot.addWidget(view)
    model = _Empty()
    view.setModel(model)
    view.show()
    gc.disable()  # nothing else may drop references to None meanwhile
    try:
        before = sys.getrefcount(None)
        for _ in range(100):
            view.viewport().repaint()
        after = sys.getrefcount(None)
    finally:
        gc.enable()
    # The bug lost about one reference per cell painted: thousands here. Allow a little noise.
    assert after >= before - 50
