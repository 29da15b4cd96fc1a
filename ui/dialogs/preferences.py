"""Preferences: reminder lead times and digest time, the Feb 29 rule, the country for holidays
and phone numbers, the gift holidays to track, the keep-in-touch cadence per tier, and sync.
They are stored in the database, so they travel with backups."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSystemTrayIcon,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from nurture.calendar.gift_days import CATALOGUE
from nurture.services.settings import Settings
from ui.dialogs.sync_preferences import SyncPreferences

_LEAD_KINDS = (
    ("birthday", "Birthdays"),
    ("anniversary", "Anniversaries"),
    ("graduation", "Graduations"),
    ("work_anniversary", "Work anniversaries"),
    ("follow_up", "Follow-ups"),
    ("keep_in_touch", "Keep in touch"),
)


def _days(value: int, maximum: int = 365) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, maximum)
    box.setSuffix(" days")
    box.setValue(value)
    return box


class PreferencesDialog(QDialog):
    def __init__(self, parent: QWidget | None, settings: Settings) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self._settings = settings
        reminders = QFormLayout()
        self.leads = {kind: _days(settings.lead_for(kind)) for kind, _label in _LEAD_KINDS}
        for kind, label in _LEAD_KINDS:
            reminders.addRow(f"{label}: remind", self.leads[kind])
        hour, minute = (int(x) for x in settings.digest_time.split(":"))
        self.digest = QTimeEdit(QTime(hour, minute))
        self.digest.setDisplayFormat("HH:mm")
        reminders.addRow("Daily digest at", self.digest)
        self.leap = QComboBox()
        self.leap.addItem("February 28", "feb28")
        self.leap.addItem("March 1", "mar1")
        self.leap.setCurrentIndex(self.leap.findData(settings.leap_day))
        reminders.addRow("Feb 29 birthdays in other years", self.leap)
        self.week_start = QComboBox()
        self.week_start.addItem("As the desktop's language", -1)
        for day, name in ((0, "Monday"), (6, "Sunday"), (5, "Saturday")):
            self.week_start.addItem(name, day)
        chosen = self.week_start.findData(settings.first_day_of_week)
        self.week_start.setCurrentIndex(max(0, chosen))
        reminders.addRow("Weeks start on", self.week_start)

        places = QFormLayout()
        self.country = QLineEdit(settings.holiday_country)
        self.country.setMaxLength(2)
        self.country.setPlaceholderText("US")
        places.addRow("Country (holidays)", self.country)
        self.region = QLineEdit(settings.phone_region)
        self.region.setMaxLength(2)
        places.addRow("Country (phone numbers)", self.region)
        self.currency = QLineEdit(settings.currency)
        self.currency.setMaxLength(3)
        self.currency.setPlaceholderText("USD")
        places.addRow("Currency (gifts, referrals)", self.currency)
        self.gift_days = {key: QCheckBox(name) for key, (name, _rule) in CATALOGUE.items()}
        gifts = QHBoxLayout()
        for key, box in self.gift_days.items():
            box.setChecked(key in settings.gift_holidays)
            gifts.addWidget(box)
        places.addRow("Gift holidays", gifts)
        self.gift_lead = _days(settings.gift_lead_days, 90)
        places.addRow("Buy gifts", self.gift_lead)
        self.gift_limit = QDoubleSpinBox()
        self.gift_limit.setRange(0, 1_000_000)
        self.gift_limit.setDecimals(2)
        self.gift_limit.setSpecialValueText("no limit")
        self.gift_limit.setSuffix(f" {settings.currency} a year")
        self.gift_limit.setValue(settings.gift_limit_cents / 100)
        self.gift_limit.setToolTip("Gifts to one person past this in a year are flagged")
        places.addRow("Gift limit per person", self.gift_limit)

        cadence = QFormLayout()
        self.tiers = {tier: _days(settings.tier_cadence.get(tier, 0), 3650) for tier in "ABC"}
        for tier, spin in self.tiers.items():
            spin.setSpecialValueText("no cadence")
            cadence.addRow(f"Tier {tier}: keep in touch every", spin)
        self.daily = QSpinBox()
        self.daily.setRange(0, 10_000)
        self.daily.setSuffix(" a day")
        self.daily.setPrefix("about ")
        self.daily.setSpecialValueText("as the cadences ask")
        self.daily.setValue(settings.daily_touches)
        self.daily.setToolTip(
            "How many people Today's plan asks you to touch on a working day; a backlog of "
            "overdue people is spread over the next days."
        )
        cadence.addRow("People to touch", self.daily)

        desktop = QFormLayout()
        self.close_to_tray = QCheckBox("Closing the window keeps Nurture in the tray")
        self.close_to_tray.setChecked(settings.close_to_tray)
        self.start_at_login = QCheckBox("Start Nurture at login (in the tray)")
        self.start_at_login.setChecked(settings.start_at_login)
        desktop.addRow(self.close_to_tray)
        desktop.addRow(self.start_at_login)
        # Every backup copied to another disk too (a USB drive, a synced folder).
        self.second_backups = QLineEdit(settings.second_backup_folder)
        self.second_backups.setPlaceholderText("Another disk, for a second copy (optional)")
        pick = QPushButton("Choose…")
        pick.clicked.connect(self._pick_backup_folder)
        second = QHBoxLayout()
        second.addWidget(self.second_backups, 1)
        second.addWidget(pick)
        desktop.addRow("Backups also to", second)
        if not QSystemTrayIcon.isSystemTrayAvailable():
            why = QLabel(
                "This desktop shows no tray icons (on GNOME, the AppIndicator extension "
                "adds them), so Nurture runs as a normal window: closing it quits, and "
                "reminders come while it is open."
            )
            why.setWordWrap(True)
            desktop.addRow(why)
            self.close_to_tray.setEnabled(False)

        # One tab per subject: the dialog fits a 1280×720 screen whatever the desktop adds.
        self.tabs = QTabWidget()
        for title, form in (
            ("Reminders", reminders),
            ("Holidays and money", places),
            ("Keep in touch", cadence),
            ("Desktop and backups", desktop),
        ):
            page = QWidget()
            page.setLayout(form)
            self.tabs.addTab(page, title)
        self.sync = SyncPreferences(settings)
        room = QScrollArea()  # at 150 % on a 13-inch screen the form is taller than the room
        room.setWidget(self.sync)
        room.setWidgetResizable(True)
        room.setFrameShape(QScrollArea.Shape.NoFrame)
        self.tabs.addTab(room, "Sync")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.buttons = buttons

    def _pick_backup_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, "A second folder for backups", self.second_backups.text()
        )
        if chosen:
            self.second_backups.setText(chosen)

    def changes(self) -> dict[str, Any]:
        """The settings as `SettingsService.update(**changes)` takes them."""
        leads = dict(self._settings.lead_days)
        leads.update({kind: box.value() for kind, box in self.leads.items()})
        others = [key for key in self._settings.gift_holidays if key not in self.gift_days]
        return {
            "lead_days": leads,
            "digest_time": self.digest.time().toString("HH:mm"),
            "leap_day": self.leap.currentData(),
            "first_day_of_week": self.week_start.currentData(),
            "holiday_country": self.country.text().strip().upper() or "US",
            "phone_region": self.region.text().strip().upper() or "US",
            "currency": self.currency.text().strip().upper() or "USD",
            "gift_holidays": [k for k, box in self.gift_days.items() if box.isChecked()] + others,
            "gift_lead_days": self.gift_lead.value(),
            "gift_limit_cents": round(self.gift_limit.value() * 100),
            "tier_cadence": {tier: box.value() for tier, box in self.tiers.items() if box.value()},
            "daily_touches": self.daily.value(),
            "close_to_tray": self.close_to_tray.isChecked(),
            "start_at_login": self.start_at_login.isChecked(),
            "second_backup_folder": self.second_backups.text().strip(),
            **self.sync.values(),
        }
