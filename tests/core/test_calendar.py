"""The pure date rules behind the agenda: yearly dates, Feb 29, partial dates, recurring
follow-ups, gift days and wall-clock reminder times across daylight-saving changes."""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from dateutil.easter import easter
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from nurture.calendar.gift_days import gift_days
from nurture.calendar.occasions import (
    LeapDayPolicy,
    month_span,
    once_between,
    yearly_between,
    yearly_on,
    years_since,
)
from nurture.calendar.recurrence import follow_up_dates, next_follow_up
from nurture.calendar.timing import at_local, local_day

policies = st.sampled_from(list(LeapDayPolicy))
# Every month/day somebody can be born on, Feb 29 included.
month_days = st.dates(date(2000, 1, 1), date(2000, 12, 31)).map(lambda d: (d.month, d.day))
days = st.dates(date(1900, 1, 1), date(2300, 12, 31))
ZONES = ["Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "UTC"]


def _expected_day(year: int, month: int, day: int, policy: LeapDayPolicy) -> date:
    """Where a yearly date falls, stated from scratch: Feb 29 only moves in common years."""
    if (month, day) != (2, 29) or calendar.isleap(year):
        return date(year, month, day)
    return date(year, 2, 28) if policy is LeapDayPolicy.FEB_28 else date(year, 3, 1)


# --- yearly dates: no drift, Feb 29 by policy ---


@given(month_days, st.integers(1900, 2300), policies)
def test_a_yearly_date_falls_on_its_own_day_for_a_hundred_consecutive_years(
    month_day: tuple[int, int], first_year: int, policy: LeapDayPolicy
) -> None:
    month, day = month_day
    for year in range(first_year, first_year + 100):
        assert yearly_on(year, month, day, policy) == _expected_day(year, month, day, policy)


@given(month_days, days, policies)
def test_a_hundred_year_window_holds_the_date_once_a_year_and_never_drifts(
    month_day: tuple[int, int], start: date, policy: LeapDayPolicy
) -> None:
    month, day = month_day
    end = start + relativedelta(years=100) - timedelta(days=1)

    found = list(yearly_between(month, day, start, end, policy))

    assert len(found) == 100
    assert found == sorted(found)
    assert len({when.year for when in found}) == 100
    for when in found:
        assert start <= when <= end
        assert when == _expected_day(when.year, month, day, policy)


@pytest.mark.parametrize(
    ("year", "policy", "expected"),
    [
        (2024, LeapDayPolicy.FEB_28, date(2024, 2, 29)),
        (2024, LeapDayPolicy.MAR_1, date(2024, 2, 29)),
        (2025, LeapDayPolicy.FEB_28, date(2025, 2, 28)),
        (2025, LeapDayPolicy.MAR_1, date(2025, 3, 1)),
        (2028, LeapDayPolicy.FEB_28, date(2028, 2, 29)),
        (2028, LeapDayPolicy.MAR_1, date(2028, 2, 29)),
        # Century years are common unless divisible by 400.
        (2100, LeapDayPolicy.FEB_28, date(2100, 2, 28)),
        (2100, LeapDayPolicy.MAR_1, date(2100, 3, 1)),
        (2000, LeapDayPolicy.MAR_1, date(2000, 2, 29)),
    ],
)
def test_feb_29_by_policy(year: int, policy: LeapDayPolicy, expected: date) -> None:
    assert yearly_on(year, 2, 29, policy) == expected


@given(policies)
def test_feb_29_comes_back_to_feb_29_after_common_years(policy: LeapDayPolicy) -> None:
    # Computed from the original date every year: three moved years do not make it stick.
    found = list(yearly_between(2, 29, date(2024, 1, 1), date(2032, 12, 31), policy))
    moved = date(2025, 2, 28) if policy is LeapDayPolicy.FEB_28 else date(2025, 3, 1)
    assert found[0] == date(2024, 2, 29)
    assert found[1] == moved
    assert found[4] == date(2028, 2, 29)
    assert found[8] == date(2032, 2, 29)


def test_the_policy_values_are_the_stored_setting_strings() -> None:
    assert LeapDayPolicy("feb28") is LeapDayPolicy.FEB_28
    assert LeapDayPolicy("mar1") is LeapDayPolicy.MAR_1


# --- ages and anniversaries ---


@given(month_days, st.integers(1900, 2200), st.integers(1, 120), policies)
def test_the_number_is_the_years_since_the_original_date(
    month_day: tuple[int, int], first_year: int, years: int, policy: LeapDayPolicy
) -> None:
    month, day = month_day
    when = yearly_on(first_year + years, month, day, policy)
    assert years_since(first_year, when) == years


@given(days)
def test_a_date_without_a_year_has_no_age(when: date) -> None:
    assert years_since(None, when) is None


def test_no_number_in_the_first_year_or_before_it() -> None:
    assert years_since(2025, date(2025, 6, 1)) is None  # the wedding day itself
    assert years_since(2030, date(2025, 6, 1)) is None
    assert years_since(2024, date(2025, 6, 1)) == 1


# --- windows across New Year ---


def test_a_window_across_new_year_finds_dates_in_both_years() -> None:
    start, end = date(2025, 12, 20), date(2026, 1, 10)

    january = list(yearly_between(1, 5, start, end, LeapDayPolicy.FEB_28))
    december = list(yearly_between(12, 24, start, end, LeapDayPolicy.FEB_28))

    assert january == [date(2026, 1, 5)]
    assert years_since(1986, january[0]) == 40
    assert december == [date(2025, 12, 24)]
    assert years_since(1986, december[0]) == 39
    assert list(yearly_between(12, 10, start, end, LeapDayPolicy.FEB_28)) == []
    assert list(yearly_between(1, 11, start, end, LeapDayPolicy.FEB_28)) == []


@given(month_days, days, st.integers(0, 800), policies)
def test_any_window_holds_exactly_the_days_the_rule_gives(
    month_day: tuple[int, int], start: date, length: int, policy: LeapDayPolicy
) -> None:
    month, day = month_day
    end = start + timedelta(days=length)
    expected = [
        when
        for year in range(start.year, end.year + 1)
        if start <= (when := _expected_day(year, month, day, policy)) <= end
    ]
    assert list(yearly_between(month, day, start, end, policy)) == expected


# --- one-off and month-only dates ---


def test_a_month_only_date_covers_its_whole_month() -> None:
    assert month_span(2027, 6) == (date(2027, 6, 1), date(2027, 6, 30))
    assert month_span(2028, 2) == (date(2028, 2, 1), date(2028, 2, 29))
    assert month_span(2027, 2) == (date(2027, 2, 1), date(2027, 2, 28))


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2027, 5, 20), date(2027, 7, 5), date(2027, 6, 1)),  # the whole month in view
        (date(2027, 6, 10), date(2027, 6, 20), date(2027, 6, 10)),  # the window's first day
        (date(2027, 6, 25), date(2027, 7, 10), date(2027, 6, 25)),
        (date(2027, 5, 1), date(2027, 6, 1), date(2027, 6, 1)),
        (date(2027, 6, 30), date(2027, 6, 30), date(2027, 6, 30)),
        (date(2027, 5, 1), date(2027, 5, 31), None),
        (date(2027, 7, 1), date(2027, 7, 31), None),
        (date(2028, 6, 1), date(2028, 6, 30), None),  # a one-off does not come back
    ],
)
def test_graduates_june_2027_shows_once_inside_june(
    start: date, end: date, expected: date | None
) -> None:
    assert once_between(2027, 6, None, start, end) == expected


@given(st.integers(1900, 2200), st.integers(1, 12), days, st.integers(0, 400))
def test_a_month_only_date_shows_in_a_window_exactly_when_they_overlap(
    year: int, month: int, start: date, length: int
) -> None:
    end = start + timedelta(days=length)
    first, last = month_span(year, month)

    when = once_between(year, month, None, start, end)

    if last < start or first > end:
        assert when is None
    else:
        assert when is not None
        assert start <= when <= end
        assert first <= when <= last
        assert when == max(first, start)


@given(days, days, st.integers(0, 400))
def test_a_full_one_off_date_shows_only_on_its_day(when: date, start: date, length: int) -> None:
    end = start + timedelta(days=length)
    found = once_between(when.year, when.month, when.day, start, end)
    assert found == (when if start <= when <= end else None)


# --- follow-ups ---


def test_a_monthly_follow_up_is_due_every_month_in_the_window() -> None:
    due = follow_up_dates(date(2025, 1, 15), "FREQ=MONTHLY", date(2025, 2, 1), date(2025, 5, 31))
    assert due == [date(2025, 2, 15), date(2025, 3, 15), date(2025, 4, 15), date(2025, 5, 15)]


def test_completed_occurrences_are_no_longer_due() -> None:
    anchor = date(2025, 1, 15)
    due = follow_up_dates(
        anchor, "FREQ=MONTHLY", date(2025, 1, 1), date(2025, 4, 30), date(2025, 2, 15)
    )
    assert due == [date(2025, 3, 15), date(2025, 4, 15)]
    assert next_follow_up(anchor, "FREQ=MONTHLY", date(2025, 2, 15)) == date(2025, 3, 15)


def test_a_one_off_follow_up_is_due_once() -> None:
    anchor = date(2025, 3, 1)
    assert follow_up_dates(anchor, "", date(2025, 1, 1), date(2025, 12, 31)) == [anchor]
    assert follow_up_dates(anchor, "", date(2025, 3, 2), date(2025, 12, 31)) == []
    assert follow_up_dates(anchor, "", date(2025, 1, 1), date(2025, 12, 31), anchor) == []
    assert next_follow_up(anchor, "", date(2025, 2, 1)) == anchor
    assert next_follow_up(anchor, "", anchor) is None


def test_a_rule_that_runs_out_has_no_next_date() -> None:
    anchor = date(2025, 1, 6)
    rule = "FREQ=WEEKLY;COUNT=3"
    assert follow_up_dates(anchor, rule, date(2025, 1, 1), date(2025, 12, 31)) == [
        date(2025, 1, 6),
        date(2025, 1, 13),
        date(2025, 1, 20),
    ]
    assert next_follow_up(anchor, rule, date(2025, 1, 13)) == date(2025, 1, 20)
    assert next_follow_up(anchor, rule, date(2025, 1, 20)) is None


@given(
    st.dates(date(2000, 1, 1), date(2100, 12, 31)),
    st.sampled_from(["FREQ=DAILY;INTERVAL=3", "FREQ=WEEKLY", "FREQ=MONTHLY", "FREQ=YEARLY"]),
    st.integers(0, 400),
    st.integers(0, 400),
)
def test_follow_up_dates_are_in_the_window_in_order_and_after_what_is_done(
    anchor: date, rule: str, offset: int, length: int
) -> None:
    start = anchor + timedelta(days=offset)
    end = start + timedelta(days=length)
    done = start + timedelta(days=length // 2)

    all_due = follow_up_dates(anchor, rule, start, end)
    open_due = follow_up_dates(anchor, rule, start, end, done)

    assert all_due == sorted(set(all_due))
    assert all(start <= when <= end for when in all_due)
    assert open_due == [when for when in all_due if when > done]


# --- gift days ---


@given(st.integers(1950, 2150))
def test_mothers_day_us_is_the_second_sunday_of_may(year: int) -> None:
    [day] = gift_days(["mothers_day"], "US", date(year, 1, 1), date(year, 12, 31))
    assert day.name == "Mother's Day"
    assert day.day.month == 5
    assert day.day.weekday() == calendar.SUNDAY
    assert 8 <= day.day.day <= 14


@given(st.integers(1950, 2150))
def test_mothering_sunday_in_britain_is_three_weeks_before_easter(year: int) -> None:
    [day] = gift_days(["mothers_day"], "GB", date(year, 1, 1), date(year, 12, 31))
    assert day.day.weekday() == calendar.SUNDAY
    assert day.day == easter(year) - timedelta(days=21)


@given(st.integers(1950, 2150))
def test_fathers_day_us_is_the_third_sunday_of_june(year: int) -> None:
    [day] = gift_days(["fathers_day"], "US", date(year, 1, 1), date(year, 12, 31))
    assert day.day.month == 6
    assert day.day.weekday() == calendar.SUNDAY
    assert 15 <= day.day.day <= 21


def test_mothers_day_2025_in_the_us_and_in_britain() -> None:
    year = (date(2025, 1, 1), date(2025, 12, 31))
    assert [g.day for g in gift_days(["mothers_day"], "US", *year)] == [date(2025, 5, 11)]
    assert [g.day for g in gift_days(["mothers_day"], "GB", *year)] == [date(2025, 3, 30)]


def test_fixed_gift_days_across_new_year_in_date_order() -> None:
    found = gift_days(
        ["valentines", "new_year", "christmas"], "US", date(2025, 12, 1), date(2026, 2, 28)
    )
    assert [(g.key, g.day) for g in found] == [
        ("christmas", date(2025, 12, 25)),
        ("new_year", date(2026, 1, 1)),
        ("valentines", date(2026, 2, 14)),
    ]
    assert [g.name for g in found] == ["Christmas", "New Year's Day", "Valentine's Day"]


def test_a_public_holiday_by_name_from_the_users_country() -> None:
    found = gift_days(["thanksgiving"], "US", date(2025, 1, 1), date(2026, 12, 31))
    assert [g.day for g in found] == [date(2025, 11, 27), date(2026, 11, 26)]  # 4th Thursdays
    assert all(g.name.startswith("Thanksgiving") for g in found)
    # Not a holiday there: nothing, and no error.
    assert gift_days(["thanksgiving"], "DE", date(2025, 1, 1), date(2025, 12, 31)) == []


# --- reminder times across daylight-saving changes ---


@pytest.mark.parametrize(
    ("zone_name", "day", "utc_hour"),
    [
        # Berlin: CET (UTC+1) until the last Sunday of March, CEST (UTC+2) until October's.
        ("Europe/Berlin", date(2025, 3, 29), 7),
        ("Europe/Berlin", date(2025, 3, 30), 6),
        ("Europe/Berlin", date(2025, 3, 31), 6),
        ("Europe/Berlin", date(2025, 10, 25), 6),
        ("Europe/Berlin", date(2025, 10, 26), 7),
        ("Europe/Berlin", date(2025, 10, 27), 7),
        # New York: EST (UTC-5) / EDT (UTC-4), switching on other Sundays (Mar 9, Nov 2).
        ("America/New_York", date(2025, 3, 8), 13),
        ("America/New_York", date(2025, 3, 9), 12),
        ("America/New_York", date(2025, 3, 10), 12),
        ("America/New_York", date(2025, 10, 26), 12),  # Berlin has switched, New York not yet
        ("America/New_York", date(2025, 11, 1), 12),
        ("America/New_York", date(2025, 11, 2), 13),
        ("America/New_York", date(2025, 11, 3), 13),
    ],
)
def test_an_eight_oclock_reminder_stays_at_eight_across_dst(
    zone_name: str, day: date, utc_hour: int
) -> None:
    instant = at_local(day, time(8, 0), zone_name)

    assert instant.tzinfo is UTC
    assert (instant.date(), instant.hour, instant.minute) == (day, utc_hour, 0)
    local = instant.astimezone(ZoneInfo(zone_name))
    assert (local.date(), local.time()) == (day, time(8, 0))
    assert local_day(instant, zone_name) == day


@pytest.mark.parametrize(
    ("zone_name", "switch", "hours"),
    [
        ("Europe/Berlin", date(2025, 3, 30), 23),
        ("Europe/Berlin", date(2025, 10, 26), 25),
        ("America/New_York", date(2025, 3, 9), 23),
        ("America/New_York", date(2025, 11, 2), 25),
    ],
)
def test_daily_reminders_are_a_day_apart_on_the_wall_clock_not_24_hours(
    zone_name: str, switch: date, hours: int
) -> None:
    before = at_local(switch - timedelta(days=1), time(8, 0), zone_name)
    after = at_local(switch, time(8, 0), zone_name)
    assert after - before == timedelta(hours=hours)


@given(
    st.dates(date(1980, 1, 1), date(2090, 12, 31)),
    st.sampled_from(ZONES),
    st.times().map(lambda t: t.replace(microsecond=0, minute=t.minute // 15 * 15)),
)
def test_a_local_time_converts_back_to_the_same_wall_clock(
    day: date, zone_name: str, moment: time
) -> None:
    instant = at_local(day, moment, zone_name)
    local = instant.astimezone(ZoneInfo(zone_name))
    # A wall-clock time skipped by a spring-forward gap is the only one that cannot survive.
    gap = local.replace(tzinfo=None) != datetime.combine(day, moment)
    if not gap:
        assert local.date() == day
        assert local.time() == moment
        assert local_day(instant, zone_name) == day


def test_an_unknown_zone_falls_back_to_utc() -> None:
    assert at_local(date(2025, 6, 1), time(8, 0), "Not/AZone") == datetime(
        2025, 6, 1, 8, 0, tzinfo=UTC
    )


def test_a_holiday_starts_on_its_day_not_on_its_eve() -> None:
    found = gift_days(["Chinese New Year"], "CN", date(2027, 1, 1), date(2027, 12, 31))
    assert min(g.day for g in found) == date(2027, 2, 6)  # the eve, 5 Feb, is not it
    assert all("Eve" not in g.name for g in found)
