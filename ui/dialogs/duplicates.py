"""Duplicates: likely pairs with the reason, and a side-by-side merge that lets the user pick
each name and work field; every email, phone, date, interaction, gift and relationship of both
is kept (MergeService)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TypeVar

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from nurture.domain.dto import ContactCard
from nurture.services.duplicates import DuplicatePair
from nurture.services.merging import MERGEABLE_FIELDS
from ui.operations import contacts as ops
from ui.workspace import Workspace

T = TypeVar("T")

_LABELS = {
    "given_name": "Given name",
    "middle_name": "Middle name",
    "family_name": "Family name",
    "organization": "Company",
    "title": "Title",
    "department": "Department",
    "nickname": "Nickname",
    "shown_as": "Shown as",
    "prefix": "Prefix",
    "suffix": "Suffix",
    "time_zone": "Time zone",
    "tier": "Tier",
}


class DuplicatesDialog(QDialog):
    """Opens at once; the pairs, then each pair's two cards, are read on the read worker (the
    pairs take about a second at 100,000 contacts): the window never waits for them."""

    def __init__(self, parent: QWidget | None, workspace: Workspace) -> None:
        super().__init__(parent)
        self.setWindowTitle("Duplicates")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        room = self.screen().availableGeometry()  # a 13-inch screen at 150 %: 853 × 480
        self.resize(min(960, room.width()), min(580, room.height()))
        self.workspace = workspace
        self.pairs: list[DuplicatePair] = []
        self.names = QStringListModel(self)
        self.list = QListView()
        self.list.setModel(self.names)
        self.list.setMinimumWidth(320)
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._show_pair())
        self.groups: dict[str, QButtonGroup] = {}
        self.asked: DuplicatePair | None = None  # the pair whose cards were last asked for
        self.left: ContactCard | None = None
        self.right: ContactCard | None = None
        # The pair's fields live in one panel made anew for each pair: nothing of the last
        # pair is left behind (or on top of the list).
        self.detail = QWidget()
        self.merge_button = QPushButton("&Merge into the left one")
        self.merge_button.clicked.connect(self.merge)
        self.distinct_button = QPushButton("&Not a duplicate")
        self.distinct_button.setToolTip("They are different people: never pair them again")
        self.distinct_button.clicked.connect(self.not_duplicates)
        self.status = QLabel("Looking for likely duplicates…")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.distinct_button)
        buttons.addStretch(1)
        buttons.addWidget(self.merge_button)
        # Scrolled, so that a long email or a 150 % screen never pushes the buttons off it.
        self.pane = QScrollArea()
        self.pane.setWidgetResizable(True)
        self.pane.setFrameShape(QFrame.Shape.NoFrame)
        self.pane.setWidget(self.detail)
        self.side = QVBoxLayout()
        self.side.addWidget(self.pane, 1)
        self.side.addWidget(self.status)
        self.side.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(self.side, 1)
        self._enable(False)
        # A bound method: Qt drops the connection when the dialog is deleted (it is on close).
        workspace.bus.changed.connect(self._changed)
        self.reload()

    def _enable(self, on: bool) -> None:
        self.merge_button.setEnabled(on)
        self.distinct_button.setEnabled(on)

    def _changed(self, _changes: object) -> None:
        if self.isVisible():
            self.reload()

    def reload(self) -> None:
        duplicates = self.workspace.core.duplicates
        self._read(lambda: duplicates.find(limit=500), self._found)

    def _read(self, work: Callable[[], T], done: Callable[[T], None]) -> None:
        """On the read worker; an answer that comes back once the dialog is gone is dropped."""

        def answer(value: T) -> None:
            if isValid(self):
                done(value)

        def failed(message: str) -> None:
            if isValid(self):
                self._failed(message)

        self.workspace.reads.run(work, answer, failed)

    def _failed(self, message: str) -> None:
        self.status.setText(message)

    def _found(self, pairs: list[DuplicatePair]) -> None:
        row = max(0, self.list.currentIndex().row())
        self.pairs = pairs
        self.names.setStringList(
            [f"{p.first.name}  ~  {p.second.name}   ({p.reason})" for p in pairs]
        )
        if pairs:
            self.list.setCurrentIndex(self.names.index(min(row, len(pairs) - 1), 0))
        self._show_pair()

    def _current(self) -> DuplicatePair | None:
        row = self.list.currentIndex().row()
        return self.pairs[row] if 0 <= row < len(self.pairs) else None

    def _show_pair(self) -> None:
        """Both cards are read on the worker; until they are in, the buttons wait."""
        pair = self._current()
        if pair is not None and pair is self.asked:
            return  # already shown, or on its way
        self.asked = pair
        self.left = self.right = None
        self._enable(False)
        if pair is None:
            self._replace_detail()
            self.status.setText("No likely duplicates.")
            return
        contacts = self.workspace.core.contacts
        self._read(
            lambda: (contacts.card(pair.first.id), contacts.card(pair.second.id)),
            lambda cards: self._show_cards(pair, *cards),
        )

    def _replace_detail(self) -> QWidget:
        fresh = QWidget()
        self.pane.setWidget(fresh)  # the scroll area deletes the last pair's panel
        self.detail = fresh
        self.groups.clear()
        return fresh

    def _show_cards(self, pair: DuplicatePair, left: ContactCard, right: ContactCard) -> None:
        if pair is not self.asked:
            return  # another pair was picked meanwhile: its own cards are on their way
        fresh = self._replace_detail()
        self.left, self.right = left, right
        self._enable(True)
        touches = len(left.interactions) + len(right.interactions)
        logged = f"all {touches} logged touches, " if touches else ""
        self.status.setText(
            f"Merging keeps {logged}every date, email, phone, gift and relationship of both."
        )
        fields = QGridLayout(fresh)
        fields.setContentsMargins(0, 0, 0, 0)
        fields.setAlignment(Qt.AlignmentFlag.AlignTop)  # rows together, the room below
        fields.addWidget(QLabel(f"<b>{escape(left.name)}</b>"), 0, 1)
        fields.addWidget(QLabel(f"<b>{escape(right.name)}</b>"), 0, 2)
        line = 1
        for name in MERGEABLE_FIELDS:
            mine, theirs = getattr(left.draft, name), getattr(right.draft, name)
            if not (mine or theirs):
                continue
            group = QButtonGroup(fresh)
            keep, take = QRadioButton(mine or "—"), QRadioButton(theirs or "—")
            (keep if mine else take).setChecked(True)
            group.addButton(keep, 0)
            group.addButton(take, 1)
            self.groups[name] = group
            fields.addWidget(QLabel(_LABELS.get(name, name)), line, 0, Qt.AlignmentFlag.AlignRight)
            fields.addWidget(keep, line, 1)
            fields.addWidget(take, line, 2)
            line += 1
        for label, mine_all, theirs_all in (
            ("Emails", _emails(left), _emails(right)),
            ("Phones", _phones(left), _phones(right)),
        ):
            if mine_all or theirs_all:
                fields.addWidget(QLabel(label), line, 0, Qt.AlignmentFlag.AlignRight)
                fields.addWidget(QLabel("\n".join(mine_all) or "—"), line, 1)
                fields.addWidget(QLabel("\n".join(theirs_all) or "—"), line, 2)
                line += 1
        kept = QLabel("(both are kept)")
        fields.addWidget(kept, line, 1, 1, 2)

    def not_duplicates(self) -> None:
        if self.left is not None and self.right is not None:
            ops.not_duplicates(self.workspace, self.left.id, self.right.id)

    def merge(self) -> None:
        if self.left is None or self.right is None:
            return
        theirs = [name for name, group in self.groups.items() if group.checkedId() == 1]
        ops.merge(self.workspace, self.left.id, self.right.id, theirs)


def _emails(card: ContactCard) -> list[str]:
    return [e.address for e in card.draft.emails]


def _phones(card: ContactCard) -> list[str]:
    return [p.raw for p in card.draft.phones]
