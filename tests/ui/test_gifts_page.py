"""The Gifts page: a campaign's recipients beside what to know to choose, a gift chosen with
the repeat warning as it is typed, and moved along its statuses."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtWidgets import QInputDialog, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from nurture.app import Nurture
from nurture.domain.dates import PartialDate
from nurture.domain.dto import AddressValue, ContactDraft, PreferenceValue
from nurture.domain.enums import (
    DateKind,
    GiftDirection,
    GiftStatus,
    PreferenceCategory,
    RelationshipKind,
)
from tests.ui.driving import on_next_dialog, window
from ui.dialogs.campaign import AddRecipientsDialog, ChooseGiftDialog, NewCampaignDialog
from ui.models.campaign import BIRTHDAY


def test_a_campaign_recipient_gets_a_gift_chosen_and_bought(
    qtbot: QtBot, core: Nurture, now: datetime, qtmodeltester: ModelTester
) -> None:
    robert = core.contacts.create(
        ContactDraft(given_name="Robert", family_name="Hale", tier="A", tags=("Clients",))
    ).value.id
    core.network.add_related_person(
        robert,
        RelationshipKind.SPOUSE,
        ContactDraft(given_name="Claire", family_name="Hale"),
        tastes=[PreferenceValue(0, PreferenceCategory.FOOD, "Dark chocolate")],
    )
    core.contacts.create(ContactDraft(given_name="Ann", family_name="Lee", tags=("Clients",)))
    core.records.add_gift(
        robert, GiftDirection.GIVEN, "Dalwhinnie 15", "Christmas", date(2025, 12, 20)
    )
    campaign = core.campaigns.create(
        "Christmas 2026", date(2026, 12, 25), "Christmas", {"A": 15000}
    )
    core.campaigns.add_recipients(campaign.value, [robert])
    main = window(qtbot, core, now)
    main.sidebar.setCurrentRow(3)
    page = main.gifts
    qtbot.waitUntil(lambda: page.recipients.rowCount() == 1)
    qtmodeltester.check(page.recipients)
    assert "Christmas 2026" in page.summary.text()
    assert "1 recipient — 1 to choose" in page.summary.text()
    detail = page.detail.toPlainText()
    assert "Same as last year? Dalwhinnie 15" in detail
    assert "Dark chocolate — Claire Hale" in detail
    assert "budget 150.00" in detail

    seen: list[str] = []

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, ChooseGiftDialog)
        dialog.description.setText("dalwhinnie 15")
        dialog.description.editingFinished.emit()
        seen.append(dialog.repeat.text())
        dialog.description.setText("Cigar humidor")
        dialog.description.editingFinished.emit()
        seen.append(dialog.repeat.text())
        dialog.amount.setValue(120)
        dialog.buy_by.setText("2026-12-10")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    on_next_dialog(choose)
    page.buttons["choose"].click()
    assert seen == ["Robert Hale was already given Dalwhinnie 15 (December 2025, Christmas).", ""]
    qtbot.waitUntil(lambda: page.recipients.index(0, 2).data() == "Cigar humidor")
    assert page.recipients.index(0, 3).data() == "120.00 USD"
    page.buttons["bought"].click()
    qtbot.waitUntil(lambda: page.recipients.index(0, 1).data() == "Bought")
    (gift,) = [g for g in core.contacts.card(robert).gifts if g.campaign_id]
    assert (gift.status, gift.buy_by) == (GiftStatus.BOUGHT, date(2026, 12, 10))

    # Add recipients by tag: Ann joins; Robert is already in.
    def by_tag(dialog: QWidget) -> None:
        assert isinstance(dialog, AddRecipientsDialog)
        dialog.tag.setCurrentIndex(dialog.tag.findData("Clients"))
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    on_next_dialog(by_tag)
    page.add.click()
    qtbot.waitUntil(lambda: page.recipients.rowCount() == 2)


def test_a_campaigns_shopping_list_and_labels_are_printed_and_everyone_logged_at_once(
    qtbot: QtBot, core: Nurture, now: datetime, tmp_path: Path
) -> None:
    home = AddressValue("home", "12 Marina Road", "Sausalito", "CA", "94965", "USA", True)
    robert = core.contacts.create(
        ContactDraft(given_name="Robert", family_name="Hale", addresses=(home,))
    ).value.id
    ann = core.contacts.create(ContactDraft(given_name="Ann", family_name="Lee")).value.id
    campaign = core.campaigns.create("Christmas 2026", date(2026, 12, 25), "Christmas").value
    core.campaigns.add_recipients(campaign, [robert, ann])
    core.campaigns.choose(campaign, robert, "Cigar humidor", 12000, date(2026, 12, 10))
    main = window(qtbot, core, now)
    main.sidebar.setCurrentRow(3)
    page = main.gifts
    qtbot.waitUntil(lambda: page.recipients.rowCount() == 2)

    said = page.export_to("labels", "pdf", tmp_path / "labels.pdf")
    assert said == "Saved labels.pdf (1 page). No postal address for Ann Lee."
    labels = " ".join(PdfReader(str(tmp_path / "labels.pdf")).pages[0].extract_text().split())
    assert "Robert Hale 12 Marina Road 94965 Sausalito, CA USA" in labels
    page.export_to("shopping", "csv", tmp_path / "list.csv")
    rows = (tmp_path / "list.csv").read_text(encoding="utf-8-sig").splitlines()
    assert rows == [
        "Name,Gift,Cost,Currency,Status,Buy by,Ship by",
        f"Robert Hale,Cigar humidor,120.00,{core.settings.get().currency},idea,2026-12-10,",
    ]
    page.export_to("shopping", "pdf", tmp_path / "list.pdf")
    listed = " ".join(PdfReader(str(tmp_path / "list.pdf")).pages[0].extract_text().split())
    assert "Robert Hale Cigar humidor 120.00" in listed

    def say(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog)
        assert dialog.textValue() == "Sent Christmas cards"  # offered, and taken as it is
        dialog.accept()

    on_next_dialog(say)
    page.log_all.click()
    qtbot.waitUntil(lambda: len(core.contacts.card(ann).interactions) == 1)
    (sent,) = core.contacts.card(robert).interactions
    assert (sent.title, sorted(p.name for p in sent.participants)) == (
        "Sent Christmas cards",
        ["Ann Lee", "Robert Hale"],
    )


def test_a_birthday_campaign_is_started_from_the_picker_and_filled_by_country(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    priya = core.contacts.create(
        ContactDraft(
            given_name="Priya",
            family_name="Nair",
            addresses=(AddressValue(city="Pune", country="India"),),
        )
    ).value.id
    core.records.add_date(priya, DateKind.BIRTHDAY, PartialDate(1985, 9, 4))
    core.contacts.create(ContactDraft(given_name="Ann", family_name="Lee"))
    main = window(qtbot, core, now)
    main.sidebar.setCurrentRow(3)
    page = main.gifts
    offered: list[str] = []

    def start(dialog: QWidget) -> None:
        assert isinstance(dialog, NewCampaignDialog)
        offered.extend(dialog.upcoming.itemText(i) for i in range(dialog.upcoming.count()))
        dialog.upcoming.setCurrentIndex(1)
        dialog.upcoming.activated.emit(1)
        assert (dialog.occasion.text(), dialog.occasion.isEnabled()) == ("Birthday", False)
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    on_next_dialog(start)
    page.new.click()
    qtbot.waitUntil(lambda: page.recipients.view is not None)
    assert offered[1] == "Each recipient's birthday, for a year"
    # Diwali is offered because Priya lives in India, and says so.
    assert any(o.startswith("Diwali — ") and o.endswith("· India (1)") for o in offered)
    view = page.recipients.view
    assert view is not None
    assert view.on_birthdays

    def by_country(dialog: QWidget) -> None:
        assert isinstance(dialog, AddRecipientsDialog)
        dialog.country.setCurrentIndex(dialog.country.findData("IN"))
        assert dialog.country.currentText() == "India (1)"
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    on_next_dialog(by_country)
    page.add.click()
    qtbot.waitUntil(lambda: page.recipients.rowCount() == 1)
    assert not page.table.isColumnHidden(BIRTHDAY)
    today = now.astimezone().date()
    first = date(today.year, 9, 4)
    first = first if first >= today else date(today.year + 1, 9, 4)  # from the campaign's day
    assert page.recipients.index(0, BIRTHDAY).data() == f"{first:%d %b %Y}"
    assert "Their birthday:" in page.detail.toPlainText()


def test_people_hand_picked_in_the_list_join_a_campaign(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    ann = core.contacts.create(ContactDraft(given_name="Ann", family_name="Lee")).value.id
    bo = core.contacts.create(ContactDraft(given_name="Bo", family_name="Roe")).value.id
    core.contacts.create(ContactDraft(given_name="Cy", family_name="Ng"))
    core.campaigns.create("Diwali 2026", date(2026, 11, 8), "Diwali")
    christmas = core.campaigns.create("Christmas 2026", date(2026, 12, 25), "Christmas").value
    main = window(qtbot, core, now)

    def pick(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog)
        assert dialog.comboBoxItems() == [
            "Christmas 2026 (25 Dec 2026)",
            "Diwali 2026 (08 Nov 2026)",
        ]
        dialog.setTextValue("Christmas 2026 (25 Dec 2026)")
        dialog.accept()

    on_next_dialog(pick)
    main.contacts._to_campaign([ann, bo])
    qtbot.waitUntil(lambda: len(core.campaigns.view(christmas).recipients) == 2)
    assert {r.contact.id for r in core.campaigns.view(christmas).recipients} == {ann, bo}
