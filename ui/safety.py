"""The window's side of keeping data safe: File ▸ Back up now and Restore from backup…, Help ▸
Check database, the daily backup while the app runs, and a check soon after start that says
at once when the database is damaged (and offers the restore) instead of letting it be backed
up over the good copies. The work is the core's (`BackupService`); it runs off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox, QWidget

from nurture.db.backups import Backup, quick_check
from nurture.db.repair import CheckReport
from ui import icons
from ui.dialogs.restore import RestoreDialog
from ui.workspace import WindowPart, Workspace

DAILY_CHECK_MS = 30 * 60 * 1000  # the daily backup is due once a day; asked every half hour
FIRST_CHECK_MS = 20_000  # after the window and the day's plan


class DataSafety(WindowPart):
    restore_requested = Signal(object)  # Backup: quit, put it in place, start again

    def __init__(
        self, window: QWidget, workspace: Workspace, show_banner: Callable[[str], None]
    ) -> None:
        super().__init__(window, workspace, show_banner)  # a backup takes seconds at 100,000
        self.timer = QTimer(self, interval=DAILY_CHECK_MS)
        self.timer.timeout.connect(self.daily)
        self.damaged = ""

    def install(self, file_menu: QMenu, help_menu: QMenu) -> None:
        file_menu.addAction(icons.icon("backup"), "&Back up now", self.back_up)
        file_menu.addAction(icons.icon("restore"), "&Restore from backup…", self.choose_backup)
        help_menu.addAction(icons.icon("check"), "&Check database", self.check)

    def start(self) -> None:
        """Soon after start: is the database sound? Then the daily backup, and every half hour
        after (a day after the last one, another)."""
        path, key = self.core.database.path, self.core.database.key
        QTimer.singleShot(
            FIRST_CHECK_MS,
            lambda: self.runner.run(lambda: quick_check(path, key), self._checked, self._quiet),
        )
        self.timer.start()

    def _checked(self, problem: str) -> None:
        if problem:
            self._damaged(problem)
        else:
            self.daily()

    def daily(self) -> None:
        if not self.damaged:
            self.runner.run(self.core.backups.daily, lambda _made: None, self._backup_failed)

    def back_up(self) -> None:
        self.runner.run(lambda: self.core.backups.make("manual"), self._made, self._backup_failed)

    def _made(self, made: Backup) -> None:
        note = self.core.backups.second_copy_failed
        self.show_banner(note or f"Backed up to {made.path}")

    def _backup_failed(self, message: str) -> None:
        if "damaged" in message:
            self._damaged(message)
        else:
            self.show_banner(message)

    def _quiet(self, message: str) -> None:
        self.show_banner(message)

    def _damaged(self, problem: str) -> None:
        """Once per run: say so, stop the automatic backups (they would rotate the good
        copies away), offer the restore."""
        if self.damaged:
            return
        self.damaged = problem
        self.timer.stop()
        self.choose_backup(
            "Nurture's database is damaged, so no more automatic backups are made until it is "
            f"restored ({problem[:200]})."
        )

    def choose_backup(self, why: str = "") -> None:
        dialog = RestoreDialog(self.window, self.core.data_dir, why)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        chosen = dialog.chosen()
        if chosen is not None:
            self.restore_requested.emit(chosen)

    def check(self) -> None:
        self.show_banner("Checking the database…")
        self.runner.run(self.core.backups.check, self._report, self._check_failed)

    def _check_failed(self, message: str) -> None:
        if "damaged" in message:
            self._damaged(message)
        else:
            self.workspace.fail(message)

    def _report(self, report: CheckReport) -> None:
        if not report.sound:
            self._damaged("; ".join(report.integrity) or "broken references between records")
            return
        said = ["The database is sound."]
        if report.repaired_text:
            said.append(
                f"Damaged text was repaired in {len(report.repaired_text)} place(s); "
                "unreadable characters now show as �."
            )
        if report.search_rebuilt:
            said.append("The search index was rebuilt.")
        QMessageBox.information(self.window, "Check database", "\n\n".join(said))
