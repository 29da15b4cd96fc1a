"""Today's plan and the pre-call brief on a real database: follow-ups first, a spouse's birthday
folded into the client's row with what she likes, keep-in-touch by the day's share, a skipped
person back on the next working day, a touch logged today counted, a log that leaves a
follow-up and something to ask about next time."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from nurture.app import Nurture
from nurture.domain.dates import PartialDate
from nurture.domain.dto import ContactDraft, EmailValue, PhoneValue, PreferenceValue
from nurture.domain.enums import (
    DateKind,
    GiftDirection,
    GiftStatus,
    InteractionKind,
    PreferenceCategory,
    RelationshipKind,
)
from nurture.domain.plan import Section
from nurture.services.interactions import NextTime

MONDAY = datetime(2026, 11, 30, 14, 0, tzinfo=UTC)


@pytest.fixture
def core(data_dir: Path) -> Iterator[Nurture]:
    app = Nurture.open(data_dir, clock=lambda: MONDAY)
    app.settings.update(time_zone="UTC", phone_region="US")
    yield app
    app.close()


def person(core: Nurture, name: str, **fields: object) -> int:
    given, family = name.split()
    draft = ContactDraft(given_name=given, family_name=family, **fields)  # type: ignore[arg-type]
    return core.contacts.create(draft).value.id


def touched(core: Nurture, contact_id: int, days_ago: int, title: str = "") -> None:
    when = MONDAY - timedelta(days=days_ago)
    core.interactions.log(InteractionKind.CALL, [contact_id], when, title)


def test_follow_ups_then_occasions_with_the_family_folded_in_then_keep_in_touch(
    core: Nurture,
) -> None:
    robert = person(
        core,
        "Robert Hale",
        organization="Hale Marine",
        tier="A",
        phones=(PhoneValue("+1 415 555 0101"),),
        emails=(EmailValue("robert@hale.example"),),
    )
    core.network.add_related_person(
        robert,
        RelationshipKind.SPOUSE,
        ContactDraft(given_name="Claire", family_name="Hale"),
        dates=[(DateKind.BIRTHDAY, PartialDate(None, 12, 4))],
        tastes=[PreferenceValue(0, PreferenceCategory.FOOD, "dark chocolate")],
    )
    touched(core, robert, 10, "Budget for Q3")
    dana = person(core, "Dana Fox", tier="B")
    core.records.add_follow_up(dana, date(2026, 11, 27), "send the proposal")
    touched(core, dana, 5)
    omar = person(core, "Omar Said", keep_in_touch_days=30)
    touched(core, omar, 42)

    plan = core.plan.plan()

    assert [(r.contact.name, r.section) for r in plan.rows] == [
        ("Dana Fox", Section.FOLLOW_UPS),
        ("Robert Hale", Section.OCCASIONS),
        ("Omar Said", Section.KEEP_IN_TOUCH),
    ]
    dana_row, robert_row, omar_row = plan.rows
    assert dana_row.why == "follow-up: send the proposal (due 3 days ago)"
    assert robert_row.why == "Claire's birthday Fri — Robert Hale's spouse, likes dark chocolate"
    assert (robert_row.company, robert_row.phone, robert_row.dial, robert_row.email) == (
        "Hale Marine",
        "+1 415 555 0101",
        "+14155550101",
        "robert@hale.example",
    )
    assert robert_row.last_touch == "Call 1 week ago: Budget for Q3"
    assert omar_row.why == "overdue 12 days, every 30 days"
    # The counts say what they count, and agree with the rows.
    assert plan.summary.startswith("1 follow-up, 1 occasion, 1 person to keep in touch with")
    assert plan.only(section=Section.OCCASIONS).rows == (robert_row,)
    assert plan.only(tier="B").rows == (dana_row,)


def test_a_skipped_person_is_back_on_the_next_working_day(core: Nurture) -> None:
    omar = person(core, "Omar Said", keep_in_touch_days=30)
    touched(core, omar, 42)
    assert [r.contact.id for r in core.plan.plan().rows] == [omar]

    until = core.plan.skip(omar).value

    assert until == date(2026, 12, 1)
    assert core.plan.plan().rows == ()
    tomorrow = core.plan.plan(day=date(2026, 12, 1))
    assert [r.contact.id for r in tomorrow.rows] == [omar]
    assert core.history.state().undo == "Skip for today"
    core.history.undo()
    assert [r.contact.id for r in core.plan.plan().rows] == [omar]


def test_a_touch_logged_today_counts_toward_the_days_share(core: Nurture) -> None:
    core.settings.update(daily_touches=2)
    people = [person(core, f"Person N{i}", keep_in_touch_days=30) for i in range(4)]
    for i, contact_id in enumerate(people):
        touched(core, contact_id, 40 + i)  # the last is the most overdue
    before = core.plan.plan()
    assert [r.contact.id for r in before.rows] == [people[3], people[2]]

    core.interactions.log(InteractionKind.CALL, [people[3]], MONDAY)

    after = core.plan.plan()
    assert [(r.contact.id, r.done) for r in after.rows] == [(people[2], False), (people[3], True)]
    assert "1 person to keep in touch with (1 touched today)" in after.summary
    assert after.summary.endswith("about 2 a day")


def test_a_log_leaves_a_follow_up_and_something_to_ask_in_one_step(core: Nurture) -> None:
    emma = person(core, "Emma Stone")
    core.interactions.log(
        InteractionKind.CALL,
        [emma],
        MONDAY,
        "Catch-up",
        next_time=NextTime(MONDAY.date() + timedelta(days=14), "", "how the graduation went"),
    )
    card = core.contacts.card(emma)
    assert [(f.due_date, f.title) for f in card.follow_ups] == [
        (date(2026, 12, 14), "Follow up on the call")
    ]
    assert core.plan.brief(emma).ask_about == "how the graduation went"
    assert core.history.state().undo == "Log call"
    core.history.undo()
    card = core.contacts.card(emma)
    assert (card.follow_ups, card.interactions) == ((), ())


def test_the_brief_holds_what_to_know_before_the_call(core: Nurture) -> None:
    robert = person(core, "Robert Hale", organization="Hale Marine", title="CEO")
    partner = person(core, "Nia Obi")
    core.network.add_related_person(
        robert,
        RelationshipKind.CHILD,
        ContactDraft(given_name="Emma", family_name="Hale"),
        dates=[(DateKind.BIRTHDAY, PartialDate(2010, 12, 10))],
        tastes=[PreferenceValue(0, PreferenceCategory.HOBBY, "climbing")],
    )
    core.records.add_preference(robert, PreferenceCategory.DRINK, "Highland single malt")
    core.records.add_gift(
        robert, GiftDirection.GIVEN, "Dalwhinnie 15", "Christmas", date(2025, 12, 20)
    )
    core.records.add_gift(robert, GiftDirection.GIVEN, "Cigar box", status=GiftStatus.IDEA)
    core.network.introduce(robert, partner, date(2026, 11, 1), "both in shipping")
    for days, title in ((30, "first"), (20, "second"), (10, "third"), (5, "fourth")):
        touched(core, robert, days, title)
    core.records.add_follow_up(robert, date(2026, 12, 3), "send the charter terms")

    brief = core.plan.brief(robert)

    assert (brief.company, brief.title) == ("Hale Marine", "CEO")
    assert [i.title for i in brief.interactions] == ["fourth", "third", "second"]
    assert [f.title for f in brief.follow_ups] == ["send the charter terms"]
    assert [i.reason for i in brief.introductions] == ["both in shipping"]
    assert [g.description for g in brief.gift_ideas] == ["Cigar box"]
    assert [g.description for g in brief.last_gifts] == ["Dalwhinnie 15"]
    assert [t.item for t in brief.tastes] == ["Highland single malt"]
    (emma,) = brief.family
    assert emma.person.name == "Emma Hale"
    assert emma.next_date == "Birthday in 10 days · turns 16"
    assert [t.item for t in emma.tastes] == ["climbing"]


def test_reconnect_ranks_by_tier_and_history_and_a_touch_or_a_skip_takes_them_off(
    core: Nurture,
) -> None:
    core.settings.update(tier_cadence={"A": 30})  # tier C: no cadence, so not kept in touch
    old_friend = person(core, "Ines Cole", tags=("Former colleagues",))
    big_client = person(core, "Ravi Shah", tags=("Clients",), tier="C")
    for days in (400, 380, 300):
        touched(core, old_friend, days)
    touched(core, big_client, 500)
    recent = person(core, "Lea Moss", tags=("Clients",))
    touched(core, recent, 20)  # touched lately: nothing to reconnect

    plan = core.plan.plan()

    rows = [r for r in plan.rows if r.section is Section.RECONNECT]
    assert [(r.contact.name, r.why) for r in rows] == [
        ("Ravi Shah", "reconnect: Clients · 1 talk, last 1 year ago"),
        ("Ines Cole", "reconnect: Former colleagues · 3 talks, last 10 months ago"),
    ]
    assert "2 people to reconnect with" in plan.summary

    core.plan.skip(big_client, date(2026, 12, 7))
    core.interactions.log(InteractionKind.LUNCH, [old_friend], MONDAY)
    assert [r for r in core.plan.plan().rows if r.section is Section.RECONNECT] == []
    assert [r.contact.name for r in core.plan.plan(day=date(2026, 12, 7)).rows] == ["Ravi Shah"]


def test_a_campaign_gift_to_buy_and_ship_is_on_the_plan_until_done(core: Nurture) -> None:
    robert = person(core, "Robert Hale")
    campaign = core.campaigns.create("Christmas 2026", date(2026, 12, 25), "Christmas").value
    core.campaigns.add_recipients(campaign, [robert])
    gift = core.campaigns.choose(
        campaign, robert, "Dalwhinnie 15", 8990, date(2026, 12, 1), date(2026, 12, 10)
    ).value

    (row,) = core.plan.plan().rows
    assert row.why == "gift: buy Dalwhinnie 15 by tomorrow (Christmas 2026)"
    core.reminders.done_all([r.occurrence for r in row.reasons if r.occurrence], MONDAY)
    assert core.contacts.card(robert).gifts[0].status is GiftStatus.BOUGHT
    assert core.plan.plan().rows == ()  # shipping is ten days off

    (row,) = core.plan.plan(day=date(2026, 12, 11)).rows  # a day late
    assert row.why == "gift: ship Dalwhinnie 15 was due Thu (Christmas 2026)"
    core.reminders.done_all([r.occurrence for r in row.reasons if r.occurrence], MONDAY)
    assert [(g.id, g.status) for g in core.contacts.card(robert).gifts] == [
        (gift, GiftStatus.SHIPPED)
    ]
