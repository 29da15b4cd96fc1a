"""Today (a first version): this week's occasions, follow-ups and people going cold, with a
summary line; double-click opens the contact. Computed on the worker, never on the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from nurture.domain.occurrence import Occurrence
from nurture.services.insights import Week
from nurture.services.unit_of_work import Changes
from ui.workspace import Workspace

_SHOWN_PER_SECTION = 60


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
        self.items = QListWidget()
        self.items.setAlternatingRowColors(True)
        self.items.itemActivated.connect(self._open)
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
        self.items.clear()
        for title, found in (("Occasions this week", week.occasions),
                             ("Follow-ups", week.follow_ups),
                             ("Going cold", week.going_cold),
                             ("Gifts to buy", week.gift_deadlines),
                             ("Holidays", week.holidays)):  # fmt: skip
            if not found:
                continue
            header = QListWidgetItem(f"{title} ({len(found):,})")
            bold = QFont(header.font())
            bold.setBold(True)
            header.setFont(bold)
            header.setFlags(Qt.ItemFlag.NoItemFlags)
            self.items.addItem(header)
            for occurrence in found[:_SHOWN_PER_SECTION]:
                self.items.addItem(self._item(occurrence))
            if len(found) > _SHOWN_PER_SECTION:
                more = QListWidgetItem(f"   … and {len(found) - _SHOWN_PER_SECTION:,} more")
                more.setFlags(Qt.ItemFlag.NoItemFlags)
                self.items.addItem(more)

    def _item(self, occurrence: Occurrence) -> QListWidgetItem:
        item = QListWidgetItem(f"   {occurrence.day:%a %d %b}   {occurrence.title}")
        item.setData(Qt.ItemDataRole.UserRole, occurrence.contact_id)
        return item

    def _open(self, item: QListWidgetItem) -> None:
        contact_id = item.data(Qt.ItemDataRole.UserRole)
        if contact_id:
            self.open_contact.emit(int(contact_id))
