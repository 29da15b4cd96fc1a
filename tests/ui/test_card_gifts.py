"""The card marks a gift that repeats one already given (the core's rule), once; the gift
dialog says so as the gift is typed, for the person and for their household."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from nurture.app import Nurture
from nurture.domain.dto import ContactDraft
from nurture.domain.enums import GiftDirection, RelationshipKind
from tests.ui.driving import on_next_dialog, window
from ui.card_html import card_html
from ui.dialogs.records import GiftDialog


def test_the_card_marks_the_second_time_and_not_the_first(core: Nurture) -> None:
    robert = core.contacts.create(ContactDraft(given_name="Robert", family_name="Miller")).value.id
    core.records.add_gift(robert, GiftDirection.GIVEN, "Dalwhinnie 15", given_on=date(2024, 12, 20))
    core.records.add_gift(robert, GiftDirection.IDEA, "Dalwhinnie 15")
    html = card_html(core.contacts.card(robert), core.clock())
    assert html.count("given before (Dec 2024)") == 1


def test_the_gift_dialog_warns_as_the_gift_is_typed_for_the_person_or_the_spouse(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    robert = core.contacts.create(ContactDraft(given_name="Robert", family_name="Hale")).value.id
    claire = core.network.add_related_person(
        robert, RelationshipKind.SPOUSE, ContactDraft(given_name="Claire", family_name="Hale")
    ).value
    core.records.add_gift(
        robert, GiftDirection.GIVEN, "Dalwhinnie 15", "Christmas", date(2025, 12, 20)
    )
    core.records.add_gift(claire, GiftDirection.GIVEN, "Valrhona box", "Birthday", date(2026, 3, 2))
    main = window(qtbot, core, now)
    seen: list[str] = []

    def type_gifts(dialog: QWidget) -> None:
        assert isinstance(dialog, GiftDialog)
        for text in ("Dalwhinnie 15", "valrhona box", "Cigar humidor"):
            dialog.description.setText(text)
            dialog.description.editingFinished.emit()
            seen.append(dialog.repeat.text() if dialog.repeat.isVisibleTo(dialog) else "")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    on_next_dialog(type_gifts)
    main.contacts.card.forms.add("gift", core.contacts.card(robert))
    assert seen == [
        "Robert Hale was already given Dalwhinnie 15 (December 2025, Christmas).",
        "Claire Hale was already given Valrhona box (March 2026, Birthday).",
        "",
    ]
    qtbot.waitUntil(lambda: len(core.contacts.card(robert).gifts) == 2)
