"""Network: who sends you business — the last twelve months beside all time, the ones gone cold
marked — beside the business you sent them, and the introductions you made with what came of
them. Double-click opens the card.
Computed by the core (`NetworkService.overview`) on the read worker."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nurture.domain.network_view import NetworkOverview
from nurture.humanize import plural
from ui.models.partners import COLUMNS, PartnersModel
from ui.theme import colours
from ui.views.freshness import ReloadsWhenShown
from ui.workspace import Workspace

_ID = Qt.ItemDataRole.UserRole


class NetworkPage(ReloadsWhenShown):
    open_contact = Signal(int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.summary = QLabel("Reading your network…")
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.rows = PartnersModel()
        self.partners = QTableView()
        self.partners.setModel(self.rows)
        _look(self.partners, len(COLUMNS))
        self.partners.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # Sized from the rows on screen, not all of them; then the core's order (the most
        # value first) until a header is clicked.
        self.partners.horizontalHeader().setResizeContentsPrecision(50)
        self.partners.horizontalHeader().setSortIndicator(4, Qt.SortOrder.DescendingOrder)
        self.partners.setSortingEnabled(True)
        self.partners.activated.connect(self._open_partner)
        self.introductions = QTableWidget(0, 4)
        self.introductions.setHorizontalHeaderLabels(
            ["Introduced", "Who", "Why", "What came of it"]
        )
        _look(self.introductions, 4)
        self.introductions.itemActivated.connect(self._open)
        split = QSplitter(Qt.Orientation.Vertical)
        for title, table in (
            ("Who sends you business, and whom you send it to", self.partners),
            ("Introductions you made", self.introductions),
        ):
            box = QWidget()
            inner = QVBoxLayout(box)
            inner.setContentsMargins(0, 0, 0, 0)
            inner.addWidget(QLabel(f"<b>{title}</b>"))
            inner.addWidget(table)
            split.addWidget(box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        workspace.bus.changed.connect(self._changed)
        workspace.privacy.changed.connect(lambda _on: self.reload())

    def reload(self) -> None:
        network, now = self.workspace.core.network, self.workspace.now()
        self.workspace.reads.run(
            lambda: (network.overview(now), now), self._show, self.workspace.fail
        )

    def _show(self, result: tuple[NetworkOverview, datetime]) -> None:
        view, now = result
        c = colours(self.palette())
        cold = set(view.gone_cold)
        self.summary.setText(
            f"{plural(len(view.sources), 'referral source')}"
            + (f", {len(cold):,} gone cold — thank them, catch up" if cold else "")
            + f" · {plural(view.given, 'referral')} you gave"
            + f" · {plural(len(view.introductions), 'introduction')}, "
            f"{view.introductions_waiting:,} waiting to hear how it went"
        )
        self.rows.set_view(view, now, self.workspace.privacy.on)
        self.introductions.setRowCount(len(view.introductions))
        for row, i in enumerate(view.introductions):
            said = (
                f"{i.introduced_on:%d %b %Y}",
                f"{i.person_a.name} ↔ {i.person_b.name}",
                i.reason,
                i.outcome or "how did it go?",
            )
            for column, text in enumerate(said):
                item = QTableWidgetItem(text)
                item.setData(_ID, i.person_a.id)
                if column == 3 and not i.outcome:
                    item.setForeground(QColor(c.muted))
                self.introductions.setItem(row, column, item)
        self.partners.resizeColumnsToContents()
        self.introductions.resizeColumnToContents(0)
        self.introductions.setColumnWidth(1, 340)
        self.introductions.setColumnWidth(2, 280)

    def _open_partner(self, index: QModelIndex) -> None:
        partner = self.rows.partner(index.row())
        if partner is not None:
            self.open_contact.emit(partner.contact.id)

    def _open(self, item: QTableWidgetItem) -> None:
        contact_id = item.data(_ID)
        if contact_id:
            self.open_contact.emit(int(contact_id))


def _look(table: QTableView, columns: int) -> None:
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.horizontalHeader().setSectionResizeMode(columns - 1, QHeaderView.ResizeMode.Stretch)
