"""A date typed the way people say it ("15 Jun 2027", "June 2027", "May 14", "next week") or
picked from a calendar, with how Nurture read it written underneath — never a silent guess.
The reading is the core's (`nurture.calendar.reading`); the order of day and month in "05/04"
follows the desktop's locale."""

from __future__ import annotations

import calendar
from datetime import date

from PySide6.QtCore import QDate, QLocale, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nurture.calendar.reading import read_date, read_full_date
from nurture.domain.dates import PartialDate
from nurture.errors import ValidationError
from ui.theme import colours


def day_first() -> bool:
    """Whether the desktop's locale writes the day before the month (14/05 rather than 05/14)."""
    short = QLocale().dateFormat(QLocale.FormatType.ShortFormat).lower()
    return short.find("d") < short.find("m")


def as_typed(value: PartialDate | date) -> str:
    """How a stored date is shown for editing: '15 Jun 2027', '14 May', 'June 2027'."""
    if isinstance(value, date):
        return f"{value.day} {value:%b %Y}"
    month = calendar.month_abbr[value.month]
    if value.year is None:
        return f"{value.day} {month}"
    if value.day is None:
        return f"{calendar.month_name[value.month]} {value.year}"
    return f"{value.day} {month} {value.year}"


class DateField(QWidget):
    changed = Signal()

    def __init__(
        self,
        today: date,
        value: PartialDate | date | None = None,
        whole_day: bool = False,
        placeholder: str = "15 Jun 2027, June 2027, May 14, next week…",
        parent: QWidget | None = None,
        optional: bool = False,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._whole_day = whole_day  # a due day needs a day; a birthday may lack its year
        self._optional = optional  # empty is fine (a relative's birthday nobody knows yet)
        self.edit = QLineEdit(as_typed(value) if value is not None else "")
        self.edit.setPlaceholderText(placeholder)
        self.edit.textChanged.connect(self._read)
        self.pick = QToolButton()
        self.pick.setText("▾")
        self.pick.setToolTip("Pick the day from a calendar")
        self.pick.clicked.connect(self._show_calendar)
        self.reading = QLabel()
        small = self.reading.font()
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.reading.setFont(small)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.pick)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.reading)
        self._calendar: QCalendarWidget | None = None
        self._read()

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:
        self.edit.setText(text)

    def partial(self) -> PartialDate:
        """The date as read (ValidationError with the reason when it cannot be)."""
        return read_date(self.edit.text(), self._today, day_first())

    def day(self) -> date:
        """The whole day (a year-less date is its next occurrence)."""
        return read_full_date(self.edit.text(), self._today, day_first())

    def is_empty(self) -> bool:
        return not self.edit.text().strip()

    def is_valid(self) -> bool:
        if self._optional and self.is_empty():
            return True
        try:
            self.day() if self._whole_day else self.partial()
        except ValidationError:
            return False
        return True

    def _read(self) -> None:
        theme = colours(self.palette())
        try:
            words = self._words()
            colour = theme.muted
        except ValidationError as error:
            words, colour = f"⚠ {error.message}", theme.warn
        self.reading.setText(words)
        self.reading.setStyleSheet(f"color: {colour};")
        self.changed.emit()

    def _words(self) -> str:
        if self.is_empty():
            if self._optional:
                return "(optional)"
            raise ValidationError("Type a date or pick one.")
        if self._whole_day:
            return f"{self.day():%A %d %B %Y}"
        found = self.partial()
        if found.year is None:
            return f"{found.display()}, every year (no year known)"
        if found.day is None:
            return f"{found.display()} (no day known)"
        return f"{date(found.year, found.month, found.day):%A %d %B %Y}"

    def _show_calendar(self) -> None:
        if self._calendar is None:
            self._calendar = QCalendarWidget()
            self._calendar.setWindowFlags(Qt.WindowType.Popup)
            self._calendar.clicked.connect(self._picked)
        try:
            start = self.day()
        except ValidationError:
            start = self._today
        self._calendar.setSelectedDate(QDate(start.year, start.month, start.day))
        self._calendar.move(self.edit.mapToGlobal(QPoint(0, self.edit.height())))
        self._calendar.show()

    def _picked(self, chosen: QDate) -> None:
        self.edit.setText(as_typed(date(chosen.year(), chosen.month(), chosen.day())))
        if self._calendar is not None:
            self._calendar.hide()
