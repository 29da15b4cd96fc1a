"""Small forms for what is added to a card most: a follow-up, a gift, a taste."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from nurture.domain.enums import GiftDirection, PreferenceCategory

REPEATS = {
    "Does not repeat": "",
    "Every week": "FREQ=WEEKLY",
    "Every month": "FREQ=MONTHLY",
    "Every quarter": "FREQ=MONTHLY;INTERVAL=3",
    "Every year": "FREQ=YEARLY",
}


class FormDialog(QDialog):
    """A titled form with OK/Cancel; OK waits until the first field has text."""

    def __init__(self, parent: QWidget | None, title: str, rows: list[tuple[str, QWidget]]):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        form = QFormLayout()
        for label, widget in rows:
            form.addRow(label, widget)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        first = rows[0][1]
        if isinstance(first, QLineEdit):
            first.textChanged.connect(self._check)
            self._check(first.text())

    def _check(self, text: str) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(text.strip()))


def _date_edit(initial: date) -> QDateEdit:
    edit = QDateEdit(QDate(initial.year, initial.month, initial.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")
    return edit


def picked(edit: QDateEdit) -> date:
    value = edit.date().toPython()
    assert isinstance(value, date)
    return value


class FollowUpDialog(FormDialog):
    def __init__(self, parent: QWidget | None, today: date) -> None:
        self.what = QLineEdit()
        self.what.setPlaceholderText("Send the proposal")
        self.due = _date_edit(today + timedelta(days=7))
        self.repeat = QComboBox()
        self.repeat.addItems(list(REPEATS))
        rows = [("What", self.what), ("Due", self.due), ("Repeats", self.repeat)]
        super().__init__(parent, "Add a follow-up", rows)

    def rrule(self) -> str:
        return REPEATS[self.repeat.currentText()]


class GiftDialog(FormDialog):
    def __init__(self, parent: QWidget | None, today: date) -> None:
        self.description = QLineEdit()
        self.description.setPlaceholderText("Bottle of Glenmorangie 18")
        self.direction = QComboBox()
        for direction, label in (
            (GiftDirection.GIVEN, "Given"),
            (GiftDirection.IDEA, "Idea"),
            (GiftDirection.RECEIVED, "Received"),
        ):
            self.direction.addItem(label, direction)
        self.occasion = QLineEdit()
        self.occasion.setPlaceholderText("Christmas")
        self.when = _date_edit(today)
        self.amount = QDoubleSpinBox()
        self.amount.setRange(0, 1_000_000)
        self.amount.setDecimals(2)
        super().__init__(
            parent,
            "Add a gift",
            [
                ("Gift", self.description),
                ("Kind", self.direction),
                ("Occasion", self.occasion),
                ("Date", self.when),
                ("Amount", self.amount),
            ],
        )


class PreferenceDialog(FormDialog):
    def __init__(self, parent: QWidget | None) -> None:
        self.item = QLineEdit()
        self.item.setPlaceholderText("Scotch")
        self.category = QComboBox()
        for category in PreferenceCategory:
            self.category.addItem(category.value.capitalize(), category)
        self.detail = QLineEdit()
        self.detail.setPlaceholderText("Highland single malt only")
        self.likes = QCheckBox("Likes it (clear for a dislike)")
        self.likes.setChecked(True)
        super().__init__(
            parent,
            "Add a taste",
            [
                ("What", self.item),
                ("Kind", self.category),
                ("Detail", self.detail),
                ("", self.likes),
            ],
        )
