"""The contacts list as a lazy table: a row count from SQL and rows fetched a page at a time.

Nothing is loaded up front, so a 100,000-contact database opens as fast as an empty one;
search, filters and sorting are the core's SQL (`ListingService`), never a proxy model.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from nurture.domain.dto import ContactSummary
from nurture.domain.enums import Area, ContactSort
from nurture.domain.keep_in_touch import TouchState
from nurture.humanize import ago
from nurture.services.listing import ContactQuery, ListingService
from nurture.services.unit_of_work import Changes
from ui.avatars import avatar
from ui.theme import colours

PAGE_SIZE = 100
# A search shows at most this many rows at once; scrolling past them counts the rest.
SEARCH_ROWS = 2_000
PAGES_CACHED = 80
CONTACT_ID_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex

# (header, sort key or None when the column cannot be sorted, text of a summary)
COLUMNS: tuple[tuple[str, ContactSort | None, Callable[[ContactSummary], str]], ...] = (
    ("Name", ContactSort.NAME, lambda s: s.name),
    ("Company", ContactSort.ORGANIZATION, lambda s: s.organization),
    # What a salesperson scans for comes before the contact details.
    ("Last touch", ContactSort.LAST_INTERACTION, lambda s: ""),
    ("Keep in touch", None, lambda s: ""),
    ("Next occasion", None, lambda s: ""),
    ("Title", ContactSort.TITLE, lambda s: s.title),
    ("Email", None, lambda s: s.primary_email),
    ("Phone", None, lambda s: s.phone_as_entered),
    ("Tags", None, lambda s: ", ".join(s.tags)),
)
LAST_TOUCH_COLUMN, CADENCE_COLUMN, OCCASION_COLUMN = 2, 3, 4
EMAIL_COLUMN, PHONE_COLUMN = 6, 7


def _state_colour(state: TouchState) -> QColor:
    theme = colours()
    return QColor(
        {TouchState.OVERDUE: theme.warn, TouchState.DUE_SOON: theme.due}.get(state, theme.ok)
    )


def _name_cell(summary: ContactSummary, private: bool) -> str:
    """The name, starred, with whose family a light contact is and why a search found them
    (not while View ▸ Private is on: the reason may quote a note)."""
    words = [summary.name + ("  ★" if summary.starred else "")]
    found_by = "" if private else summary.found_by
    words += [said for said in (summary.relative_of, found_by) if said]
    return " — ".join(words)


class ContactsModel(QAbstractTableModel):
    def __init__(self, listing: ListingService, now: Callable[[], datetime]) -> None:
        super().__init__()
        self._listing = listing
        self._now = now
        self._query = ContactQuery()
        self._count = 0
        self.partial = False  # more rows match than are counted yet
        self.loaded = False
        self._pages: OrderedDict[int, list[ContactSummary]] = OrderedDict()
        self.private = False

    @property
    def query(self) -> ContactQuery:
        return self._query

    def set_query(self, query: ContactQuery) -> None:
        if self.loaded and query == self._query:
            return
        self.beginResetModel()
        self._query = query
        if query.search.strip():
            found = self._listing.count(query, at_most=SEARCH_ROWS + 1)
            self.partial = found > SEARCH_ROWS
            self._count = min(found, SEARCH_ROWS)
        else:
            self._count, self.partial = self._listing.count(query), False
        self._pages.clear()
        self.loaded = True
        self.endResetModel()

    def refresh(self) -> None:
        """Re-read everything: the count may change and every cached page may be stale."""
        self.loaded = False
        self.set_query(self._query)

    def apply(self, changes: Changes) -> bool:
        """Follow a write: repaint the rows of the contacts it touched when it cannot change
        which rows are listed or their order; else re-read all (returns True then)."""
        if self._reshaped_by(changes):
            self.refresh()
            return True
        stale = [
            (number * PAGE_SIZE + offset, page, offset)
            for number, page in self._pages.items()
            for offset, summary in enumerate(page)
            if summary.id in changes.contact_ids
        ]
        if not stale:
            return False
        stale_ids = [p[o].id for _, p, o in stale]
        fresh = {s.id: s for s in self._listing.summaries(stale_ids, self._query.search)}
        for row, page, offset in stale:
            page[offset] = fresh.get(page[offset].id, page[offset])
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        return False

    def _reshaped_by(self, changes: Changes) -> bool:
        """Whether a write may add, remove or reorder rows of the current query."""
        query = self._query
        if not changes.contact_ids or changes.touches(Area.CONTACTS):
            return True  # new, deleted, renamed (the sort), archived, starred, cadences
        if query.search.strip() and changes.areas - {Area.REMINDERS, Area.SETTINGS}:
            return True  # a taste, tag or date may be what the search finds
        if query.going_cold and changes.touches(Area.INTERACTIONS, Area.TAGS):
            return True
        if query.tag and changes.touches(Area.TAGS):
            return True
        sort_by_touch = query.sort is ContactSort.LAST_INTERACTION
        return sort_by_touch and changes.touches(Area.INTERACTIONS)

    def row_of(self, contact_id: int, near: int) -> int | None:
        """The row listing `contact_id`, looked for around `near` (where it was) first."""
        for row in sorted(
            range(max(0, near - PAGE_SIZE), min(self._count, near + PAGE_SIZE)),
            key=lambda r: abs(r - near),
        ):
            summary = self.summary(row)
            if summary is not None and summary.id == contact_id:
                return row
        return None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self.partial

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self.partial:
            return
        total = self._listing.count(self._query)
        self.partial = False
        if total > self._count:
            self.beginInsertRows(QModelIndex(), self._count, total - 1)
            self._count = total
            self.endInsertRows()

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return COLUMNS[section][0]
        return None

    def summary(self, row: int) -> ContactSummary | None:
        if not 0 <= row < self._count:
            return None
        number = row // PAGE_SIZE
        page = self._pages.get(number)
        if page is None:
            page = self._listing.page(self._query, number * PAGE_SIZE, PAGE_SIZE)
            self._pages[number] = page
            if len(self._pages) > PAGES_CACHED:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        offset = row % PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        summary = self.summary(index.row())
        if summary is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == LAST_TOUCH_COLUMN:
                if role == Qt.ItemDataRole.ToolTipRole and summary.last_interaction_at:
                    return summary.last_interaction_at.astimezone().strftime("%d %B %Y, %H:%M")
                return ago(summary.last_interaction_at, self._now())
            if column == CADENCE_COLUMN:
                return self._cadence(summary)[0]
            if column == OCCASION_COLUMN:
                return summary.next_occasion.words if summary.next_occasion else ""
            text = COLUMNS[column][2](summary)
            if column == 0:
                return _name_cell(summary, self.private)
            return text
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return avatar(summary.name)
        if role == Qt.ItemDataRole.ForegroundRole and column == LAST_TOUCH_COLUMN:
            if summary.last_interaction_at is None:
                return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column == CADENCE_COLUMN:
            return self._cadence(summary)[1]
        if role == CONTACT_ID_ROLE:
            return summary.id
        return None

    @staticmethod
    def _cadence(summary: ContactSummary) -> tuple[str, QColor | None]:
        """The core's keep-in-touch state, in its words and a colour for the state."""
        state = summary.keep_in_touch
        if state is None:
            return "", None
        return state.words, _state_colour(state.state)

    def sortable(self, column: int) -> bool:
        return 0 <= column < len(COLUMNS) and COLUMNS[column][1] is not None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column][1] if 0 <= column < len(COLUMNS) else None
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if key == ContactSort.LAST_INTERACTION:
            descending = not descending  # "ascending" reads as most recent first
        self.set_query(replace(self._query, sort=key, descending=descending))
