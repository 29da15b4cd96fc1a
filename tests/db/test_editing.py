"""Editing the records kept about people: each kind changes only what is named, is checked like
a new one, leaves the database as it was when the check fails, and is one step of Undo."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from nurture.app import Nurture
from nurture.domain.dates import PartialDate
from nurture.domain.enums import (
    DateKind,
    GiftDirection,
    GiftStatus,
    InteractionKind,
    PreferenceCategory,
    Recurrence,
)
from nurture.errors import NotFoundError, ValidationError
from tests.conftest import MakeContact


def test_a_gift_edit_changes_only_the_named_fields_and_undo_restores_them(
    app: Nurture, make_contact: MakeContact
) -> None:
    robert = make_contact("Robert Klein").id
    gift = app.records.add_gift(
        robert, GiftDirection.GIVEN, "Dalwhinnie 15", "Christmas", date(2025, 12, 20)
    ).value
    changes = app.records.update_gift(gift, amount_cents=8950, currency="eur").changes
    assert changes.contact_ids == {robert}
    (edited,) = app.contacts.card(robert).gifts
    assert (edited.description, edited.occasion, edited.given_on) == (
        "Dalwhinnie 15",
        "Christmas",
        date(2025, 12, 20),
    )
    assert (edited.amount_cents, edited.currency) == (8950, "EUR")
    assert app.history.state().undo == "Edit a gift"
    app.history.undo()
    (restored,) = app.contacts.card(robert).gifts
    assert (restored.amount_cents, restored.currency) == (None, "")


def test_a_refused_edit_leaves_the_record_as_it_was(
    app: Nurture, make_contact: MakeContact
) -> None:
    ann = make_contact("Ann Lee").id
    taste = app.records.add_preference(ann, PreferenceCategory.DRINK, "Scotch", "Highland").value
    before = app.contacts.card(ann).preferences
    with pytest.raises(ValidationError, match="Say what the preference is"):
        app.records.update_preference(taste, item="  ", detail="Islay")
    with pytest.raises(ValidationError, match="'wine' is not a kind of taste"):
        app.records.update_preference(taste, category="wine")
    with pytest.raises(ValidationError, match="no field colour"):
        app.records.update_preference(taste, colour="red")
    with pytest.raises(NotFoundError, match="no taste with id 999"):
        app.records.update_preference(999, item="Gin")
    assert app.contacts.card(ann).preferences == before
    app.records.update_preference(taste, likes=False, detail="not any more")
    (now,) = app.contacts.card(ann).preferences
    assert (now.item, now.likes, now.detail) == ("Scotch", False, "not any more")


def test_a_date_moved_to_a_month_only_day_becomes_a_one_off(
    app: Nurture, make_contact: MakeContact
) -> None:
    emma = make_contact("Emma Klein").id
    graduation = app.records.add_date(
        emma, DateKind.GRADUATION, PartialDate(2027, 6, 15), recurrence=Recurrence.ONCE
    ).value
    app.records.update_date(graduation, date=PartialDate(2027, 7, None))
    (moved,) = app.contacts.card(emma).dates
    assert (moved.date, moved.recurrence) == (PartialDate(2027, 7, None), Recurrence.ONCE)
    birthday = app.records.add_date(emma, DateKind.BIRTHDAY, PartialDate(None, 3, 9)).value
    with pytest.raises(ValidationError, match="one-off date needs a year"):
        app.records.update_date(birthday, recurrence=Recurrence.ONCE)
    app.records.update_date(birthday, kind=DateKind.ANNIVERSARY, label="Wedding")
    kinds = {d.id: (d.kind, d.label, d.recurrence) for d in app.contacts.card(emma).dates}
    assert kinds[birthday] == (DateKind.ANNIVERSARY, "Wedding", Recurrence.YEARLY)


def test_moving_an_interaction_moves_everyones_last_touch(
    app: Nurture, make_contact: MakeContact
) -> None:
    ann, bob = make_contact("Ann Lee").id, make_contact("Bob Stone").id
    lunch_at = datetime(2026, 11, 20, 12, tzinfo=UTC)
    lunch = app.interactions.log(InteractionKind.LUNCH, [ann, bob], lunch_at, notes="Ramen").value
    earlier = datetime(2026, 10, 2, 12, tzinfo=UTC)
    changes = app.interactions.update(
        lunch, occurred_at=earlier, notes="Ramen, talked golf"
    ).changes
    assert changes.contact_ids == {ann, bob}
    for person in (ann, bob):
        card = app.contacts.card(person)
        assert card.last_interaction_at == earlier
        assert card.interactions[0].notes == "Ramen, talked golf"
    with pytest.raises(ValidationError, match="time zone"):
        app.interactions.update(lunch, occurred_at=datetime(2026, 10, 2, 12))
    app.interactions.delete(lunch)
    assert app.contacts.card(ann).last_interaction_at is None
    app.history.undo()
    assert app.contacts.card(bob).last_interaction_at == earlier


def test_an_introductions_outcome_and_a_referrals_value_are_edited_on_both_cards(
    app: Nurture, make_contact: MakeContact
) -> None:
    ann, bob = make_contact("Ann Lee").id, make_contact("Bob Stone").id
    intro = app.network.introduce(ann, bob, date(2026, 9, 1), "both in logistics").value
    referral = app.network.record_referral(ann, bob, date(2026, 9, 3)).value
    app.network.update_introduction(intro, outcome="They signed in October")
    app.network.update_referral(referral, value_cents=1_200_000, currency="usd")
    for person in (ann, bob):
        card = app.contacts.card(person)
        assert card.introductions[0].outcome == "They signed in October"
        assert card.introductions[0].reason == "both in logistics"
        assert (card.referrals[0].value_cents, card.referrals[0].currency) == (1_200_000, "USD")
    with pytest.raises(ValidationError, match="cannot be negative"):
        app.network.update_referral(referral, value_cents=-5)


def test_a_follow_up_edit_checks_its_rule_against_the_new_day(
    app: Nurture, make_contact: MakeContact
) -> None:
    ann = make_contact("Ann Lee").id
    follow_up = app.records.add_follow_up(ann, date(2026, 12, 1), "Send the proposal").value
    app.records.update_follow_up(follow_up, due_date=date(2026, 12, 4), rrule="FREQ=MONTHLY")
    (edited,) = app.contacts.card(ann).follow_ups
    assert (edited.title, edited.due_date, edited.rrule) == (
        "Send the proposal",
        date(2026, 12, 4),
        "FREQ=MONTHLY",
    )
    with pytest.raises(ValidationError, match="never happens"):
        app.records.update_follow_up(follow_up, rrule="FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30")
    assert app.contacts.card(ann).follow_ups == (edited,)


def test_the_command_line_edits_a_record_by_id(data_dir: Path) -> None:
    base = [sys.executable, "-m", "nurture", "--data-dir", str(data_dir)]

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*base, *args], capture_output=True, text=True)

    run("add", "Robert Klein")
    run("gift", "Robert Klein", "Dalwhinnie 15", "--on", "2025-12-20")
    changed = run("edit", "gift", "1", "--amount", "89.50", "--status", "thanked")
    assert (changed.returncode, changed.stderr) == (0, "")
    assert "Changed gift 1" in changed.stdout
    nothing = run("edit", "gift", "1")
    assert nothing.returncode == 1
    assert "Say what to change: --description" in nothing.stderr
    wrong = run("edit", "gift", "1", "--status", "lost")
    assert wrong.returncode == 1
    assert "'lost' is not a gift status" in wrong.stderr
    with Nurture.open(data_dir) as app:
        robert = app.contacts.resolve("Robert Klein")
        (gift,) = app.contacts.card(robert).gifts
        assert (gift.amount_cents, gift.status) == (8950, GiftStatus.THANKED)
