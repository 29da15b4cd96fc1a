"""Small forms for what is kept on a card: a date, a follow-up, a gift, a taste, an interaction,
an introduction, a referral. Each adds a new record, or, given one from the card, edits it;
`fields()` names what it holds the way the core's add and edit operations do."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from typing import Any, ClassVar

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from nurture.domain.dto import (
    FollowUpValue,
    GiftValue,
    ImportantDateValue,
    InteractionValue,
    IntroductionValue,
    PreferenceValue,
    ReferralValue,
    RelationshipValue,
)
from nurture.domain.enums import (
    DateKind,
    GiftDirection,
    GiftStatus,
    PreferenceCategory,
    RelationshipKind,
)
from nurture.services.listing import ListingService
from ui.dialogs.date_field import DateField
from ui.dialogs.person_field import PersonField
from ui.dialogs.quick_log import KIND_LABELS
from ui.theme import colours

REPEATS = {
    "Does not repeat": "",
    "Every week": "FREQ=WEEKLY",
    "Every month": "FREQ=MONTHLY",
    "Every quarter": "FREQ=MONTHLY;INTERVAL=3",
    "Every year": "FREQ=YEARLY",
}
Fields = dict[str, Any]


class FormDialog(QDialog):
    """A titled form with OK/Cancel; OK waits until the first field has text."""

    def __init__(self, parent: QWidget | None, title: str, rows: list[tuple[str, QWidget]]):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.form = QFormLayout()
        for label, widget in rows:
            self.form.addRow(label, widget)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        # OK is enabled while every check passes: the first line has text, a person is
        # picked, each date reads.
        self._checks: list[Callable[[], bool]] = []
        first = rows[0][1]
        if isinstance(first, QLineEdit):
            self._checks.append(lambda: bool(first.text().strip()))
            first.textChanged.connect(self._update)
        for _label, widget in rows:
            if isinstance(widget, DateField):
                self._checks.append(widget.is_valid)
                widget.changed.connect(self._update)
        self._update()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(all(check() for check in self._checks))

    def fields(self) -> Fields:
        """What the form holds, named as the core's add and edit operations name it."""
        raise NotImplementedError

    def require_person(self, field: PersonField) -> None:
        """OK waits until a person is picked from the suggestions."""
        self._checks.append(lambda: field.person is not None)
        field.textChanged.connect(self._update)
        self._update()


def money_field(cents: int | None) -> QDoubleSpinBox:
    amount = QDoubleSpinBox()
    amount.setRange(0, 100_000_000)
    amount.setDecimals(2)
    amount.setSpecialValueText("—")  # zero: no amount recorded
    amount.setValue((cents or 0) / 100)
    return amount


def cents_of(amount: QDoubleSpinBox) -> int | None:
    return round(amount.value() * 100) or None


def _combo(items: Sequence[tuple[str, object]], current: object) -> QComboBox:
    combo = QComboBox()
    for label, data in items:
        combo.addItem(label, data)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


def _label_of(labels: dict[str, tuple[bool, bool]], meaning: tuple[bool, bool]) -> str:
    return next(label for label, means in labels.items() if means == meaning)


def _verb(value: object) -> str:
    return "Edit" if value is not None else "Add"


class DateDialog(FormDialog):
    """A birthday, an anniversary, a graduation ("June 2027") or a custom day."""

    def __init__(
        self, parent: QWidget | None, today: date, value: ImportantDateValue | None = None
    ) -> None:
        self.when = DateField(today, value.date if value else None)
        kinds = [(k.label, k) for k in DateKind]
        self.kind = _combo(kinds, value.kind if value else DateKind.BIRTHDAY)
        self.label = QLineEdit(value.label if value else "")
        self.label.setPlaceholderText("For a custom date: 'Started at Acme'")
        rows = [("Date", self.when), ("Kind", self.kind), ("Label", self.label)]
        super().__init__(parent, f"{_verb(value)} a date", rows)

    def fields(self) -> Fields:
        return {
            "kind": self.kind.currentData(),
            "date": self.when.partial(),
            "label": self.label.text(),
        }


class FollowUpDialog(FormDialog):
    def __init__(
        self, parent: QWidget | None, today: date, value: FollowUpValue | None = None
    ) -> None:
        self.what = QLineEdit(value.title if value else "")
        self.what.setPlaceholderText("Send the proposal")
        due = value.due_date if value else today + timedelta(days=7)
        self.due = DateField(today, due, whole_day=True)
        repeats = list(REPEATS.items())
        self.repeat = _combo(repeats, value.rrule if value else "")
        if value and value.rrule and self.repeat.findData(value.rrule) < 0:
            self.repeat.addItem(value.rrule, value.rrule)  # a rule from the command line
            self.repeat.setCurrentIndex(self.repeat.count() - 1)
        self.notes = QLineEdit(value.notes if value else "")
        rows = [("What", self.what), ("Due", self.due), ("Repeats", self.repeat)]
        super().__init__(parent, f"{_verb(value)} a follow-up", [*rows, ("Notes", self.notes)])

    def rrule(self) -> str:
        return str(self.repeat.currentData())

    def fields(self) -> Fields:
        return {
            "title": self.what.text(),
            "due_date": self.due.day(),
            "rrule": self.rrule(),
            "notes": self.notes.text(),
        }


class GiftDialog(FormDialog):
    def __init__(
        self,
        parent: QWidget | None,
        today: date,
        value: GiftValue | None = None,
        repeats: Callable[[str], str] | None = None,
    ) -> None:
        self.description = QLineEdit(value.description if value else "")
        self.description.setPlaceholderText("Bottle of Glenmorangie 18")
        # "Robert Hale was already given Dalwhinnie 15 (December 2025, Christmas)." as soon as
        # the gift is typed: the core's check for them and their household.
        self.repeat = QLabel()
        self.repeat.setWordWrap(True)
        self.repeat.setStyleSheet(f"color: {colours().warn};")
        self.repeat.hide()
        self._repeats = repeats
        directions = [
            ("Given", GiftDirection.GIVEN),
            ("Idea", GiftDirection.IDEA),
            ("Received", GiftDirection.RECEIVED),
        ]
        self.direction = _combo(directions, value.direction if value else GiftDirection.GIVEN)
        self.status = _combo(
            [(s.value.capitalize(), s) for s in GiftStatus], value.status if value else None
        )
        self.occasion = QLineEdit(value.occasion if value else "")
        self.occasion.setPlaceholderText("Christmas")
        self.when = DateField(today, value.given_on if value and value.given_on else today, True)
        self.amount = money_field(value.amount_cents if value else None)
        self.notes = QLineEdit(value.notes if value else "")
        rows: list[tuple[str, QWidget]] = [
            ("Gift", self.description),
            ("Kind", self.direction),
            ("Occasion", self.occasion),
            ("Date", self.when),
            ("Amount", self.amount),
            ("Notes", self.notes),
        ]
        if value is not None:
            rows.insert(2, ("Status", self.status))
        rows.insert(1, ("", self.repeat))
        super().__init__(parent, f"{_verb(value)} a gift", rows)
        self._editing = value is not None
        self._but = value.id if value else None
        self.description.editingFinished.connect(self.check_repeat)
        self.direction.currentIndexChanged.connect(self.check_repeat)

    def check_repeat(self) -> None:
        given = self.direction.currentData() is not GiftDirection.RECEIVED
        text = self.description.text().strip()
        warning = self._repeats(text) if self._repeats and given and text else ""
        self.repeat.setText(warning)
        self.repeat.setVisible(bool(warning))

    def fields(self) -> Fields:
        fields = {
            "direction": self.direction.currentData(),
            "description": self.description.text(),
            "occasion": self.occasion.text(),
            "given_on": self.when.day(),
            "amount_cents": cents_of(self.amount),
            "notes": self.notes.text(),
        }
        if self._editing:
            fields["status"] = self.status.currentData()
        return fields


class PreferenceDialog(FormDialog):
    def __init__(self, parent: QWidget | None, value: PreferenceValue | None = None) -> None:
        self.item = QLineEdit(value.item if value else "")
        self.item.setPlaceholderText("Scotch")
        categories = [(c.value.capitalize(), c) for c in PreferenceCategory]
        self.category = _combo(categories, value.category if value else None)
        self.detail = QLineEdit(value.detail if value else "")
        self.detail.setPlaceholderText("Highland single malt only")
        self.likes = QCheckBox("Likes it (clear for a dislike)")
        self.likes.setChecked(value.likes if value else True)
        super().__init__(
            parent,
            f"{_verb(value)} a taste",
            [
                ("What", self.item),
                ("Kind", self.category),
                ("Detail", self.detail),
                ("", self.likes),
            ],
        )

    def fields(self) -> Fields:
        return {
            "item": self.item.text(),
            "category": self.category.currentData(),
            "detail": self.detail.text(),
            "likes": self.likes.isChecked(),
        }


class InteractionDialog(FormDialog):
    """Editing a logged touch (who took part stays; log a new one for other people)."""

    def __init__(self, parent: QWidget | None, value: InteractionValue) -> None:
        self.note = QPlainTextEdit(value.notes)
        self.note.setPlaceholderText("What was it about?")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(90)
        self.kind = _combo([(label, kind) for kind, label in KIND_LABELS.items()], value.kind)
        local = value.occurred_at.astimezone()
        self.when = QDateTimeEdit(
            QDateTime(local.year, local.month, local.day, local.hour, local.minute, local.second)
        )
        self.when.setCalendarPopup(True)
        people = ", ".join(p.name for p in value.participants)
        rows = [("What", self.kind), ("When", self.when), ("Note", self.note)]
        super().__init__(parent, "Edit an interaction", [*rows, ("With", QLabel(people))])

    def fields(self) -> Fields:
        moment = self.when.dateTime().toPython()
        assert isinstance(moment, datetime)
        return {
            "kind": self.kind.currentData(),
            "occurred_at": moment.astimezone(),
            "notes": self.note.toPlainText(),
        }


class IntroductionDialog(FormDialog):
    """You introduced this person to someone: who, when, why, and (later) what came of it."""

    def __init__(
        self,
        parent: QWidget | None,
        listing: ListingService,
        today: date,
        value: IntroductionValue | None = None,
        other: str = "",
    ) -> None:
        self.person = PersonField(listing, "Type a name, company or email…")
        self.person.setText(other)
        self.person.setEnabled(value is None)
        self.on = DateField(today, value.introduced_on if value else today, whole_day=True)
        self.reason = QLineEdit(value.reason if value else "")
        self.reason.setPlaceholderText("Both are opening offices in Austin")
        self.outcome = QLineEdit(value.outcome if value else "")
        self.outcome.setPlaceholderText("They met for lunch; a deal in May")
        self.agreed = QCheckBox("Both agreed before I introduced them")
        self.agreed.setChecked(bool(value and value.agreed))
        # A new introduction can leave a follow-up to ask how it went.
        self.ask_on = DateField(today, None, whole_day=True, optional=True)
        self.ask_on.edit.setPlaceholderText("Ask how it went on… (in 2 weeks, 15 Dec)")
        rows: list[tuple[str, QWidget]] = [
            ("Introduced to", self.person),
            ("On", self.on),
            ("Why", self.reason),
            ("", self.agreed),
            ("What came of it", self.outcome),
        ]
        if value is None:
            rows.append(("Follow up", self.ask_on))
        super().__init__(parent, f"{_verb(value)} an introduction", rows)
        if value is None:
            self.require_person(self.person)

    def fields(self) -> Fields:
        return {
            "introduced_on": self.on.day(),
            "reason": self.reason.text(),
            "outcome": self.outcome.text(),
            "agreed": self.agreed.isChecked(),
        }

    def ask_day(self) -> date | None:
        return None if self.ask_on.is_empty() else self.ask_on.day()


class ReferralDialog(FormDialog):
    """Who sent whom to you — or whom you sent to whom — when, and the business that came of
    it. The role says which side of the referral this card's person is on."""

    # label -> (this person is the partner, the referral is one you gave)
    ROLES: ClassVar[dict[str, tuple[bool, bool]]] = {
        "referred someone to you": (True, False),
        "was referred to you by": (False, False),
        "received a referral from you, of": (True, True),
        "was referred by you to": (False, True),
    }

    def __init__(
        self,
        parent: QWidget | None,
        listing: ListingService,
        today: date,
        currency: str,
        value: ReferralValue | None = None,
        other: str = "",
        is_partner: bool = True,
    ) -> None:
        """`is_partner`: whether the card's person is the referral's partner (when editing)."""
        self.person = PersonField(listing, "Type a name, company or email…")
        self.person.setText(other)
        self.person.setEnabled(value is None)
        role = (is_partner, value.given if value else False)
        self.role = _combo([(label, label) for label in self.ROLES], _label_of(self.ROLES, role))
        self.role.setEnabled(value is None)
        self.on = DateField(today, value.referred_on if value else today, whole_day=True)
        self.value = money_field(value.value_cents if value else None)
        self.currency = QLineEdit(value.currency if value and value.currency else currency)
        self.currency.setMaxLength(3)
        self.notes = QLineEdit(value.notes if value else "")
        self.notes.setPlaceholderText("Signed a two-year contract")
        rows = [
            ("This person", self.role),
            ("Who", self.person),
            ("On", self.on),
            ("Business it brought", self.value),
            ("Currency", self.currency),
            ("Notes", self.notes),
        ]
        super().__init__(parent, f"{_verb(value)} a referral", rows)
        if value is None:
            self.require_person(self.person)

    def this_person_is_partner(self) -> bool:
        return self.ROLES[self.role.currentData()][0]

    def given(self) -> bool:
        return self.ROLES[self.role.currentData()][1]

    def fields(self) -> Fields:
        cents = cents_of(self.value)
        return {
            "referred_on": self.on.day(),
            "value_cents": cents,
            "currency": self.currency.text() if cents else "",
            "notes": self.notes.text(),
        }


class RelationshipDialog(FormDialog):
    """Who someone is to this contact: a person already in Nurture (a partner, a competitor),
    or someone new — a spouse or a child kept as a light contact, with their birthday and a
    taste entered in the same step. Editing changes only what they are and the label."""

    def __init__(
        self,
        parent: QWidget | None,
        listing: ListingService,
        today: date,
        name: str,
        value: RelationshipValue | None = None,
    ) -> None:
        kinds = [(k.label, k) for k in RelationshipKind]
        self.kind = _combo(kinds, value.kind if value else RelationshipKind.SPOUSE)
        self.label = QLineEdit(value.label if value else "")
        self.label.setPlaceholderText("Optional: 'ex-wife', 'godson'")
        rows: list[tuple[str, QWidget]] = [(f"Who they are to {name}", self.kind)]
        self.existing = QRadioButton("Someone already in Nurture")
        self.new = QRadioButton("Someone new")
        self.person = PersonField(listing, "Type a name, company or email…")
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText("Their name")
        self.birthday = DateField(
            today, placeholder="Their birthday, if you know it", optional=True
        )
        self.taste = QLineEdit()
        self.taste.setPlaceholderText("Something they like: dark chocolate")
        if value is None:
            self.existing.setChecked(True)
            rows += [
                ("", self.existing),
                ("Who", self.person),
                ("", self.new),
                ("Name", self.new_name),
                ("Birthday", self.birthday),
                ("Likes", self.taste),
            ]
        else:
            rows.append(("Who", QLabel(value.other.name)))
        rows.append(("Label", self.label))
        super().__init__(parent, f"{_verb(value)} a relationship", rows)
        if value is None:
            self._checks.append(self._someone)
            for signal in (
                self.existing.toggled,
                self.person.textChanged,
                self.new_name.textChanged,
            ):
                signal.connect(self._update)
            self.new_name.textEdited.connect(lambda _t: self.new.setChecked(True))
            self.person.textEdited.connect(lambda _t: self.existing.setChecked(True))
            self._update()

    def _someone(self) -> bool:
        if self.existing.isChecked():
            return self.person.person is not None
        return bool(self.new_name.text().strip())

    def fields(self) -> Fields:
        return {"kind": self.kind.currentData(), "label": self.label.text()}
