"""Starting the desktop app: QApplication, the core, the main window."""

from __future__ import annotations

import logging
import sys
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QSystemTrayIcon

from nurture.app import Nurture
from nurture.db.backups import Backup, restore
from nurture.db.encryption import unlock
from nurture.errors import DatabaseCorruptError, NurtureError
from nurture.logs import start_logging
from nurture.paths import resolve_data_dir
from ui.dialogs.encryption import RecoveryKeyDialog, set_up
from ui.dialogs.restore import RestoreDialog, ask_passphrase, restore_and_restart

if TYPE_CHECKING:
    from ui.views.main_window import MainWindow

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
log = logging.getLogger(__name__)


def app_icon() -> QIcon:
    icon = QIcon()
    for name in ("nurture.svg", "nurture.png", "nurture-64.png"):
        path = RESOURCES / "icons" / name
        if path.exists():
            icon.addFile(str(path))
    return icon


def _log_uncaught(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    """A bug in a slot: into the log file with its traceback, never onto the user's screen."""
    log.critical("unexpected error", exc_info=(kind, error, trace))


def _start_reminders(window: MainWindow) -> None:
    # Loaded here, not at import: not needed for the window's first paint.
    from ui.desktop import start_reminders

    start_reminders(window)


def local_now() -> datetime:
    return datetime.now().astimezone()


def run_app(data_dir: str | None = None, minimized: bool = False) -> int:
    start_logging("app")
    sys.excepthook = _log_uncaught
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Nurture")
    app.setOrganizationName("Nurture")
    app.setDesktopFileName("nurture")
    icon = app_icon()
    app.setWindowIcon(icon)
    from ui.single_instance import SingleInstance

    folder = resolve_data_dir(data_dir)
    instance = SingleInstance(folder)
    if not instance.claim():
        return 0  # the running Nurture was asked to come to the front
    try:
        recovery = set_up(folder)  # encrypted from the first start (a file from before, once)
    except NurtureError as error:  # (another program uses the folder, a full disk…): next time
        QMessageBox.warning(
            None,
            "Nurture could not encrypt your data yet",
            f"{error.message}\n\nNurture opens it as it is and tries again at its next start.",
        )
        recovery = None
    core = _open(folder)
    if core is None:
        return 1
    from ui.views.main_window import STARTUP_DELAY_MS, MainWindow

    window = MainWindow(core, icon, local_now)
    instance.raise_requested.connect(window.bring_to_front)
    restoring: list[Backup] = []

    def restore_on_quit(chosen: Backup) -> None:
        restoring.append(chosen)
        window.quit_app()

    window.safety.restore_requested.connect(restore_on_quit)
    if not (minimized and QSystemTrayIcon.isSystemTrayAvailable()):
        window.show()
    # The tray, the reminder engine and the database's check come up once the window painted.
    QTimer.singleShot(STARTUP_DELAY_MS, lambda: _start_reminders(window))
    window.safety.start()
    window.sync_control.start()
    if recovery is not None:
        kept = RecoveryKeyDialog(window, recovery)
        kept.show()  # not modal: the app goes on while the user keeps the key
    try:
        return app.exec()
    finally:
        core.close()
        if restoring:  # with the database closed and this app gone from the lock, not before
            instance.release()
            restore_and_restart(None, folder, restoring[0])


def _open(folder: Path) -> Nurture | None:
    """The core on `folder` (an encrypted file unlocked from the keyring, or with the
    passphrase asked for); a damaged database offers a backup to restore, then opens that."""
    while True:
        try:
            return Nurture.open(folder, clock=local_now, key=unlock(folder, ask_passphrase))
        except DatabaseCorruptError as error:
            log.error("damaged database: %s", error.message)
            dialog = RestoreDialog(None, folder, error.message)
            chosen = dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
            if chosen is None:
                return None
            try:
                restore(folder, chosen, key=unlock(folder, ask_passphrase))
            except NurtureError as failed:
                QMessageBox.critical(None, "Nurture cannot restore your data", failed.message)
                return None
        except NurtureError as error:
            log.error("cannot open the data folder: %s", error.message)
            QMessageBox.critical(None, "Nurture cannot open your data", error.message)
            return None
