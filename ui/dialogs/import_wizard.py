"""The import wizard: a file (chosen or dropped) → the detected format and every column with a
sample and where it goes (changeable) → a preview of new, duplicate and unreadable rows with
their lines → what to do with duplicates → the import, with progress and Cancel → a summary with
"Undo this import". Every step runs the same engine as `nurture import`."""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import partial
from html import escape
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from nurture.domain.dto import JobChange
from nurture.formats import FORMAT_NAMES, OnDuplicate
from nurture.humanize import plural
from nurture.io.csv_formats import FIELDS, describe
from nurture.io.decoding import ENCODINGS, Decoded
from nurture.io.decoding import label as encoding_label
from nurture.io.reader import ContactsFile, ParsedFile
from nurture.services.importing import ImportOptions, ImportReport
from ui.operations import imports as import_ops
from ui.theme import colours
from ui.workspace import Workspace


class _Progress(QObject):
    moved = Signal(int, int)  # emitted on the worker, delivered on the GUI thread


class ImportWizard(QWizard):
    def __init__(self, parent: QWidget | None, workspace: Workspace, path: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Import contacts")
        self.resize(820, 560)
        self.workspace = workspace
        self.data = b""
        self.source: ContactsFile | None = None
        self.parsed: ParsedFile | None = None
        self.report: ImportReport | None = None
        self.file_page = _FilePage(self, path)
        self.mapping_page = _MappingPage(self)
        self.preview_page = _PreviewPage(self)
        self.run_page = _RunPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page, self.run_page):
            self.addPage(page)

    def import_options(self) -> ImportOptions:
        return ImportOptions(
            mapping=self.mapping_page.chosen(), on_duplicate=self.preview_page.policy()
        )

    def name(self) -> str:
        return Path(self.file_page.path.text()).name


class _FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard, path: str) -> None:
        super().__init__()
        self.setTitle("Choose a file")
        self.setSubTitle(
            "A CSV from Google, Outlook, LinkedIn, Thunderbird, Yahoo or any other address "
            "book, or vCards (.vcf) from Apple, Google or your phone."
        )
        self.wizard_ = wizard
        self.path = QLineEdit(path)
        self.path.textChanged.connect(self.completeChanged)
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {colours().warn};")
        self.error.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.path)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, "Import contacts", "", "Contacts (*.csv *.vcf *.vcard *.txt);;All files (*)"
        )
        if path:
            self.path.setText(path)

    def isComplete(self) -> bool:
        return bool(self.path.text().strip())

    def validatePage(self) -> bool:
        try:
            self.wizard_.data = Path(self.path.text().strip()).read_bytes()
        except OSError as error:
            self.error.setText(f"Cannot read the file: {error.strerror or error}.")
            return False
        self.error.clear()
        return True


class _MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.setTitle("Check the columns")
        self.wizard_ = wizard
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.encoding = QComboBox()
        self.encoding.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.encoding.setToolTip("Pick another encoding when names look wrong in the samples")
        self.encoding.activated.connect(self._reread)
        self.names = QLabel()
        self.names.setWordWrap(True)
        encoding_row = QHBoxLayout()
        encoding_row.addWidget(QLabel("Text encoding:"))
        encoding_row.addWidget(self.encoding)
        encoding_row.addStretch(1)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Column", "Sample", "Goes to"])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(encoding_row)
        layout.addWidget(self.names)
        layout.addWidget(self.table)

    def initializePage(self) -> None:
        self._open(None)

    def _reread(self, index: int) -> None:
        self._open(str(self.encoding.itemData(index)))

    def _open(self, encoding: str | None) -> None:
        # Reading a 100,000-row file takes seconds: on the worker, the window stays responsive.
        wizard = self.wizard_
        wizard.parsed = None
        self.table.setRowCount(0)
        self.names.clear()
        self.summary.setText("Reading the file…")
        self.completeChanged.emit()
        import_ops.open_file(
            wizard.workspace, wizard.data, wizard.name(), self._read, self._failed, encoding
        )

    def _failed(self, message: str) -> None:
        self.summary.setText(f'<span style="color:{colours().warn}">{message}</span>')

    def isComplete(self) -> bool:
        return self.wizard_.parsed is not None

    def _read(self, opened: tuple[ContactsFile, ParsedFile]) -> None:
        source, parsed = opened
        self.wizard_.source, self.wizard_.parsed = source, parsed
        self.completeChanged.emit()
        kind = FORMAT_NAMES.get(parsed.format, parsed.format)
        summary = f"Looks like <b>{kind}</b>, {plural(parsed.rows, 'record')}."
        guessed = source.decoded.notice()
        if guessed:
            summary += f'<br><span style="color:{colours().warn}">{escape(guessed)}</span>'
        self.summary.setText(summary)
        self._list_encodings(source.decoded)
        first = ", ".join(c.shown_name() for c in parsed.contacts[:8])
        self.names.setText(f"First names read: {escape(first)}" if first else "")
        # A vCard names its own fields: no columns to map, so no empty table either.
        self.table.setVisible(bool(parsed.columns))
        self.setTitle("Check the columns" if parsed.columns else "Check what was read")
        self.table.setRowCount(len(parsed.columns))
        for row, column in enumerate(parsed.columns):
            self.table.setItem(row, 0, QTableWidgetItem(column.name))
            self.table.setItem(row, 1, QTableWidgetItem(column.sample))
            choice = QComboBox()
            choice.addItem(describe("ignore"), "ignore")
            if column.target and column.target not in FIELDS:
                choice.addItem(describe(column.target), column.target)  # a Google group part
            for field in FIELDS[:-1]:
                choice.addItem(describe(field), field)
            choice.setCurrentIndex(max(0, choice.findData(column.target or "ignore")))
            self.table.setCellWidget(row, 2, choice)
        self.table.resizeColumnsToContents()

    def _list_encodings(self, decoded: Decoded) -> None:
        """The encoding the file was read in, the ones that read it as well, then the rest."""
        self.encoding.clear()
        first = (decoded.encoding, *decoded.alternatives)
        for codec in (*first, *(c for c in ENCODINGS if c not in first)):
            also = " — also possible" if codec in decoded.alternatives else ""
            self.encoding.addItem(encoding_label(codec) + also, codec)
        self.encoding.setCurrentIndex(0)

    def chosen(self) -> dict[str, str]:
        """Columns whose target the user changed: the `--map` of the command line."""
        parsed = self.wizard_.parsed
        if parsed is None:
            return {}
        changed: dict[str, str] = {}
        for row, column in enumerate(parsed.columns):
            widget = self.table.cellWidget(row, 2)
            original = column.target or "ignore"
            if isinstance(widget, QComboBox) and widget.currentData() != original:
                changed[column.name] = str(widget.currentData())
        return changed


class _PreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.setTitle("Preview")
        self.setCommitPage(True)  # after "Import" there is no going back to import it twice
        self.setButtonText(QWizard.WizardButton.CommitButton, "Import")
        self.wizard_ = wizard
        self.counts = QLabel()
        self.problems = QPlainTextEdit()
        self.problems.setReadOnly(True)
        self.choice = QButtonGroup(self)
        row = QHBoxLayout()
        row.addWidget(QLabel("People already here:"))
        for i, (policy, label) in enumerate(
            (
                (OnDuplicate.MERGE, "merge what is new"),
                (OnDuplicate.SKIP, "skip them"),
                (OnDuplicate.ADD, "add them again"),
            )
        ):
            button = QRadioButton(label)
            button.setChecked(i == 0)
            button.setProperty("policy", policy.value)
            self.choice.addButton(button, i)
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addLayout(row)
        layout.addWidget(self.problems)

    def policy(self) -> OnDuplicate:
        checked = self.choice.checkedButton()
        return OnDuplicate(checked.property("policy")) if checked else OnDuplicate.MERGE

    def initializePage(self) -> None:
        wizard = self.wizard_
        assert wizard.source is not None  # the columns page read it
        self.counts.setText("Reading…")
        import_ops.preview(
            wizard.workspace,
            wizard.source,
            wizard.import_options(),
            self._show,
            self.counts.setText,
        )

    def _show(self, report: ImportReport) -> None:
        self.counts.setText(
            f"<b>{report.created:,}</b> new, <b>{len(report.duplicates):,}</b> already here "
            f"({report.merged:,} with something new), <b>{len(report.errors):,}</b> cannot be "
            "read."
        )
        lines = list(report.notices)
        lines += [f"line {p.line}: {p.message}" for p in (*report.errors, *report.notes)]
        lines += [
            f"line {line}: same person as contact {cid} ({why})"
            for line, cid, why in report.duplicates[:200]
        ]
        self.problems.setPlainText("\n".join(lines) or "Everything reads cleanly.")


class _RunPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.setTitle("Import")
        self.wizard_ = wizard
        self.bar = QProgressBar()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.cancel_button = QPushButton("Cancel")
        self.undo_button = QPushButton("Undo this import")
        self.undo_button.hide()
        self.undo_button.clicked.connect(self._undo)
        # People the file says moved job (a LinkedIn export a month later): act on each.
        self.changes_title = QLabel("<b>What changed since the last import</b>")
        self.changes = QListWidget()
        self.changes.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.change_buttons = QHBoxLayout()
        self.change_actions: list[QPushButton] = []
        for label, act in (
            ("Update the card", import_ops.take_job_changes),
            ("Log congratulations", import_ops.congratulate),
            ("Follow up in a week", import_ops.follow_up_on_job_changes),
        ):
            button = QPushButton(label)
            button.clicked.connect(partial(self._act, act))
            self.change_buttons.addWidget(button)
            self.change_actions.append(button)
        self.change_buttons.addStretch(1)
        self._show_changes(())
        self._stop = threading.Event()
        self.cancel_button.clicked.connect(self._stop.set)
        self._progress = _Progress(self)
        self._progress.moved.connect(self._moved)
        self.finished = False
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        layout.addWidget(self.summary)
        layout.addWidget(self.undo_button)
        layout.addWidget(self.changes_title)
        layout.addWidget(self.changes, 1)
        layout.addLayout(self.change_buttons)
        layout.addStretch(0)

    def _moved(self, done: int, total: int) -> None:
        self.bar.setMaximum(total)
        self.bar.setValue(done)

    def initializePage(self) -> None:
        wizard = self.wizard_
        assert wizard.source is not None
        self._stop.clear()
        import_ops.run(
            wizard.workspace,
            wizard.source,
            wizard.import_options(),
            self._progress.moved.emit,
            self._stop.is_set,
            self._done,
        )

    def _done(self, report: ImportReport) -> None:
        self.wizard_.report = report
        self.finished = True
        self.cancel_button.hide()
        self.bar.setValue(self.bar.maximum())
        self.summary.setText(
            f"Imported: {report.created:,} new, {report.merged:,} merged, {report.unchanged:,} "
            f"already here, {report.skipped:,} skipped, {len(report.errors):,} not imported."
        )
        self.undo_button.show()
        if report.new_people and report.format == "linkedin":
            names = ", ".join(p.name for p in report.new_people[:12])
            more = report.created - min(12, len(report.new_people))
            self.summary.setText(
                f"{self.summary.text()}<br><b>New connections:</b> {escape(names)}"
                + (f" and {more:,} more" if more > 0 else "")
            )
        self._show_changes(report.job_changes)
        self.completeChanged.emit()

    def _show_changes(self, changes: tuple[JobChange, ...]) -> None:
        self.changes.clear()
        for change in changes:
            item = QListWidgetItem(change.words)
            item.setData(Qt.ItemDataRole.UserRole, change)
            self.changes.addItem(item)
        if changes:
            self.changes.selectAll()
        for widget in (self.changes_title, self.changes):
            widget.setVisible(bool(changes))
        for button in self.change_actions:
            button.setVisible(bool(changes))

    def _act(self, act: Callable[[Workspace, list[JobChange]], None], *_checked: object) -> None:
        act(self.wizard_.workspace, self.picked())

    def picked(self) -> list[JobChange]:
        return [item.data(Qt.ItemDataRole.UserRole) for item in self.changes.selectedItems()]

    def _undo(self) -> None:
        report = self.wizard_.report
        if report is not None and report.batch is not None:
            done = self.summary.setText
            import_ops.undo(self.wizard_.workspace, report.batch, lambda _n: done("Undone."))
            self.undo_button.setEnabled(False)

    def isComplete(self) -> bool:
        return self.finished
