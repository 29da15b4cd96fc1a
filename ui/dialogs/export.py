"""Export: what (a contacts CSV, vCards, or the occasions as a calendar) and whom (everyone, the
people the list shows now, or the selected ones), then where — the file gets the right
extension whatever name is typed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from nurture.formats import ExportFormat

# (format, the words, the file extension, the file dialog's filter)
KINDS = (
    (ExportFormat.CSV, "Contacts as CSV (Google, Outlook, spreadsheets)", ".csv", "CSV (*.csv)"),
    (
        ExportFormat.VCARD3,
        "Contacts as vCards (phones, Apple, Thunderbird)",
        ".vcf",
        "vCard (*.vcf)",
    ),
    (
        ExportFormat.ICS,
        "Birthdays, dates and follow-ups as a calendar (.ics)",
        ".ics",
        "iCalendar (*.ics)",
    ),
)
EVERYONE, LISTED, SELECTED = "everyone", "listed", "selected"


class ExportDialog(QDialog):
    def __init__(self, parent: QWidget | None, everyone: int, listed: int, selected: int) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export")
        self.kind = QButtonGroup(self)
        what = QGroupBox("What")
        what_layout = QVBoxLayout(what)
        for index, (_fmt, words, _ext, _filter) in enumerate(KINDS):
            button = QRadioButton(words)
            self.kind.addButton(button, index)
            what_layout.addWidget(button)
        self.kind.button(0).setChecked(True)
        self.whom = QButtonGroup(self)
        whom = QGroupBox("Whom")
        whom_layout = QVBoxLayout(whom)
        for key, words, count in (
            (EVERYONE, f"Everyone ({everyone:,})", everyone),
            (LISTED, f"The people in the list now ({listed:,})", listed),
            (SELECTED, f"The selected people ({selected:,})", selected),
        ):
            button = QRadioButton(words)
            button.setProperty("scope", key)
            button.setEnabled(count > 0)
            self.whom.addButton(button)
            whom_layout.addWidget(button)
        self.whom.buttons()[0].setChecked(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Choose the file…")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addWidget(whom)
        layout.addWidget(buttons)

    def format(self) -> ExportFormat:
        return KINDS[self.kind.checkedId()][0]

    def scope(self) -> str:
        checked = self.whom.checkedButton()
        return str(checked.property("scope")) if checked is not None else EVERYONE

    def file_filter(self) -> str:
        return KINDS[self.kind.checkedId()][3]

    def default_name(self) -> str:
        return "nurture" + KINDS[self.kind.checkedId()][2]

    def target(self, chosen: str) -> Path:
        """The chosen path with this format's extension (added when missing or different)."""
        path = Path(chosen)
        extension = KINDS[self.kind.checkedId()][2]
        return path if path.suffix.lower() == extension else path.with_name(path.name + extension)
