"""The Network page's referral partners as a lazy table: cells are made only for the rows on
screen (13,000 partners at 100,000 contacts), and a header click sorts by the numbers, not their
words. One model over the core's `NetworkOverview`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from nurture.domain.network_view import NetworkOverview, ReferralPartner
from nurture.humanize import ago, money
from ui.models.table import Index, ListTable
from ui.privacy import HIDDEN
from ui.theme import colours

COLUMNS = (
    "Referral partner",
    "Sent you, 12 months",
    "Value",
    "All time",
    "Value",
    "You sent them",
    "Last touch",
)
MONEY = (2, 4)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_SORT_KEYS: tuple[Callable[[ReferralPartner], Any], ...] = (
    lambda p: p.contact.name.casefold(),
    lambda p: p.recent,
    lambda p: p.recent_cents,
    lambda p: p.total,
    lambda p: p.total_cents,
    lambda p: p.given,
    lambda p: p.last_touch.timestamp() if p.last_touch else 0.0,
)


class PartnersModel(ListTable):
    columns = COLUMNS

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[ReferralPartner] = []
        self._cold: set[ReferralPartner] = set()
        self._currency = ""
        self._now = datetime.now().astimezone()
        self.private = False  # View ▸ Private: values as •••
        self._order: tuple[int, Qt.SortOrder] | None = None

    def set_view(self, view: NetworkOverview, now: datetime, private: bool) -> None:
        self.beginResetModel()
        self._rows, self._cold = list(view.partners), set(view.gone_cold)
        self._currency, self._now, self.private = view.currency, now, private
        if self._order is not None:
            self._sorted(*self._order)
        self.endResetModel()

    def length(self) -> int:
        return len(self._rows)

    def partner(self, row: int) -> ReferralPartner | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        p = self.partner(index.row()) if index.isValid() else None
        if p is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(p, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and 1 <= column <= 5:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and column == 6 and p in self._cold:
            return QColor(colours().warn)
        return None

    def _cell(self, p: ReferralPartner, column: int) -> str:
        if column == 0:
            return p.contact.name
        if column == 6:
            return ("gone cold · " if p in self._cold else "") + ago(p.last_touch, self._now)
        number = _SORT_KEYS[column](p)
        if column in MONEY:
            shown = money(number, self._currency) if number else "—"
            return HIDDEN if self.private and number else shown
        return f"{number:,}" if number else "—"

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._order = (column, order)
        self._sorted(column, order)
        self.layoutChanged.emit()

    def _sorted(self, column: int, order: Qt.SortOrder) -> None:
        # Stable: partners equal on the column keep the core's order (the most value first).
        self._rows.sort(key=_SORT_KEYS[column], reverse=order is Qt.SortOrder.DescendingOrder)
