"""The main window: a sidebar of pages, a search field always at hand, the menus people expect,
Undo, and the welcome page on an empty database."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QSystemTrayIcon,
    QToolBar,
    QWidget,
)

from nurture import __version__
from nurture.app import Nurture
from nurture.domain.dto import ContactRef
from nurture.domain.enums import Area, InteractionKind
from nurture.io.files import PLAIN_EXPORT
from nurture.services.history import HistoryState
from nurture.services.listing import ContactQuery
from nurture.services.unit_of_work import Changes, Outcome
from ui import state
from ui.dialogs.contact_editor import ContactEditor
from ui.dialogs.quick_log import QuickLogDialog

if TYPE_CHECKING:
    from ui.scheduler import ReminderScheduler
    from ui.tray import Tray
    from ui.views.calendar_page import CalendarPage
    from ui.views.gifts_page import GiftsPage
    from ui.views.network_page import NetworkPage
from ui import icons
from ui.day_plan import DayPlanFeed
from ui.operations import contacts as ops
from ui.safety import DataSafety
from ui.sync import SyncControl
from ui.theme import ACCENT, colours
from ui.views.contacts_page import ContactsPage
from ui.views.today_page import TodayPage
from ui.views.welcome import SAMPLE_CONTACTS, WelcomePage
from ui.workspace import Workspace

SEARCH_DELAY_MS = 150
# Work that can wait until the window is on screen starts this long after it.
STARTUP_DELAY_MS = 250
PAGES = ("Today", "Contacts", "Calendar", "Gifts", "Network")
# Pages made (and their modules loaded) when first opened, not before the window's first paint.
LATER_PAGES = {"Calendar": "calendar", "Gifts": "gifts", "Network": "network"}


class SearchField(QLineEdit):
    into_results = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.into_results.emit()
            return
        super().keyPressEvent(event)


class MainWindow(QMainWindow):
    def __init__(
        self, core: Nurture, icon: QIcon, now: Callable[[], datetime], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.core = core
        self.workspace = Workspace(core, now, self)
        self.workspace.window = self
        self.setWindowTitle("Nurture")
        self.setWindowIcon(icon)
        self.setAcceptDrops(True)  # drop a contacts file on the window to import it

        self.contacts = ContactsPage(self.workspace)
        self.contacts.log_requested.connect(self.quick_log)
        self.contacts.edit_requested.connect(self.edit_contact)
        self.contacts.search_requested.connect(self._search_for)
        self.day_plan = DayPlanFeed(self.workspace)  # shared by Today and the tray
        self.today = TodayPage(self.workspace, self.day_plan)
        self.today.open_contact.connect(self.open_contact)
        self.today.log_requested.connect(self.quick_log)
        self.today.gift_requested.connect(self._gift_for)
        self.welcome = WelcomePage(icon)
        self.welcome.try_sample_data.connect(self._create_sample_data)
        self.welcome.import_requested.connect(self.import_file)
        self.pages = QStackedWidget()
        for name in PAGES:
            made = {"Today": self.today, "Contacts": self.contacts}.get(name)
            self.pages.addWidget(made or QWidget())  # a later page's place, kept until opened
        self.sidebar = QListWidget()
        self.sidebar.addItems(PAGES)
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sidebar.setFixedWidth(112)
        self.sidebar.setStyleSheet(
            "QListWidget { font-size: 12pt; border: none; background: palette(window); }"
            "QListWidget::item { padding: 10px 14px; border-radius: 6px; }"
            f"QListWidget::item:selected {{ background: {ACCENT}; color: white; }}"
        )
        self.sidebar.currentRowChanged.connect(self._show_page)
        self.body = QWidget()
        beside = QHBoxLayout(self.body)
        beside.setContentsMargins(0, 0, 0, 0)
        beside.setSpacing(0)
        beside.addWidget(self.sidebar)
        beside.addWidget(self.pages, 1)
        self.root = QStackedWidget()
        self.root.addWidget(self.welcome)
        self.root.addWidget(self.body)
        self.setCentralWidget(self.root)

        self.search = SearchField()
        self.search.into_results.connect(self._into_results)
        self.search.setPlaceholderText(
            "Search people, companies, emails, phones, notes, tastes, tags…  (Ctrl+K)"
        )
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(420)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.toolbar = QToolBar("Search")
        self.toolbar.setMovable(False)
        self.toolbar.addWidget(self.search)
        self.addToolBar(self.toolbar)
        for keys in (QKeySequence("Ctrl+K"), QKeySequence(QKeySequence.StandardKey.Find)):
            QShortcut(keys, self, self._focus_search)

        self.banner = QLabel()
        theme = colours()
        self.banner.setStyleSheet(
            f"background: {theme.banner_background}; color: {theme.banner_text};"
            " padding: 6px; border-radius: 4px;"
        )
        self.banner.hide()
        self.statusBar().addWidget(self.banner, 1)
        self.private_label = QLabel(" Private ")
        self.private_label.setToolTip("Notes, tastes, gifts and amounts are hidden (Ctrl+Shift+P)")
        self.private_label.setStyleSheet(
            f"background: {theme.banner_background}; color: {theme.banner_text};"
        )
        self.private_label.hide()
        self.statusBar().addPermanentWidget(self.private_label)
        self.tray: Tray | None = None
        self.scheduler: ReminderScheduler | None = None
        self._quitting = False
        self.count_label = QLabel()
        self.safety = DataSafety(self, self.workspace, self.show_banner)
        self.sync_control = SyncControl(self, self.workspace, self.show_banner)
        self.statusBar().addPermanentWidget(self.sync_control.label)
        self.statusBar().addPermanentWidget(self.count_label)
        self.workspace.waiting.connect(
            lambda what: self.show_banner(
                f"Waiting for {what} to finish; your change is saved right after."
            )
        )
        self._build_menus()
        self.workspace.bus.changed.connect(self._changed)
        self.contacts.model.rowsInserted.connect(lambda *_: self._update_count())
        header = self.contacts.table.horizontalHeader()
        if not state.restore(self, header, self.contacts.splitter):
            # First run: 1280×800, or the whole screen where that is smaller (a 13-inch laptop).
            room = self.screen().availableGeometry()
            self.resize(min(1280, room.width()), min(800, room.height()))
        if not self.contacts.model.loaded:  # the restored sort order has usually loaded it
            self.contacts.model.refresh()
        self._show_root()
        # The app opens on Today; its week is computed once the window has painted.
        self.sidebar.blockSignals(True)
        self.sidebar.setCurrentRow(0)
        self.sidebar.blockSignals(False)
        self.pages.setCurrentWidget(self.today)
        QTimer.singleShot(STARTUP_DELAY_MS, self._first_plan)

    def _first_plan(self) -> None:
        """Today's plan once the window has painted, if Today is still the page shown (the
        tray's feed computes it by itself; another page opened first has no use for it)."""
        if self.pages.currentWidget() is self.today:
            self.today.reload()

    # -- structure ---------------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self._action(
            file_menu, "&New contact…", self.new_contact, QKeySequence.StandardKey.New, "new"
        )
        self._action(
            file_menu, "&Log interaction…", lambda: self.quick_log([], None), "Ctrl+L", "log"
        )
        file_menu.addSeparator()
        self._action(file_menu, "&Import contacts…", self.import_file, "Ctrl+I", "import")
        self._action(file_menu, "&Export…", self.export_file, "Ctrl+E", "export")
        self._action(
            file_menu, "Find &duplicates…", self.find_duplicates, "Ctrl+Shift+D", "duplicates"
        )
        self._action(file_menu, "&Year in review…", self.year_in_review, "Ctrl+Shift+Y", "review")
        file_menu.addSeparator()
        self._action(file_menu, "&Preferences…", self.preferences, "Ctrl+,", "preferences")
        self.sync_action = self.sync_control.install(file_menu)
        file_menu.addSeparator()
        backups = file_menu.addMenu("&Backups")
        file_menu.addSeparator()
        # Quit quits; only the window's close button keeps Nurture in the tray.
        self.quit_action = self._action(
            file_menu, "&Quit", self.quit_app, QKeySequence.StandardKey.Quit, "quit"
        )
        edit = bar.addMenu("&Edit")
        self.undo_action = self._action(
            edit, "&Undo", self.workspace.undo, QKeySequence.StandardKey.Undo, "undo"
        )
        self.redo_action = self._action(edit, "&Redo", self.workspace.redo, "Ctrl+Shift+Z", "redo")
        self.workspace.history_changed.connect(self._history_labels)
        self._history_labels(self.core.history.state())
        view = bar.addMenu("&View")
        self.private_action = self._action(
            view, "&Private (hide notes, tastes, gifts, amounts)", self._toggle_private,
            "Ctrl+Shift+P", "private",
        )  # fmt: skip
        self.private_action.setCheckable(True)
        help_menu = bar.addMenu("&Help")
        self.safety.install(backups, help_menu)
        self._action(help_menu, "&About Nurture", self._about, None, "about")

    def _action(
        self,
        menu: object,
        text: str,
        slot: Callable[[], object],
        keys: QKeySequence.StandardKey | str | None = None,
        picture: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if picture is not None:
            action.setIcon(icons.icon(picture))
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)  # type: ignore[attr-defined]
        return action

    def _history_labels(self, state: HistoryState) -> None:
        for action, verb, label in (
            (self.undo_action, "Undo", state.undo),
            (self.redo_action, "Redo", state.redo),
        ):
            action.setEnabled(label is not None)
            action.setText(f"&{verb} {label[:1].lower()}{label[1:]}" if label else f"&{verb}")

    def _show_root(self) -> None:
        empty = self.core.listing.count(ContactQuery(include_light=True, include_archived=True))
        on_welcome = empty == 0
        self.root.setCurrentWidget(self.welcome if on_welcome else self.body)
        self.toolbar.setVisible(not on_welcome)
        self.count_label.setVisible(not on_welcome)
        self._update_count()

    def _show_page(self, row: int) -> None:
        later = LATER_PAGES.get(PAGES[row]) if 0 <= row < len(PAGES) else None
        if later is not None:
            getattr(self, later)  # made on first opening
        self.pages.setCurrentIndex(row)  # Today shows its plan as it is shown (the feed's)
        if later == "calendar":
            self.calendar.show_today()
        elif later == "gifts":
            self.gifts.reload()
        elif later == "network":
            self.network.reload()

    @cached_property
    def calendar(self) -> CalendarPage:
        from ui.views.calendar_page import CalendarPage

        page = CalendarPage(self.workspace)
        page.open_contact.connect(self.open_contact)
        self._place("Calendar", page)
        return page

    @cached_property
    def gifts(self) -> GiftsPage:
        from ui.views.gifts_page import GiftsPage

        page = GiftsPage(self.workspace)
        page.open_contact.connect(self.open_contact)
        self._place("Gifts", page)
        return page

    @cached_property
    def network(self) -> NetworkPage:
        from ui.views.network_page import NetworkPage

        page = NetworkPage(self.workspace)
        page.open_contact.connect(self.open_contact)
        self._place("Network", page)
        return page

    def _place(self, name: str, page: QWidget) -> None:
        """A later page, in the place kept for it."""
        row = PAGES.index(name)
        kept = self.pages.widget(row)
        assert kept is not None
        self.pages.insertWidget(row, page)
        self.pages.removeWidget(kept)
        kept.deleteLater()

    def _update_count(self) -> None:
        count = self.contacts.model.rowCount()
        noun = "contact" if count == 1 else "contacts"
        matching = "matching " if self.contacts.model.query.search else ""
        more = "+" if self.contacts.model.partial else ""
        self.count_label.setText(f"{count:,}{more} {matching}{noun}")

    def _changed(self, changes: Changes) -> None:
        if changes.touches(Area.CONTACTS):
            self._show_root()
        self._update_count()

    # -- search ------------------------------------------------------------------------------

    def _focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _into_results(self) -> None:
        """Down or Enter in the search field: the search now, and the keyboard in the list."""
        if self._search_timer.isActive():
            self._search_timer.stop()
            self._apply_search()
        table = self.contacts.table
        if self.contacts.model.rowCount() and not table.selectionModel().hasSelection():
            table.selectRow(0)
        table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _search_for(self, text: str) -> None:
        """A saved search opened: its text in the field, applied at once."""
        self.search.setText(text)
        self._search_timer.stop()
        self._apply_search()

    def _apply_search(self) -> None:
        self.sidebar.setCurrentRow(PAGES.index("Contacts"))
        self.contacts.set_search(self.search.text())
        self._update_count()

    def _gift_for(self, contact_id: int) -> None:
        self.open_contact(contact_id)
        self.contacts.card.add("gift")

    def open_contact(self, contact_id: int) -> None:
        self.sidebar.setCurrentRow(PAGES.index("Contacts"))
        self.contacts.open_contact(contact_id)

    # -- actions -----------------------------------------------------------------------------

    def new_contact(self) -> None:
        today = self.workspace.now().astimezone().date()
        editor = ContactEditor(self, today, self.core.listing)
        if editor.exec() != ContactEditor.DialogCode.Accepted:
            return
        ops.create_contact(
            self.workspace, editor.draft(), editor.dates(), lambda card: self.open_contact(card.id)
        )

    def edit_contact(self, contact_id: int) -> None:
        card = self.core.contacts.card(contact_id)
        today = self.workspace.now().astimezone().date()
        editor = ContactEditor(
            self,
            today,
            self.core.listing,
            card.draft,
            card.dates,
            card.referred_by,
            f"Edit {card.name}",
        )
        if editor.exec() != ContactEditor.DialogCode.Accepted:
            return
        ops.update_contact(self.workspace, contact_id, editor.draft(), editor.dates())

    def quick_log(self, people: list[ContactRef], kind: InteractionKind | None) -> None:
        named = [
            p if p.name else ContactRef(p.id, self.core.contacts.card(p.id).name) for p in people
        ]
        dialog = QuickLogDialog(self, self.core.listing, named, self.workspace.now())
        if kind is not None:
            dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
        if dialog.exec() != QuickLogDialog.DialogCode.Accepted:
            return
        ops.log_interaction(
            self.workspace,
            dialog.interaction_kind(),
            dialog.participant_ids(),
            dialog.occurred_at(),
            dialog.note.toPlainText(),
            dialog.next_time(),
        )

    def import_file(self, path: str = "") -> None:
        from ui.dialogs.import_wizard import ImportWizard  # the import engine loads on use

        ImportWizard(self, self.workspace, path).exec()

    def year_in_review(self) -> None:
        from ui.dialogs.review import ReviewDialog

        ReviewDialog(self, self.workspace).exec()

    def find_duplicates(self) -> None:
        from ui.dialogs.duplicates import DuplicatesDialog

        DuplicatesDialog(self, self.workspace).exec()

    def preferences(self) -> None:
        from ui.dialogs.preferences import PreferencesDialog
        from ui.operations.preferences import save_preferences

        dialog = PreferencesDialog(self, self.core.settings.get())
        dialog.sync.connect_requested.connect(
            lambda url, user, password, book: self.sync_control.connect_account(
                url, user, password, book, dialog.sync.show_result
            )
        )
        if dialog.exec() != PreferencesDialog.DialogCode.Accepted:
            return
        changes, settings = dialog.changes(), self.core.settings
        self.workspace.write(
            lambda: save_preferences(settings, changes), lambda _s: self.sync_control.reschedule()
        )

    def export_file(self) -> None:
        from ui.dialogs.export import LISTED, SELECTED, ExportDialog

        listing, query = self.core.listing, self.contacts.model.query
        everyone = listing.count(ContactQuery())
        selected = self.contacts.selected_ids()
        dialog = ExportDialog(self, everyone, self.contacts.model.rowCount(), len(selected))
        if dialog.exec() != ExportDialog.DialogCode.Accepted:
            return
        path, _chosen = QFileDialog.getSaveFileName(
            self, "Export", dialog.default_name(), dialog.file_filter()
        )
        if not path:
            return
        fmt, target, scope = dialog.format(), dialog.target(path), dialog.scope()
        exporting = self.core.exporting

        def export() -> Path:
            ids = {LISTED: lambda: listing.ids(query), SELECTED: lambda: selected}.get(scope)
            return exporting.export_to(fmt, target, ids() if ids else None)

        self.workspace.read(
            export,
            lambda where: self.show_banner(f"Exported to {where} — {PLAIN_EXPORT}."),
        )

    def _create_sample_data(self) -> None:
        from nurture.demo import generate  # only ever needed on a first run

        database = self.core.database
        self.workspace.tasks.run(
            lambda: generate(database, contacts=SAMPLE_CONTACTS),
            self._sample_data_created,
            self._sample_data_failed,
        )

    def _sample_data_created(self, outcome: Outcome[object]) -> None:
        self.welcome.reset()
        self.contacts.refresh_filters()
        self.workspace.bus.publish(outcome.changes)

    def _sample_data_failed(self, message: str) -> None:
        self.welcome.reset()
        QMessageBox.warning(
            self, "Sample data", f"The sample network was not created.\n\n{message}"
        )

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "About Nurture",
            f"<h3>Nurture {__version__}</h3><p>A relationship manager for people whose business "
            f"runs on referrals.</p><p>Your data: {self.core.data_dir}</p>",
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.import_file(files[0])

    # -- reminders, tray, one instance ------------------------------------------------------

    def tray_icon(self) -> QSystemTrayIcon | None:
        return self.tray.icon if self.tray is not None else None

    def show_banner(self, text: str) -> None:
        """A reminder without a notification server: one line (all of it in the tooltip), so
        the window keeps its height on a small screen."""
        lines = text.splitlines()
        more = f" (+{len(lines) - 1} more on Today)" if len(lines) > 1 else ""
        self.banner.setText(lines[0] + more if lines else "")
        self.banner.setToolTip(text)
        self.banner.show()
        QTimer.singleShot(60_000, self.banner.hide)

    def _toggle_private(self) -> None:
        """For screen sharing: the pages redact what they show while this is on."""
        on = self.private_action.isChecked()
        self.private_label.setVisible(on)
        self.workspace.privacy.set(on)

    def banner_if_seen(self, text: str) -> bool:
        """A reminder on the banner, only where it can be seen: a hidden or minimised window
        is no delivery (the reminder stays due)."""
        if not self.isVisible() or self.isMinimized():
            return False
        self.show_banner(text)
        return True

    def bring_to_front(self) -> None:
        self.show()
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.raise_()
        self.activateWindow()

    def quit_app(self) -> None:
        self._quitting = True
        self.close()
        QApplication.quit()

    def closeEvent(self, event: QCloseEvent) -> None:
        state.save(self, self.contacts.table.horizontalHeader(), self.contacts.splitter)
        if self.tray is not None and not self._quitting and self.core.settings.get().close_to_tray:
            event.ignore()
            self.hide()
            if not state.tray_hint_shown():
                self.tray.icon.showMessage(
                    "Nurture is still running",
                    "Reminders keep coming from the tray. Quit from its menu; Preferences can "
                    "make closing the window quit instead.",
                )
            return
        self.sync_control.stop(10_000)
        self.workspace.tasks.wait(10_000)
        super().closeEvent(event)
