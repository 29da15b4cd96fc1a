"""A list of occurrences under headings; activating one opens its contact."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QListView, QWidget

from nurture.domain.occurrence import Occurrence
from ui.models.occurrences import CONTACT_ROLE, OccurrenceListModel, Row


class OccurrenceList(QListView):
    open_contact = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.occurrences = OccurrenceListModel()
        self.setModel(self.occurrences)
        self.setAlternatingRowColors(True)
        self.setUniformItemSizes(True)
        self.activated.connect(self._open)

    def current(self) -> Occurrence | None:
        return self.occurrences.occurrence(self.currentIndex().row())

    def show_rows(self, rows: list[Row], empty: str) -> None:
        self.occurrences.set_rows(rows or [empty])

    def select_near(self, row: int) -> None:
        """Make the item at `row` (or the next one below a heading, or the last) current."""
        count = self.occurrences.rowCount()
        for candidate in [*range(min(row, count - 1), count), *range(row - 1, -1, -1)]:
            if self.occurrences.occurrence(candidate) is not None:
                self.setCurrentIndex(self.occurrences.index(candidate, 0))
                return

    def _open(self, index: QModelIndex) -> None:
        contact_id = index.data(CONTACT_ROLE)
        if contact_id:
            self.open_contact.emit(int(contact_id))
