"""A search saved from the Contacts list: opened again from Show ▸ Saved searches (its text back
in the search field), and used to fill a gift campaign."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtWidgets import QInputDialog, QWidget
from pytestqt.qtbot import QtBot

from nurture.app import Nurture
from nurture.domain.dto import AddressValue, ContactDraft
from tests.ui.driving import on_next_dialog, window
from ui.dialogs.campaign import AddRecipientsDialog


def test_a_saved_search_opens_the_list_again_and_fills_a_campaign(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    india = (AddressValue(city="Pune", country="India"),)
    for given, family, tier in (("Priya", "Nair", "A"), ("Pia", "Roy", "B"), ("Ann", "Lee", "A")):
        core.contacts.create(
            ContactDraft(given_name=given, family_name=family, tier=tier, addresses=india)
        )
    main = window(qtbot, core, now)
    page = main.contacts
    page.set_tier("A")
    page._apply_filters()
    main._search_for("pri")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)

    def name(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue("Pri, tier A")
        dialog.accept()

    on_next_dialog(name)
    page.save_search.trigger()
    qtbot.waitUntil(lambda: core.saved_searches.names() == ["Pri, tier A"])
    page.reset_filters()
    main._search_for("")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)

    page._fill_saved()
    assert page.saved.actions()[0].text() == "Pri, tier A"
    page.saved.actions()[0].trigger()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert (main.search.text(), page.tier()) == ("pri", "A")
    assert page.clear_filters.isVisible()  # the filters it set can be cleared

    campaign = core.campaigns.create("Diwali 2026", date(2026, 11, 8), "Diwali").value
    main.sidebar.setCurrentRow(3)
    gifts = main.gifts
    qtbot.waitUntil(lambda: gifts.recipients.view is not None)

    def by_saved(dialog: QWidget) -> None:
        assert isinstance(dialog, AddRecipientsDialog)
        dialog.saved.setCurrentIndex(dialog.saved.findData("Pri, tier A"))
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    on_next_dialog(by_saved)
    gifts.add.click()
    qtbot.waitUntil(lambda: len(core.campaigns.view(campaign).recipients) == 1)
    assert core.campaigns.view(campaign).recipients[0].contact.name == "Priya Nair"
