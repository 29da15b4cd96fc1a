"""The contacts workspace driven like a user would: real dialogs, real database, real worker."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit, QMessageBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from nurture.app import Nurture
from nurture.domain.dto import ContactDraft, ContactRef
from nurture.domain.enums import InteractionKind, PreferenceCategory, RelationshipKind
from nurture.services.importing import ImportOptions
from nurture.services.listing import ContactQuery
from tests.ui.driving import on_next_dialog as _on_next_dialog
from tests.ui.driving import person as _person
from tests.ui.driving import select as _select
from tests.ui.driving import window as _window
from ui.application import app_icon
from ui.dialogs.contact_editor import ContactEditor
from ui.dialogs.date_field import DateField
from ui.dialogs.export import ExportDialog
from ui.dialogs.quick_log import QuickLogDialog
from ui.models.contacts import CONTACT_ID_ROLE, LAST_TOUCH_COLUMN
from ui.views.main_window import MainWindow


def test_create_edit_and_delete_a_contact_then_undo_the_delete(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    _person(core, "Ada", "Lovelace")
    window = _window(qtbot, core, now)

    def fill_new(dialog: QWidget) -> None:
        assert isinstance(dialog, ContactEditor)
        dialog.given.setText("Hamish")
        dialog.family.setText("MacLeod")
        _label, email = dialog.emails.add()
        assert isinstance(email, QLineEdit)
        email.setText("hamish@glen.example")
        _kind, birthday, _note = dialog.dates_rows.rows[0]  # a birthday line is ready
        assert isinstance(birthday, DateField)
        birthday.setText("--02-29")
        dialog.tags.setText("Clients, Whisky")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    _on_next_dialog(fill_new)
    window.new_contact()
    qtbot.waitUntil(lambda: core.listing.count(ContactQuery()) == 2)
    hamish = core.contacts.resolve("Hamish MacLeod")
    card = core.contacts.card(hamish)
    assert card.draft.tags == ("Clients", "Whisky")
    assert [(d.date.month, d.date.day, d.date.year) for d in card.dates] == [(2, 29, None)]
    qtbot.waitUntil(lambda: window.contacts.card.card is not None)
    assert window.contacts.card.card is not None
    assert window.contacts.card.card.name == "Hamish MacLeod"

    def rename(dialog: QWidget) -> None:
        assert isinstance(dialog, ContactEditor)
        dialog.job_title.setText("Distiller")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    _on_next_dialog(rename)
    window.edit_contact(hamish)
    qtbot.waitUntil(lambda: core.contacts.card(hamish).draft.title == "Distiller")
    qtbot.waitUntil(lambda: "Distiller" in window.contacts.card.browser.toPlainText())

    _on_next_dialog(lambda box: box.button(QMessageBox.StandardButton.Yes).click())  # type: ignore[attr-defined]
    window.contacts.delete([hamish])
    qtbot.waitUntil(lambda: core.listing.count(ContactQuery()) == 1)
    # The worker has committed; the window learns of it when the result comes back.
    qtbot.waitUntil(lambda: window.undo_action.text() == "&Undo delete")
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: core.listing.count(ContactQuery()) == 2)
    assert core.contacts.card(hamish).draft.title == "Distiller"
    qtbot.waitUntil(lambda: window.contacts.model.rowCount() == 2)
    # Several steps deep: the edit before the delete, then redo it (Ctrl+Shift+Z).
    assert window.undo_action.text() == "&Undo edit"
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: window.redo_action.text() == "&Redo edit")
    assert core.contacts.card(hamish).draft.title == ""
    window.redo_action.trigger()
    qtbot.waitUntil(lambda: core.contacts.card(hamish).draft.title == "Distiller")
    qtbot.waitUntil(lambda: window.undo_action.text() == "&Undo edit")
    assert window.redo_action.text() == "&Redo delete"


def test_an_export_after_a_delete_keeps_undo_and_writes_the_type_chosen(
    qtbot: QtBot, core: Nurture, now: datetime, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    ids = [_person(core, f"Person{n}", "Lee") for n in range(50)]
    keep = _person(core, "Zoe", "Kept")
    window = _window(qtbot, core, now)
    _on_next_dialog(lambda box: box.button(QMessageBox.StandardButton.Yes).click())  # type: ignore[attr-defined]
    window.contacts.delete(ids)
    qtbot.waitUntil(lambda: window.undo_action.text() == "&Undo delete")

    # "everyone" typed without an extension, vCards of everyone picked.
    target = tmp_path / "everyone"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))

    def vcards(dialog: QWidget) -> None:
        assert isinstance(dialog, ExportDialog)
        dialog.kind.button(1).setChecked(True)
        dialog.accept()

    _on_next_dialog(vcards)
    window.export_file()
    written = tmp_path / "everyone.vcf"
    qtbot.waitUntil(written.exists)
    assert written.read_text(encoding="utf-8").startswith("BEGIN:VCARD")
    assert "Zoe Kept" in written.read_text(encoding="utf-8")
    assert not (tmp_path / "everyone.vcf.part").exists()
    assert window.undo_action.text() == "&Undo delete"  # an export changes nothing

    window.undo_action.trigger()
    qtbot.waitUntil(lambda: core.listing.count(ContactQuery()) == 51)
    assert keep in core.listing.ids(ContactQuery())


def test_the_editor_explains_a_bad_email_and_will_not_save_it(qtbot: QtBot) -> None:
    editor = ContactEditor(None, date(2026, 11, 27))
    qtbot.addWidget(editor)
    editor.given.setText("Ann")
    _label, email = editor.emails.add()
    assert isinstance(email, QLineEdit)
    email.setText("ann-at-example")
    ok = editor.buttons.button(editor.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    assert "not an email address" in editor.error.text()
    email.setText("ann@example.com")
    assert ok.isEnabled()
    assert editor.error.text() == ""


def test_a_preference_finds_the_person(qtbot: QtBot, core: Nurture, now: datetime) -> None:
    wife = _person(core, "Maria", "Rossi")
    core.records.add_preference(wife, PreferenceCategory.FOOD, "Dark chocolate", "70% or more")
    _person(core, "Bob", "Roe")
    window = _window(qtbot, core, now)
    qtbot.keyClicks(window.search, "dark choc")
    qtbot.waitUntil(lambda: window.contacts.model.rowCount() == 1)
    assert window.contacts.model.index(0, 0).data(CONTACT_ID_ROLE) == wife
    qtbot.waitUntil(lambda: "Dark chocolate" in window.contacts.card.browser.toPlainText())


def test_log_a_lunch_with_two_people_touches_both(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    ann, bob = _person(core, "Ann", "Lee"), _person(core, "Bob", "Roe")
    window = _window(qtbot, core, now)

    def log(dialog: QWidget) -> None:
        assert isinstance(dialog, QuickLogDialog)
        assert dialog.participant_ids() == [ann]
        dialog.add_person(ContactRef(bob, "Bob Roe"))
        dialog.note.setPlainText("Sushi")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    _on_next_dialog(log)
    window.quick_log([ContactRef(ann, "Ann Lee")], InteractionKind.LUNCH)
    qtbot.waitUntil(lambda: core.contacts.card(bob).last_interaction_at is not None)
    for person in (ann, bob):
        card = core.contacts.card(person)
        assert card.last_interaction_at is not None
        assert abs(card.last_interaction_at - now) < timedelta(minutes=1)
        assert card.interactions[0].kind is InteractionKind.LUNCH
    qtbot.waitUntil(lambda: window.contacts.model.index(0, LAST_TOUCH_COLUMN).data() == "today")


def test_bulk_tag_three_contacts_and_undo(qtbot: QtBot, core: Nurture, now: datetime) -> None:
    ids = [_person(core, given, "Smith") for given in ("Al", "Bo", "Cy", "Di")]
    window = _window(qtbot, core, now)
    for contact_id in ids[:3]:
        model = window.contacts.model
        row = next(r for r in range(4) if model.index(r, 0).data(CONTACT_ID_ROLE) == contact_id)
        window.contacts.table.selectionModel().select(
            window.contacts.model.index(row, 0),
            window.contacts.table.selectionModel().SelectionFlag.Select
            | window.contacts.table.selectionModel().SelectionFlag.Rows,
        )
    assert sorted(window.contacts.selected_ids()) == sorted(ids[:3])

    def tag(dialog: QWidget) -> None:
        assert isinstance(dialog, QDialog)
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue("Holiday cards")
        dialog.accept()

    _on_next_dialog(tag)
    window.contacts._tag(window.contacts.selected_ids(), add=True)
    qtbot.waitUntil(lambda: core.listing.count(ContactQuery(tag="Holiday cards")) == 3)
    assert "Holiday cards" not in core.contacts.card(ids[3]).draft.tags
    qtbot.waitUntil(lambda: window.contacts.tag.findData("Holiday cards") >= 0)
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: core.listing.count(ContactQuery(tag="Holiday cards")) == 0)


def test_add_a_taste_from_the_card_then_find_the_person_by_it(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    from ui.dialogs.records import PreferenceDialog

    client = _person(core, "Hamish", "MacLeod")
    _person(core, "Ada", "Lovelace")
    window = _window(qtbot, core, now)
    _select(window, client)
    qtbot.waitUntil(lambda: window.contacts.card.card is not None)

    def taste(dialog: QWidget) -> None:
        assert isinstance(dialog, PreferenceDialog)
        assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        dialog.item.setText("Scotch")
        dialog.category.setCurrentIndex(dialog.category.findData(PreferenceCategory.DRINK))
        dialog.detail.setText("Highland single malt only")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    _on_next_dialog(taste)
    window.contacts.card.add_actions["taste"].trigger()
    qtbot.waitUntil(lambda: bool(core.contacts.card(client).preferences))
    qtbot.waitUntil(lambda: "Highland single malt" in window.contacts.card.browser.toPlainText())
    qtbot.keyClicks(window.search, "highland")
    qtbot.waitUntil(lambda: window.contacts.model.rowCount() == 1)
    assert window.contacts.model.index(0, 0).data(CONTACT_ID_ROLE) == client


def plan_lines(window: MainWindow) -> list[str]:
    """The plan page's rows as "name | why" (headings as they read)."""
    model = window.today.rows
    return [
        " | ".join(str(model.index(r, c).data() or "").split("\n")[0] for c in (0, 1)).rstrip(" |")
        for r in range(model.rowCount())
    ]


def test_today_plans_a_clients_birthday_and_an_overdue_person(
    qtbot: QtBot,
    core: Nurture,
    now: datetime,
    qtmodeltester: ModelTester,
) -> None:
    from nurture.domain.dates import PartialDate
    from nurture.domain.enums import DateKind
    from ui.models.plan import CONTACT_ROLE

    core.settings.update(time_zone="UTC", gift_holidays=[])
    soon = (now + timedelta(days=2)).date()
    ann = _person(core, "Ann", "Lee")
    core.contacts.update(ann, replace(core.contacts.card(ann).draft, tier="A"))
    core.records.add_date(ann, DateKind.BIRTHDAY, PartialDate(1986, soon.month, soon.day))
    bob = core.contacts.create(
        ContactDraft(given_name="Bob", family_name="Roe", keep_in_touch_days=30)
    ).value.id
    core.interactions.log(InteractionKind.CALL, [bob], now - timedelta(days=45))
    window = _window(qtbot, core, now)
    window.sidebar.setCurrentRow(0)
    model = window.today.rows
    qtbot.waitUntil(lambda: model.rowCount() == 4)
    # Sunday: the keep-in-touch list is Monday's.
    assert plan_lines(window) == [
        "Occasions (1)",
        "Ann Lee | birthday Tue (turns 40)",
        "Keep in touch (1)",
        "Bob Roe | overdue 16 days, every 30 days",
    ]
    assert "0 follow-ups, 1 occasion, 1 person to keep in touch with" in window.today.summary.text()
    assert "keep in touch planned for Mon Nov 23" in window.today.summary.text()
    assert model.index(3, 0).data(CONTACT_ROLE) == bob
    qtmodeltester.check(model)


def test_a_tags_cadence_reads_the_same_in_the_list_the_card_and_today(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    from ui.models.contacts import CADENCE_COLUMN

    core.settings.update(time_zone="UTC", gift_holidays=[])
    ann = core.contacts.create(
        ContactDraft(given_name="Ann", family_name="Lee", tags=("Clients",))
    ).value.id
    core.contacts.set_tag_cadence("Clients", 30)
    core.interactions.log(InteractionKind.CALL, [ann], now - timedelta(days=45))
    window = _window(qtbot, core, now)
    window.sidebar.setCurrentRow(1)
    model = window.contacts.model
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert model.index(0, CADENCE_COLUMN).data() == "overdue 15 days"
    _select(window, ann)
    qtbot.waitUntil(lambda: "overdue 15 days" in window.contacts.card.browser.toPlainText())
    assert "every 30 days (tag Clients)" in window.contacts.card.browser.toPlainText()
    window.sidebar.setCurrentRow(0)
    qtbot.waitUntil(lambda: window.today.rows.rowCount() == 2)
    # Planned for Monday, the next working day after this Sunday: one day later.
    assert plan_lines(window)[1] == "Ann Lee | overdue 16 days, every 30 days"


def test_a_write_about_someone_else_keeps_the_selection_and_the_card(
    qtbot: QtBot,
    core: Nurture,
    now: datetime,
    qtmodeltester: ModelTester,
) -> None:
    from nurture.domain.enums import ContactSort

    people = {name: _person(core, name, "Lee") for name in ("Ann", "Bob", "Cy", "Di")}
    window = _window(qtbot, core, now)
    window.sidebar.setCurrentRow(1)
    page = window.contacts
    qtbot.waitUntil(lambda: page.model.rowCount() == 4)
    resets: list[bool] = []
    page.model.modelReset.connect(lambda: resets.append(True))

    def log_call(name: str) -> None:
        done: list[object] = []
        window.workspace.write(
            lambda: core.interactions.log(InteractionKind.CALL, [people[name]], now),
            done=done.append,
        )
        qtbot.waitUntil(lambda: bool(done))

    def shown() -> tuple[list[int], int | None, bool]:
        card = page.card.card
        return page.selected_ids(), card.id if card else None, page.bulk.isEnabled()

    _select(window, people["Cy"])
    log_call("Ann")  # a row repainted in place, no reset
    assert shown() == ([people["Cy"]], people["Cy"], True)
    assert resets == []
    row = next(r for r in range(4) if page.model.index(r, 0).data(CONTACT_ID_ROLE) == people["Ann"])
    assert page.model.index(row, LAST_TOUCH_COLUMN).data() == "today"  # Ann's

    # Sorted by last touch, a call reorders the rows: re-read, and the same person selected.
    page.model.set_query(replace(page.model.query, sort=ContactSort.LAST_INTERACTION))
    _select(window, people["Cy"])
    log_call("Bob")
    assert resets
    assert shown() == ([people["Cy"]], people["Cy"], True)
    qtmodeltester.check(page.model)


def test_the_card_shows_family_dates_and_completes_a_follow_up(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    from PySide6.QtCore import QUrl

    from nurture.domain.dates import PartialDate
    from nurture.domain.enums import DateKind

    jane = _person(core, "Jane", "Doe")
    tim = ContactDraft(given_name="Tim", family_name="Doe")
    kid = core.network.add_related_person(jane, RelationshipKind.CHILD, tim).value
    core.records.add_date(kid, DateKind.BIRTHDAY, PartialDate(2010, 5, 10))
    due = (now - timedelta(days=3)).date()
    follow_up = core.records.add_follow_up(jane, due, "Send the proposal").value
    window = _window(qtbot, core, now)
    _select(window, jane)
    qtbot.waitUntil(lambda: window.contacts.card.card is not None)
    text = window.contacts.card.browser.toPlainText()
    assert "Tim Doe's (child) birthday" in text
    assert "Send the proposal" in text
    assert "overdue" in text

    window.contacts.card._link(QUrl(f"nurture://follow-up-done/{follow_up}/{due.isoformat()}"))
    qtbot.waitUntil(lambda: core.contacts.card(jane).follow_ups[0].done_at is not None)
    qtbot.waitUntil(lambda: "Send the proposal" not in window.contacts.card.browser.toPlainText())


def test_today_snooze_hides_a_person_until_then_and_done_logs_the_touch(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    from nurture.domain.dates import PartialDate
    from nurture.domain.enums import DateKind

    clock = [now]
    core.settings.update(time_zone="UTC", gift_holidays=[], digest_time="08:00")
    soon = (now + timedelta(days=3)).date()
    ann = core.contacts.create(ContactDraft(given_name="Ann", family_name="Lee", starred=True))
    core.records.add_date(ann.value.id, DateKind.BIRTHDAY, PartialDate(1986, soon.month, soon.day))
    bob = core.contacts.create(
        ContactDraft(given_name="Bob", family_name="Roe", keep_in_touch_days=30)
    ).value.id
    core.interactions.log(InteractionKind.CALL, [bob], now - timedelta(days=45))
    window = MainWindow(core, app_icon(), lambda: clock[0])
    qtbot.addWidget(window)
    window.show()
    today = window.today

    def row_of(name: str) -> int | None:
        return next((r for r, line in enumerate(plan_lines(window)) if line.startswith(name)), None)

    qtbot.waitUntil(lambda: row_of("Ann Lee") is not None)
    today.table.selectRow(row_of("Ann Lee") or 0)
    today._put_off(1)  # Snooze ▾ Tomorrow
    qtbot.waitUntil(lambda: row_of("Ann Lee") is None and row_of("Bob Roe") is not None)

    today.table.selectRow(row_of("Bob Roe") or 0)
    today.buttons["done"].click()
    qtbot.waitUntil(lambda: row_of("Bob Roe") is None)
    assert core.contacts.card(bob).interactions[0].occurred_at == now
    window.undo_action.trigger()  # Undo brings him back
    qtbot.waitUntil(lambda: row_of("Bob Roe") is not None)
    window.redo_action.trigger()
    qtbot.waitUntil(lambda: row_of("Bob Roe") is None)

    clock[0] = now + timedelta(days=1, hours=1)  # Monday, past 08:00
    today.reload()
    qtbot.waitUntil(lambda: row_of("Ann Lee") is not None)
    assert row_of("Bob Roe") is None  # done stays done


def test_preferences_are_saved_in_the_database(qtbot: QtBot, core: Nurture, now: datetime) -> None:
    from ui.dialogs.preferences import PreferencesDialog

    _person(core, "Ann", "Lee")
    window = _window(qtbot, core, now)

    def change(dialog: QWidget) -> None:
        assert isinstance(dialog, PreferencesDialog)
        dialog.leads["birthday"].setValue(10)
        dialog.leap.setCurrentIndex(dialog.leap.findData("mar1"))
        dialog.gift_days["valentines"].setChecked(False)
        dialog.tiers["A"].setValue(21)
        dialog.week_start.setCurrentIndex(dialog.week_start.findData(6))
        assert dialog.daily.text() == "as the cadences ask"
        dialog.daily.setValue(20)
        assert dialog.gift_limit.text() == "no limit"
        dialog.gift_limit.setValue(25)
        dialog.second_backups.setText("/media/usb/Nurture backups")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    _on_next_dialog(change)
    window.preferences()
    qtbot.waitUntil(lambda: core.settings.get().leap_day == "mar1")
    settings = core.settings.get()
    assert settings.lead_days["birthday"] == 10
    assert "valentines" not in settings.gift_holidays
    assert "christmas" in settings.gift_holidays
    assert settings.tier_cadence["A"] == 21
    assert settings.daily_touches == 20
    assert settings.gift_limit_cents == 2500
    assert settings.second_backup_folder == "/media/usb/Nurture backups"
    qtbot.waitUntil(lambda: "about 20 a day" in window.today.summary.text())  # Today follows
    window.sidebar.setCurrentRow(2)
    assert window.calendar.grid.first == 6
    assert window.calendar.grid.days()[0].weekday() == 6  # weeks start on Sunday


def test_merging_a_duplicate_pair_keeps_every_interaction(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    from nurture.domain.dto import EmailValue
    from ui.dialogs.duplicates import DuplicatesDialog

    first = core.contacts.create(
        ContactDraft(
            given_name="Jon",
            family_name="Smith",
            organization="Acme",
            emails=(EmailValue("jon@acme.example"),),
        )
    ).value.id
    second = core.contacts.create(
        ContactDraft(
            given_name="John",
            family_name="Smith",
            organization="Acme Corp",
            emails=(EmailValue("JON@acme.example"),),
        )
    ).value.id
    core.interactions.log(InteractionKind.LUNCH, [first], now - timedelta(days=3))
    core.interactions.log(InteractionKind.CALL, [second], now - timedelta(days=1))
    window = _window(qtbot, core, now)
    dialog = DuplicatesDialog(window, window.workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.left is not None)  # the pair, then its cards, on the worker
    assert "same email" in dialog.names.stringList()[0]
    dialog.groups["given_name"].button(1).setChecked(True)  # take "John" from the right
    dialog.merge()
    qtbot.waitUntil(lambda: core.listing.count(ContactQuery()) == 1)
    kept = core.contacts.card(first)
    assert kept.draft.given_name == "John"
    assert kept.draft.organization == "Acme"
    kinds = sorted(i.kind for i in kept.interactions)
    assert kinds == [InteractionKind.CALL, InteractionKind.LUNCH]
    qtbot.waitUntil(lambda: dialog.names.stringList() == [])


def test_the_calendar_places_feb_29_by_year_and_policy(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    from nurture.domain.dates import PartialDate
    from nurture.domain.enums import DateKind
    from ui.views.month_grid import month_days

    core.settings.update(time_zone="UTC", gift_holidays=[], leap_day="mar1")
    leapling = _person(core, "Leap", "Ling")
    core.records.add_date(leapling, DateKind.BIRTHDAY, PartialDate(1996, 2, 29))
    _person(core, "Ada", "Lovelace")
    clock = [datetime(2028, 2, 10, 9, 0, tzinfo=now.tzinfo)]  # 2028 is a leap year
    window = MainWindow(core, app_icon(), lambda: clock[0])
    qtbot.addWidget(window)
    window.show()
    calendar = window.calendar
    window.sidebar.setCurrentRow(2)
    qtbot.waitUntil(lambda: calendar.grid.chips(date(2028, 2, 29)) == ["Leap Ling"])
    assert calendar.grid.chips(date(2028, 2, 28)) == []
    assert len(month_days(2028, 2, calendar.grid.first)) == 42

    calendar.go(12)  # February 2029, a common year: March 1 by the setting
    qtbot.waitUntil(lambda: calendar.grid.chips(date(2029, 3, 1)) == ["Leap Ling"])
    assert calendar.grid.chips(date(2029, 2, 28)) == []

    calendar.filters["Birthdays"].setChecked(False)
    assert calendar.grid.chips(date(2029, 3, 1)) == []


def test_the_next_month_is_read_ahead_and_read_again_after_a_change(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    from nurture.domain.dates import PartialDate
    from nurture.domain.enums import DateKind

    core.settings.update(time_zone="UTC", gift_holidays=[])
    ann = _person(core, "Ann", "March")
    core.records.add_date(ann, DateKind.BIRTHDAY, PartialDate(1980, 3, 12))
    clock = [datetime(2028, 2, 10, 9, 0, tzinfo=now.tzinfo)]
    window = MainWindow(core, app_icon(), lambda: clock[0])
    qtbot.addWidget(window)
    window.show()
    calendar = window.calendar
    window.sidebar.setCurrentRow(2)

    def read(year: int, month: int) -> bool:  # that month's grid is read and kept
        return any((first + timedelta(days=15)).month == month for first, _, _ in calendar._ready)

    qtbot.waitUntil(lambda: read(2028, 3))

    calendar.go(1)  # March, read ahead: on screen at once, no wait for the worker
    assert calendar.grid.chips(date(2028, 3, 12)) == ["Ann March"]

    bob = _person(core, "Bob", "April")
    before = calendar._generation
    window.workspace.write(
        lambda: core.records.add_date(bob, DateKind.BIRTHDAY, PartialDate(1981, 4, 3))
    )
    # The change is published: April, read ahead before it, is read again.
    qtbot.waitUntil(lambda: calendar._generation > before and read(2028, 4))
    calendar.go(1)
    assert calendar.grid.chips(date(2028, 4, 3)) == ["Bob April"]


def test_the_import_wizard_maps_imports_handles_a_duplicate_and_undoes(
    qtbot: QtBot, core: Nurture, now: datetime, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QComboBox

    from nurture.domain.dto import EmailValue
    from ui.dialogs.import_wizard import ImportWizard

    core.contacts.create(
        ContactDraft(given_name="Ann", family_name="Lee", emails=(EmailValue("ann@lee.example"),))
    )
    path = tmp_path / "google.csv"
    path.write_text(
        "First Name,Last Name,E-mail 1 - Value,Direct line\n"
        "Ann,Lee,ann@lee.example,+1 415 555 0100\n"
        "Bob,Roe,bob@roe.example,+1 415 555 0101\n",
        encoding="utf-8",
    )
    window = _window(qtbot, core, now)
    wizard = ImportWizard(window, window.workspace, str(path))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()  # reads the file (on the worker)
    qtbot.waitUntil(wizard.mapping_page.isComplete)
    table = wizard.mapping_page.table
    names = [item.text() for r in range(table.rowCount()) if (item := table.item(r, 0))]
    assert names == ["First Name", "Last Name", "E-mail 1 - Value", "Direct line"]
    cell = table.cellWidget(names.index("Direct line"), 2)
    assert isinstance(cell, QComboBox)
    assert cell.currentData() == "ignore"  # an unknown column is not imported...
    cell.setCurrentIndex(cell.findData("phone"))  # ...until mapped
    wizard.next()
    qtbot.waitUntil(lambda: "1</b> new" in wizard.preview_page.counts.text())
    assert "<b>1</b> already here" in wizard.preview_page.counts.text()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.report is not None)
    assert wizard.report is not None
    assert (wizard.report.created, wizard.report.merged) == (1, 1)
    bob = core.contacts.card(core.contacts.resolve("Bob Roe"))
    assert bob.draft.phones[0].e164 == "+14155550101"
    ann = core.contacts.card(core.contacts.resolve("Ann Lee"))
    assert [p.e164 for p in ann.draft.phones] == ["+14155550100"]

    wizard.run_page.undo_button.click()
    qtbot.waitUntil(lambda: core.listing.count(ContactQuery(include_light=True)) == 1)
    assert core.contacts.card(ann.id).draft.phones == ()


def test_the_import_wizard_reads_vcards_end_to_end(
    qtbot: QtBot, core: Nurture, now: datetime, tmp_path: Path
) -> None:
    from ui.dialogs.import_wizard import ImportWizard

    _person(core, "Someone", "Else")
    path = tmp_path / "phone.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Rossi;Maria;;;\r\nFN:Maria Rossi\r\n"
        "EMAIL;TYPE=INTERNET:maria@rossi.example\r\nBDAY:1604-05-01\r\nX-APPLE-OMIT-YEAR:1604\r\n"
        "END:VCARD\r\n",
        encoding="utf-8",
    )
    window = _window(qtbot, core, now)
    wizard = ImportWizard(window, window.workspace, str(path))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    qtbot.waitUntil(wizard.mapping_page.isComplete)
    assert "Looks like <b>vCards</b>, 1 record." in wizard.mapping_page.summary.text()
    wizard.next()
    qtbot.waitUntil(lambda: "<b>1</b> new" in wizard.preview_page.counts.text())
    wizard.next()
    qtbot.waitUntil(lambda: wizard.report is not None)
    maria = core.contacts.card(core.contacts.resolve("Maria Rossi"))
    birthday = maria.dates[0].date
    assert (birthday.year, birthday.month, birthday.day) == (None, 5, 1)


def test_the_import_wizard_says_an_encoding_was_guessed_and_switches_it(
    qtbot: QtBot, core: Nurture, now: datetime, tmp_path: Path
) -> None:
    from ui.dialogs.import_wizard import ImportWizard

    path = tmp_path / "outlook.csv"
    path.write_bytes("First Name,Last Name\r\nJosé,Peña\r\n".encode("cp1252"))
    window = _window(qtbot, core, now)
    wizard = ImportWizard(window, window.workspace, str(path))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    page = wizard.mapping_page
    qtbot.waitUntil(page.isComplete)
    assert "Western European (Windows-1252), a guess" in page.summary.text()
    assert page.names.text() == "First names read: José Peña"
    other = page.encoding.findData("cp1250")
    assert page.encoding.itemText(other) == "Central European (Windows-1250) — also possible"
    page.encoding.activated.emit(other)  # as a pick from the list does
    qtbot.waitUntil(lambda: page.names.text() == "First names read: José Peńa")
    assert page.encoding.currentData() == "cp1250"  # the list follows the choice
    page.encoding.activated.emit(page.encoding.findData("cp1252"))
    qtbot.waitUntil(lambda: page.names.text() == "First names read: José Peña")
    wizard.next()
    qtbot.waitUntil(lambda: "<b>1</b> new" in wizard.preview_page.counts.text())
    wizard.next()
    qtbot.waitUntil(lambda: wizard.report is not None)
    assert core.contacts.resolve("José Peña")


def test_a_linkedin_reimport_in_the_wizard_lists_a_company_change_to_act_on(
    qtbot: QtBot, core: Nurture, now: datetime, tmp_path: Path
) -> None:
    from ui.dialogs.import_wizard import ImportWizard

    header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    row = "Maria,Lopez,https://www.linkedin.com/in/ml,maria@lopez.example,{},Sales,12 Jan 2024\n"
    before, after = tmp_path / "before.csv", tmp_path / "after.csv"
    before.write_text(header + row.format("Acme Corp"), encoding="utf-8")
    after.write_text(header + row.format("Globex"), encoding="utf-8")
    core.importing.run(core.importing.open(before.read_bytes(), "before.csv"), ImportOptions())
    window = _window(qtbot, core, now)
    wizard = ImportWizard(window, window.workspace, str(after))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    qtbot.waitUntil(wizard.mapping_page.isComplete)
    wizard.next()
    qtbot.waitUntil(lambda: "already here" in wizard.preview_page.counts.text())
    wizard.next()
    qtbot.waitUntil(lambda: wizard.report is not None)
    page = wizard.run_page
    assert [page.changes.item(i).text() for i in range(page.changes.count())] == [
        "Maria Lopez moved from Acme Corp to Globex — congratulate them"
    ]
    maria = core.contacts.resolve("Maria Lopez")
    update = next(b for b in page.change_actions if b.text() == "Update the card")
    update.click()
    qtbot.waitUntil(lambda: core.contacts.card(maria).draft.organization == "Globex")
    congratulate = next(b for b in page.change_actions if b.text() == "Log congratulations")
    congratulate.click()
    qtbot.waitUntil(lambda: len(core.contacts.card(maria).interactions) == 1)
    assert core.contacts.card(maria).interactions[0].title == "Congratulated on Globex"


def test_not_a_duplicate_is_remembered_and_every_pair_can_be_picked(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    from ui.dialogs.duplicates import DuplicatesDialog

    pairs = [(_person(core, "Sam", f"Lee{n}"), _person(core, "Sam", f"Lee{n}")) for n in range(3)]
    window = _window(qtbot, core, now)
    dialog = DuplicatesDialog(window, window.workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: len(dialog.names.stringList()) == 3)
    third = dialog.list.visualRect(dialog.names.index(2, 0)).center()
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=third)
    assert dialog.list.currentIndex().row() == 2  # nothing of the last pair covers the list
    qtbot.waitUntil(lambda: dialog.right is not None)  # its cards are read on the worker
    assert dialog.left is not None
    assert dialog.right is not None
    assert {dialog.left.id, dialog.right.id} == set(pairs[2])
    dialog.distinct_button.click()
    qtbot.waitUntil(lambda: len(dialog.names.stringList()) == 2)
    assert len(core.duplicates.find()) == 2
    assert core.history.state().undo == "Not duplicates"


def test_today_is_triaged_with_the_keyboard_done_then_the_next(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    from nurture.domain.dates import PartialDate
    from nurture.domain.enums import DateKind

    core.settings.update(time_zone="UTC", gift_holidays=[])
    for given in ("Ann", "Bob", "Cy"):
        someone = core.contacts.create(
            ContactDraft(given_name=given, family_name="Lee", tier="B")
        ).value.id
        core.records.add_date(someone, DateKind.BIRTHDAY, PartialDate(1980, now.month, now.day))
    window = _window(qtbot, core, now)
    today = window.today
    today.reload()
    qtbot.waitUntil(lambda: today.rows.rowCount() == 4)  # a heading, 3 birthdays
    today.table.setFocus()
    today.table.selectRow(1)
    seen = []
    for rows_after in (3, 2, 1):  # a heading and who is left; then the empty line
        current = today.current()
        assert current is not None
        seen.append(current.contact.name)
        qtbot.keyClick(today.table, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: today.rows.rowCount() == rows_after)  # noqa: B023
    # Each Done moved to the next person, the table kept the keyboard, and the day is clear.
    assert seen == ["Ann Lee", "Bob Lee", "Cy Lee"]
    assert today.rows.index(0, 0).data() == "Nobody needs you today: a good day to reconnect."


def test_the_brief_follows_the_selection_and_a_call_leaves_a_follow_up(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    from ui.dialogs.quick_log import QuickLogDialog

    core.settings.update(time_zone="UTC", gift_holidays=[])
    people = {}
    for given, days in (("Ann", 40), ("Bob", 50)):
        people[given] = core.contacts.create(
            ContactDraft(given_name=given, family_name="Lee", keep_in_touch_days=30)
        ).value.id
        core.interactions.log(
            InteractionKind.LUNCH,
            [people[given]],
            now - timedelta(days=days),
            f"Lunch with {given}",
        )
    window = _window(qtbot, core, now)
    today = window.today
    today.reload()
    qtbot.waitUntil(lambda: today.rows.rowCount() == 3)
    today.table.selectRow(1)  # the most overdue first: Bob
    qtbot.waitUntil(lambda: "Lunch with Bob" in today.brief.toPlainText())
    today.table.selectRow(2)
    qtbot.waitUntil(lambda: "Lunch with Ann" in today.brief.toPlainText())
    assert "Bob" not in today.brief.toPlainText()

    def log(dialog: QWidget) -> None:
        assert isinstance(dialog, QuickLogDialog)
        assert dialog.interaction_kind() is InteractionKind.CALL
        dialog.remind.setCurrentIndex(dialog.remind.findData(14))
        dialog.ask_about.setText("the boat show")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    _on_next_dialog(log)
    today.buttons["call"].click()
    ann = people["Ann"]
    qtbot.waitUntil(lambda: len(core.contacts.card(ann).follow_ups) == 1)
    (follow_up,) = core.contacts.card(ann).follow_ups
    assert follow_up.due_date == now.date() + timedelta(days=14)
    assert core.plan.brief(ann).ask_about == "the boat show"
    # Touched, Ann leaves the plan (on a day off, it plans Monday's touches): Bob is current.
    qtbot.waitUntil(
        lambda: (
            [line.split(" | ")[0] for line in plan_lines(window)]
            == ["Keep in touch (1)", "Bob Lee"]
        )
    )
