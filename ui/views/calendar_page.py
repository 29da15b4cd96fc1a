"""Calendar: a month grid of occasions as chips (kind by colour), previous / today / next, filters
by kind, the chosen day's list beside it (double-click opens the contact), and .ics export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from nurture.domain.occurrence import Occurrence, OccurrenceKind
from nurture.services.unit_of_work import Changes
from ui.models.occurrences import Row
from ui.tasks import TaskRunner
from ui.views.freshness import ReloadsWhenShown
from ui.views.month_grid import MonthGrid, first_weekday, month_days
from ui.views.occurrence_list import OccurrenceList
from ui.workspace import Workspace

Window = tuple[date, date, date]  # the grid's first and last day, and today

FILTERS = (
    ("Birthdays", {OccurrenceKind.BIRTHDAY}),
    ("Anniversaries", {OccurrenceKind.ANNIVERSARY, OccurrenceKind.WORK_ANNIVERSARY}),
    ("Graduations", {OccurrenceKind.GRADUATION, OccurrenceKind.CUSTOM}),
    ("Follow-ups", {OccurrenceKind.FOLLOW_UP}),
    ("Keep in touch", {OccurrenceKind.KEEP_IN_TOUCH}),
    ("Holidays", {OccurrenceKind.HOLIDAY, OccurrenceKind.GIFT_DEADLINE}),
)


class CalendarPage(ReloadsWhenShown):
    open_contact = Signal(int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.found: list[Occurrence] = []
        # Months read (first and last day of the grid, today), until the data changes.
        self._ready: dict[Window, list[Occurrence]] = {}
        self._reading: dict[Window, int] = {}  # and the generation they are read for
        self._generation = 0  # counts changes: a month read before the last one is not kept
        self.grid = MonthGrid()
        self.grid.day_chosen.connect(lambda _day: self._show_day())
        self.items = OccurrenceList()
        self.items.open_contact.connect(self.open_contact)
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        bar = QHBoxLayout()
        for label, step in (("◀", -1), ("Today", 0), ("▶", 1)):
            button = QPushButton(label)
            button.clicked.connect(lambda _checked=False, s=step: self.go(s))
            bar.addWidget(button)
        bar.addWidget(self.title)
        bar.addStretch(1)
        # Which kinds show: a menu, so the bar fits a 13-inch screen.
        kinds = QMenu(self)
        self.filters: dict[str, QAction] = {}
        for label, _kinds in FILTERS:
            action = kinds.addAction(label)
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(self._filter)
            self.filters[label] = action
        self.show_button = QPushButton("Show")
        self.show_button.setMenu(kinds)
        bar.addWidget(self.show_button)
        export = QPushButton("Export .ics…")
        export.clicked.connect(self.export)
        bar.addWidget(export)
        split = QSplitter()
        split.addWidget(self.grid)
        split.addWidget(self.items)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        workspace.bus.changed.connect(self._changed)

    def show_today(self) -> None:
        self.go(0)

    def go(self, step: int) -> None:
        today = self.workspace.now().astimezone().date()
        chosen = self.workspace.core.settings.get().first_day_of_week
        self.grid.first = chosen if chosen >= 0 else first_weekday()
        if step == 0:
            year, month = today.year, today.month
            self.grid.chosen = today
        else:
            index = self.grid.year * 12 + self.grid.month - 1 + step
            year, month = divmod(index, 12)
            month += 1
            self.grid.chosen = date(year, month, 1)
        self.grid.today = today
        self.grid.year, self.grid.month = year, month
        self.title.setText(f"{date(year, month, 1):%B %Y}")
        self._show_month()

    def reload(self) -> None:
        self._forget()  # the data changed (or the page was shown again): read it anew
        self._show_month()

    def _show_month(self) -> None:
        year, month = self.grid.year, self.grid.month
        window = self._window(year, month)
        if window in self._ready:
            self._display(self._ready[window])
        else:  # a second or two at 100,000 contacts: an empty month says it is coming
            self.found = []
            self.grid.show_month(year, month, [])
            self.items.show_rows([], f"Reading {date(year, month, 1):%B %Y}…")
            if window not in self._reading:
                self._read(window, self.workspace.reads)
        # At 100,000 contacts a month holds some 60,000 items and takes a second or two to
        # compute: the months either side are read ahead, so Previous and Next show at once.
        for step in (1, -1):
            index = year * 12 + month - 1 + step
            ahead = self._window(index // 12, index % 12 + 1)
            if ahead not in self._ready and ahead not in self._reading:
                self._read(ahead, self.workspace.ahead)

    def _window(self, year: int, month: int) -> Window:
        days = month_days(year, month, self.grid.first)
        return days[0], days[-1], self.grid.today

    def _read(self, window: Window, runner: TaskRunner) -> None:
        agenda = self.workspace.core.agenda
        generation = self._reading[window] = self._generation

        def finished(found: list[Occurrence]) -> None:
            if self._reading.get(window) != generation:
                return  # read before the last change: that month is being read again
            del self._reading[window]
            self._ready[window] = found
            if window == self._window(self.grid.year, self.grid.month):
                self._display(found)

        def failed(message: str) -> None:
            if self._reading.get(window) == generation:
                del self._reading[window]
            if runner is not self.workspace.ahead:  # a month read ahead is read again when due
                self.workspace.fail(message)

        runner.run(lambda: agenda.between(*window), finished, failed)

    def _changed(self, changes: Changes) -> None:
        self._forget()
        super()._changed(changes)

    def _forget(self) -> None:
        self._generation += 1
        self._ready.clear()
        self._reading.clear()

    def _display(self, found: list[Occurrence]) -> None:
        self.found = found
        self._filter()

    def kinds(self) -> set[OccurrenceKind]:
        return {k for label, kinds in FILTERS if self.filters[label].isChecked() for k in kinds}

    def _filter(self) -> None:
        wanted = self.kinds()
        shown = [o for o in self.found if o.kind in wanted]
        self.grid.show_month(self.grid.year, self.grid.month, shown)
        self._show_day()

    def _show_day(self) -> None:
        day, wanted = self.grid.chosen, self.kinds()
        rows: list[Row] = [f"{day:%A %d %B %Y}"]
        rows.extend(o for o in self.found if o.day == day and o.kind in wanted)
        self.items.show_rows(rows if len(rows) > 1 else [], f"{day:%A %d %B}: nothing planned.")

    def export(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, "Export the calendar", "nurture.ics", "Calendar (*.ics)"
        )
        if not path:
            return
        target = Path(path) if Path(path).suffix else Path(path + ".ics")
        exporting = self.workspace.core.exporting
        self.workspace.read(lambda: exporting.export_to("ics", target), lambda _where: None)
