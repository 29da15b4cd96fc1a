"""The main window on a real database: first run, the lazy contacts table, search and sorting."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from nurture.app import Nurture
from nurture.demo import generate
from nurture.domain.dto import ContactDraft, EmailValue, PhoneValue
from nurture.domain.enums import InteractionKind, PreferenceCategory
from nurture.services.listing import ContactQuery
from ui.application import app_icon
from ui.models.contacts import (
    CONTACT_ID_ROLE,
    EMAIL_COLUMN,
    LAST_TOUCH_COLUMN,
    PAGE_SIZE,
    PHONE_COLUMN,
    ContactsModel,
)
from ui.views.main_window import MainWindow


def _window(qtbot: QtBot, core: Nurture, now: datetime) -> MainWindow:
    window = MainWindow(core, app_icon(), lambda: now)
    qtbot.addWidget(window)
    window.show()
    return window


def _person(core: Nurture, given: str, family: str, company: str = "") -> int:
    draft = ContactDraft(given_name=given, family_name=family, organization=company)
    return core.contacts.create(draft).value.id


def test_first_run_offers_sample_data_and_then_lists_it(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    window = _window(qtbot, core, now)
    assert window.root.currentWidget() is window.welcome
    assert not window.toolbar.isVisible()

    qtbot.mouseClick(window.welcome.sample_button, Qt.MouseButton.LeftButton)
    # The click returns at once: the network is made on the worker while the page shows it.
    assert window.welcome.progress.isVisible()
    assert not window.welcome.sample_button.isEnabled()

    qtbot.waitUntil(lambda: window.root.currentWidget() is window.body, timeout=20_000)
    main_contacts = core.listing.count(ContactQuery())
    assert main_contacts > 0
    assert window.contacts.model.rowCount() == main_contacts
    assert window.count_label.text() == f"{main_contacts:,} contacts"
    assert window.toolbar.isVisible()


def test_search_finds_a_person_by_a_preference(qtbot: QtBot, core: Nurture, now: datetime) -> None:
    wanted = _person(core, "Hamish", "MacLeod", "Glen Trading")
    core.records.add_preference(wanted, PreferenceCategory.DRINK, "Scotch", "Highland malt only")
    _person(core, "Ada", "Lovelace", "Analytical Engines")
    window = _window(qtbot, core, now)
    assert window.contacts.model.rowCount() == 2

    qtbot.keyClicks(window.search, "highland")
    qtbot.waitUntil(lambda: window.contacts.model.rowCount() == 1)

    assert (
        window.contacts.model.index(0, 0).data()
        == "Hamish MacLeod — taste: drink Scotch Highland malt only"
    )
    assert window.contacts.model.index(0, 0).data(CONTACT_ID_ROLE) == wanted
    assert window.count_label.text() == "1 matching contact"

    window.search.clear()
    qtbot.waitUntil(lambda: window.contacts.model.rowCount() == 2)


def test_ctrl_k_focuses_search(qtbot: QtBot, core: Nurture, now: datetime) -> None:
    _person(core, "Ada", "Lovelace")
    window = _window(qtbot, core, now)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.contacts.table.setFocus()
    assert not window.search.hasFocus()
    qtbot.keyClick(window.contacts.table, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search.hasFocus)


def test_sorting_by_company_and_ignoring_unsortable_columns(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    _person(core, "Zoe", "Adams", "Acme")
    _person(core, "Adam", "Zed", "Beta")
    window = _window(qtbot, core, now)
    assert [window.contacts.model.index(r, 0).data() for r in range(2)] == ["Zoe Adams", "Adam Zed"]

    window.contacts.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert [window.contacts.model.index(r, 1).data() for r in range(2)] == ["Beta", "Acme"]

    email_column = 3
    header = window.contacts.table.horizontalHeader()
    header.setSortIndicator(email_column, Qt.SortOrder.AscendingOrder)
    assert header.sortIndicatorSection() == 1
    assert [window.contacts.model.index(r, 1).data() for r in range(2)] == ["Beta", "Acme"]


def test_last_touch_reads_like_a_person_would_say_it(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    met = _person(core, "Ada", "Lovelace")
    _person(core, "Bob", "Never")
    core.interactions.log(InteractionKind.LUNCH, [met], now - timedelta(days=21))
    window = _window(qtbot, core, now)
    model = window.contacts.model
    touches = {model.index(r, 0).data(): model.index(r, LAST_TOUCH_COLUMN).data() for r in range(2)}
    assert touches == {"Ada Lovelace": "3 weeks ago", "Bob Never": "never"}


@pytest.fixture
def big_core(core: Nurture) -> Nurture:
    generate(core.database, contacts=1_000, seed=7, now=datetime(2026, 11, 1, tzinfo=UTC))
    return core


def test_model_pages_match_the_core_listing(
    big_core: Nurture, now: datetime, qtmodeltester: ModelTester
) -> None:
    model = ContactsModel(big_core.listing, lambda: now)
    model.set_query(ContactQuery())
    assert model.rowCount() == big_core.listing.count(ContactQuery())
    row = PAGE_SIZE * 2 + 17
    expected = big_core.listing.page(ContactQuery(), row, 1)[0]
    star = "  ★" if expected.starred else ""
    assert model.index(row, 0).data() == expected.name + star
    assert model.index(row, 0).data(CONTACT_ID_ROLE) == expected.id
    qtmodeltester.check(model)


def test_phone_column_shows_the_number_as_the_user_typed_it(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    draft = ContactDraft(
        given_name="Olivia",
        family_name="Walker",
        emails=(EmailValue("olivia@example.co.uk"),),
        phones=(PhoneValue("(415) 555-0123"),),
    )
    core.contacts.create(draft)
    window = _window(qtbot, core, now)
    assert window.contacts.model.index(0, PHONE_COLUMN).data() == "(415) 555-0123"
    assert window.contacts.model.index(0, EMAIL_COLUMN).data() == "olivia@example.co.uk"


def test_a_broad_search_shows_its_first_rows_at_once_and_counts_the_rest_on_scroll(
    qtbot: QtBot, core: Nurture, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ui.models.contacts as contacts_model

    monkeypatch.setattr(contacts_model, "SEARCH_ROWS", 3)
    for given in ("Al", "Bo", "Cy", "Di", "Ed"):
        _person(core, given, "Smith", "Golf Club")
    model = ContactsModel(core.listing, lambda: now)
    model.set_query(ContactQuery(search="golf"))
    assert model.rowCount() == 3
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 5
    assert not model.canFetchMore(QModelIndex())
    # In the window, a view that shows its last row asks for the rest itself.
    window = _window(qtbot, core, now)
    qtbot.keyClicks(window.search, "golf")
    qtbot.waitUntil(lambda: window.contacts.model.rowCount() == 5)


def test_down_from_the_search_moves_into_the_results(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    wanted = _person(core, "Hamish", "MacLeod", "Glen Trading")
    _person(core, "Ada", "Lovelace", "Analytical Engines")
    window = _window(qtbot, core, now)
    window.search.setFocus()
    qtbot.keyClicks(window.search, "glen")
    qtbot.keyClick(window.search, Qt.Key.Key_Down)  # no waiting for the typing pause
    assert window.contacts.model.rowCount() == 1
    assert window.contacts.table.hasFocus() or window.focusWidget() is window.contacts.table
    assert window.contacts.selected_ids() == [wanted]
    assert window.contacts.card.card is not None
    assert window.contacts.card.card.id == wanted
