"""The card marks a gift that repeats one already given (the core's rule), once."""

from __future__ import annotations

from datetime import date

from nurture.app import Nurture
from nurture.domain.dto import ContactDraft
from nurture.domain.enums import GiftDirection
from ui.card_html import card_html


def test_the_card_marks_the_second_time_and_not_the_first(core: Nurture) -> None:
    robert = core.contacts.create(ContactDraft(given_name="Robert", family_name="Miller")).value.id
    core.records.add_gift(robert, GiftDirection.GIVEN, "Dalwhinnie 15", given_on=date(2024, 12, 20))
    core.records.add_gift(robert, GiftDirection.IDEA, "Dalwhinnie 15")
    html = card_html(core.contacts.card(robert), core.clock())
    assert html.count("given before (Dec 2024)") == 1
