"""Network: who sends you business — the last twelve months beside all time, the ones gone cold
marked — beside the business you sent them, and the introductions you made with what came of
them. Double-click opens the card.
Computed by the core (`NetworkService.overview`) on the read worker."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nurture.domain.network_view import NetworkOverview
from nurture.humanize import ago, money, plural
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
        self.partners = _table(
            (
                "Referral partner",
                "Sent you, 12 months",
                "Value",
                "All time",
                "Value",
                "You sent them",
                "Last touch",
            )
        )
        # The core's order (the most value first) until a header is clicked.
        self.partners.horizontalHeader().setSortIndicator(4, Qt.SortOrder.DescendingOrder)
        self.introductions = _table(("Introduced", "Who", "Why", "What came of it"))
        for table in (self.partners, self.introductions):
            table.itemActivated.connect(self._open)
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
        hide = self.workspace.privacy.money  # View ▸ Private: values as •••
        self.partners.setSortingEnabled(False)  # rows stay put while they are filled
        self.partners.setRowCount(len(view.partners))
        for row, p in enumerate(view.partners):
            touched = p.last_touch.timestamp() if p.last_touch else 0.0
            cells: tuple[tuple[str, str | float], ...] = (
                (p.contact.name, p.contact.name.casefold()),
                (_count(p.recent), p.recent),
                (hide(_value(p.recent_cents, view.currency)), p.recent_cents),
                (_count(p.total), p.total),
                (hide(_value(p.total_cents, view.currency)), p.total_cents),
                (_count(p.given), p.given),
                (("gone cold · " if p in cold else "") + ago(p.last_touch, now), touched),
            )
            for column, (text, key) in enumerate(cells):
                cell = _Cell(text, key)
                cell.setData(_ID, p.contact.id)
                if column == 6 and p in cold:
                    cell.setForeground(QColor(c.warn))
                if column in (1, 2, 3, 4, 5):
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.partners.setItem(row, column, cell)
        self.partners.setSortingEnabled(True)
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

    def _open(self, item: QTableWidgetItem) -> None:
        contact_id = item.data(_ID)
        if contact_id:
            self.open_contact.emit(int(contact_id))


class _Cell(QTableWidgetItem):
    """A cell that sorts by its value (10,000 after 9,000; the latest touch last), not its
    words."""

    def __init__(self, text: str, key: str | float) -> None:
        super().__init__(text)
        self.key = key

    def __lt__(self, other: QTableWidgetItem) -> bool:
        if isinstance(other, _Cell) and type(self.key) is type(other.key):
            return self.key < other.key  # type: ignore[operator]
        return super().__lt__(other)


def _count(n: int) -> str:
    return f"{n:,}" if n else "—"


def _value(cents: int, currency: str) -> str:
    return money(cents, currency) if cents else "—"


def _table(headers: tuple[str, ...]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.horizontalHeader().setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    return table
