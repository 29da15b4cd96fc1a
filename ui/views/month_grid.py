"""A real month grid: weeks starting on the locale's first day, each day with its occasions as
coloured chips (up to a few, then "+N more"), today highlighted, the chosen day outlined."""

from __future__ import annotations

import calendar
from collections import defaultdict
from datetime import date, timedelta

from PySide6.QtCore import QLocale, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QWidget

from nurture.domain.occurrence import Occurrence, OccurrenceKind
from ui.theme import colours

CHIPS_PER_DAY = 4
KIND_COLOURS = {
    OccurrenceKind.BIRTHDAY: "#d9485f",
    OccurrenceKind.ANNIVERSARY: "#8e5ba8",
    OccurrenceKind.GRADUATION: "#3b6ea5",
    OccurrenceKind.WORK_ANNIVERSARY: "#5d7a2e",
    OccurrenceKind.CUSTOM: "#6d4c41",
    OccurrenceKind.FOLLOW_UP: "#d2691e",
    OccurrenceKind.KEEP_IN_TOUCH: "#00838f",
    OccurrenceKind.HOLIDAY: "#2e7d6b",
    OccurrenceKind.GIFT_DEADLINE: "#ad5a2b",
}


def first_weekday() -> int:
    """Monday = 0 ... Sunday = 6, from the desktop's locale."""
    return (QLocale().firstDayOfWeek().value - 1) % 7


def month_days(year: int, month: int, first: int) -> list[date]:
    """The 42 days of a six-week grid holding the month, starting on weekday `first`."""
    start = date(year, month, 1)
    start -= timedelta(days=(start.weekday() - first) % 7)
    return [start + timedelta(days=i) for i in range(42)]


class MonthGrid(QWidget):
    day_chosen = Signal(object)  # date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first = first_weekday()
        self.today = date.today()
        self.year, self.month = self.today.year, self.today.month
        self.chosen = self.today
        self.by_day: dict[date, list[Occurrence]] = defaultdict(list)
        self.setMinimumSize(420, 300)  # a 13-inch screen at 150 %: 853 × 480 for the window

    def show_month(self, year: int, month: int, occurrences: list[Occurrence]) -> None:
        self.year, self.month = year, month
        self.by_day = defaultdict(list)
        for occurrence in occurrences:
            self.by_day[occurrence.day].append(occurrence)
        self.update()

    def days(self) -> list[date]:
        return month_days(self.year, self.month, self.first)

    def chips(self, day: date) -> list[str]:
        """What a day's cell shows: up to CHIPS_PER_DAY titles, then "+N more"."""
        found = self.by_day.get(day, [])
        shown = [o.who if o.contact else o.title for o in found[:CHIPS_PER_DAY]]
        if len(found) > CHIPS_PER_DAY:
            shown.append(f"+{len(found) - CHIPS_PER_DAY:,} more")
        return shown

    def _cell(self, index: int) -> QRect:
        header = 24
        width = self.width() / 7
        height = (self.height() - header) / 6
        row, column = divmod(index, 7)
        return QRect(int(column * width), int(header + row * height), int(width), int(height))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        theme = colours(palette)
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        bold = QFont(self.font())
        bold.setBold(True)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        names = [calendar.day_abbr[(self.first + i) % 7] for i in range(7)]
        width = self.width() / 7
        painter.setFont(bold)
        for i, name in enumerate(names):
            painter.drawText(QRectF(i * width, 0, width, 24), Qt.AlignmentFlag.AlignCenter, name)
        for index, day in enumerate(self.days()):
            cell = self._cell(index)
            if day == self.today:
                painter.fillRect(cell, QColor(theme.today_background))
            painter.setPen(QColor(theme.grid))
            painter.drawRect(cell.adjusted(0, 0, -1, -1))
            if day == self.chosen:
                painter.setPen(QColor(theme.accent))
                painter.drawRect(cell.adjusted(1, 1, -2, -2))
            in_month = day.month == self.month
            text_colour = palette.color(QPalette.ColorRole.Text)
            painter.setPen(text_colour if in_month else QColor(theme.muted))
            painter.setFont(bold if day == self.today else self.font())
            painter.drawText(cell.adjusted(4, 2, -4, 0), Qt.AlignmentFlag.AlignLeft, str(day.day))
            painter.setFont(small)
            found = self.by_day.get(day, [])
            line = cell.top() + 20
            for offset, text in enumerate(self.chips(day)):
                if line + 14 > cell.bottom():
                    break
                colour = (
                    QColor(KIND_COLOURS[found[offset].kind])
                    if offset < len(found) and offset < CHIPS_PER_DAY
                    else QColor("#52606d")  # "+N more"; chips are light in both themes
                )
                chip = QRect(cell.left() + 3, line, cell.width() - 6, 14)
                painter.fillRect(chip, colour.lighter(185))
                painter.fillRect(QRect(chip.left(), chip.top(), 3, chip.height()), colour)
                painter.setPen(QColor("#1f2933"))
                elided = painter.fontMetrics().elidedText(
                    text, Qt.TextElideMode.ElideRight, chip.width() - 8
                )
                painter.drawText(chip.adjusted(6, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, elided)
                line += 16
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        for index, day in enumerate(self.days()):
            if self._cell(index).contains(event.position().toPoint()):
                self.chosen = day
                self.update()
                self.day_chosen.emit(day)
                return
