"""Encryption at rest as the window sets it up: on the first start of a folder whose file is not
encrypted (a new one, or one from before), Nurture encrypts it — the key in the system keyring
without a question, or, where no keyring works, behind a passphrase the user chooses — and then
shows the recovery key, to save or keep (a window of its own: the app goes on meanwhile).

$NURTURE_NEW_PASSPHRASE answers the passphrase question for an automated start (the installer's
smoke test); $NURTURE_PASSPHRASE the one asked at every start of a passphrase folder."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from nurture.app import Nurture
from nurture.db.encryption import LockedError, encrypt, from_environment, is_encrypted
from nurture.db.keys import recovery_text
from nurture.errors import NurtureError
from nurture.io.files import write_whole
from nurture.paths import database_path


class NewPassphraseDialog(QDialog):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Nurture: protect your data")
        why = QLabel(
            "Nurture encrypts your address book. This computer has no keyring to keep the key "
            "in, so choose a passphrase: Nurture asks for it when it starts. You will also get "
            "a recovery key, in case the passphrase is forgotten."
        )
        why.setWordWrap(True)
        self.first, self.second = QLineEdit(), QLineEdit()
        for field in (self.first, self.second):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.said = QLabel()
        form = QFormLayout()
        form.addRow("Passphrase", self.first)
        form.addRow("Once more", self.second)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(why)
        layout.addLayout(form)
        layout.addWidget(self.said)
        layout.addWidget(buttons)
        self.resize(480, 240)

    def _accept(self) -> None:
        if len(self.first.text()) < 8:
            self.said.setText("At least 8 characters.")
        elif self.first.text() != self.second.text():
            self.said.setText("The two differ.")
        else:
            self.accept()


def new_passphrase() -> str | None:
    given = from_environment("New passphrase")
    if given is not None:
        return given
    dialog = NewPassphraseDialog()
    return dialog.first.text() if dialog.exec() == QDialog.DialogCode.Accepted else None


def set_up(folder: Path) -> bytes | None:
    """Encrypt the folder's file if it is not yet: its key (to show as the recovery key), or
    None when there was nothing to do or the user said not now (asked again next start)."""
    if is_encrypted(folder):
        return None
    if not database_path(folder).exists():
        Nurture.open(folder).close()  # a new folder: its (empty) database first
    try:
        return _encrypting(folder, None)
    except LockedError:  # no keyring here: a passphrase
        chosen = new_passphrase()
        if chosen is None:
            QMessageBox.information(
                None,
                "Nurture",
                "Your data stays unencrypted for now; Nurture asks again at its next start.",
            )
            return None
        return _encrypting(folder, chosen)


def _encrypting(folder: Path, passphrase: str | None) -> bytes:
    """encrypt() on a thread, with a word on screen: a large file takes seconds, once."""
    done: dict[str, object] = {}

    def work() -> None:
        try:
            done["key"] = encrypt(folder, passphrase)[0]
        except BaseException as error:  # carried back to this thread
            done["error"] = error

    progress = QProgressDialog("Encrypting your data (once)…", "", 0, 0)
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.ApplicationModal)
    progress.setMinimumDuration(300)
    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    while worker.is_alive():
        QApplication.processEvents()
        time.sleep(0.02)
    progress.close()
    error = done.get("error")
    if isinstance(error, BaseException):
        raise error
    key = done["key"]
    assert isinstance(key, bytes)
    return key


class RecoveryKeyDialog(QDialog):
    """The recovery key, once: to save as a file or copy, then close."""

    def __init__(self, parent: QWidget | None, key: bytes) -> None:
        super().__init__(parent)
        self.setWindowTitle("Your recovery key")
        self.text = recovery_text(key)
        why = QLabel(
            "Your data is encrypted. Keep this recovery key somewhere safe — printed, or in a "
            "password manager: with it alone your data opens again on a new computer or after "
            "a forgotten passphrase (nurture recover). Nurture does not show it again."
        )
        why.setWordWrap(True)
        self.shown = QLineEdit(self.text)
        self.shown.setReadOnly(True)
        self.shown.setFont(QFont("monospace"))
        buttons = QDialogButtonBox()
        save = buttons.addButton("Save to a file…", QDialogButtonBox.ButtonRole.ActionRole)
        save.clicked.connect(self.save)
        copy = buttons.addButton("Copy", QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.text))
        done = buttons.addButton("I have kept it", QDialogButtonBox.ButtonRole.AcceptRole)
        done.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(why)
        layout.addWidget(self.shown)
        layout.addWidget(buttons)
        self.resize(620, 180)

    def save(self, target: str = "") -> None:
        chosen = (
            target
            or QFileDialog.getSaveFileName(
                self, "Save the recovery key", "Nurture recovery key.txt"
            )[0]
        )
        if not chosen:
            return
        try:
            write_whole(Path(chosen), f"Nurture recovery key\n{self.text}\n".encode())
        except NurtureError as error:
            QMessageBox.warning(self, "Nurture", error.message)
