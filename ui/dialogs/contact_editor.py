"""Creating and editing a contact: every field the core keeps, on tabs that fit a 13-inch screen
— names and work; any number of labelled emails, phones, addresses and profiles; any number of
dates of every kind, typed the way people say them; tier, tags, cadence, referred-by, how you
met, time zone; notes. It checks as you type and OK waits until everything reads."""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nurture.contact_points import check_email, check_phone
from nurture.domain.dto import (
    AddressValue,
    ContactDraft,
    ContactRef,
    EmailValue,
    ImportantDateValue,
    PhoneValue,
    WebLinkValue,
)
from nurture.domain.enums import DateKind, WebKind
from nurture.errors import ValidationError
from nurture.services.listing import ListingService
from ui.dialogs.date_field import DateField, as_typed
from ui.dialogs.person_field import PersonField
from ui.theme import colours

_LABELS = ("work", "home", "mobile", "other")
_TIERS = (("—", ""), ("A (closest)", "A"), ("B", "B"), ("C", "C"))


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]


def _label_box(current: str) -> QComboBox:
    box = QComboBox()
    box.setEditable(True)
    box.addItems(list(_LABELS))
    box.setCurrentText(current)
    box.setMinimumContentsLength(6)
    return box


class Rows(QWidget):
    """Any number of rows of one kind (emails, phones, addresses, profiles, dates): "Add"
    appends one, ✕ removes it. `make` builds a row's widgets; the first row is the main one."""

    changed = Signal()

    def __init__(self, add_words: str, make: Callable[[], list[QWidget]]) -> None:
        super().__init__()
        self._make = make
        self.rows: list[list[QWidget]] = []
        self._grid = QGridLayout()
        self._grid.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton(add_words)
        self.add_button.clicked.connect(lambda: self.add())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._grid)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    def add(self) -> list[QWidget]:
        widgets = self._make()
        remove = QToolButton()
        remove.setText("✕")
        remove.setToolTip("Remove this line")
        row = len(self.rows)
        for column, widget in enumerate([*widgets, remove]):
            self._grid.addWidget(widget, row, column)
            for signal in ("textChanged", "currentTextChanged", "changed"):
                if hasattr(widget, signal):
                    getattr(widget, signal).connect(lambda *_args: self.changed.emit())
        self.rows.append(widgets)
        remove.clicked.connect(lambda: self._remove(widgets, remove))
        self.changed.emit()
        return widgets

    def _remove(self, widgets: list[QWidget], remove: QToolButton) -> None:
        self.rows.remove(widgets)
        for widget in [*widgets, remove]:
            self._grid.removeWidget(widget)
            widget.deleteLater()
        self.changed.emit()


class AddressEdit(QWidget):
    changed = Signal()

    def __init__(self, value: AddressValue | None = None) -> None:
        super().__init__()
        v = value or AddressValue()
        self.street = QLineEdit(v.street)
        self.street.setPlaceholderText("Street")
        self.city = QLineEdit(v.city)
        self.city.setPlaceholderText("City")
        self.region = QLineEdit(v.region)
        self.region.setPlaceholderText("State / region")
        self.postal = QLineEdit(v.postal_code)
        self.postal.setPlaceholderText("Postal code")
        self.country = QLineEdit(v.country)
        self.country.setPlaceholderText("Country")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.street, 0, 0, 1, 4)
        for column, field in enumerate((self.city, self.region, self.postal, self.country)):
            grid.addWidget(field, 1, column)
        for field in (self.street, self.city, self.region, self.postal, self.country):
            field.textChanged.connect(lambda _text: self.changed.emit())

    def value(self, label: str, primary: bool) -> AddressValue | None:
        parts = [f.text().strip() for f in (self.street, self.city, self.region, self.postal)]
        country = self.country.text().strip()
        if not any(parts) and not country:
            return None
        street, city, region, postal = parts
        return AddressValue(label, street, city, region, postal, country, primary)


class ContactEditor(QDialog):
    """After exec(): `draft()` and `dates()` hold what was entered."""

    def __init__(
        self,
        parent: QWidget | None,
        today: date,
        listing: ListingService | None = None,
        draft: ContactDraft | None = None,
        dates: Sequence[ImportantDateValue] = (),
        referred_by: ContactRef | None = None,
        title: str = "New contact",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(600)
        self._today = today
        self._original = draft or ContactDraft()
        d = self._original
        tabs = QTabWidget()
        tabs.addTab(self._name_tab(d), "&Name and work")
        tabs.addTab(self._reach_tab(d), "&Reach")
        tabs.addTab(self._dates_tab(dates), "&Dates")
        tabs.addTab(self._keeping_tab(d, listing, referred_by), "&Keeping in touch")
        self.notes = QPlainTextEdit(d.notes)
        self.notes.setPlaceholderText("Anything worth remembering")
        tabs.addTab(self.notes, "N&otes")
        self.tabs = tabs
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {colours().warn};")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        for field in (self.given, self.family, self.organization):
            field.textChanged.connect(self._validate)
        for rows in (self.emails, self.phones, self.dates_rows):
            rows.changed.connect(self._validate)
        self._validate()
        self.given.setFocus()

    # -- tabs ------------------------------------------------------------------------------

    def _name_tab(self, d: ContactDraft) -> QWidget:
        self.prefix = QLineEdit(d.prefix)
        self.prefix.setPlaceholderText("Dr.")
        self.prefix.setMaximumWidth(70)
        self.given = QLineEdit(d.given_name)
        self.given.setPlaceholderText("Given name")
        self.middle = QLineEdit(d.middle_name)
        self.middle.setPlaceholderText("Middle")
        self.family = QLineEdit(d.family_name)
        self.family.setPlaceholderText("Family name")
        self.suffix = QLineEdit(d.suffix)
        self.suffix.setPlaceholderText("Jr.")
        self.suffix.setMaximumWidth(70)
        self.nickname = QLineEdit(d.nickname)
        self.shown_as = QLineEdit(d.shown_as)
        self.shown_as.setPlaceholderText("As the name above")
        self.shown_as.setToolTip(
            'How lists and cards show them, when not by their name ("Bob Kowalski (Acme)")'
        )
        self.organization = QLineEdit(d.organization)
        self.job_title = QLineEdit(d.title)
        self.department = QLineEdit(d.department)
        names = QHBoxLayout()
        for field in (self.prefix, self.given, self.middle, self.family, self.suffix):
            names.addWidget(field)
        form = QFormLayout()
        form.addRow("Name", names)
        form.addRow("Nickname", self.nickname)
        form.addRow("Shown as", self.shown_as)
        form.addRow("Company", self.organization)
        form.addRow("Title", self.job_title)
        form.addRow("Department", self.department)
        page = QWidget()
        page.setLayout(form)
        return page

    def _reach_tab(self, d: ContactDraft) -> QWidget:
        def email_row() -> list[QWidget]:
            address = QLineEdit()
            address.setPlaceholderText("name@example.com")
            return [_label_box("work"), address]

        def phone_row() -> list[QWidget]:
            number = QLineEdit()
            number.setPlaceholderText("+1 415 555 0123")
            return [_label_box("mobile"), number]

        def link_row() -> list[QWidget]:
            kind = QComboBox()
            for web in WebKind:
                kind.addItem(web.label, web)
            url = QLineEdit()
            url.setPlaceholderText("linkedin.com/in/…")
            return [kind, url]

        self.emails = Rows("Add an email", email_row)
        for e in d.emails:
            label, field = self.emails.add()
            _set(label, e.label or "work")
            _set(field, e.address)
        self.phones = Rows("Add a phone", phone_row)
        for p in d.phones:
            label, field = self.phones.add()
            _set(label, p.label or "mobile")
            _set(field, p.raw)
        self.addresses = Rows("Add an address", lambda: [_label_box("work"), AddressEdit()])
        for a in d.addresses:
            label, edit = self.addresses.add()
            _set(label, a.label or "work")
            assert isinstance(edit, AddressEdit)
            for field, text in (
                (edit.street, a.street),
                (edit.city, a.city),
                (edit.region, a.region),
                (edit.postal, a.postal_code),
                (edit.country, a.country),
            ):
                field.setText(text)
        self.links = Rows("Add a website or profile", link_row)
        for w in d.web_links:
            kind, url = self.links.add()
            assert isinstance(kind, QComboBox)
            kind.setCurrentIndex(max(0, kind.findData(w.kind)))
            _set(url, w.url)
        form = QFormLayout()
        form.addRow("Emails", self.emails)
        form.addRow("Phones", self.phones)
        form.addRow("Addresses", self.addresses)
        form.addRow("Web", self.links)
        return _scrolling(form)

    def _dates_tab(self, dates: Sequence[ImportantDateValue]) -> QWidget:
        def date_row() -> list[QWidget]:
            kind = QComboBox()
            for k in DateKind:
                kind.addItem(k.label, k)
            when = DateField(self._today, placeholder="May 14 1980, May 14, June 2027…")
            label = QLineEdit()
            label.setPlaceholderText("Label (for a custom date)")
            return [kind, when, label]

        self.dates_rows = Rows("Add a date", date_row)
        for value in dates:
            kind, when, label = self.dates_rows.add()
            assert isinstance(kind, QComboBox)
            kind.setCurrentIndex(max(0, kind.findData(value.kind)))
            assert isinstance(when, DateField)
            when.setText(as_typed(value.date))
            _set(label, value.label)
            kind.setProperty("record", value.id)  # the stored date this line edits
        if not dates:
            self.dates_rows.add()  # a birthday line, ready to type
        hint = QLabel(
            "A date without its year (May 14) comes back every year; a month alone "
            "(June 2027) is kept as a month."
        )
        hint.setWordWrap(True)
        box = QVBoxLayout()
        box.addWidget(self.dates_rows)
        box.addWidget(hint)
        box.addStretch(1)
        return _scrolling(box)

    def _keeping_tab(
        self, d: ContactDraft, listing: ListingService | None, referred_by: ContactRef | None
    ) -> QWidget:
        self.tier = QComboBox()
        for words, tier in _TIERS:
            self.tier.addItem(words, tier)
        self.tier.setCurrentIndex(max(0, self.tier.findData(d.tier)))
        self.tags = QLineEdit(", ".join(d.tags))
        self.tags.setPlaceholderText("Clients, Golf")
        self.cadence = QSpinBox()
        self.cadence.setRange(0, 3650)
        self.cadence.setSpecialValueText("the tag's or tier's")
        self.cadence.setSuffix(" days")
        self.cadence.setValue(d.keep_in_touch_days or 0)
        self.starred = QCheckBox("Starred")
        self.starred.setChecked(d.starred)
        self.referred_by: PersonField | None = None
        self._referred_by_id = d.referred_by_id
        self.how_we_met = QLineEdit(d.how_we_met)
        self.how_we_met.setPlaceholderText("Sat next to each other at a charity dinner")
        self.time_zone = QComboBox()
        self.time_zone.setEditable(True)
        self.time_zone.addItem("")
        self.time_zone.addItems(sorted(zoneinfo.available_timezones()))
        self.time_zone.setCurrentText(d.time_zone)
        zones = self.time_zone.completer()
        if zones is not None:
            zones.setFilterMode(Qt.MatchFlag.MatchContains)
            zones.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        form = QFormLayout()
        form.addRow("Tier", self.tier)
        form.addRow("Tags", self.tags)
        form.addRow("Keep in touch every", self.cadence)
        form.addRow("", self.starred)
        if listing is not None:
            self.referred_by = PersonField(listing, "Who sent them to you? Type a name…")
            if referred_by is not None:
                self.referred_by.setText(referred_by.name)
            self.referred_by.textEdited.connect(lambda _t: self._clear_referrer())
            self.referred_by.picked.connect(self._pick_referrer)
            form.addRow("Referred by", self.referred_by)
        form.addRow("How we met", self.how_we_met)
        form.addRow("Time zone", self.time_zone)
        page = QWidget()
        page.setLayout(form)
        return page

    def _pick_referrer(self, person: ContactRef) -> None:
        self._referred_by_id = person.id

    def _clear_referrer(self) -> None:
        if self.referred_by is not None and not self.referred_by.text().strip():
            self._referred_by_id = None

    # -- checking and reading --------------------------------------------------------------

    def problems(self) -> list[str]:
        found = []
        if not any(f.text().strip() for f in (self.given, self.family, self.organization)):
            found.append("Give a name (or at least a company).")
        for check, rows in ((check_email, self.emails), (check_phone, self.phones)):
            for _label, field in rows.rows:
                text = _text(field)
                if text:
                    try:
                        check(text)
                    except ValidationError as error:
                        found.append(error.message)
        for _kind, when, _label in self.dates_rows.rows:
            assert isinstance(when, DateField)
            if when.text().strip() and not when.is_valid():
                found.append(f"Date '{when.text()}': {when.reading.text().lstrip('⚠ ')}")
        return found

    def _validate(self) -> None:
        found = self.problems()
        self.error.setText("\n".join(found))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not found)

    def dates(self) -> list[ImportantDateValue]:
        """The dates as entered: kept ones carry their id, new ones 0; empty lines are left out."""
        found = []
        for kind, when, label in self.dates_rows.rows:
            assert isinstance(kind, QComboBox)
            assert isinstance(when, DateField)
            if when.text().strip():
                record = int(kind.property("record") or 0)
                found.append(
                    ImportantDateValue(
                        record, DateKind(kind.currentData()), when.partial(), _text(label)
                    )
                )
        return found

    def draft(self) -> ContactDraft:
        keep_emails = {e.address.casefold(): e for e in self._original.emails}
        keep_phones = {p.raw: p for p in self._original.phones}
        emails = [
            replace(keep_emails.get(_text(f).casefold(), EmailValue(_text(f))), label=_text(lb))
            for lb, f in self.emails.rows
            if _text(f)
        ]
        phones = [
            replace(keep_phones.get(_text(f), PhoneValue(_text(f))), label=_text(lb))
            for lb, f in self.phones.rows
            if _text(f)
        ]
        addresses: list[AddressValue] = []
        for label, edit in self.addresses.rows:
            assert isinstance(edit, AddressEdit)
            address = edit.value(_text(label), primary=not addresses)
            if address is not None:
                addresses.append(address)
        links: list[WebLinkValue] = []
        for kind, url in self.links.rows:
            assert isinstance(kind, QComboBox)
            if _text(url):
                web = WebKind(kind.currentData())
                links.append(WebLinkValue(_text(url), web, primary=not links))
        return replace(
            self._original,
            prefix=self.prefix.text().strip(),
            given_name=self.given.text().strip(),
            middle_name=self.middle.text().strip(),
            family_name=self.family.text().strip(),
            suffix=self.suffix.text().strip(),
            nickname=self.nickname.text().strip(),
            shown_as=self.shown_as.text().strip(),
            organization=self.organization.text().strip(),
            title=self.job_title.text().strip(),
            department=self.department.text().strip(),
            emails=tuple(replace(e, primary=i == 0) for i, e in enumerate(emails)),
            phones=tuple(replace(p, primary=i == 0) for i, p in enumerate(phones)),
            addresses=tuple(addresses),
            web_links=tuple(links),
            tier=str(self.tier.currentData()),
            tags=tuple(_split(self.tags.text())),
            keep_in_touch_days=self.cadence.value() or None,
            starred=self.starred.isChecked(),
            referred_by_id=self._referred_by_id,
            how_we_met=self.how_we_met.text().strip(),
            time_zone=self.time_zone.currentText().strip(),
            notes=self.notes.toPlainText().strip(),
        )


def _text(widget: QWidget) -> str:
    if isinstance(widget, QComboBox):
        return widget.currentText().strip()
    if isinstance(widget, QLineEdit):
        return widget.text().strip()
    return ""


def _set(widget: QWidget, text: str) -> None:
    if isinstance(widget, QComboBox):
        widget.setCurrentText(text)
    elif isinstance(widget, QLineEdit):
        widget.setText(text)


def _scrolling(layout: QVBoxLayout | QFormLayout) -> QWidget:
    inner = QWidget()
    inner.setLayout(layout)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(inner)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area
