"""View ▸ Private for a shared screen: the card, the Gifts and Network pages hide notes,
tastes, gifts and amounts until it is switched off; the data itself is untouched."""

from __future__ import annotations

from datetime import date, datetime

from pytestqt.qtbot import QtBot

from nurture.app import Nurture
from nurture.domain.dto import ContactDraft
from nurture.domain.enums import GiftDirection, PreferenceCategory
from tests.ui.driving import select, window
from ui.privacy import HIDDEN, NOTICE
from ui.views.network_page import NetworkPage


def value(network: NetworkPage) -> str:
    """The first partner's all-time value, as the Network page shows it."""
    return str(network.rows.index(0, 4).data() or "")


def test_private_hides_notes_tastes_gifts_and_amounts_until_switched_off(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    core.settings.update(currency="USD")
    robert = core.contacts.create(
        ContactDraft(given_name="Robert", family_name="Hale", notes="Divorce pending")
    ).value.id
    dana = core.contacts.create(ContactDraft(given_name="Dana", family_name="Fox")).value.id
    core.records.add_preference(robert, PreferenceCategory.DRINK, "Highland single malt")
    core.records.add_gift(
        robert, GiftDirection.GIVEN, "Dalwhinnie 15", "", date(2025, 12, 20), 8900
    )
    campaign = core.campaigns.create("Christmas 2026", date(2026, 12, 25), "Christmas").value
    core.campaigns.add_recipients(campaign, [robert])
    core.campaigns.choose(campaign, robert, "Cigar humidor", 12000)
    core.network.record_referral(dana, robert, date(2026, 3, 1), 500_000)
    main = window(qtbot, core, now)
    select(main, robert)
    card = main.contacts.card.browser
    qtbot.waitUntil(lambda: "Divorce pending" in card.toPlainText())

    main.private_action.trigger()

    shown = card.toPlainText()
    for secret in ("Divorce pending", "Highland single malt", "Dalwhinnie", "5,000.00"):
        assert secret not in shown, secret
    assert NOTICE in shown
    assert main.private_label.isVisible()
    main.sidebar.setCurrentRow(3)
    gifts = main.gifts
    qtbot.waitUntil(lambda: gifts.recipients.rowCount() == 1)
    assert [gifts.recipients.index(0, c).data() for c in (2, 3)] == [HIDDEN, HIDDEN]
    assert "Cigar" not in gifts.detail.toPlainText()
    main.sidebar.setCurrentRow(4)
    network = main.network
    qtbot.waitUntil(lambda: network.rows.rowCount() == 1)
    assert value(network) == HIDDEN

    main.private_action.trigger()  # off again: all of it back, nothing lost
    qtbot.waitUntil(lambda: value(network) == "5,000.00 USD")
    main.sidebar.setCurrentRow(3)
    qtbot.waitUntil(lambda: gifts.recipients.index(0, 2).data() == "Cigar humidor")
    assert "Divorce pending" in card.toPlainText()
    assert core.contacts.card(robert).draft.notes == "Divorce pending"
