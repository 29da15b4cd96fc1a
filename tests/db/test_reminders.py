"""The reminder engine with the clock passed in: what fires, exactly once, across restarts, sleep,
snoozes, dismissals and done, on a real database."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from nurture.app import Nurture
from nurture.domain.dates import PartialDate
from nurture.domain.dto import ContactDraft
from nurture.domain.enums import DateKind, InteractionKind, RelationshipKind
from nurture.domain.occurrence import Occurrence, OccurrenceKind
from nurture.errors import ValidationError
from nurture.services.reminders import DueReminders
from tests.conftest import MakeContact

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture(autouse=True)
def berlin(app: Nurture) -> None:
    """A known zone and digest time, and no gift holidays, so each test sees only what it adds."""
    app.settings.update(
        time_zone="Europe/Berlin", digest_time="08:00", holiday_country="DE", gift_holidays=[]
    )


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """A wall-clock time in Berlin."""
    return datetime.combine(day, time(hour, minute), tzinfo=BERLIN)


def due(app: Nurture, now: datetime, dry_run: bool = False) -> DueReminders:
    return app.reminders.due(now, dry_run=dry_run).value


def titles(result: DueReminders) -> list[str]:
    return [r.occurrence.title for r in result.reminders]


def birthday(app: Nurture, make_contact: MakeContact, name: str, when: PartialDate) -> int:
    contact_id = make_contact(name).id
    app.records.add_date(contact_id, DateKind.BIRTHDAY, when)
    return contact_id


# --- firing exactly once ---


def test_a_birthday_fires_once_at_the_digest_time_a_week_ahead(
    app: Nurture, make_contact: MakeContact
) -> None:
    birthday(app, make_contact, "Ann Lee", PartialDate(1990, 6, 15))
    day = date(2025, 6, 8)

    assert titles(due(app, at(day, 7, 59))) == []
    result = due(app, at(day, 8, 0))
    again = due(app, at(day, 8, 1))

    assert titles(result) == ["Ann Lee turns 35"]
    [reminder] = result.reminders
    assert reminder.fire_at == at(day, 8, 0)
    assert reminder.occurrence.day == date(2025, 6, 15)
    assert (result.digest, result.missed, result.summary) == (False, False, "1 birthday")
    assert titles(again) == []
    assert titles(due(app, at(day + timedelta(days=1), 8, 0))) == []
    assert titles(due(app, at(date(2025, 6, 15), 8, 0))) == []  # not again on the day itself


def test_a_restart_does_not_fire_it_again(
    app: Nurture, make_contact: MakeContact, data_dir: Path
) -> None:
    birthday(app, make_contact, "Ann Lee", PartialDate(1990, 6, 15))
    assert len(due(app, at(date(2025, 6, 8), 8, 0)).reminders) == 1
    app.close()

    reopened = Nurture.open(data_dir)
    try:
        assert titles(due(reopened, at(date(2025, 6, 8), 8, 30))) == []
        assert titles(due(reopened, at(date(2025, 6, 9), 9, 0))) == []
    finally:
        reopened.close()


def test_nothing_is_lost_while_the_app_is_closed(
    app: Nurture, make_contact: MakeContact, data_dir: Path
) -> None:
    birthday(app, make_contact, "Ann Lee", PartialDate(1990, 6, 15))
    assert titles(due(app, at(date(2025, 6, 7), 9, 0))) == []
    app.close()

    reopened = Nurture.open(data_dir)  # two days later, after the 8:00 of Jun 8
    try:
        result = due(reopened, at(date(2025, 6, 9), 10, 0))
        assert titles(result) == ["Ann Lee turns 35"]
        assert result.missed
        assert result.digest
        assert result.summary == "While you were away: 1 birthday"
        assert titles(due(reopened, at(date(2025, 6, 9), 10, 1))) == []
    finally:
        reopened.close()


def test_a_ten_day_gap_comes_back_as_one_digest_of_everything_missed(
    app: Nurture, make_contact: MakeContact
) -> None:
    ann = make_contact("Ann Lee", organization="Acme").id
    app.records.add_date(ann, DateKind.BIRTHDAY, PartialDate(1990, 6, 8))  # fires Jun 1
    app.records.add_date(ann, DateKind.WORK_ANNIVERSARY, PartialDate(2020, 6, 10))  # Jun 7
    bo = birthday(app, make_contact, "Bo Berg", PartialDate(1980, 6, 12))  # fires Jun 5
    app.records.add_date(bo, DateKind.ANNIVERSARY, PartialDate(2005, 6, 14))  # fires Jun 7
    app.records.add_follow_up(bo, date(2025, 6, 8), "Send the contract")  # fires Jun 8
    birthday(app, make_contact, "Cy Cole", PartialDate(None, 6, 18))  # fires Jun 11 08:00
    birthday(app, make_contact, "Di Dunn", PartialDate(None, 6, 20))  # fires Jun 13

    first = due(app, at(date(2025, 6, 1), 9, 0))
    assert titles(first) == ["Ann Lee turns 35"]

    back = due(app, at(date(2025, 6, 11), 9, 0))  # the laptop was closed for ten days

    assert back.digest
    assert back.missed
    assert sorted(titles(back)) == [
        "Ann Lee: 5 years at Acme",
        "Bo Berg turns 45",
        "Bo Berg: 20th anniversary",
        "Cy Cole's birthday",
        "Send the contract with Bo Berg (overdue 3 days)",
    ]
    assert back.summary.startswith("While you were away: ")
    assert "1 follow-up" in back.summary
    assert "1 work anniversary" in back.summary
    assert all(
        at(date(2025, 6, 1), 9, 0) < r.fire_at <= at(date(2025, 6, 11), 9, 0)
        for r in back.reminders
    )

    assert titles(due(app, at(date(2025, 6, 11), 9, 1))) == []
    assert titles(due(app, at(date(2025, 6, 13), 8, 0))) == ["Di Dunn's birthday"]


def test_many_reminders_at_once_are_a_digest_but_not_missed(
    app: Nurture, make_contact: MakeContact
) -> None:
    for name in ("Ann Lee", "Bo Berg", "Cy Cole"):
        birthday(app, make_contact, name, PartialDate(None, 6, 15))
    assert titles(due(app, at(date(2025, 6, 8), 7, 0))) == []

    result = due(app, at(date(2025, 6, 8), 8, 0))

    assert len(result.reminders) == 3
    assert result.digest
    assert not result.missed
    assert result.summary == "3 birthdays"


def test_dry_run_shows_but_does_not_mark(app: Nurture, make_contact: MakeContact) -> None:
    birthday(app, make_contact, "Ann Lee", PartialDate(1990, 6, 15))
    now = at(date(2025, 6, 8), 8, 0)

    assert titles(due(app, now, dry_run=True)) == ["Ann Lee turns 35"]
    assert titles(due(app, now, dry_run=True)) == ["Ann Lee turns 35"]
    assert titles(due(app, now + timedelta(minutes=1))) == ["Ann Lee turns 35"]
    assert titles(due(app, now + timedelta(minutes=2))) == []


def test_the_first_run_ever_fires_what_is_ahead_but_not_what_is_past(
    app: Nurture, make_contact: MakeContact
) -> None:
    ann = make_contact("Ann Lee").id
    # Due to fire on May 26, three weeks before the app first runs: late, but still ahead.
    app.records.add_date(ann, DateKind.BIRTHDAY, PartialDate(1990, 6, 25), lead_days=30)
    birthday(app, make_contact, "Bo Berg", PartialDate(1980, 6, 22))  # fires this morning
    birthday(app, make_contact, "Cy Cole", PartialDate(1970, 6, 10))  # came and went: history

    first = due(app, at(date(2025, 6, 15), 10, 0))

    assert sorted(titles(first)) == ["Ann Lee turns 35", "Bo Berg turns 45"]
    assert not first.missed
    assert titles(due(app, at(date(2025, 6, 16), 10, 0))) == []


def test_a_reminder_time_needs_a_time_zone(app: Nurture) -> None:
    with pytest.raises(ValidationError):
        app.reminders.due(datetime(2025, 6, 8, 8, 0))


# --- when a reminder fires ---


def test_lead_times_per_date_else_per_kind(app: Nurture, make_contact: MakeContact) -> None:
    app.settings.update(lead_days={**app.settings.get().lead_days, "birthday": 3})
    ann = birthday(app, make_contact, "Ann Lee", PartialDate(None, 6, 20))
    app.records.add_date(ann, DateKind.ANNIVERSARY, PartialDate(2010, 6, 20), lead_days=1)
    settings = app.settings.get()

    items = app.agenda.between(date(2025, 6, 1), date(2025, 6, 30))
    fire = {o.kind: app.reminders.fire_time(o, settings) for o in items}

    assert fire == {
        OccurrenceKind.BIRTHDAY: at(date(2025, 6, 17), 8, 0),
        OccurrenceKind.ANNIVERSARY: at(date(2025, 6, 19), 8, 0),
    }


def test_the_digest_time_setting(app: Nurture, make_contact: MakeContact) -> None:
    app.settings.update(digest_time="07:30")
    birthday(app, make_contact, "Ann Lee", PartialDate(None, 6, 15))
    assert titles(due(app, at(date(2025, 6, 8), 7, 0))) == []

    assert titles(due(app, at(date(2025, 6, 8), 7, 29))) == []
    assert titles(due(app, at(date(2025, 6, 8), 7, 30))) == ["Ann Lee's birthday"]


def test_a_month_only_date_reminds_at_the_start_of_its_month(
    app: Nurture, make_contact: MakeContact
) -> None:
    jane = make_contact("Jane Doe").id
    tim = app.network.add_related_person(
        jane, RelationshipKind.CHILD, ContactDraft(given_name="Tim")
    ).value
    app.records.add_date(tim, DateKind.GRADUATION, PartialDate(2027, 6, None))
    [item] = app.agenda.between(date(2027, 6, 10), date(2027, 6, 20))

    assert app.reminders.fire_time(item, app.settings.get()) == at(date(2027, 6, 1), 8, 0)
    assert titles(due(app, at(date(2027, 5, 31), 9, 0))) == []
    assert titles(due(app, at(date(2027, 6, 1), 7, 59))) == []
    assert titles(due(app, at(date(2027, 6, 1), 8, 0))) == [
        "Tim (Jane Doe's child) graduates (June 2027)"
    ]


@pytest.mark.parametrize(
    ("zone_name", "birthday_on", "fires_utc"),
    [
        # A week before: Sunday Mar 30, the day Berlin moves to summer time (UTC+2).
        ("Europe/Berlin", date(2025, 4, 6), datetime(2025, 3, 30, 6, 0, tzinfo=UTC)),
        # Sunday Oct 26, the day Berlin goes back to UTC+1.
        ("Europe/Berlin", date(2025, 11, 2), datetime(2025, 10, 26, 7, 0, tzinfo=UTC)),
        ("America/New_York", date(2025, 3, 16), datetime(2025, 3, 9, 12, 0, tzinfo=UTC)),
        ("America/New_York", date(2025, 11, 9), datetime(2025, 11, 2, 13, 0, tzinfo=UTC)),
    ],
)
def test_reminders_fire_at_eight_local_on_the_days_the_clocks_change(
    app: Nurture, make_contact: MakeContact, zone_name: str, birthday_on: date, fires_utc: datetime
) -> None:
    app.settings.update(time_zone=zone_name)
    birthday(app, make_contact, "Ann Lee", PartialDate(None, birthday_on.month, birthday_on.day))
    assert titles(due(app, fires_utc - timedelta(hours=3))) == []

    assert titles(due(app, fires_utc - timedelta(minutes=1))) == []
    result = due(app, fires_utc)

    assert titles(result) == ["Ann Lee's birthday"]
    local = result.reminders[0].fire_at.astimezone(ZoneInfo(zone_name))
    assert local.time() == time(8, 0)
    assert result.reminders[0].fire_at == fires_utc


# --- snooze ---


def _fire_one(app: Nurture, make_contact: MakeContact) -> tuple[Occurrence, datetime]:
    birthday(app, make_contact, "Ann Lee", PartialDate(1990, 6, 15))
    now = at(date(2025, 6, 8), 8, 0)
    [reminder] = due(app, now).reminders
    return reminder.occurrence, now


def test_snooze_for_an_hour(app: Nurture, make_contact: MakeContact) -> None:
    occurrence, fired = _fire_one(app, make_contact)
    now = fired + timedelta(minutes=5)
    until = app.reminders.snooze_choices(now)["1 hour"]
    assert until == now + timedelta(hours=1)

    app.reminders.snooze(occurrence, until)

    assert titles(due(app, until - timedelta(minutes=1))) == []
    back = due(app, until)
    assert titles(back) == ["Ann Lee turns 35"]
    assert back.reminders[0].fire_at == until
    assert not back.missed
    assert titles(due(app, until + timedelta(minutes=1))) == []
    assert titles(due(app, until + timedelta(days=1))) == []


def test_snooze_until_tomorrow_comes_back_at_the_digest_time(
    app: Nurture, make_contact: MakeContact
) -> None:
    occurrence, fired = _fire_one(app, make_contact)
    until = app.reminders.snooze_choices(fired + timedelta(minutes=5))["Tomorrow"]

    app.reminders.snooze(occurrence, until)

    for hour in (9, 12, 18, 23):
        assert titles(due(app, at(date(2025, 6, 8), hour))) == []
    assert titles(due(app, at(date(2025, 6, 9), 7, 59))) == []
    assert titles(due(app, at(date(2025, 6, 9), 8, 0))) == ["Ann Lee turns 35"]
    assert titles(due(app, at(date(2025, 6, 9), 8, 1))) == []


def test_snooze_choices(app: Nurture) -> None:
    app.settings.update(digest_time="07:30")
    now = at(date(2025, 6, 8), 20, 15)

    choices = app.reminders.snooze_choices(now)

    assert choices == {
        "1 hour": now + timedelta(hours=1),
        "Tomorrow": at(date(2025, 6, 9), 7, 30),
        "Next week": at(date(2025, 6, 15), 7, 30),
    }


def test_snooze_choices_keep_the_wall_clock_across_dst(app: Nurture) -> None:
    choices = app.reminders.snooze_choices(at(date(2025, 3, 29), 21, 0))
    assert choices["Tomorrow"] == datetime(2025, 3, 30, 6, 0, tzinfo=UTC)  # 08:00 CEST
    assert choices["Tomorrow"].astimezone(BERLIN).time() == time(8, 0)


def test_a_reminder_snoozed_past_its_day_still_comes_back(
    app: Nurture, make_contact: MakeContact
) -> None:
    ann = make_contact("Ann Lee").id
    app.records.add_date(ann, DateKind.BIRTHDAY, PartialDate(1990, 6, 15), lead_days=0)
    day = date(2025, 6, 15)
    assert titles(due(app, at(day, 7, 59))) == []
    [reminder] = due(app, at(day, 8, 0)).reminders
    until = app.reminders.snooze_choices(at(day, 8, 1))["Tomorrow"]
    app.reminders.snooze(reminder.occurrence, until)

    # The app keeps running: it checks every minute or so.
    assert titles(due(app, at(day, 23, 59))) == []
    assert titles(due(app, until - timedelta(minutes=1))) == []
    assert titles(due(app, until)) == ["Ann Lee turns 35"]


# --- dismiss and done ---


def test_a_dismissed_reminder_never_comes_back(app: Nurture, make_contact: MakeContact) -> None:
    occurrence, fired = _fire_one(app, make_contact)
    app.reminders.snooze(occurrence, fired + timedelta(hours=1))

    app.reminders.dismiss(occurrence, fired + timedelta(minutes=10))

    for days in (0, 1, 3, 7):
        assert titles(due(app, fired + timedelta(days=days, hours=2))) == []


def test_dismissing_before_it_fires_means_it_never_fires(
    app: Nurture, make_contact: MakeContact
) -> None:
    birthday(app, make_contact, "Ann Lee", PartialDate(1990, 6, 15))
    [item] = app.agenda.between(date(2025, 6, 1), date(2025, 6, 30))

    app.reminders.dismiss(item, at(date(2025, 6, 1), 12, 0))

    assert titles(due(app, at(date(2025, 6, 8), 7, 0))) == []
    assert titles(due(app, at(date(2025, 6, 8), 8, 0))) == []


def test_done_on_keep_in_touch_logs_the_touch(app: Nurture, make_contact: MakeContact) -> None:
    bo = make_contact("Bo Berg", keep_in_touch_days=30).id
    app.interactions.log(InteractionKind.EMAIL, [bo], at(date(2025, 5, 1), 12))
    now = at(date(2025, 6, 10), 9, 0)

    [reminder] = due(app, now).reminders
    assert reminder.occurrence.kind is OccurrenceKind.KEEP_IN_TOUCH
    assert reminder.occurrence.title == "Get in touch with Bo Berg (overdue 10 days)"

    app.reminders.done(reminder.occurrence, now)

    card = app.contacts.card(bo)
    assert card.last_interaction_at == now
    latest = max(card.interactions, key=lambda i: i.occurred_at)
    assert (latest.kind, latest.occurred_at, latest.notes) == (
        InteractionKind.CALL,
        now,
        "Kept in touch",
    )
    week = app.agenda.between(date(2025, 6, 10), date(2025, 6, 16), date(2025, 6, 10))
    assert [o for o in week if o.kind is OccurrenceKind.KEEP_IN_TOUCH] == []
    assert titles(due(app, now + timedelta(minutes=1))) == []
    # The next touch is due a cadence later.
    assert titles(due(app, at(date(2025, 7, 10), 8, 0))) == ["Keep in touch with Bo Berg"]


def test_done_on_a_follow_up_completes_that_occurrence(
    app: Nurture, make_contact: MakeContact
) -> None:
    ann = make_contact("Ann Lee").id
    app.records.add_follow_up(ann, date(2025, 6, 10), "Review", "FREQ=MONTHLY")
    now = at(date(2025, 6, 10), 8, 0)
    [reminder] = due(app, now).reminders
    assert reminder.occurrence.due == date(2025, 6, 10)

    app.reminders.done(reminder.occurrence, now)

    items = app.agenda.between(date(2025, 6, 10), date(2025, 7, 31), date(2025, 6, 10))
    assert [o.due for o in items] == [date(2025, 7, 10)]
    assert titles(due(app, at(date(2025, 6, 11), 8, 0))) == []
    assert titles(due(app, at(date(2025, 7, 10), 8, 0))) == ["Review with Ann Lee"]


def test_done_on_a_one_off_follow_up_finishes_it(app: Nurture, make_contact: MakeContact) -> None:
    ann = make_contact("Ann Lee").id
    app.records.add_follow_up(ann, date(2025, 6, 10), "Send the deck")
    now = at(date(2025, 6, 12), 9, 0)
    [reminder] = due(app, now).reminders
    assert reminder.occurrence.title == "Send the deck with Ann Lee (overdue 2 days)"

    app.reminders.done(reminder.occurrence, now)

    assert app.contacts.card(ann).follow_ups[0].done_at is not None
    assert app.agenda.between(date(2025, 6, 12), date(2025, 12, 31), date(2025, 6, 12)) == []


def test_settled_lists_what_the_user_dealt_with(app: Nurture, make_contact: MakeContact) -> None:
    ann = make_contact("Ann Lee").id
    app.records.add_date(ann, DateKind.BIRTHDAY, PartialDate(None, 6, 15))
    app.records.add_date(ann, DateKind.ANNIVERSARY, PartialDate(None, 6, 16))
    app.records.add_follow_up(ann, date(2025, 6, 17), "Call")
    app.records.add_date(ann, DateKind.CUSTOM, PartialDate(None, 6, 18), label="Name day")
    items = {o.kind: o for o in app.agenda.between(date(2025, 6, 1), date(2025, 6, 30))}
    now = at(date(2025, 6, 8), 9, 0)

    app.reminders.dismiss(items[OccurrenceKind.BIRTHDAY], now)
    app.reminders.snooze(items[OccurrenceKind.ANNIVERSARY], now + timedelta(hours=1))
    app.reminders.done(items[OccurrenceKind.FOLLOW_UP], now)

    dealt = {
        items[OccurrenceKind.BIRTHDAY].key,
        items[OccurrenceKind.ANNIVERSARY].key,
        items[OccurrenceKind.FOLLOW_UP].key,
    }
    assert app.reminders.settled(now) == dealt
    assert items[OccurrenceKind.CUSTOM].key not in app.reminders.settled(now)
    # Once the snooze is over, the anniversary is open again.
    assert app.reminders.settled(now + timedelta(hours=2)) == dealt - {
        items[OccurrenceKind.ANNIVERSARY].key
    }


# --- more calendars ---


def test_a_reminder_across_new_year(app: Nurture, make_contact: MakeContact) -> None:
    birthday(app, make_contact, "Bo Berg", PartialDate(1986, 1, 3))
    assert titles(due(app, at(date(2025, 12, 27), 7, 0))) == []

    result = due(app, at(date(2025, 12, 27), 8, 0))

    assert titles(result) == ["Bo Berg turns 40"]
    assert result.reminders[0].occurrence.day == date(2026, 1, 3)


def test_gift_holidays_remind_on_the_buy_by_day_and_on_the_day(app: Nurture) -> None:
    app.settings.update(gift_holidays=["christmas"], gift_lead_days=14)
    assert titles(due(app, at(date(2025, 12, 11), 7, 0))) == []

    assert titles(due(app, at(date(2025, 12, 11), 8, 0))) == [
        "Buy gifts for Christmas (December 25)"
    ]
    assert titles(due(app, at(date(2025, 12, 24), 8, 0))) == []
    assert titles(due(app, at(date(2025, 12, 25), 8, 0))) == ["Christmas"]


def test_a_snooze_survives_a_restart(
    app: Nurture, make_contact: MakeContact, data_dir: Path
) -> None:
    occurrence, fired = _fire_one(app, make_contact)
    until = app.reminders.snooze_choices(fired)["Tomorrow"]
    app.reminders.snooze(occurrence, until)
    app.close()

    reopened = Nurture.open(data_dir)
    try:
        assert titles(due(reopened, until - timedelta(minutes=1))) == []
        assert titles(due(reopened, until)) == ["Ann Lee turns 35"]
        assert titles(due(reopened, until + timedelta(minutes=1))) == []
    finally:
        reopened.close()


def test_people_going_cold_are_counted_in_the_summary(
    app: Nurture, make_contact: MakeContact
) -> None:
    for name in ("Ann Lee", "Bo Berg"):
        contact_id = make_contact(name, keep_in_touch_days=30).id
        app.interactions.log(InteractionKind.CALL, [contact_id], at(date(2025, 4, 1), 12))

    result = due(app, at(date(2025, 6, 10), 9, 0))

    assert result.summary == "2 people to get in touch with"
    assert titles(due(app, at(date(2025, 6, 10), 9, 1))) == []
