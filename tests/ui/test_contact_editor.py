"""The contact editor keeps everything the core does: labelled emails, phones, addresses and
profiles, dates of every kind typed naturally (a graduation "June 2027" lands in June 2027 on
the calendar), tier, referred-by, time zone and multi-line notes — and editing keeps the dates
it did not change (their reminders' state with them)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from nurture.app import Nurture
from nurture.domain.dates import PartialDate
from nurture.domain.dto import ContactDraft
from nurture.domain.enums import DateKind, WebKind
from nurture.domain.occurrence import OccurrenceKind
from nurture.services.listing import ContactQuery
from tests.ui.driving import on_next_dialog, person, window
from ui.dialogs.contact_editor import AddressEdit, ContactEditor
from ui.dialogs.date_field import DateField


def _line(rows: list[QWidget], index: int) -> QLineEdit:
    widget = rows[index]
    assert isinstance(widget, QLineEdit)
    return widget


def test_a_new_contact_with_everything_and_a_june_2027_graduation_on_the_calendar(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    dana = person(core, "Dana", "Fox")
    main = window(qtbot, core, now)

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, ContactEditor)
        dialog.prefix.setText("Dr.")
        dialog.given.setText("Emma")
        dialog.family.setText("Hughes")
        dialog.organization.setText("Acme")
        label, number = dialog.phones.add()
        assert isinstance(label, QComboBox)
        label.setCurrentText("assistant")
        _line([number], 0).setText("+1 415 555 0199")
        kind, url = dialog.links.add()
        assert isinstance(kind, QComboBox)
        kind.setCurrentIndex(kind.findData(WebKind.LINKEDIN))
        _line([url], 0).setText("linkedin.com/in/emmahughes")
        _where, address = dialog.addresses.add()
        assert isinstance(address, AddressEdit)
        address.city.setText("Austin")
        address.country.setText("USA")
        _kind, birthday, _label = dialog.dates_rows.rows[0]
        assert isinstance(birthday, DateField)
        birthday.setText("May 14")
        grad_kind, graduation, _label = dialog.dates_rows.add()
        assert isinstance(grad_kind, QComboBox)
        assert isinstance(graduation, DateField)
        grad_kind.setCurrentIndex(grad_kind.findData(DateKind.GRADUATION))
        graduation.setText("June 2027")
        dialog.tier.setCurrentIndex(dialog.tier.findData("A"))
        assert dialog.referred_by is not None
        dialog.referred_by.setText("Dana")
        dialog.referred_by.textEdited.emit("Dana")
        dialog.referred_by.returnPressed.emit()
        dialog.time_zone.setCurrentText("America/Chicago")
        dialog.notes.setPlainText("Loves sailing.\nTwo kids.")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    on_next_dialog(fill)
    main.new_contact()
    qtbot.waitUntil(lambda: core.listing.count(ContactQuery()) == 2)
    emma = core.contacts.resolve("Emma Hughes")
    card = core.contacts.card(emma)
    d = card.draft
    assert (d.prefix, d.organization, d.tier, d.time_zone) == (
        "Dr.",
        "Acme",
        "A",
        "America/Chicago",
    )
    assert [(p.label, p.raw) for p in d.phones] == [("assistant", "+1 415 555 0199")]
    assert [(w.kind, w.url) for w in d.web_links] == [
        (WebKind.LINKEDIN, "linkedin.com/in/emmahughes")
    ]
    assert [(a.city, a.country) for a in d.addresses] == [("Austin", "USA")]
    assert d.notes == "Loves sailing.\nTwo kids."
    assert card.referred_by is not None
    assert card.referred_by.id == dana
    assert {(x.kind, x.date) for x in card.dates} == {
        (DateKind.BIRTHDAY, PartialDate(None, 5, 14)),
        (DateKind.GRADUATION, PartialDate(2027, 6, None)),
    }
    june = core.agenda.between(date(2027, 6, 1), date(2027, 6, 30), now.date())
    assert [o.kind for o in june if o.contact_id == emma] == [OccurrenceKind.GRADUATION]


def test_editing_keeps_the_dates_it_did_not_touch(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    ann = core.contacts.create(
        ContactDraft(given_name="Ann", family_name="Lee"),
        dates=[(DateKind.BIRTHDAY, PartialDate(1980, 5, 1))],
    ).value.id
    anniversary = core.records.add_date(ann, DateKind.ANNIVERSARY, PartialDate(2005, 6, 12)).value
    birthday = next(x.id for x in core.contacts.card(ann).dates if x.kind is DateKind.BIRTHDAY)
    main = window(qtbot, core, now)

    def change(dialog: QWidget) -> None:
        assert isinstance(dialog, ContactEditor)
        for kind, when, _label in dialog.dates_rows.rows:
            assert isinstance(kind, QComboBox)
            assert isinstance(when, DateField)
            if kind.currentData() == DateKind.ANNIVERSARY:
                when.setText("13 Jun 2005")
        dialog.job_title.setText("CFO")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    on_next_dialog(change)
    main.edit_contact(ann)
    qtbot.waitUntil(lambda: core.contacts.card(ann).draft.title == "CFO")
    dates = {x.id: x.date for x in core.contacts.card(ann).dates}
    assert dates == {birthday: PartialDate(1980, 5, 1), anniversary: PartialDate(2005, 6, 13)}
    assert core.history.state().undo == "Edit"
    main.undo_action.trigger()
    qtbot.waitUntil(lambda: core.contacts.card(ann).draft.title == "")
    assert {x.id: x.date for x in core.contacts.card(ann).dates}[anniversary] == PartialDate(
        2005, 6, 12
    )


def test_shown_as_names_them_in_the_list_until_it_is_cleared(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    robert = person(core, "Robert", "Kowalski")
    main = window(qtbot, core, now)

    def shown_as(text: str) -> Callable[[QWidget], None]:
        def fill(dialog: QWidget) -> None:
            assert isinstance(dialog, ContactEditor)
            dialog.shown_as.setText(text)
            dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

        return fill

    on_next_dialog(shown_as("Bob Kowalski"))
    main.edit_contact(robert)
    qtbot.waitUntil(lambda: core.contacts.card(robert).name == "Bob Kowalski")
    assert core.contacts.card(robert).draft.given_name == "Robert"
    on_next_dialog(shown_as(""))
    main.edit_contact(robert)
    qtbot.waitUntil(lambda: core.contacts.card(robert).name == "Robert Kowalski")
