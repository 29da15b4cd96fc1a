"""The agenda on a real database: occasions, relatives' dates, follow-ups, people going cold and
gift holidays, for any window of days."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from nurture.app import Nurture
from nurture.db.people import Contact, Tag
from nurture.db.touches import FollowUp
from nurture.domain.dates import PartialDate
from nurture.domain.dto import ContactDraft
from nurture.domain.enums import DateKind, InteractionKind, RelationshipKind
from nurture.domain.occurrence import Occurrence, OccurrenceKind, Source
from nurture.services.agenda import KIND_ORDER
from tests.conftest import MakeContact

BERLIN = ZoneInfo("Europe/Berlin")
TODAY = date(2025, 6, 20)


@pytest.fixture(autouse=True)
def quiet_calendar(app: Nurture) -> None:
    """A known zone and no gift holidays, so each test sees only what it adds."""
    app.settings.update(time_zone="Europe/Berlin", holiday_country="US", gift_holidays=[])


def week(app: Nurture, today: date = TODAY) -> list[Occurrence]:
    return app.agenda.between(today, today + timedelta(days=6), today)


def titles(items: list[Occurrence]) -> list[str]:
    return [o.title for o in items]


def noon(day: date) -> datetime:
    return datetime.combine(day, time(12, 0), tzinfo=BERLIN)


def touch(app: Nurture, contact_id: int, day: date) -> None:
    app.interactions.log(InteractionKind.CALL, [contact_id], noon(day))


def archive(app: Nurture, contact_id: int) -> None:
    draft = app.contacts.card(contact_id).draft
    app.contacts.update(contact_id, dataclasses.replace(draft, archived=True))


# --- occasions ---


def test_ages_anniversaries_and_work_anniversaries(app: Nurture, make_contact: MakeContact) -> None:
    jane = make_contact("Jane Doe", organization="Acme").id
    app.records.add_date(jane, DateKind.BIRTHDAY, PartialDate(1985, 5, 12))
    app.records.add_date(jane, DateKind.ANNIVERSARY, PartialDate(2015, 5, 14))
    app.records.add_date(jane, DateKind.WORK_ANNIVERSARY, PartialDate(2020, 5, 13))
    app.records.add_date(jane, DateKind.CUSTOM, PartialDate(2022, 5, 15), label="Sobriety")

    items = app.agenda.between(date(2025, 5, 1), date(2025, 5, 31))

    assert [(o.day, o.kind, o.years, o.title) for o in items] == [
        (date(2025, 5, 12), OccurrenceKind.BIRTHDAY, 40, "Jane Doe turns 40"),
        (date(2025, 5, 13), OccurrenceKind.WORK_ANNIVERSARY, 5, "Jane Doe: 5 years at Acme"),
        (date(2025, 5, 14), OccurrenceKind.ANNIVERSARY, 10, "Jane Doe: 10th anniversary"),
        (date(2025, 5, 15), OccurrenceKind.CUSTOM, 3, "Jane Doe: Sobriety (3rd)"),
    ]
    assert {(o.contact_id, o.contact) for o in items} == {(jane, "Jane Doe")}


def test_the_same_dates_a_year_later_are_a_year_older(
    app: Nurture, make_contact: MakeContact
) -> None:
    jane = make_contact("Jane Doe").id
    app.records.add_date(jane, DateKind.BIRTHDAY, PartialDate(1985, 5, 12))

    [item] = app.agenda.between(date(2026, 5, 1), date(2026, 5, 31))

    assert (item.day, item.title) == (date(2026, 5, 12), "Jane Doe turns 41")


def test_a_date_without_a_year_has_no_age(app: Nurture, make_contact: MakeContact) -> None:
    ann = make_contact("Ann Lee").id
    app.records.add_date(ann, DateKind.BIRTHDAY, PartialDate(None, 6, 3))
    app.records.add_date(ann, DateKind.ANNIVERSARY, PartialDate(None, 6, 4))

    items = app.agenda.between(date(2025, 6, 1), date(2025, 6, 30))

    assert [(o.day, o.years) for o in items] == [(date(2025, 6, 3), None), (date(2025, 6, 4), None)]
    assert titles(items) == ["Ann Lee's birthday", "Ann Lee's anniversary"]


def test_a_relatives_birthday_shows_through_the_main_contact(
    app: Nurture, make_contact: MakeContact
) -> None:
    jane = make_contact("Jane Doe").id
    tim = app.network.add_related_person(
        jane, RelationshipKind.CHILD, ContactDraft(given_name="Tim")
    ).value
    app.records.add_date(tim, DateKind.BIRTHDAY, PartialDate(2007, 5, 10))

    [item] = app.agenda.between(date(2025, 5, 1), date(2025, 5, 31))

    assert item.title == "Tim (Jane Doe's child) turns 18"
    assert item.years == 18
    assert (item.contact_id, item.contact) == (jane, "Jane Doe")  # opens Jane's card


def test_a_relative_recorded_from_their_side_still_opens_the_main_contact(
    app: Nurture, make_contact: MakeContact
) -> None:
    jane = make_contact("Jane Doe").id
    sam = app.network.add_related_person(
        jane, RelationshipKind.SPOUSE, ContactDraft(given_name="Sam", family_name="Doe")
    ).value
    mia = app.network.add_related_person(
        jane, RelationshipKind.ASSISTANT, ContactDraft(given_name="Mia", family_name="Ray")
    ).value
    app.records.add_date(sam, DateKind.BIRTHDAY, PartialDate(None, 7, 2))
    app.records.add_date(mia, DateKind.BIRTHDAY, PartialDate(None, 7, 3))

    items = app.agenda.between(date(2025, 7, 1), date(2025, 7, 31))

    assert titles(items) == [
        "Sam Doe (Jane Doe's spouse)'s birthday",
        "Mia Ray (Jane Doe's assistant)'s birthday",
    ]
    assert {o.contact_id for o in items} == {jane}


@pytest.mark.parametrize(
    ("policy", "common_year_day"),
    [("feb28", date(2025, 2, 28)), ("mar1", date(2025, 3, 1))],
)
def test_feb_29_birthdays_by_the_leap_day_setting(
    app: Nurture, make_contact: MakeContact, policy: str, common_year_day: date
) -> None:
    app.settings.update(leap_day=policy)
    leo = make_contact("Leo Leap").id
    app.records.add_date(leo, DateKind.BIRTHDAY, PartialDate(2000, 2, 29))

    common = app.agenda.between(date(2025, 2, 1), date(2025, 3, 31))
    leap = app.agenda.between(date(2028, 2, 1), date(2028, 3, 31))

    assert [(o.day, o.title) for o in common] == [(common_year_day, "Leo Leap turns 25")]
    assert [(o.day, o.title) for o in leap] == [(date(2028, 2, 29), "Leo Leap turns 28")]


@pytest.mark.parametrize("policy", ["feb28", "mar1"])
def test_a_century_of_agenda_never_drifts(
    app: Nurture, make_contact: MakeContact, policy: str
) -> None:
    app.settings.update(leap_day=policy)
    born = {
        "New Year": PartialDate(1990, 1, 1),
        "Feb 28": PartialDate(1990, 2, 28),
        "Leap": PartialDate(1988, 2, 29),
        "March": PartialDate(1990, 3, 1),
        "Summer": PartialDate(None, 7, 15),
        "Eve": PartialDate(1990, 12, 31),
    }
    ids: dict[int, PartialDate] = {}
    for name, when in born.items():
        contact_id = make_contact(name).id
        app.records.add_date(contact_id, DateKind.BIRTHDAY, when)
        ids[contact_id] = when
    start = date(2024, 7, 15)  # mid-year: every slice of the window crosses a New Year
    end = date(2124, 7, 14)

    by_contact: dict[int, list[Occurrence]] = defaultdict(list)
    for item in app.agenda.between(start, end):
        by_contact[item.contact_id or 0].append(item)

    assert set(by_contact) == set(ids)
    for contact_id, when in ids.items():
        found = by_contact[contact_id]
        assert len(found) == 100
        assert len({o.day.year for o in found}) == 100
        for o in found:
            if (when.month, when.day) == (2, 29) and o.day.year % 4 == 0 and o.day.year != 2100:
                assert (o.day.month, o.day.day) == (2, 29)
            elif (when.month, when.day) == (2, 29):
                assert (o.day.month, o.day.day) == ((2, 28) if policy == "feb28" else (3, 1))
            else:
                assert (o.day.month, o.day.day) == (when.month, when.day)
            expected_age = None if when.year is None else o.day.year - when.year
            assert o.years == expected_age


def test_a_window_across_new_year(app: Nurture, make_contact: MakeContact) -> None:
    bo = make_contact("Bo Berg").id
    cy = make_contact("Cy Cole").id
    app.records.add_date(bo, DateKind.BIRTHDAY, PartialDate(1986, 1, 5))
    app.records.add_date(cy, DateKind.BIRTHDAY, PartialDate(1986, 12, 24))
    app.records.add_date(cy, DateKind.ANNIVERSARY, PartialDate(2000, 1, 11))  # just outside

    items = app.agenda.between(date(2025, 12, 20), date(2026, 1, 10))

    assert [(o.day, o.title, o.years) for o in items] == [
        (date(2025, 12, 24), "Cy Cole turns 39", 39),
        (date(2026, 1, 5), "Bo Berg turns 40", 40),
    ]


def test_a_month_only_graduation_is_a_whole_month_item(
    app: Nurture, make_contact: MakeContact
) -> None:
    jane = make_contact("Jane Doe").id
    tim = app.network.add_related_person(
        jane, RelationshipKind.CHILD, ContactDraft(given_name="Tim")
    ).value
    app.records.add_date(tim, DateKind.GRADUATION, PartialDate(2027, 6, None))

    [whole] = app.agenda.between(date(2027, 5, 20), date(2027, 7, 10))
    [inside] = app.agenda.between(date(2027, 6, 10), date(2027, 6, 16))

    assert whole.day == date(2027, 6, 1)
    assert inside.day == date(2027, 6, 10)  # the window's first day within June
    for item in (whole, inside):
        assert item.kind is OccurrenceKind.GRADUATION
        assert item.whole_month
        assert item.due == date(2027, 6, 1)
        assert item.years is None
        assert item.title == "Tim (Jane Doe's child) graduates (June 2027)"
        assert item.contact_id == jane
    assert app.agenda.between(date(2027, 7, 1), date(2027, 12, 31)) == []
    assert app.agenda.between(date(2028, 6, 1), date(2028, 6, 30)) == []  # it does not recur


def test_a_one_off_full_date_happens_once(app: Nurture, make_contact: MakeContact) -> None:
    ann = make_contact("Ann Lee").id
    app.records.add_date(ann, DateKind.GRADUATION, PartialDate(2026, 5, 20))

    assert titles(app.agenda.between(date(2026, 1, 1), date(2026, 12, 31))) == ["Ann Lee graduates"]
    assert app.agenda.between(date(2027, 1, 1), date(2027, 12, 31)) == []


# --- follow-ups ---


def test_a_monthly_follow_up_shows_every_occurrence_in_the_window(
    app: Nurture, make_contact: MakeContact
) -> None:
    ann = make_contact("Ann Lee").id
    fid = app.records.add_follow_up(ann, date(2025, 1, 15), "Send the report", "FREQ=MONTHLY").value

    items = app.agenda.between(date(2025, 1, 1), date(2025, 4, 30))

    assert [(o.day, o.kind, o.source_id) for o in items] == [
        (date(2025, month, 15), OccurrenceKind.FOLLOW_UP, fid) for month in (1, 2, 3, 4)
    ]
    assert set(titles(items)) == {"Send the report with Ann Lee"}
    assert {o.contact_id for o in items} == {ann}


def test_completing_one_occurrence_hides_it_but_not_the_next(
    app: Nurture, make_contact: MakeContact
) -> None:
    ann = make_contact("Ann Lee").id
    fid = app.records.add_follow_up(ann, date(2025, 1, 15), "Check in", "FREQ=MONTHLY").value

    app.records.complete_follow_up(fid, date(2025, 1, 15))
    items = app.agenda.between(date(2025, 1, 1), date(2025, 3, 31))

    assert [o.day for o in items] == [date(2025, 2, 15), date(2025, 3, 15)]
    [card_follow_up] = app.contacts.card(ann).follow_ups
    assert card_follow_up.done_at is None  # a recurring follow-up goes on


def test_an_overdue_follow_up_shows_on_today(app: Nurture, make_contact: MakeContact) -> None:
    ann = make_contact("Ann Lee").id
    fid = app.records.add_follow_up(ann, TODAY - timedelta(days=4), "Call about the offer").value

    [item] = week(app)

    assert item.day == TODAY
    assert item.due == TODAY - timedelta(days=4)
    assert item.title == "Call about the offer with Ann Lee (overdue 4 days)"

    app.records.complete_follow_up(fid, item.due)
    assert week(app) == []
    assert app.contacts.card(ann).follow_ups[0].done_at is not None


def test_an_overdue_monthly_follow_up_shows_today_and_its_next_occurrence(
    app: Nurture, make_contact: MakeContact
) -> None:
    ann = make_contact("Ann Lee").id
    app.records.add_follow_up(ann, date(2025, 5, 22), "Invoice", "FREQ=WEEKLY")

    items = week(app)  # Fri Jun 20 - Thu Jun 26; the Thursday of Jun 19 was missed

    assert [(o.day, o.due, o.title) for o in items] == [
        (TODAY, date(2025, 5, 22), "Invoice with Ann Lee (overdue 29 days)"),
        (date(2025, 6, 26), date(2025, 6, 26), "Invoice with Ann Lee"),
    ]


def test_a_window_without_today_lists_follow_ups_on_their_own_days(
    app: Nurture, make_contact: MakeContact
) -> None:
    ann = make_contact("Ann Lee").id
    app.records.add_follow_up(ann, date(2025, 3, 3), "Call")

    items = app.agenda.between(date(2025, 3, 1), date(2025, 3, 7), today=TODAY)

    assert [(o.day, o.title) for o in items] == [(date(2025, 3, 3), "Call with Ann Lee")]


def test_a_follow_up_pushed_to_a_later_day_shows_on_that_day(
    app: Nurture, make_contact: MakeContact
) -> None:
    ann = make_contact("Ann Lee").id
    fid = app.records.add_follow_up(ann, TODAY - timedelta(days=3), "Call").value
    with app.database.write() as session:
        follow_up = session.get(FollowUp, fid)
        assert follow_up is not None
        follow_up.snoozed_until = TODAY + timedelta(days=2)

    items = week(app)

    assert [(o.day, o.kind) for o in items] == [
        (TODAY + timedelta(days=2), OccurrenceKind.FOLLOW_UP)
    ]


# --- keep in touch ---


def test_a_contact_past_their_cadence_is_overdue_today(
    app: Nurture, make_contact: MakeContact
) -> None:
    bo = make_contact("Bo Berg", keep_in_touch_days=30).id
    touch(app, bo, TODAY - timedelta(days=40))

    [item] = week(app)

    assert (item.day, item.kind, item.contact_id) == (TODAY, OccurrenceKind.KEEP_IN_TOUCH, bo)
    assert item.due == TODAY - timedelta(days=10)
    assert item.title == "Get in touch with Bo Berg (overdue 10 days)"
    assert item.source is Source.KEEP_IN_TOUCH


def test_logging_an_interaction_resets_the_cadence(app: Nurture, make_contact: MakeContact) -> None:
    bo = make_contact("Bo Berg", keep_in_touch_days=30).id
    touch(app, bo, TODAY - timedelta(days=40))
    assert len(week(app)) == 1

    touch(app, bo, TODAY)

    assert week(app) == []
    [later] = app.agenda.between(TODAY, TODAY + timedelta(days=60), TODAY)
    assert later.day == TODAY + timedelta(days=30)
    assert later.title == "Keep in touch with Bo Berg"


def test_somebody_due_later_in_the_window_shows_on_their_day(
    app: Nurture, make_contact: MakeContact
) -> None:
    bo = make_contact("Bo Berg", keep_in_touch_days=30).id
    touch(app, bo, TODAY - timedelta(days=27))

    [item] = week(app)

    assert item.day == TODAY + timedelta(days=3)
    assert item.title == "Keep in touch with Bo Berg"


def test_a_never_contacted_contact_with_a_cadence_is_due_now(
    app: Nurture, make_contact: MakeContact
) -> None:
    new = make_contact("Nia New", keep_in_touch_days=30).id
    make_contact("Nobody Cares")  # no cadence: never listed
    with app.database.write() as session:
        contact = session.get(Contact, new)
        assert contact is not None
        contact.created_at = noon(date(2025, 6, 1))

    [on_the_day] = week(app, date(2025, 6, 1))
    [later] = week(app, TODAY)

    assert (on_the_day.day, on_the_day.title) == (date(2025, 6, 1), "Keep in touch with Nia New")
    assert (later.day, later.due) == (TODAY, date(2025, 6, 1))
    assert later.title == "Get in touch with Nia New (overdue 19 days)"


def test_the_tier_cadence_applies_when_the_contact_has_none(
    app: Nurture, make_contact: MakeContact
) -> None:
    app.settings.update(tier_cadence={"A": 30, "B": 90})
    bea = make_contact("Bea Tier", tier="B").id
    own = make_contact("Oona Own", tier="B", keep_in_touch_days=200).id
    untiered = make_contact("Una None").id
    for contact_id in (bea, own, untiered):
        touch(app, contact_id, TODAY - timedelta(days=100))

    [item] = week(app)
    assert (item.contact_id, item.title) == (bea, "Get in touch with Bea Tier (overdue 10 days)")

    app.settings.update(tier_cadence={"A": 30, "B": 120})
    assert week(app) == []


def test_a_tag_cadence_applies_when_the_contact_has_none(
    app: Nurture, make_contact: MakeContact
) -> None:
    golfer = make_contact("Gil Golf", tags=("Golf",)).id
    both = make_contact("Bo Both", tags=("Golf", "Board")).id
    own = make_contact("Oona Own", tags=("Golf",), keep_in_touch_days=60).id
    for contact_id in (golfer, both, own):
        touch(app, contact_id, TODAY - timedelta(days=20))
    assert week(app) == []  # no cadence anywhere yet

    with app.database.write() as session:
        tags = {t.name: t for t in session.scalars(select(Tag))}
        tags["Golf"].keep_in_touch_days = 14
        tags["Board"].keep_in_touch_days = 7  # the shortest of a contact's tags wins

    items = week(app)

    assert {(o.contact_id, o.due) for o in items} == {
        (golfer, TODAY - timedelta(days=6)),
        (both, TODAY - timedelta(days=13)),
    }
    assert all(o.day == TODAY for o in items)


def test_light_contacts_never_go_cold(app: Nurture, make_contact: MakeContact) -> None:
    jane = make_contact("Jane Doe").id
    app.network.add_related_person(
        jane, RelationshipKind.CHILD, ContactDraft(given_name="Tim", keep_in_touch_days=7)
    )
    assert app.agenda.between(TODAY, TODAY + timedelta(days=365), TODAY) == []


# --- archived contacts ---


def test_archived_contacts_do_not_appear(app: Nurture, make_contact: MakeContact) -> None:
    old = make_contact("Old Friend", keep_in_touch_days=30).id
    app.records.add_date(old, DateKind.BIRTHDAY, PartialDate(1970, 6, 22))
    app.records.add_date(old, DateKind.BIRTHDAY, PartialDate(1972, 2, 29))
    app.records.add_follow_up(old, TODAY - timedelta(days=2), "Call")
    app.records.add_follow_up(old, TODAY, "Check", "FREQ=WEEKLY")
    touch(app, old, TODAY - timedelta(days=40))
    assert len(app.agenda.between(TODAY, TODAY + timedelta(days=365), TODAY)) > 5

    archive(app, old)

    assert app.agenda.between(TODAY, TODAY + timedelta(days=365), TODAY) == []


def test_an_archived_contacts_family_does_not_appear(
    app: Nurture, make_contact: MakeContact
) -> None:
    jane = make_contact("Jane Doe").id
    tim = app.network.add_related_person(
        jane, RelationshipKind.CHILD, ContactDraft(given_name="Tim")
    ).value
    app.records.add_date(tim, DateKind.BIRTHDAY, PartialDate(2007, 5, 10))

    archive(app, jane)

    assert app.agenda.between(date(2025, 5, 1), date(2025, 5, 31)) == []


# --- gift holidays ---


def test_christmas_and_its_buy_by_day(app: Nurture) -> None:
    app.settings.update(gift_holidays=["christmas"], gift_lead_days=14)

    items = app.agenda.between(date(2025, 12, 1), date(2025, 12, 31))

    assert [(o.day, o.kind, o.title) for o in items] == [
        (date(2025, 12, 11), OccurrenceKind.GIFT_DEADLINE, "Buy gifts for Christmas (December 25)"),
        (date(2025, 12, 25), OccurrenceKind.HOLIDAY, "Christmas"),
    ]
    assert all(o.contact_id is None for o in items)


def test_the_buy_by_day_shows_even_when_the_holiday_is_past_the_window(app: Nurture) -> None:
    app.settings.update(gift_holidays=["christmas"], gift_lead_days=14)

    items = app.agenda.between(date(2025, 12, 5), date(2025, 12, 15))

    assert [(o.day, o.kind) for o in items] == [(date(2025, 12, 11), OccurrenceKind.GIFT_DEADLINE)]


@pytest.mark.parametrize(("country", "day"), [("US", date(2025, 5, 11)), ("GB", date(2025, 3, 30))])
def test_mothers_day_by_country(app: Nurture, country: str, day: date) -> None:
    app.settings.update(gift_holidays=["mothers_day"], holiday_country=country, gift_lead_days=7)

    items = app.agenda.between(date(2025, 1, 1), date(2025, 12, 31))

    assert [(o.day, o.kind, o.title) for o in items] == [
        (
            day - timedelta(days=7),
            OccurrenceKind.GIFT_DEADLINE,
            f"Buy gifts for Mother's Day ({day:%B} {day.day})",
        ),
        (day, OccurrenceKind.HOLIDAY, "Mother's Day"),
    ]


def test_a_public_holiday_chosen_by_name(app: Nurture) -> None:
    app.settings.update(gift_holidays=["Thanksgiving"], holiday_country="US", gift_lead_days=10)

    items = app.agenda.between(date(2025, 11, 1), date(2025, 11, 30))

    assert [(o.day, o.kind) for o in items] == [
        (date(2025, 11, 17), OccurrenceKind.GIFT_DEADLINE),
        (date(2025, 11, 27), OccurrenceKind.HOLIDAY),
    ]
    assert all(o.title.startswith(("Thanksgiving", "Buy gifts for Thanksgiving")) for o in items)


def test_no_gift_lead_time_means_no_buy_by_item(app: Nurture) -> None:
    app.settings.update(gift_holidays=["valentines"], gift_lead_days=0)

    items = app.agenda.between(date(2026, 2, 1), date(2026, 2, 28))

    assert [(o.day, o.title) for o in items] == [(date(2026, 2, 14), "Valentine's Day")]


# --- the list as a whole ---


def test_everything_is_ordered_by_day(app: Nurture, make_contact: MakeContact) -> None:
    app.settings.update(gift_holidays=["christmas", "new_year"], gift_lead_days=14)
    ann = make_contact("Ann Lee", keep_in_touch_days=20).id
    bo = make_contact("Bo Berg").id
    app.records.add_date(ann, DateKind.BIRTHDAY, PartialDate(1990, 1, 3))
    app.records.add_date(bo, DateKind.BIRTHDAY, PartialDate(None, 12, 18))
    app.records.add_date(bo, DateKind.ANNIVERSARY, PartialDate(2010, 12, 25))
    app.records.add_follow_up(bo, date(2025, 12, 1), "Catch up", "FREQ=WEEKLY")
    touch(app, ann, date(2025, 12, 1))
    today = date(2025, 12, 10)

    items = app.agenda.between(today, date(2026, 1, 10), today)

    keys = [(o.day, KIND_ORDER[o.kind]) for o in items]
    assert keys == sorted(keys)
    assert {o.kind for o in items} == {
        OccurrenceKind.BIRTHDAY,
        OccurrenceKind.ANNIVERSARY,
        OccurrenceKind.FOLLOW_UP,
        OccurrenceKind.KEEP_IN_TOUCH,
        OccurrenceKind.HOLIDAY,
        OccurrenceKind.GIFT_DEADLINE,
    }
    assert all(today <= o.day <= date(2026, 1, 10) for o in items)


def test_an_empty_or_backwards_window_is_empty(app: Nurture, make_contact: MakeContact) -> None:
    ann = make_contact("Ann Lee").id
    app.records.add_date(ann, DateKind.BIRTHDAY, PartialDate(None, 6, 20))
    assert app.agenda.between(TODAY, TODAY - timedelta(days=1), TODAY) == []
    assert titles(app.agenda.between(TODAY, TODAY, TODAY)) == ["Ann Lee's birthday"]
