"""Today (a first version): this week's occasions, follow-ups and people going cold, with a
summary line; double-click opens the contact. Computed on the worker, never on the GUI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from nurture.services.unit_of_work import Changes
from ui.models.occurrences import Row
from ui.views.occurrence_list import OccurrenceList
from ui.workspace import Workspace

if TYPE_CHECKING:
    from nurture.services.insights import Week


class TodayPage(QWidget):
    open_contact = Signal(int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.summary = QLabel("Looking at your week…")
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.summary.setFont(font)
        self.items = OccurrenceList()
        self.items.open_contact.connect(self.open_contact)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.items, 1)
        workspace.bus.changed.connect(self._changed)

    def reload(self) -> None:
        insights, now = self.workspace.core.insights, self.workspace.now()
        self.workspace.tasks.run(lambda: insights.week(now), self._show, self.workspace.fail)

    def _changed(self, changes: Changes) -> None:
        if self.isVisible():
            self.reload()

    def _show(self, week: Week) -> None:
        self.summary.setText(week.summary[:1].upper() + week.summary[1:])
        rows: list[Row] = []
        for title, found in (("Occasions this week", week.occasions),
                             ("Follow-ups", week.follow_ups),
                             ("Going cold", week.going_cold),
                             ("Gifts to buy", week.gift_deadlines),
                             ("Holidays", week.holidays)):  # fmt: skip
            if found:
                rows.append(f"{title} ({len(found):,})")
                rows.extend(found)
        self.items.show_rows(rows, "Nothing needs you this week.")
