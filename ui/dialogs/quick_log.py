"""Quick log (Ctrl+L): a call, email, lunch, meeting, gift or introduction with one or more
people (names complete as you type, by any part), when (now by default) and a note."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, QStringListModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nurture.domain.dto import ContactRef
from nurture.domain.enums import InteractionKind
from nurture.services.listing import ContactQuery, ListingService

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
_SUGGESTIONS = 12


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
        self._listing = listing
        self._found: dict[str, ContactRef] = {}
        self.kind = QComboBox()
        for kind, label in KIND_LABELS.items():
            self.kind.addItem(label, kind)
        self.people = QListWidget()
        self.people.setFixedHeight(90)
        self.person = QLineEdit()
        self.person.setPlaceholderText("Add a person: type a name, company or email…")
        self._names = QStringListModel(self)
        completer = QCompleter(self._names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.activated.connect(self._add_found)
        self.person.setCompleter(completer)
        self.person.textEdited.connect(self._suggest)
        self.person.returnPressed.connect(lambda: self._add_found(self.person.text()))
        remove = QPushButton("Remove")
        remove.clicked.connect(
            lambda: [self.people.takeItem(self.people.row(i)) for i in self.people.selectedItems()]
        )
        local = now.astimezone()
        self.when = QDateTimeEdit(
            QDateTime(local.year, local.month, local.day, local.hour, local.minute, local.second)
        )
        self.when.setCalendarPopup(True)
        self.note = QLineEdit()
        self.note.setPlaceholderText("What was it about?")
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

    def _suggest(self, text: str) -> None:
        if len(text.strip()) < 2:
            return
        found = self._listing.page(ContactQuery(search=text), 0, _SUGGESTIONS)
        self._found = {
            f"{s.name} — {s.organization}" if s.organization else s.name: ContactRef(s.id, s.name)
            for s in found
        }
        self._names.setStringList(list(self._found))

    def _add_found(self, text: str) -> None:
        person = self._found.get(text)
        if person is None and len(self._found) == 1:
            person = next(iter(self._found.values()))
        if person is not None:
            self.add_person(person)

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.people.count() > 0)
