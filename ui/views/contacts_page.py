"""The contacts page: filters, the lazy list (sorting and searching in SQL), the card beside it,
and bulk actions on the selected rows."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from nurture.domain.countries import country_name
from nurture.domain.dto import ContactRef
from nurture.domain.enums import Area
from nurture.services.unit_of_work import Changes
from ui.models.contacts import CONTACT_ID_ROLE, ContactsModel
from ui.operations import contacts as ops
from ui.views.card_view import CardView
from ui.views.frozen_table import FrozenFirstColumnTable
from ui.workspace import Workspace

_SEARCH_NAME_WIDTH = 420
_WIDTHS = (210, 180, 100, 130, 150, 150, 220, 130, 160)
# A re-read keeps up to this many selected people selected.
_KEEP_SELECTED = 500


class ContactsPage(QWidget):
    log_requested = Signal(object, object)  # people (list[ContactRef]), InteractionKind | None
    edit_requested = Signal(int)
    search_requested = Signal(str)  # a saved search's text, for the window's search field

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        core = workspace.core
        self.model = ContactsModel(core.listing, workspace.now)
        self.table = FrozenFirstColumnTable()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(30)
        # Fixed row heights and no content-based sizing: Qt never walks 100,000 rows.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.sync_rows()
        self._name_width = _WIDTHS[0]
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._bulk_menu)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        for column, width in enumerate(_WIDTHS):
            header.resizeSection(column, width)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._keep_sort_indicator)
        self._sort = (0, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.tag = QComboBox()
        # Wide enough for a usual tag ("Prospects"); the list shows longer ones whole.
        self.tag.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.tag.setMinimumContentsLength(12)
        # Less used filters in one menu: the row stays short on a 13-inch screen.
        show = QMenu(self)
        self.tiers = QActionGroup(self)
        for words, tier in (("Any tier", ""), ("Tier A", "A"), ("Tier B", "B"), ("Tier C", "C")):
            action = show.addAction(words)
            action.setCheckable(True)
            action.setData(tier)
            action.setChecked(not tier)
            self.tiers.addAction(action)
        self.tiers.triggered.connect(lambda _action: self._apply_filters())
        show.addSeparator()
        self.starred = show.addAction("Starred only")
        self.cold = show.addAction("Going cold (overdue to keep in touch)")
        self.archived = show.addAction("Archived too")
        show.addSeparator()
        self.saved = show.addMenu("Saved searches")
        self.saved.aboutToShow.connect(self._fill_saved)
        self.save_search = show.addAction("Save this search…", self._save_search)
        self.show_button = QPushButton("Show")
        self.show_button.setMenu(show)
        self.bulk = QPushButton("Selected ▾")
        self.bulk.clicked.connect(lambda: self._bulk_menu(None))
        filters = QHBoxLayout()
        filters.addWidget(QLabel("Tag"))
        filters.addWidget(self.tag)
        filters.addWidget(self.show_button)
        for action in (self.starred, self.cold, self.archived):
            action.setCheckable(True)
            action.toggled.connect(self._apply_filters)
        self._country = ""  # only a saved search sets it: there is no country filter to pick
        self.clear_filters = QPushButton("Clear filters")
        self.clear_filters.setToolTip("Show everyone again (the search stays)")
        self.clear_filters.clicked.connect(self.reset_filters)
        self.clear_filters.hide()
        filters.addWidget(self.clear_filters)
        filters.addStretch(1)
        filters.addWidget(self.bulk)
        # Said in words when the list is empty, so an empty list is never a mystery.
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.hide()
        self.tag.currentIndexChanged.connect(self._apply_filters)

        self.card = CardView(workspace)
        self.card.edit_requested.connect(lambda: self.edit_requested.emit(self._card_id()))
        self.card.log_requested.connect(
            lambda kind: self.log_requested.emit([self._card_ref()], kind)
        )
        self.card.delete_requested.connect(lambda: self.delete([self._card_id()]))

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.empty)
        left_layout.addWidget(self.table)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.card)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.splitter)
        self.refresh_filters()
        self._kept: tuple[list[tuple[int, int]], int, int] = ([], 0, 0)
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        workspace.bus.changed.connect(self._changed)
        workspace.privacy.changed.connect(self._private)

    # -- list ------------------------------------------------------------------------------

    def refresh_filters(self) -> None:
        """Fill the tag and tier filters; the tags are counted on the worker (at 100,000
        contacts that is tens of milliseconds the window's first paint need not wait for)."""
        listing = self.workspace.core.listing
        self.workspace.reads.run(listing.tags, self._fill_filters, self.workspace.fail)

    def _fill_filters(self, counted: list[tuple[str, int]]) -> None:
        current = self.tag.currentData()
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem("All", "")
        for name, _count in counted:
            self.tag.addItem(name, name)
        self.tag.setCurrentIndex(max(0, self.tag.findData(current)))
        self.tag.blockSignals(False)

    def set_search(self, text: str) -> None:
        searching_before = bool(self.model.query.search.strip())
        self.model.set_query(replace(self.model.query, search=text))
        self._widen_names(searching_before, bool(text.strip()))
        self._after_query()
        if self.model.rowCount():
            self.table.scrollToTop()
            self.table.selectionModel().setCurrentIndex(
                self.model.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def _widen_names(self, before: bool, now: bool) -> None:
        """While searching, the name column is wide enough to say why each row was found;
        the user's own width comes back when the search is cleared."""
        header = self.table.horizontalHeader()
        if now and not before:
            self._name_width = header.sectionSize(0)
            header.resizeSection(0, max(self._name_width, _SEARCH_NAME_WIDTH))
        elif before and not now:
            header.resizeSection(0, self._name_width)

    def _apply_filters(self) -> None:
        self.model.set_query(
            replace(
                self.model.query,
                tag=self.tag.currentData() or "",
                tier=self.tier(),
                starred_only=self.starred.isChecked(),
                going_cold=self.cold.isChecked(),
                include_archived=self.archived.isChecked(),
                country=self._country,
            )
        )
        self._after_query()

    def _active_filters(self) -> list[str]:
        query = self.model.query
        return [
            words
            for words, on in (
                (f"tag {query.tag}", bool(query.tag)),
                (f"tier {query.tier}", bool(query.tier)),
                ("starred", query.starred_only),
                ("going cold", query.going_cold),
                ("archived shown", query.include_archived),
                (f"living in {country_name(query.country)}", bool(query.country)),
            )
            if on
        ]

    def _after_query(self) -> None:
        """An active filter is visible and clearable; an empty list says why; nobody shown
        means no card (and no actions on someone who is not in the list)."""
        active = self._active_filters()
        self.clear_filters.setVisible(bool(active))
        if self.model.rowCount():
            self.empty.hide()
            return
        search = self.model.query.search.strip()
        words = f"No one matches “{search}”" if search else "No one here"
        if active:
            words += " with " + ", ".join(active) + ". Clear filters to look at everyone."
        self.empty.setText(words + ("" if active else "."))
        self.empty.show()
        self.table.selectionModel().clearSelection()
        self.card.show_contact(None)
        self.bulk.setEnabled(False)

    def tier(self) -> str:
        checked = self.tiers.checkedAction()
        return str(checked.data() or "") if checked is not None else ""

    def set_tier(self, tier: str) -> None:
        for action in self.tiers.actions():
            action.setChecked(action.data() == tier)

    def reset_filters(self) -> None:
        self.tag.blockSignals(True)
        self.tag.setCurrentIndex(0)
        self.tag.blockSignals(False)
        self.set_tier("")
        for box in (self.starred, self.cold, self.archived):
            box.blockSignals(True)
            box.setChecked(False)
            box.blockSignals(False)
        self._country = ""
        self._apply_filters()

    def _private(self, on: bool) -> None:
        self.model.private = on
        rows = self.model.rowCount()
        if rows:
            self.model.dataChanged.emit(self.model.index(0, 0), self.model.index(rows - 1, 0))

    # -- saved searches ------------------------------------------------------------------------

    def _fill_saved(self) -> None:
        self.saved.clear()
        names = self.workspace.core.saved_searches.names()
        for name in names:
            self.saved.addAction(name, partial(self.open_saved, name))
        if names:
            self.saved.addSeparator()
            forget = self.saved.addMenu("Forget")
            for name in names:
                forget.addAction(name, partial(ops.forget_search, self.workspace, name))
        else:
            self.saved.addAction("None yet: search or filter, then Save this search…").setEnabled(
                False
            )

    def open_saved(self, name: str) -> None:
        """The list as the search was saved: its filters here, its text in the search field."""
        query = self.workspace.core.saved_searches.query(name)
        for box, on in (
            (self.starred, query.starred_only),
            (self.cold, query.going_cold),
            (self.archived, query.include_archived),
        ):
            box.blockSignals(True)
            box.setChecked(on)
            box.blockSignals(False)
        self.set_tier(query.tier)
        self._country = query.country
        self.tag.blockSignals(True)
        self.tag.setCurrentIndex(max(0, self.tag.findData(query.tag)))
        self.tag.blockSignals(False)
        self._apply_filters()
        self.search_requested.emit(query.search)

    def _save_search(self) -> None:
        query = self.model.query
        if not (query.search.strip() or self._active_filters()):
            QMessageBox.information(
                self, "Save this search", "Search or filter the list first, then save it."
            )
            return
        name, ok = QInputDialog.getText(self, "Save this search", "Name:")
        if ok and name.strip():
            ops.save_search(self.workspace, name, query)

    def _keep_sort_indicator(self, column: int, order: Qt.SortOrder) -> None:
        # Columns the core cannot sort in SQL keep the previous sort (and its arrow).
        if self.model.sortable(column):
            self._sort = (column, order)
            return
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(*self._sort)
        header.blockSignals(False)

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [int(self.model.index(r, 0).data(CONTACT_ID_ROLE)) for r in rows]

    def _selection_changed(self) -> None:
        ids = self.selected_ids()
        self.card.show_contact(ids[0] if len(ids) == 1 else None)
        self.bulk.setEnabled(bool(ids))

    def open_contact(self, contact_id: int) -> None:
        self.card.show_contact(contact_id)

    def _card_id(self) -> int:
        assert self.card.card is not None
        return self.card.card.id

    def _card_ref(self) -> ContactRef:
        assert self.card.card is not None
        return ContactRef(self.card.card.id, self.card.card.name)

    def _changed(self, changes: Changes) -> None:
        if changes.areas <= {Area.REMINDERS, Area.SETTINGS}:
            return
        if self.model.apply(changes):
            self._reselect()
        shown = self.card.card
        if shown is not None and (shown.id in changes.contact_ids or not changes.contact_ids):
            self.card.reload()
        if changes.touches(Area.TAGS):
            self.refresh_filters()

    def _remember_selection(self) -> None:
        """Before a re-read: the selected ids and where they were, and the scroll position. A
        selection of thousands (select all) is not kept: finding each again would read the list."""
        selected = self.table.selectionModel().selectedRows()
        rows = sorted({i.row() for i in selected}) if len(selected) <= _KEEP_SELECTED else []
        ids = [self.model.index(r, 0).data(CONTACT_ID_ROLE) for r in rows]
        kept = [(int(i), r) for i, r in zip(ids, rows, strict=True) if i is not None]
        self._kept = (kept, len(selected), self.table.verticalScrollBar().value())

    def _reselect(self) -> None:
        """After a re-read: the same people selected (where they still are) and the same scroll
        position; the card and "Selected ▾" follow what is selected now."""
        kept, was_selected, scrolled = self._kept
        selection = QItemSelection()
        for contact_id, near in kept:
            row = self.model.row_of(contact_id, near)
            if row is not None:
                selection.select(
                    self.model.index(row, 0), self.model.index(row, self.model.columnCount() - 1)
                )
        selector = self.table.selectionModel()
        selector.blockSignals(True)
        selector.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        selector.blockSignals(False)
        self.table.verticalScrollBar().setValue(scrolled)
        if len(self.selected_ids()) != was_selected:  # someone selected is gone, or too many
            self._selection_changed()

    # -- actions ---------------------------------------------------------------------------

    def _bulk_menu(self, _position: Any) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        menu = QMenu(self)
        menu.addAction(f"Add a tag to {len(ids)}…", lambda: self._tag(ids, add=True))
        menu.addAction(f"Remove a tag from {len(ids)}…", lambda: self._tag(ids, add=False))
        menu.addAction(
            f"Log one interaction with {len(ids)}…",
            lambda: self.log_requested.emit([ContactRef(i, "") for i in ids], None),
        )
        menu.addAction(f"Add {len(ids)} to a gift campaign…", lambda: self._to_campaign(ids))
        menu.addAction("Set keep-in-touch cadence…", lambda: self._cadence(ids))
        menu.addAction(f"Archive {len(ids)}", lambda: self._archive(ids))
        menu.addSeparator()
        menu.addAction(f"Delete {len(ids)}…", lambda: self.delete(ids))
        menu.exec(self.cursor().pos())

    def _tag(self, ids: list[int], add: bool) -> None:
        names = [name for name, _n in self.workspace.core.listing.tags()]
        tag, ok = QInputDialog.getItem(self, "Tag", "Tag:", names, 0, True)
        if not ok or not tag.strip():
            return
        ops.tag(self.workspace, ids, tag, add)

    def _to_campaign(self, ids: list[int]) -> None:
        """Hand-picked recipients: the people selected join a campaign of the Gifts page."""
        campaigns = self.workspace.core.campaigns.campaigns()
        if not campaigns:
            QMessageBox.information(
                self, "Gift campaign", "Start a campaign on the Gifts page first (New campaign…)."
            )
            return
        names = [f"{name} ({day:%d %b %Y})" for _id, name, day, _n in campaigns]
        picked, ok = QInputDialog.getItem(self, "Gift campaign", "Add them to:", names, 0, False)
        if ok:
            ops.add_to_campaign(self.workspace, campaigns[names.index(picked)][0], ids)

    def _cadence(self, ids: list[int]) -> None:
        days, ok = QInputDialog.getInt(self, "Keep in touch", "Every how many days?", 90, 1, 3650)
        if ok:
            ops.set_cadence(self.workspace, ids, days)

    def _archive(self, ids: list[int]) -> None:
        ops.archive(self.workspace, ids)

    def delete(self, ids: list[int]) -> None:
        noun = "this contact" if len(ids) == 1 else f"these {len(ids)} contacts"
        answer = QMessageBox.question(
            self,
            "Delete",
            f"Delete {noun} and their dates, notes and history?\n"
            "You can undo this with Edit ▸ Undo (Ctrl+Z).",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.card.show_contact(None)
        ops.delete(self.workspace, ids)
