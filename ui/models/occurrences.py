"""Occurrences under headings ("Going cold (12)", "Friday 27 November") as a list model, so a
week at 100,000 contacts is one model over a Python list, not tens of thousands of items."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from nurture.domain.occurrence import Occurrence

CONTACT_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex
Row = str | Occurrence  # a heading, or an occurrence under it


class OccurrenceListModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Row] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        heading = isinstance(row, str)
        if role == Qt.ItemDataRole.DisplayRole:
            return row if isinstance(row, str) else f"   {row.day:%a %d %b}   {row.title}"
        if role == Qt.ItemDataRole.FontRole and heading:
            return self._bold
        if role == CONTACT_ROLE and isinstance(row, Occurrence):
            return row.contact_id or 0
        return None

    def occurrence(self, row: int) -> Occurrence | None:
        if 0 <= row < len(self._rows):
            found = self._rows[row]
            return found if isinstance(found, Occurrence) else None
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if isinstance(self._rows[index.row()], Occurrence):
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.ItemIsEnabled  # a heading: readable, not selectable
