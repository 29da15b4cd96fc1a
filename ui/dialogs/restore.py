"""File ▸ Restore from backup…: the backups, the newest first (when, why, how big); the chosen
one is put in place of the database with Nurture closed — the current file is moved aside, never
deleted — and Nurture starts again on it. Also offered when the database cannot be opened."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QProcess, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from nurture.db.backups import Backup, every_backup, restore
from nurture.db.encryption import from_environment, unlock
from nurture.errors import NurtureError

_REASONS = {
    "daily": "daily",
    "manual": "made by hand",
    "before-import": "before an import",
    "before-undo-import": "before undoing an import",
    "before-merge": "before a merge",
    "before-bulk-delete": "before deleting many",
}


def reason_words(reason: str) -> str:
    if reason.startswith("before-upgrade-from-"):
        return "before an upgrade of Nurture"
    return _REASONS.get(reason, reason.replace("-", " "))


class RestoreDialog(QDialog):
    def __init__(self, parent: QWidget | None, data_dir: Path, why: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from backup")
        self.backups = every_backup(data_dir)
        intro = QLabel(
            (why + "\n\n" if why else "")
            + "Choose the copy to go back to. Nurture closes, puts it in place of your data "
            "(the current file is kept aside in the backups folder) and starts again."
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for b in self.backups:
            item = QListWidgetItem(
                f"{b.made.astimezone():%A %d %B %Y, %H:%M} — {reason_words(b.reason)}"
                f" ({b.size / 1e6:.1f} MB)"
            )
            item.setData(Qt.ItemDataRole.UserRole, str(b.path))
            self.list.addItem(item)
        if self.backups:
            self.list.setCurrentRow(0)
        else:
            self.list.addItem("There are no backups yet.")
            self.list.setEnabled(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Ok
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Restore and restart")
        ok.setEnabled(bool(self.backups))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.resize(560, 380)

    def chosen(self) -> Backup | None:
        row = self.list.currentRow()
        return self.backups[row] if 0 <= row < len(self.backups) else None


def restore_and_restart(parent: QWidget | None, data_dir: Path, chosen: Backup) -> bool:
    """Put `chosen` in place (the database must be closed by now) and start Nurture again;
    False, with the reason shown, when the restore could not be done (nothing changed)."""
    try:
        restore(data_dir, chosen, key=unlock(data_dir, ask_passphrase))
    except NurtureError as error:
        QMessageBox.warning(parent, "Restore from backup", error.message)
        return False
    QProcess.startDetached(*relaunch_command(data_dir))
    return True


def ask_passphrase(prompt: str) -> str | None:
    """The data file's passphrase, from the environment for an automated start, else asked
    in a dialog (None when the user cancels)."""
    given = from_environment(prompt)
    if given is not None:
        return given
    text, ok = QInputDialog.getText(
        None, "Nurture: your data is encrypted", f"{prompt}:", QLineEdit.EchoMode.Password
    )
    return text if ok else None


def relaunch_command(data_dir: Path) -> tuple[str, list[str]]:
    """This program again, on the same data folder."""
    folder = ["--data-dir", str(data_dir)]
    if getattr(sys, "frozen", False):  # the installed bundle is the program itself
        return sys.executable, folder
    return sys.executable, ["-m", "ui", *folder]
