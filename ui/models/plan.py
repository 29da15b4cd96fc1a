"""The day's plan as a table under section headings ("Follow-ups (3)"): who, why today, the last
touch and the phone. One model over the plan's rows; nothing is computed here."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from nurture.domain.plan import DayPlan, PlanRow, Section
from ui.avatars import avatar
from ui.models.table import Index, ListTable
from ui.theme import colours

CONTACT_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("Person", "Why today", "Last touch", "Phone")
Line = str | PlanRow  # a heading, or a person under it


class PlanModel(ListTable):
    columns = COLUMNS

    def __init__(self) -> None:
        super().__init__()
        self._lines: list[Line] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_plan(self, plan: DayPlan, empty: str) -> None:
        lines: list[Line] = []
        for section in Section:
            rows = [r for r in plan.rows if r.section is section and not r.done]
            if rows:
                lines.append(f"{section.label} ({len(rows):,})")
                lines.extend(rows)
        done = [r for r in plan.rows if r.done]
        if done:
            lines.append(f"Touched today ({len(done):,})")
            lines.extend(done)
        self.beginResetModel()
        self._lines = lines or [empty]
        self.endResetModel()

    def length(self) -> int:
        return len(self._lines)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line, column = self._lines[index.row()], index.column()
        if isinstance(line, str):
            if role == Qt.ItemDataRole.DisplayRole and column == 0:
                return line
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _cell(line, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _cell(line, column).replace("\n", " — ")
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return avatar(line.contact.name, 32)
        if role == Qt.ItemDataRole.ForegroundRole and (line.done or column == 2):
            return QColor(colours().muted)
        if role == CONTACT_ROLE:
            return line.contact.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if isinstance(self._lines[index.row()], PlanRow):
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.ItemIsEnabled  # a heading: readable, not selectable

    def row(self, number: int) -> PlanRow | None:
        if 0 <= number < len(self._lines):
            found = self._lines[number]
            return found if isinstance(found, PlanRow) else None
        return None

    def headings(self) -> list[int]:
        return [i for i, line in enumerate(self._lines) if isinstance(line, str)]


def _cell(row: PlanRow, column: int) -> str:
    if column == 0:
        return f"{row.contact.name}\n{row.company}" if row.company else row.contact.name
    if column == 1:
        return "\n".join(r.text for r in row.reasons)
    if column == 2:
        return row.last_touch or "never"
    return row.phone
