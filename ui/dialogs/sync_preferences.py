"""Preferences ▸ Sync: the CardDAV server to connect to, which contacts go, and how often.

Connecting happens at once (Connect), off the GUI thread, and says what it found; the other
choices are saved with the dialog's OK like every preference."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from nurture.services.settings import Settings

_SCOPES = (
    ("people", "Everyone but light contacts (relatives, assistants)"),
    ("everyone", "Everyone, light contacts too"),
    ("tag", "Only the contacts with a tag"),
)
# Where no keyring works the password is not kept at all: say nothing about where it is.
_AGAIN = "needed only to connect again"
_HELP = (
    "Your contacts and dates on your phone, through the CardDAV server it syncs with "
    "(Radicale, Baïkal, Nextcloud, Fastmail, iCloud). Gifts, tastes and interactions stay here."
)
_WHAT_SYNCS = (
    "Both ways: names, companies, titles, emails, phones, addresses, links, birthdays and "
    "other dates (year-less too), notes, photos and tags. One way, to a calendar “Nurture”: "
    "birthdays, anniversaries, graduations and follow-ups."
)
_SERVERS = (
    "Fastmail: https://carddav.fastmail.com · iCloud: https://contacts.icloud.com (with an "
    "app-specific password) · Nextcloud: https://your.cloud/remote.php/dav · Radicale or "
    "Baïkal: the address you run it at"
)


class SyncPreferences(QWidget):
    connect_requested = Signal(str, str, str, str)  # url, user, password, address book

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        about = QLabel(_HELP)
        about.setWordWrap(True)
        about.setToolTip(_WHAT_SYNCS)
        form.addRow(about)
        self.url = QLineEdit(settings.sync_url)
        self.url.setPlaceholderText("https://dav.example.com")
        self.url.setToolTip(_SERVERS)
        form.addRow("Server", self.url)
        self.user = QLineEdit(settings.sync_user)
        form.addRow("User name", self.user)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(
            _AGAIN if settings.sync_book else "an app password where there is one"
        )
        form.addRow("Password", self.password)
        self.book = QLineEdit(_book_name(settings.sync_book))
        self.book.setPlaceholderText("Nurture (made if missing)")
        self.connect_button = QPushButton("Connect")
        self.connect_button.clicked.connect(self._connect)
        book_row = QHBoxLayout()
        book_row.addWidget(self.book, 1)
        book_row.addWidget(self.connect_button)
        form.addRow("Address book", book_row)
        self.result = QLabel(
            f"Syncing with {settings.sync_book}" if settings.sync_book else "Not connected."
        )
        self.result.setWordWrap(True)
        form.addRow(self.result)

        self.scope = QComboBox()
        for key, label in _SCOPES:
            self.scope.addItem(label, key)
        self.scope.setCurrentIndex(max(0, self.scope.findData(settings.sync_scope)))
        self.tag = QLineEdit(settings.sync_tag)
        self.tag.setPlaceholderText("Tag")
        self.scope.currentIndexChanged.connect(self._scope_changed)
        self._scope_changed()
        scope_row = QHBoxLayout()
        scope_row.addWidget(self.scope, 1)
        scope_row.addWidget(self.tag)
        form.addRow("Contacts that sync", scope_row)
        self.extras = QCheckBox("Also send tier, cadence and how we met (as X-NURTURE fields)")
        self.extras.setChecked(settings.sync_extras)
        form.addRow(self.extras)
        self.every = QSpinBox()
        self.every.setRange(0, 24 * 60)
        self.every.setSpecialValueText("only when I ask (File ▸ Sync now)")
        self.every.setPrefix("every ")
        self.every.setSuffix(" minutes")
        self.every.setValue(settings.sync_every_minutes)
        form.addRow("Sync while Nurture runs", self.every)
        self.deletes = QSpinBox()
        self.deletes.setRange(0, 100)
        self.deletes.setSuffix(" % of the address book")
        self.deletes.setValue(settings.sync_delete_percent)
        self.deletes.setToolTip(
            "A sync that would archive or delete more than this stops and asks first."
        )
        form.addRow("Ask before deleting more than", self.deletes)

    def _scope_changed(self) -> None:
        self.tag.setEnabled(self.scope.currentData() == "tag")

    def _connect(self) -> None:
        self.connect_button.setEnabled(False)
        self.result.setText("Connecting…")
        self.connect_requested.emit(
            self.url.text(), self.user.text(), self.password.text(), self.book.text()
        )

    def show_result(self, message: str, connected: bool) -> None:
        self.connect_button.setEnabled(True)
        self.result.setText(message if connected else f"Not connected: {message}")
        if connected:
            self.password.clear()
            self.password.setPlaceholderText(_AGAIN)

    def values(self) -> dict[str, Any]:
        """The sync settings as `SettingsService.update(**values)` takes them."""
        return {
            "sync_scope": self.scope.currentData(),
            "sync_tag": self.tag.text().strip(),
            "sync_extras": self.extras.isChecked(),
            "sync_every_minutes": self.every.value(),
            "sync_delete_percent": self.deletes.value(),
        }


def _book_name(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1] if url else ""
