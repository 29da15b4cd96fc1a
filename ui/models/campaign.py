"""A campaign's recipients as a table: who, the gift's status, the gift, its cost, the budget
for their tier and (a birthday campaign) the day of their gift; a repeat is marked. One model
over the core's `CampaignView`."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from nurture.domain.campaigns import CampaignView, Recipient
from nurture.humanize import money
from ui.avatars import avatar
from ui.models.table import Index, ListTable
from ui.privacy import HIDDEN
from ui.theme import colours

COLUMNS = ("Person", "Status", "Gift", "Cost", "Budget", "Birthday")
BIRTHDAY = COLUMNS.index("Birthday")


class CampaignModel(ListTable):
    columns = COLUMNS

    def __init__(self) -> None:
        super().__init__()
        self.view: CampaignView | None = None
        self._rows: tuple[Recipient, ...] = ()
        self.private = False  # View ▸ Private: gifts and amounts shown as •••

    def set_view(self, view: CampaignView | None) -> None:
        self.beginResetModel()
        self.view = view
        self._rows = view.recipients if view else ()
        self.endResetModel()

    def length(self) -> int:
        return len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or self.view is None:
            return None
        r, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(r, column)
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return avatar(r.contact.name, 24)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 2 and r.warning:
                return QColor(colours().warn)
            if (column == 1 and r.gift is None) or (column == BIRTHDAY and r.day is None):
                return QColor(colours().muted)
        if role == Qt.ItemDataRole.ToolTipRole and column == 2 and r.warning:
            return r.warning
        return None

    def _cell(self, r: Recipient, column: int) -> str:
        shown = self._words(r, column)
        return HIDDEN if self.private and shown and column in (2, 3, 4) else shown

    def _words(self, r: Recipient, column: int) -> str:
        assert self.view is not None
        currency = self.view.currency
        if column == 0:
            return r.contact.name
        if column == 1:
            return r.status.capitalize()
        if column == 2:
            return (("⚠ " if r.warning else "") + r.gift.description) if r.gift else ""
        if column == 3:
            cents = r.gift.amount_cents if r.gift else None
            return money(cents, currency) if cents is not None else ""
        if column == BIRTHDAY:
            return f"{r.day:%d %b %Y}" if r.day else "not known"
        return money(r.budget_cents, currency) if r.budget_cents is not None else ""

    def recipient(self, row: int) -> Recipient | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None
