"""Creating and editing a contact: a clean form that checks emails, phones and dates as you type
and never loses what you typed (OK is only enabled when everything reads)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nurture.contact_points import check_email, check_phone
from nurture.domain.dates import PartialDate
from nurture.domain.dto import ContactDraft, EmailValue, PhoneValue
from nurture.errors import ValidationError
from ui.theme import colours


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]


class ContactEditor(QDialog):
    """Returns a ContactDraft (and a birthday) through `draft()` / `birthday()` after exec()."""

    def __init__(
        self,
        parent: QWidget | None,
        draft: ContactDraft | None = None,
        birthday: PartialDate | None = None,
        title: str = "New contact",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self._original = draft or ContactDraft()
        d = self._original
        self.given = QLineEdit(d.given_name)
        self.family = QLineEdit(d.family_name)
        self.organization = QLineEdit(d.organization)
        self.job_title = QLineEdit(d.title)
        self.emails = QLineEdit(", ".join(e.address for e in d.emails))
        self.emails.setPlaceholderText("name@example.com, another@example.com")
        self.phones = QLineEdit(", ".join(p.raw for p in d.phones))
        self.phones.setPlaceholderText("+1 415 555 0123")
        self.birthday_edit = QLineEdit(birthday.iso() if birthday else "")
        self.birthday_edit.setPlaceholderText("1980-05-01, or --05-01 without the year")
        self.tags = QLineEdit(", ".join(d.tags))
        self.tags.setPlaceholderText("Clients, Golf")
        self.cadence = QSpinBox()
        self.cadence.setRange(0, 3650)
        self.cadence.setSpecialValueText("no cadence")
        self.cadence.setSuffix(" days")
        self.cadence.setValue(d.keep_in_touch_days or 0)
        self.starred = QCheckBox("Starred")
        self.starred.setChecked(d.starred)
        self.how_we_met = QLineEdit(d.how_we_met)
        self.notes = QPlainTextEdit(d.notes)
        self.notes.setFixedHeight(80)
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {colours().warn};")
        self.error.setWordWrap(True)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        names = QHBoxLayout()
        names.addWidget(self.given)
        names.addWidget(self.family)
        self.given.setPlaceholderText("Given name")
        self.family.setPlaceholderText("Family name")
        form.addRow("Name", names)
        form.addRow("Company", self.organization)
        form.addRow("Title", self.job_title)
        form.addRow("Emails", self.emails)
        form.addRow("Phones", self.phones)
        form.addRow("Birthday", self.birthday_edit)
        form.addRow("Tags", self.tags)
        form.addRow("Keep in touch every", self.cadence)
        form.addRow("", self.starred)
        form.addRow("How we met", self.how_we_met)
        form.addRow("Notes", self.notes)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        for field in (
            self.given,
            self.family,
            self.organization,
            self.emails,
            self.phones,
            self.birthday_edit,
        ):
            field.textChanged.connect(self._validate)
        self._validate()

    def problems(self) -> list[str]:
        found = []
        if not (
            self.given.text().strip()
            or self.family.text().strip()
            or self.organization.text().strip()
        ):
            found.append("Give a name (or at least a company).")
        for check, field in ((check_email, self.emails), (check_phone, self.phones)):
            for value in _split(field.text()):
                try:
                    check(value)
                except ValidationError as error:
                    found.append(error.message)
        try:
            self.birthday()
        except ValidationError as error:
            found.append(error.message)
        return found

    def _validate(self) -> None:
        found = self.problems()
        self.error.setText("\n".join(found))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not found)

    def birthday(self) -> PartialDate | None:
        text = self.birthday_edit.text().strip()
        return PartialDate.parse(text) if text else None

    def draft(self) -> ContactDraft:
        keep = {e.address.casefold(): e for e in self._original.emails}
        phones = {p.raw: p for p in self._original.phones}
        return replace(
            self._original,
            given_name=self.given.text().strip(),
            family_name=self.family.text().strip(),
            organization=self.organization.text().strip(),
            title=self.job_title.text().strip(),
            emails=tuple(keep.get(v.casefold(), EmailValue(v)) for v in _split(self.emails.text())),
            phones=tuple(phones.get(v, PhoneValue(v)) for v in _split(self.phones.text())),
            tags=tuple(_split(self.tags.text())),
            keep_in_touch_days=self.cadence.value() or None,
            starred=self.starred.isChecked(),
            how_we_met=self.how_we_met.text().strip(),
            notes=self.notes.toPlainText().strip(),
        )
