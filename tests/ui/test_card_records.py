"""What is kept on a card is changed from the card: each row's "edit" opens its form filled in,
"remove" deletes it (Undo brings it back), and the Add menu records dates, introductions and
referrals with a person picked from suggestions, not typed as a name or id."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from nurture.app import Nurture
from nurture.domain.dates import PartialDate
from nurture.domain.dto import ContactDraft
from nurture.domain.enums import DateKind, GiftDirection, PreferenceCategory, RelationshipKind
from nurture.services.listing import ContactQuery
from tests.ui.driving import on_next_dialog, person, select, window
from ui.card_html import card_html
from ui.dialogs.records import (
    DateDialog,
    FollowUpDialog,
    GiftDialog,
    IntroductionDialog,
    ReferralDialog,
    RelationshipDialog,
)
from ui.views.card_view import CardView
from ui.views.main_window import MainWindow


def _open(qtbot: QtBot, core: Nurture, now: datetime, contact_id: int) -> MainWindow:
    main = window(qtbot, core, now)
    select(main, contact_id)
    qtbot.waitUntil(lambda: main.contacts.card.card is not None)
    return main


def _click(card: CardView, action: str, what: str, record_id: int) -> None:
    """Click the row's link, after checking the card really shows it."""
    href = f"nurture://{action}/{what}/{record_id}"
    assert href in re.findall(r'href="([^"]+)"', card.browser.toHtml())
    card.browser.anchorClicked.emit(QUrl(href))


def _type(field: QLineEdit, text: str) -> None:
    """Typing as the user does, without the completer's popup (offscreen cannot show it)."""
    field.setText(text)
    field.textEdited.emit(text)


def _ok(dialog: QWidget) -> None:
    assert hasattr(dialog, "buttons")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_a_gift_is_edited_from_its_row_with_its_values_filled_in(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    robert = person(core, "Robert", "Klein")
    gift = core.records.add_gift(
        robert, GiftDirection.GIVEN, "Dalwhinnie 15", "Christmas", date(2025, 12, 20)
    ).value
    main = _open(qtbot, core, now, robert)

    def edit(dialog: QWidget) -> None:
        assert isinstance(dialog, GiftDialog)
        assert dialog.description.text() == "Dalwhinnie 15"
        assert dialog.occasion.text() == "Christmas"
        dialog.amount.setValue(89.5)
        _ok(dialog)

    on_next_dialog(edit)
    _click(main.contacts.card, "edit", "gift", gift)
    qtbot.waitUntil(lambda: core.contacts.card(robert).gifts[0].amount_cents == 8950)
    (edited,) = core.contacts.card(robert).gifts
    assert (edited.description, edited.given_on) == ("Dalwhinnie 15", date(2025, 12, 20))
    qtbot.waitUntil(lambda: "89.50" in main.contacts.card.browser.toPlainText())
    main.undo_action.trigger()
    qtbot.waitUntil(lambda: core.contacts.card(robert).gifts[0].amount_cents is None)


def test_remove_deletes_a_taste_and_undo_brings_it_back(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    maria = person(core, "Maria", "Rossi")
    taste = core.records.add_preference(maria, PreferenceCategory.FOOD, "Dark chocolate").value
    main = _open(qtbot, core, now, maria)
    _click(main.contacts.card, "remove", "taste", taste)
    qtbot.waitUntil(lambda: not core.contacts.card(maria).preferences)
    qtbot.waitUntil(lambda: "Dark chocolate" not in main.contacts.card.browser.toPlainText())
    assert main.undo_action.text() == "&Undo delete a taste"
    main.undo_action.trigger()
    qtbot.waitUntil(lambda: "Dark chocolate" in main.contacts.card.browser.toPlainText())


def test_a_graduation_typed_as_june_2027_is_kept_as_a_month_and_bad_text_is_explained(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    emma = person(core, "Emma", "Klein")
    main = _open(qtbot, core, now, emma)
    seen: list[tuple[str, bool]] = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, DateDialog)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        dialog.kind.setCurrentIndex(dialog.kind.findData(DateKind.GRADUATION))
        dialog.when.setText("sometime in June")
        seen.append((dialog.when.reading.text(), ok.isEnabled()))
        dialog.when.setText("June 2027")
        seen.append((dialog.when.reading.text(), ok.isEnabled()))
        _ok(dialog)

    on_next_dialog(fill)
    main.contacts.card.add_actions["date"].trigger()
    qtbot.waitUntil(lambda: bool(core.contacts.card(emma).dates))
    (refused, refused_ok), (read, read_ok) = seen
    assert refused.startswith("⚠")
    assert "not a date Nurture can read" in refused
    assert not refused_ok
    assert (read, read_ok) == ("June 2027 (no day known)", True)
    (graduation,) = core.contacts.card(emma).dates
    assert (graduation.kind, graduation.date) == (DateKind.GRADUATION, PartialDate(2027, 6, None))
    qtbot.waitUntil(lambda: "June 2027" in main.contacts.card.browser.toPlainText())


def test_an_introduction_and_a_referral_pick_the_other_person_from_suggestions(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    dana = person(core, "Dana", "Fox")
    robert = person(core, "Robert", "Klein")
    main = _open(qtbot, core, now, dana)

    def introduce(dialog: QWidget) -> None:
        assert isinstance(dialog, IntroductionDialog)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        _type(dialog.person, "Robert")
        assert not ok.isEnabled()  # typed, not yet picked
        dialog.person.returnPressed.emit()  # the one suggestion
        assert ok.isEnabled()
        dialog.reason.setText("Both open offices in Austin")
        dialog.agreed.setChecked(True)
        dialog.ask_on.setText((now.date() + timedelta(days=14)).isoformat())
        _ok(dialog)

    on_next_dialog(introduce)
    main.contacts.card.add_actions["introduction"].trigger()
    qtbot.waitUntil(lambda: bool(core.contacts.card(robert).introductions))
    intro = core.contacts.card(robert).introductions[0]
    assert (intro.person_a.id, intro.reason, intro.agreed) == (
        dana,
        "Both open offices in Austin",
        True,
    )
    # Shown on both cards, and a follow-up with Dana to ask how it went, in the same step.
    assert core.contacts.card(dana).introductions == (intro,)
    assert [(f.due_date, f.title) for f in core.contacts.card(dana).follow_ups] == [
        (now.date() + timedelta(days=14), "Ask how meeting Robert Klein went")
    ]

    def refer(dialog: QWidget) -> None:
        assert isinstance(dialog, ReferralDialog)
        dialog.role.setCurrentIndex(dialog.role.findText("referred someone to you"))
        _type(dialog.person, "Klein")
        dialog.person.returnPressed.emit()
        dialog.value.setValue(12000)
        _ok(dialog)

    on_next_dialog(refer)
    main.contacts.card.add_actions["referral"].trigger()
    qtbot.waitUntil(lambda: bool(core.contacts.card(dana).referrals))
    referral = core.contacts.card(dana).referrals[0]
    assert (referral.partner.id, referral.referred.id) == (dana, robert)
    assert (referral.value_cents, referral.currency) == (1_200_000, core.settings.get().currency)
    qtbot.waitUntil(lambda: "of business" in main.contacts.card.browser.toPlainText())

    def outcome(dialog: QWidget) -> None:
        assert isinstance(dialog, IntroductionDialog)
        assert not dialog.person.isEnabled()
        assert dialog.person.text() == "Robert Klein"
        dialog.outcome.setText("They signed in May")
        _ok(dialog)

    on_next_dialog(outcome)
    _click(main.contacts.card, "edit", "introduction", intro.id)
    qtbot.waitUntil(
        lambda: core.contacts.card(dana).introductions[0].outcome == "They signed in May"
    )

    def send_business(dialog: QWidget) -> None:
        """A referral you gave: you sent Robert to Dana."""
        assert isinstance(dialog, ReferralDialog)
        dialog.role.setCurrentIndex(dialog.role.findText("received a referral from you, of"))
        _type(dialog.person, "Klein")
        dialog.person.returnPressed.emit()
        _ok(dialog)

    on_next_dialog(send_business)
    main.contacts.card.add_actions["referral"].trigger()
    qtbot.waitUntil(lambda: len(core.contacts.card(dana).referrals) == 2)
    gave = [r for r in core.contacts.card(dana).referrals if r.given]
    assert [(r.partner.id, r.referred.id) for r in gave] == [(dana, robert)]
    qtbot.waitUntil(
        lambda: "You referred Robert Klein to them" in main.contacts.card.browser.toPlainText()
    )
    # From Robert's side the same referral reads the other way.
    robert_card = re.sub("<[^>]+>", "", card_html(core.contacts.card(robert), now))
    assert "You referred them to Dana Fox" in robert_card


def test_a_follow_up_typed_as_15_jun_2027_is_due_that_day(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    ann = person(core, "Ann", "Lee")
    main = _open(qtbot, core, now, ann)

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, FollowUpDialog)
        dialog.what.setText("Send the proposal")
        dialog.due.setText("15 Jun 2027")
        assert dialog.due.reading.text() == "Tuesday 15 June 2027"
        _ok(dialog)

    on_next_dialog(fill)
    main.contacts.card.buttons["follow-up"].click()
    qtbot.waitUntil(lambda: bool(core.contacts.card(ann).follow_ups))
    assert core.contacts.card(ann).follow_ups[0].due_date == date(2027, 6, 15)


def test_a_new_child_comes_with_a_birthday_and_a_taste_in_one_step(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    jane = person(core, "Jane", "Doe")
    main = _open(qtbot, core, now, jane)

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, RelationshipDialog)
        dialog.kind.setCurrentIndex(dialog.kind.findData(RelationshipKind.CHILD))
        dialog.new_name.setText("Tim Doe")
        dialog.new_name.textEdited.emit("Tim Doe")
        dialog.birthday.setText("14 May 2015")
        dialog.taste.setText("Lego Technic")
        _ok(dialog)

    on_next_dialog(fill)
    main.contacts.card.add_actions["family"].trigger()
    qtbot.waitUntil(lambda: bool(core.contacts.card(jane).relationships))
    relation = core.contacts.card(jane).relationships[0]
    assert (relation.kind, relation.other.name) == (RelationshipKind.CHILD, "Tim Doe")
    tim = core.contacts.card(relation.other.id)
    assert tim.draft.is_light
    assert [(d.kind, d.date) for d in tim.dates] == [(DateKind.BIRTHDAY, PartialDate(2015, 5, 14))]
    assert [t.item for t in tim.preferences] == ["Lego Technic"]
    assert core.history.state().undo == "Add family"
    main.undo_action.trigger()  # one step takes back the person, the date and the taste
    qtbot.waitUntil(lambda: not core.contacts.card(jane).relationships)


def test_linking_an_existing_competitor_creates_no_one_and_can_be_changed(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    robert = person(core, "Robert", "Hughes")
    rival = person(core, "Victor", "Crane")
    main = _open(qtbot, core, now, robert)
    before = core.listing.count(ContactQuery(include_light=True))

    def link(dialog: QWidget) -> None:
        assert isinstance(dialog, RelationshipDialog)
        dialog.kind.setCurrentIndex(dialog.kind.findData(RelationshipKind.COMPETITOR))
        _type(dialog.person, "Crane")
        dialog.person.returnPressed.emit()
        _ok(dialog)

    on_next_dialog(link)
    main.contacts.card.add_actions["family"].trigger()
    qtbot.waitUntil(lambda: bool(core.contacts.card(robert).relationships))
    assert core.listing.count(ContactQuery(include_light=True)) == before
    relation = core.contacts.card(robert).relationships[0]
    assert (relation.kind, relation.other.id) == (RelationshipKind.COMPETITOR, rival)
    qtbot.waitUntil(lambda: "Victor Crane" in main.contacts.card.browser.toPlainText())

    def partner(dialog: QWidget) -> None:
        assert isinstance(dialog, RelationshipDialog)
        dialog.kind.setCurrentIndex(dialog.kind.findData(RelationshipKind.BUSINESS_PARTNER))
        _ok(dialog)

    on_next_dialog(partner)
    _click(main.contacts.card, "edit", "relationship", relation.id)
    qtbot.waitUntil(
        lambda: core.contacts.card(rival).relationships[0].kind is RelationshipKind.BUSINESS_PARTNER
    )


def test_the_household_is_under_the_client_and_back_returns_from_a_family_link(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    robert = person(core, "Robert", "Hughes")
    claire = core.network.add_related_person(
        robert, RelationshipKind.SPOUSE, ContactDraft(given_name="Claire", family_name="Hughes")
    ).value
    core.records.add_preference(claire, PreferenceCategory.FOOD, "Valrhona dark chocolate")
    core.records.add_gift(claire, GiftDirection.GIVEN, "Champagne", given_on=date(2025, 12, 20))
    main = _open(qtbot, core, now, robert)
    card = main.contacts.card
    text = card.browser.toPlainText()
    assert "Claire Hughes — likes Valrhona dark chocolate; last gift: Champagne (Dec 2025)" in text
    assert not card.back_button.isEnabled()
    card.browser.anchorClicked.emit(QUrl(f"nurture://contact/{claire}"))
    assert card.card is not None
    assert card.card.id == claire
    assert card.back_button.isEnabled()
    card.go_back()
    assert card.card is not None
    assert card.card.id == robert
    assert card.forward_button.isEnabled()
    card.go_forward()
    assert card.card is not None
    assert card.card.id == claire
