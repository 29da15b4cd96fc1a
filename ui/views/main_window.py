"""The main window: a search bar, the contacts list, and the welcome page on an empty database."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTableView,
    QToolBar,
    QWidget,
)

from nurture import __version__
from nurture.app import Nurture
from nurture.domain.enums import Area
from nurture.services.unit_of_work import Changes, Outcome
from ui import state
from ui.bus import Bus
from ui.models.contacts import ContactsModel
from ui.tasks import TaskRunner
from ui.views.welcome import SAMPLE_CONTACTS, WelcomePage

SEARCH_DELAY_MS = 150


class MainWindow(QMainWindow):
    def __init__(
        self, core: Nurture, icon: QIcon, now: Callable[[], datetime], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.core = core
        self.bus = Bus(self)
        self.tasks = TaskRunner(self)
        self.setWindowTitle("Nurture")
        self.setWindowIcon(icon)

        self.model = ContactsModel(core.listing, now)
        self.table = QTableView()
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
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        for column, width in enumerate((220, 220, 170, 240, 140, 180, 110)):
            header.resizeSection(column, width)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._keep_sort_indicator)
        self._sort = (0, Qt.SortOrder.AscendingOrder)

        self.welcome = WelcomePage(icon)
        self.welcome.try_sample_data.connect(self._create_sample_data)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.welcome)
        self.pages.addWidget(self.table)
        self.setCentralWidget(self.pages)

        self.search = QLineEdit()
        self.search.setPlaceholderText(
            "Search people, companies, emails, phones, notes, tastes, tags…  (Ctrl+K)"
        )
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(420)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.toolbar = toolbar = QToolBar("Search")
        toolbar.setMovable(False)
        toolbar.addWidget(self.search)
        self.addToolBar(toolbar)
        for keys in (QKeySequence("Ctrl+K"), QKeySequence(QKeySequence.StandardKey.Find)):
            QShortcut(keys, self, self._focus_search)

        self.count_label = QLabel()
        self.statusBar().addPermanentWidget(self.count_label)
        self._build_menus()
        self.bus.changed.connect(self._on_changed)
        if not state.restore(self, header):
            self.resize(1280, 800)
        if not self.model.loaded:  # the restored sort order has usually loaded it already
            self.model.refresh()
        self._show_current_page()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About Nurture", self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def reload(self) -> None:
        self.model.refresh()
        self._show_current_page()

    def _show_current_page(self) -> None:
        empty = self.model.rowCount() == 0 and not self.search.text().strip()
        if empty and self.core.listing.count(replace(self.model.query, include_light=True)) == 0:
            self.pages.setCurrentWidget(self.welcome)
        else:
            self.pages.setCurrentWidget(self.table)
        on_welcome = self.pages.currentWidget() is self.welcome
        self.toolbar.setVisible(not on_welcome)
        self.count_label.setVisible(not on_welcome)
        self._update_count()

    def _update_count(self) -> None:
        count = self.model.rowCount()
        noun = "contact" if count == 1 else "contacts"
        if self.model.query.search:
            self.count_label.setText(f"{count:,} matching {noun}")
        else:
            self.count_label.setText(f"{count:,} {noun}")

    def _focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _apply_search(self) -> None:
        self.model.set_query(replace(self.model.query, search=self.search.text()))
        self._update_count()
        if self.model.rowCount():
            self.table.scrollToTop()
            self.table.selectionModel().setCurrentIndex(
                self.model.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def _keep_sort_indicator(self, column: int, order: Qt.SortOrder) -> None:
        # Columns the core cannot sort in SQL keep the previous sort (and its arrow).
        if self.model.sortable(column):
            self._sort = (column, order)
        else:
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(*self._sort)
            header.blockSignals(False)
        self._update_count()

    def _create_sample_data(self) -> None:
        from nurture.demo import generate  # only ever needed on a first run

        database = self.core.database
        self.tasks.run(
            lambda: generate(database, contacts=SAMPLE_CONTACTS),
            self._sample_data_created,
            self._sample_data_failed,
        )

    def _sample_data_created(self, outcome: Outcome[object]) -> None:
        self.welcome.reset()
        self.bus.publish(outcome.changes)

    def _sample_data_failed(self, message: str) -> None:
        self.welcome.reset()
        QMessageBox.warning(
            self, "Sample data", f"The sample network was not created.\n\n{message}"
        )

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(Area.CONTACTS, Area.TAGS, Area.INTERACTIONS):
            self.reload()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "About Nurture",
            f"<h3>Nurture {__version__}</h3><p>A relationship manager for people whose business "
            f"runs on referrals.</p><p>Your data: {self.core.data_dir}</p>",
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        state.save(self, self.table.horizontalHeader())
        self.tasks.wait(10_000)
        super().closeEvent(event)
