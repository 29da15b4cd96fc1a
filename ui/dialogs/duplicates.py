"""Duplicates: likely pairs with the reason, and a side-by-side merge that lets the user pick
each name and work field; every email, phone, date, interaction, gift and relationship of both
is kept (MergeService)."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from nurture.domain.dto import ContactCard
from nurture.services.duplicates import DuplicatePair
from nurture.services.merging import MERGEABLE_FIELDS
from ui.operations import contacts as ops
from ui.workspace import Workspace

_LABELS = {
    "given_name": "Given name",
    "middle_name": "Middle name",
    "family_name": "Family name",
    "organization": "Company",
    "title": "Title",
    "department": "Department",
    "nickname": "Nickname",
    "prefix": "Prefix",
    "suffix": "Suffix",
    "time_zone": "Time zone",
    "tier": "Tier",
}


class DuplicatesDialog(QDialog):
    def __init__(self, parent: QWidget | None, workspace: Workspace) -> None:
        super().__init__(parent)
        self.setWindowTitle("Duplicates")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(900, 560)
        self.workspace = workspace
        self.pairs: list[DuplicatePair] = []
        self.names = QStringListModel(self)
        self.list = QListView()
        self.list.setModel(self.names)
        self.list.setMinimumWidth(340)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._show_pair())
        self.fields = QGridLayout()
        self.groups: dict[str, QButtonGroup] = {}
        self.left: ContactCard | None = None
        self.right: ContactCard | None = None
        self.merge_button = QPushButton("Merge into the left one")
        self.merge_button.clicked.connect(self.merge)
        self.status = QLabel()
        side = QVBoxLayout()
        side.addLayout(self.fields)
        side.addStretch(1)
        side.addWidget(self.status)
        side.addWidget(self.merge_button)
        layout = QHBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(side, 1)
        # A bound method: Qt drops the connection when the dialog is deleted (it is on close).
        workspace.bus.changed.connect(self._changed)
        self.reload()

    def _changed(self, _changes: object) -> None:
        if self.isVisible():
            self.reload()

    def reload(self) -> None:
        self.pairs = self.workspace.core.duplicates.find(limit=500)
        self.names.setStringList(
            [f"{p.first.name}  ~  {p.second.name}   ({p.reason})" for p in self.pairs]
        )
        if self.pairs:
            self.list.setCurrentIndex(self.names.index(0, 0))
        self._show_pair()

    def _show_pair(self) -> None:
        while self.fields.count():
            item = self.fields.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.groups.clear()
        row = self.list.currentIndex().row()
        pair = self.pairs[row] if 0 <= row < len(self.pairs) else None
        self.merge_button.setEnabled(pair is not None)
        if pair is None:
            self.status.setText("No likely duplicates.")
            return
        contacts = self.workspace.core.contacts
        self.left, self.right = contacts.card(pair.first.id), contacts.card(pair.second.id)
        self.status.setText(
            f"Keeps all {len(self.left.interactions) + len(self.right.interactions)} "
            f"interactions, {len(self.left.dates) + len(self.right.dates)} dates and every "
            "email, phone, gift and relationship of both."
        )
        for line, name in enumerate(MERGEABLE_FIELDS):
            mine, theirs = getattr(self.left.draft, name), getattr(self.right.draft, name)
            if not (mine or theirs):
                continue
            group = QButtonGroup(self)
            left, right = QRadioButton(mine or "—"), QRadioButton(theirs or "—")
            (left if mine else right).setChecked(True)
            group.addButton(left, 0)
            group.addButton(right, 1)
            self.groups[name] = group
            self.fields.addWidget(
                QLabel(_LABELS.get(name, name)), line, 0, Qt.AlignmentFlag.AlignRight
            )
            self.fields.addWidget(left, line, 1)
            self.fields.addWidget(right, line, 2)

    def merge(self) -> None:
        if self.left is None or self.right is None:
            return
        theirs = [name for name, group in self.groups.items() if group.checkedId() == 1]
        ops.merge(self.workspace, self.left.id, self.right.id, theirs)
