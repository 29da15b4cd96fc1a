"""The "Nurture" calendar on the phone: every birthday, anniversary, graduation and follow-up,
one-way from Nurture, on the agenda's days (Feb 29 too), kept exactly as Nurture has it."""

from __future__ import annotations

from datetime import date

import pytest
from icalendar import Calendar

from nurture.app import Nurture
from nurture.domain.dates import PartialDate
from nurture.domain.dto import ContactDraft
from nurture.domain.enums import DateKind
from nurture.sync import carddav
from nurture.sync.account import connect
from nurture.sync.dav import DavSession
from tests.radicale_server import Server


class CalendarOnPhone:
    def __init__(self, server: Server, url: str) -> None:
        self.server, self.url = server, url

    def events(self) -> dict[str, dict[str, str]]:
        """href -> the event's SUMMARY, DTSTART and RRULE as the server has them."""
        found: dict[str, dict[str, str]] = {}
        with DavSession(self.server.user, self.server.password) as dav:
            for href in carddav.changes(dav, self.url, "").changed:
                calendar = Calendar.from_ical(dav.send("GET", href).content)
                for event in calendar.walk("VEVENT"):
                    rule = event.get("RRULE")
                    found[href] = {
                        "summary": str(event["SUMMARY"]),
                        "start": event.decoded("DTSTART").isoformat(),
                        "rule": rule.to_ical().decode() if rule else "",
                    }
        return found

    def delete(self, href: str) -> None:
        with DavSession(self.server.user, self.server.password) as dav:
            dav.send("DELETE", href)


@pytest.fixture
def calendar(app: Nurture, radicale: Server) -> CalendarOnPhone:
    connect(app.settings, radicale.url, radicale.user, radicale.password)
    url = app.settings.get().sync_calendar
    assert url
    return CalendarOnPhone(radicale, url)


def test_the_dates_go_to_the_nurture_calendar_on_the_agendas_days(
    app: Nurture, radicale: Server, calendar: CalendarOnPhone
) -> None:
    app.settings.update(leap_day="mar1")
    leap = app.contacts.create(
        ContactDraft(given_name="Leap", family_name="Day"),
        [(DateKind.BIRTHDAY, PartialDate(None, 2, 29))],
    ).value
    app.records.add_follow_up(leap.id, date(2026, 12, 3), "Send the Q1 proposal")
    kid = app.contacts.create(ContactDraft(given_name="Emma", family_name="Hughes", is_light=True))
    app.records.add_date(kid.value.id, DateKind.GRADUATION, PartialDate(2027, 6, 12))

    report = app.sync.run(radicale.password)

    assert report.events_sent == 3
    events = sorted(calendar.events().values(), key=lambda e: e["summary"])
    assert events == [
        {"summary": "Emma Hughes: graduation", "start": "2027-06-12", "rule": ""},
        {
            "summary": "Leap Day's birthday",
            "start": "2000-02-29",
            "rule": "FREQ=YEARLY;BYYEARDAY=60",
        },
        {"summary": "Send the Q1 proposal with Leap Day", "start": "2026-12-03", "rule": ""},
    ]
    assert app.sync.run(radicale.password).summary() == "Everything was already in sync."


def test_the_calendar_follows_nurture_and_puts_back_what_the_phone_removed(
    app: Nurture, radicale: Server, calendar: CalendarOnPhone
) -> None:
    robert = app.contacts.create(
        ContactDraft(given_name="Robert", family_name="Hughes"),
        [
            (DateKind.BIRTHDAY, PartialDate(1971, 3, 14)),
            (DateKind.ANNIVERSARY, PartialDate(1998, 9, 5)),
        ],
    ).value
    app.sync.run(radicale.password)
    birthday_href = next(h for h, e in calendar.events().items() if "birthday" in e["summary"])
    calendar.delete(birthday_href)
    anniversary = next(
        d for d in app.contacts.card(robert.id).dates if d.kind is DateKind.ANNIVERSARY
    )
    app.records.remove_date(anniversary.id)

    report = app.sync.run(radicale.password)

    assert (report.events_sent, report.events_deleted) == (1, 1)
    assert [e["summary"] for e in calendar.events().values()] == [
        "Robert Hughes's birthday (since 1971)"
    ]


def test_a_first_calendar_of_many_events_goes_in_one_request_and_follows_on(
    app: Nurture, radicale: Server, calendar: CalendarOnPhone
) -> None:
    from nurture.demo import generate

    generate(app.database, 30, seed=3)
    occasions = len(list(app.exporting.events()))
    assert occasions >= 50

    assert app.sync.run(radicale.password).events_sent == occasions
    assert len(calendar.events()) == occasions
    assert app.sync.run(radicale.password).summary() == "Everything was already in sync."
    robert = app.contacts.create(ContactDraft(given_name="Robert", family_name="Hughes")).value
    app.records.add_date(robert.id, DateKind.BIRTHDAY, PartialDate(1971, 3, 14))
    report = app.sync.run(radicale.password)
    assert (report.added_there, report.events_sent, report.events_deleted) == (1, 1, 0)
    assert len(calendar.events()) == occasions + 1
