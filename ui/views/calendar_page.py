"""Calendar (a first version): a month to pick a day from, and that day's week of occasions
beside it; double-click opens the contact. The month grid with chips comes with the Today and
Calendar work."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QWidget

from nurture.domain.occurrence import Occurrence
from ui.models.occurrences import Row
from ui.views.occurrence_list import OccurrenceList
from ui.workspace import Workspace

DAYS_SHOWN = 7


class CalendarPage(QWidget):
    open_contact = Signal(int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.month = QCalendarWidget()
        self.month.setGridVisible(True)
        self.month.setMaximumWidth(420)
        self.month.selectionChanged.connect(self.reload)
        self.items = OccurrenceList()
        self.items.open_contact.connect(self.open_contact)
        layout = QHBoxLayout(self)
        layout.addWidget(self.month, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.items, 1)

    def reload(self) -> None:
        picked = self.month.selectedDate().toPython()
        assert isinstance(picked, date)
        agenda = self.workspace.core.agenda
        today = self.workspace.now().astimezone().date()
        end = picked + timedelta(days=DAYS_SHOWN - 1)
        self.workspace.tasks.run(lambda: agenda.between(picked, end, today), self._show,
                                 self.workspace.fail)  # fmt: skip

    def show_today(self) -> None:
        today = self.workspace.now().astimezone().date()
        self.month.setSelectedDate(QDate(today.year, today.month, today.day))
        self.reload()

    def _show(self, found: list[Occurrence]) -> None:
        rows: list[Row] = []
        day: date | None = None
        for occurrence in found:
            if occurrence.day != day:
                day = occurrence.day
                rows.append(f"{day:%A %d %B %Y}")
            rows.append(occurrence)
        self.items.show_rows(rows, "Nothing on these days.")
