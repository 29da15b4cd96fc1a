"""A table whose first column (the name) stays in place while the others scroll sideways, after
Qt's "Frozen Column" example: a second view over the first column, sharing the model and the
selection; clicks on its header fall through to the table's own header (sorting, resizing)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


class FrozenFirstColumnTable(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frozen = QTableView(self)
        self.frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.frozen.verticalHeader().hide()
        self.frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setShowGrid(False)
        self.frozen.setWordWrap(False)
        self.frozen.setStyleSheet("QTableView { border: none; }")
        header = self.frozen.horizontalHeader()
        header.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        header.setHighlightSections(False)
        self.viewport().stackUnder(self.frozen)
        self.horizontalHeader().sectionResized.connect(self._resized)
        self.horizontalHeader().sortIndicatorChanged.connect(
            lambda column, order: header.setSortIndicator(column, order)
        )
        self.verticalScrollBar().valueChanged.connect(self.frozen.verticalScrollBar().setValue)
        self.frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.frozen.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.frozen.customContextMenuRequested.connect(
            lambda point: self.customContextMenuRequested.emit(
                self.viewport().mapFromGlobal(self.frozen.viewport().mapToGlobal(point))
            )
        )
        self.frozen.doubleClicked.connect(self.doubleClicked.emit)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        self.frozen.setModel(model)
        self.frozen.setSelectionModel(self.selectionModel())
        if model is not None:
            model.modelReset.connect(self._hide_other_columns)
            model.columnsInserted.connect(self._hide_other_columns)
        self._hide_other_columns()

    def _hide_other_columns(self) -> None:
        model = self.model()
        for column in range(1, model.columnCount() if model is not None else 0):
            self.frozen.setColumnHidden(column, True)
        self.frozen.setColumnWidth(0, self.columnWidth(0))
        self.frozen.horizontalHeader().setSortIndicatorShown(self.isSortingEnabled())
        self._place()

    def sync_rows(self) -> None:
        """Give the frozen column the table's row height and selection behaviour."""
        rows = self.verticalHeader()
        self.frozen.verticalHeader().setDefaultSectionSize(rows.defaultSectionSize())
        self.frozen.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.frozen.setSelectionBehavior(self.selectionBehavior())
        self.frozen.setSelectionMode(self.selectionMode())
        self.frozen.setAlternatingRowColors(self.alternatingRowColors())
        # The two scroll bars mirror each other, so they must count in the same unit.
        self.frozen.setVerticalScrollMode(self.verticalScrollMode())

    def _resized(self, column: int, _old: int, new: int) -> None:
        if column == 0:
            self.frozen.setColumnWidth(0, new)
            self._place()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    def scrollTo(
        self,
        index: QModelIndex | QPersistentModelIndex,
        hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible,
    ) -> None:
        # The name is always in view: a row picked by its name scrolls up or down, never
        # sideways (sideways would slide the next columns under the frozen one).
        sideways = self.horizontalScrollBar().value()
        super().scrollTo(index, hint)
        if index.column() == 0:
            self.horizontalScrollBar().setValue(sideways)

    def _place(self) -> None:
        width = self.frameWidth()
        self.frozen.setGeometry(
            QRect(
                width,
                width,
                self.columnWidth(0),
                self.viewport().height() + self.horizontalHeader().height(),
            )
        )
