"""A field that finds a person as you type (by any part of the name, company or email) and
hands back the one picked: no names or ids to type exactly."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from nurture.domain.dto import ContactRef
from nurture.services.listing import ContactQuery, ListingService

_SUGGESTIONS = 12


class PersonField(QLineEdit):
    picked = Signal(object)  # ContactRef

    def __init__(
        self, listing: ListingService, placeholder: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._listing = listing
        self._found: dict[str, ContactRef] = {}
        self.person: ContactRef | None = None
        self.setPlaceholderText(placeholder)
        self._names = QStringListModel(self)
        completer = QCompleter(self._names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.activated.connect(self._pick)
        self.setCompleter(completer)
        self.textEdited.connect(self._suggest)
        self.returnPressed.connect(lambda: self._pick(self.text()))

    def _suggest(self, text: str) -> None:
        self.person = None
        if len(text.strip()) < 2:
            return
        found = self._listing.page(ContactQuery(search=text, include_light=True), 0, _SUGGESTIONS)
        self._found = {
            f"{s.name} — {s.organization}" if s.organization else s.name: ContactRef(s.id, s.name)
            for s in found
        }
        self._names.setStringList(list(self._found))

    def _pick(self, text: str) -> None:
        person = self._found.get(text)
        if person is None and len(self._found) == 1:
            person = next(iter(self._found.values()))
        if person is not None:
            self.person = person
            self.setText(person.name)
            self.picked.emit(person)
