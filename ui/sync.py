"""The window's side of sync: File ▸ Sync now, a sync every few minutes while the app runs, its
progress and last result at the foot of the window, and connecting an account from
Preferences ▸ Sync. The work is the core's (`nurture.sync`); it runs on its own thread, so a
slow server never holds up an edit.

Where no keyring keeps the password, it is asked once per session (on Sync now) and held in
memory only; the periodic sync waits until then.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QMenu, QMessageBox, QWidget

from nurture.app import Nurture
from ui import icons
from ui.workspace import WindowPart, Workspace

if TYPE_CHECKING:  # the sync (and its HTTP client) loads when first used, not at start
    from nurture.sync.account import Connected
    from nurture.sync.dav import SyncError
    from nurture.sync.report import SyncReport, TooManyDeletes

_MINUTE_MS = 60_000
_FIRST_SYNC_MS = 15_000  # after the window, the day's plan and the database's check
_DETAILS_SHOWN = 12


def _sync(
    core: Nurture,
    password: str | None,
    allow_deletes: bool,
    progress: Callable[[str, int, int], None],
) -> SyncReport | SyncError | None:
    """Runs on the sync thread, the keyring too (it may wait for the desktop to unlock it).
    None: no password is kept and none was given. A mass delete or a refused login comes back
    as a value: the window has a question, or a password to forget."""
    from nurture.sync.account import saved_password
    from nurture.sync.dav import LoginRefused
    from nurture.sync.report import TooManyDeletes

    settings = core.settings.get()
    password = password or saved_password(settings.sync_url, settings.sync_user)
    if password is None:
        return None
    try:
        return core.sync.run(password, allow_deletes=allow_deletes, progress=progress)
    except (TooManyDeletes, LoginRefused) as error:
        return error


def _connect(core: Nurture, url: str, user: str, password: str, book: str) -> Connected:
    from nurture.sync.account import connect

    return connect(core.settings, url, user, password, book, keep_password=True)


class SyncControl(WindowPart):
    progressed = Signal(str, int, int)  # emitted on the sync thread, shown on the GUI thread

    def __init__(
        self, window: QWidget, workspace: Workspace, show_banner: Callable[[str], None]
    ) -> None:
        super().__init__(window, workspace, show_banner)
        self.timer = QTimer(self)
        self.timer.timeout.connect(lambda: self.sync(interactive=False))
        self.label = QLabel()
        self.progressed.connect(self._show_progress)
        self.session_password: str | None = None
        self.running = False
        self.stopping = False
        self.paused = ""  # why the periodic sync waits for the user (a mass delete declined)

    def install(self, file_menu: QMenu) -> QAction:
        action = QAction(icons.icon("sync"), "S&ync now", self)
        action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        action.triggered.connect(lambda _checked=False: self.sync(interactive=True))
        file_menu.addAction(action)
        return action

    def start(self) -> None:
        """Sync every few minutes from now on, the first time soon after start."""
        self.reschedule()
        if self.core.settings.get().sync_book:
            self.label.setText("Not synced yet")
            QTimer.singleShot(_FIRST_SYNC_MS, lambda: self.sync(interactive=False))

    def reschedule(self) -> None:
        settings = self.core.settings.get()
        self.label.setVisible(bool(settings.sync_book))
        if settings.sync_book and settings.sync_every_minutes:
            self.timer.start(settings.sync_every_minutes * _MINUTE_MS)
        else:
            self.timer.stop()

    def sync(
        self, interactive: bool, allow_deletes: bool = False, password: str | None = None
    ) -> None:
        settings = self.core.settings.get()
        if self.running:
            return
        if not settings.sync_book:
            if interactive:
                self.workspace.fail(
                    "Sync is not set up yet: connect your CardDAV server in Preferences ▸ Sync."
                )
            return
        if self.paused and not interactive:
            return
        self.running, self.paused = True, ""
        self.label.setText("Syncing…")
        core, given = self.core, password or self.session_password
        self.runner.run(
            lambda: _sync(core, given, allow_deletes, self._progress),
            lambda result: self._done(result, interactive, allow_deletes),
            lambda message: self._failed(message, interactive),
        )

    def _ask_password(self, allow_deletes: bool) -> None:
        """No keyring keeps the password: ask, keep it for this session, and sync."""
        settings = self.core.settings.get()
        host = urlsplit(settings.sync_url).netloc or settings.sync_url
        given, ok = QInputDialog.getText(
            self.window,
            "Sync",
            f"Password for {settings.sync_user} at {host}\n"
            "(no keyring here keeps it: Nurture forgets it when it quits)",
            QLineEdit.EchoMode.Password,
        )
        if ok and given:
            self.session_password = given
            self.sync(interactive=True, allow_deletes=allow_deletes, password=given)

    def connect_account(
        self, url: str, user: str, password: str, book: str, report: Callable[[str, bool], None]
    ) -> None:
        """Preferences ▸ Sync ▸ Connect: log in, choose the book, keep the password."""
        core = self.core

        def connected(done: Connected) -> None:
            if not done.password_kept:
                self.session_password = password
            said = [f"Connected: your contacts sync with the address book “{done.book.name}”."]
            if done.calendar:
                said.append("Birthdays and follow-ups go to the calendar “Nurture”.")
            said.append(
                "The password is in this computer's keyring."
                if done.password_kept
                else "No keyring works here: Nurture asks for the password once per session."
            )
            report(" ".join(said), True)
            self.reschedule()

        self.runner.run(
            lambda: _connect(core, url, user, password, book),
            connected,
            lambda message: report(message, False),
        )

    def stop(self, msecs: int) -> None:
        """On quit: a running sync stops at its next card (what the server took is recorded),
        waited for at most `msecs`."""
        self.stopping = True
        self.timer.stop()
        self.runner.wait(msecs)

    def _progress(self, what: str, done: int, of: int) -> None:
        """On the sync thread: pass the progress on, or stop the sync when the app quits."""
        if self.stopping:
            from nurture.sync.dav import SyncError

            raise SyncError("The sync stopped as Nurture quit; the next one goes on from there.")
        self.progressed.emit(what, done, of)

    def _show_progress(self, what: str, done: int, of: int) -> None:
        self.label.setText(f"Syncing {done:,} of {of:,}" if of else "Syncing…")
        self.label.setToolTip(what)

    def _done(
        self, result: SyncReport | SyncError | None, interactive: bool, allow_deletes: bool
    ) -> None:
        from nurture.sync.report import TooManyDeletes

        self.running = False
        if result is None:
            if interactive:
                self._ask_password(allow_deletes)
            else:
                self.label.setText("Sync: password needed")
                self.label.setToolTip("File ▸ Sync now asks for it (no keyring here keeps it)")
            return
        if isinstance(result, TooManyDeletes):
            self._ask_about_deletes(result, interactive)
            return
        if isinstance(result, Exception):  # the login refused: ask again next time
            self.session_password = None
            self._failed(result.message, interactive)
            return
        self.workspace.bus.publish(result.changes)
        when = self.core.sync.last_synced()
        self.label.setText(f"Synced {when.astimezone():%a %H:%M}" if when else "Synced")
        self.label.setToolTip(result.summary())
        details = result.details()
        if interactive:
            shown = "\n".join(f"• {line}" for line in details[:_DETAILS_SHOWN])
            more = len(details) - _DETAILS_SHOWN
            if more > 0:
                shown += f"\n…and {more} more (nurture sync shows them all)"
            QMessageBox.information(
                self.window, "Sync", "\n\n".join(part for part in (result.summary(), shown) if part)
            )
        elif details:
            self.show_banner(f"Sync: {result.summary()} {details[0]}")

    def _ask_about_deletes(self, error: TooManyDeletes, interactive: bool) -> None:
        answer = QMessageBox.question(
            self.window,
            "Sync",
            f"{error.message}\n\nGo ahead? Archived contacts keep all their history here.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.sync(interactive, allow_deletes=True)
        else:
            self.paused = "Sync paused: it would delete much of the address book"
            self.label.setText("Sync paused")
            self.label.setToolTip(self.paused)

    def _failed(self, message: str, interactive: bool) -> None:
        self.running = False
        self.label.setText("Sync failed")
        self.label.setToolTip(message)
        if interactive:
            self.workspace.fail(message)
        else:
            self.show_banner(f"Sync: {message}")
