"""Quick log (Ctrl+L): a call, email, lunch, meeting, gift or introduction with one or more
people (names complete as you type, by any part), when (now by default) and a note."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nurture.domain.dto import ContactRef
from nurture.domain.enums import InteractionKind
from nurture.services.interactions import NextTime
from nurture.services.listing import ListingService
from ui.dialogs.person_field import PersonField

KIND_LABELS = {
    InteractionKind.CALL: "Call",
    InteractionKind.EMAIL: "Email",
    InteractionKind.LUNCH: "Lunch",
    InteractionKind.MEETING: "Meeting",
    InteractionKind.SALES_CALL: "Sales call",
    InteractionKind.MESSAGE: "Message",
    InteractionKind.SOCIAL: "Social",
    InteractionKind.GIFT: "Gift",
    InteractionKind.INTRODUCTION: "Introduction",
}


# "And remind me in 2 weeks": a follow-up made with the log.
REMIND_IN = (
    ("No follow-up", 0),
    ("In 3 days", 3),
    ("In 1 week", 7),
    ("In 2 weeks", 14),
    ("In 1 month", 30),
    ("In 3 months", 91),
)


class QuickLogDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        listing: ListingService,
        people: list[ContactRef],
        now: datetime,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Log an interaction")
        self.setMinimumWidth(460)
        self.kind = QComboBox()
        for kind, label in KIND_LABELS.items():
            self.kind.addItem(label, kind)
        self.people = QListWidget()
        self.people.setFixedHeight(90)
        self.person = PersonField(listing, "Add a person: type a name, company or email…")
        self.person.picked.connect(self.add_person)
        remove = QPushButton("Remove")
        remove.clicked.connect(
            lambda: [self.people.takeItem(self.people.row(i)) for i in self.people.selectedItems()]
        )
        local = now.astimezone()
        self.when = QDateTimeEdit(
            QDateTime(local.year, local.month, local.day, local.hour, local.minute, local.second)
        )
        self.when.setCalendarPopup(True)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText("What was it about? What to ask about next time?")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(90)
        # What the log leaves for next time, in the same step.
        self.remind = QComboBox()
        for label, days in REMIND_IN:
            self.remind.addItem(label, days)
        self.ask_about = QLineEdit()
        self.ask_about.setPlaceholderText("Ask how Emma's graduation went")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Log")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for person in people:
            self.add_person(person)
        form = QFormLayout()
        form.addRow("What", self.kind)
        row = QHBoxLayout()
        row.addWidget(self.person)
        row.addWidget(remove)
        form.addRow("With", self.people)
        form.addRow("", row)
        form.addRow("When", self.when)
        form.addRow("Note", self.note)
        form.addRow("Remind me", self.remind)
        form.addRow("Next time, ask", self.ask_about)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._update()

    def add_person(self, person: ContactRef) -> None:
        if person.id not in self.participant_ids():
            item = QListWidgetItem(person.name)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            self.people.addItem(item)
        self.person.clear()
        self._update()

    def participant_ids(self) -> list[int]:
        return [
            int(self.people.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.people.count())
        ]

    def interaction_kind(self) -> InteractionKind:
        return InteractionKind(self.kind.currentData())

    def occurred_at(self) -> datetime:
        moment = self.when.dateTime().toPython()
        assert isinstance(moment, datetime)
        return moment.astimezone()

    def next_time(self) -> NextTime:
        days = int(self.remind.currentData())
        due = self.occurred_at().date() + timedelta(days=days) if days else None
        return NextTime(due, "", self.ask_about.text().strip())

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.people.count() > 0)
