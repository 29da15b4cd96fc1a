"""Exports that come back whole: CSV and vCard exports imported into an empty data folder give the
same people and dates; formula cells are harmless in a spreadsheet; the .ics calendar has the
occasions. And the duplicate finder with the merge the UI builds on."""

from __future__ import annotations

import csv
import io
import re
import shutil
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from nurture.app import Nurture
from nurture.domain.dates import PartialDate
from nurture.domain.dto import (
    AddressValue,
    ContactCard,
    ContactDraft,
    EmailValue,
    PhoneValue,
    WebLinkValue,
)
from nurture.domain.enums import DateKind, InteractionKind, RelationshipKind, WebKind
from nurture.domain.occurrence import OccurrenceKind
from nurture.errors import ValidationError
from nurture.paths import database_path
from nurture.services.importing import ImportOptions
from nurture.services.listing import ContactQuery
from tests.conftest import MakeContact

EVERYONE = ContactQuery(include_light=True, include_archived=True)
D, R = DateKind, RelationshipKind


@pytest.fixture
def us(app: Nurture) -> Nurture:
    app.settings.update(phone_region="US")
    return app


@pytest.fixture
def elsewhere(tmp_path: Path, template_database: Path) -> Iterator[Nurture]:
    """A second, empty data folder: another computer the export is carried to."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    shutil.copyfile(template_database, database_path(folder))
    other = Nurture.open(folder)
    other.settings.update(phone_region="US")
    yield other
    other.close()


def fill(app: Nurture) -> None:
    """A small address book with every kind of value an export has to carry."""
    ann = app.contacts.create(
        ContactDraft(
            prefix="Dr.",
            given_name="Ann",
            middle_name="Marie",
            family_name="Lee",
            suffix="PhD",
            nickname="Annie",
            organization="Acme Corp",
            title="CFO",
            department="Finance",
            notes="Met at the Denver expo.\nLoves jazz, hates mornings.",
            starred=True,
            emails=(EmailValue("ann@acme.example", "work"), EmailValue("ann@home.example", "home")),
            phones=(PhoneValue("(415) 555-0123", "mobile"), PhoneValue("+44 20 7946 0958", "work")),
            addresses=(AddressValue("work", "1 Main St", "Springfield", "IL", "62701", "USA"),),
            web_links=(WebLinkValue("https://linkedin.com/in/ann-lee-x", WebKind.LINKEDIN),),
            tags=("Clients", "Golf"),
        ),
        dates=[
            (D.BIRTHDAY, PartialDate(None, 2, 29)),
            (D.ANNIVERSARY, PartialDate(2010, 6, 5)),
            (D.GRADUATION, PartialDate(2027, 6, None)),
        ],
    ).value
    sam = ContactDraft(given_name="Sam", family_name="Lee")
    app.network.add_related_person(ann.id, R.SPOUSE, sam)
    bob = ContactDraft(
        given_name="Bob",
        family_name="Stone",
        emails=(EmailValue("bob@stone.example"),),
        tags=("Golf",),
    )
    app.contacts.create(bob, dates=[(D.BIRTHDAY, PartialDate(1980, 5, 1))])
    app.contacts.create(
        ContactDraft(organization="Harbor & Pine LLP", phones=(PhoneValue("(212) 555-0160"),))
    )
    app.contacts.create(
        ContactDraft(
            given_name="@Dana",
            family_name="Fox",
            notes="=SUM(1)",
            organization="+Plus Realty",
            nickname="-dash-",
        )
    )


def snapshot(app: Nurture) -> dict[str, dict[str, Any]]:
    """What a user would check after moving: every main contact by name, with what matters."""
    people: dict[str, dict[str, Any]] = {}
    for contact_id in app.listing.ids(ContactQuery()):
        card = app.contacts.card(contact_id)
        d = card.draft
        people[card.name] = {
            "name": (d.prefix, d.given_name, d.middle_name, d.family_name, d.suffix, d.nickname),
            "work": (d.organization, d.title, d.department),
            "notes": d.notes,
            "starred": d.starred,
            "emails": sorted(e.address for e in d.emails),
            "phones": sorted(p.value for p in d.phones),
            "addresses": sorted(
                (a.street, a.city, a.region, a.postal_code, a.country) for a in d.addresses
            ),
            "links": sorted(w.url for w in d.web_links),
            "tags": sorted(d.tags),
            "dates": sorted((v.kind.value, v.date.iso(), v.recurrence.value) for v in card.dates),
            "relatives": sorted((r.kind.value, r.other.name) for r in card.relationships),
        }
    return people


def unstarred(people: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {
        name: {k: v for k, v in fields.items() if k != "starred"} for name, fields in people.items()
    }


# -- round trips -------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "vcard", "vcard3"])
def test_an_export_imported_into_an_empty_data_folder_gives_the_same_contacts(
    us: Nurture, elsewhere: Nurture, fmt: str
) -> None:
    fill(us)

    data = us.exporting.export(fmt)
    report = elsewhere.importing.run(
        elsewhere.importing.open(data, f"export.{fmt}"), ImportOptions()
    ).value

    assert (report.created, report.errors, report.notes) == (4, (), ())
    # Starred is checked on its own below: the vCard writer does not carry it yet.
    assert unstarred(snapshot(elsewhere)) == unstarred(snapshot(us))
    assert elsewhere.listing.count(EVERYONE) == us.listing.count(EVERYONE)  # the spouse too


def test_starred_survives_the_csv_round_trip(us: Nurture, elsewhere: Nurture) -> None:
    fill(us)

    elsewhere.importing.run(
        elsewhere.importing.open(us.exporting.export("csv"), "export.csv"), ImportOptions()
    )

    assert [s.name for s in elsewhere.listing.page(ContactQuery(starred_only=True))] == [
        "Dr. Ann Marie Lee PhD"
    ]


@pytest.mark.parametrize("fmt", ["vcard", "vcard3"])
def test_starred_survives_the_vcard_round_trip(us: Nurture, elsewhere: Nurture, fmt: str) -> None:
    fill(us)

    elsewhere.importing.run(
        elsewhere.importing.open(us.exporting.export(fmt), f"export.{fmt}"), ImportOptions()
    )

    assert [s.name for s in elsewhere.listing.page(ContactQuery(starred_only=True))] == [
        "Dr. Ann Marie Lee PhD"
    ]


def test_the_year_less_leap_day_birthday_survives_the_csv_round_trip(
    us: Nurture, elsewhere: Nurture
) -> None:
    fill(us)

    elsewhere.importing.run(
        elsewhere.importing.open(us.exporting.export("csv"), "export.csv"), ImportOptions()
    )

    ann = elsewhere.contacts.card(elsewhere.contacts.resolve("Ann Marie Lee"))
    birthday = next(v for v in ann.dates if v.kind is D.BIRTHDAY)
    assert (birthday.date.year, birthday.date.month, birthday.date.day) == (None, 2, 29)


def test_an_export_imported_back_into_the_same_folder_changes_nothing(us: Nurture) -> None:
    fill(us)
    before = snapshot(us), us.listing.count(EVERYONE)

    report = us.importing.run(
        us.importing.open(us.exporting.export("csv"), "export.csv"), ImportOptions()
    ).value

    assert (report.created, report.merged, report.unchanged) == (0, 0, 4)
    assert (snapshot(us), us.listing.count(EVERYONE)) == before


def test_formula_cells_are_neutralised_in_the_file_and_restored_on_import(
    us: Nurture, elsewhere: Nurture
) -> None:
    fill(us)

    text = us.exporting.export("csv").decode("utf-8")

    cells = [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]
    assert "'=SUM(1)" in cells
    assert "'@Dana" in cells
    assert "'+Plus Realty" in cells
    plain = re.compile(r"^[+-]{1,2}\d[\d ().\-/]*$")  # phones and year-less dates stay as they are
    assert not [
        c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r") and not plain.match(c)
    ]
    elsewhere.importing.run(
        elsewhere.importing.open(text.encode("utf-8"), "export.csv"), ImportOptions()
    )
    dana = elsewhere.contacts.card(elsewhere.contacts.resolve("@Dana Fox")).draft
    assert (dana.given_name, dana.notes, dana.organization, dana.nickname) == (
        "@Dana",
        "=SUM(1)",
        "+Plus Realty",
        "-dash-",
    )


def test_a_value_that_starts_with_an_apostrophe_survives_the_csv_round_trip(
    us: Nurture, elsewhere: Nurture, make_contact: MakeContact
) -> None:
    make_contact("Ann Lee", notes="'-' marks the clients who declined")

    elsewhere.importing.run(
        elsewhere.importing.open(us.exporting.export("csv"), "export.csv"), ImportOptions()
    )

    ann = elsewhere.contacts.card(elsewhere.contacts.resolve("Ann Lee"))
    assert ann.draft.notes == "'-' marks the clients who declined"


def test_the_csv_export_has_googles_header_and_one_row_per_main_contact(us: Nurture) -> None:
    fill(us)

    rows = list(csv.DictReader(io.StringIO(us.exporting.export("csv").decode(), newline="")))

    assert len(rows) == 4  # Sam, the spouse, travels inside Ann's row
    ann = next(row for row in rows if row["First Name"] == "Ann")
    assert ann["Labels"] == "* myContacts ::: Clients ::: Golf ::: * starred"
    assert ann["Birthday"] == "--02-29"  # as Google writes it
    assert (ann["Relation 1 - Label"], ann["Relation 1 - Value"]) == ("Spouse", "Sam Lee")


def test_an_unknown_export_format_is_refused(us: Nurture) -> None:
    with pytest.raises(ValidationError, match="Unknown export format 'xlsx'"):
        us.exporting.export("xlsx")


# -- the calendar ------------------------------------------------------------------------------


def events(app: Nurture) -> dict[str, Any]:
    calendar = Calendar.from_ical(app.exporting.export("ics", now=datetime(2025, 1, 2, tzinfo=UTC)))
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def test_the_calendar_has_a_yearly_event_per_birthday(us: Nurture) -> None:
    fill(us)

    found = events(us)

    birthdays = {summary: event for summary, event in found.items() if "birthday" in summary}
    assert set(birthdays) == {
        "Dr. Ann Marie Lee PhD's birthday",
        "Bob Stone's birthday (since 1980)",
    }
    for event in birthdays.values():
        assert event["RRULE"]["FREQ"] == ["YEARLY"]
    assert birthdays["Bob Stone's birthday (since 1980)"].decoded("DTSTART") == date(1980, 5, 1)
    assert birthdays["Dr. Ann Marie Lee PhD's birthday"].decoded("DTSTART") == date(2000, 2, 29)
    assert "Dr. Ann Marie Lee PhD's anniversary (since 2010)" in found


def test_a_month_only_graduation_is_a_whole_month_event_once(us: Nurture) -> None:
    fill(us)

    graduation = events(us)["Dr. Ann Marie Lee PhD: graduation"]

    assert graduation.decoded("DTSTART") == date(2027, 6, 1)
    assert graduation.decoded("DTEND") == date(2027, 7, 1)
    assert "RRULE" not in graduation


def test_follow_ups_are_in_the_calendar_on_their_day(
    us: Nurture, make_contact: MakeContact
) -> None:
    bob = make_contact("Bob Stone")
    us.records.add_follow_up(bob.id, date(2025, 3, 4), title="Send the proposal")

    follow_up = events(us)["Send the proposal with Bob Stone"]

    assert follow_up.decoded("DTSTART") == date(2025, 3, 4)


# -- the duplicate finder and merging ----------------------------------------------------------


def pairs(app: Nurture) -> dict[frozenset[str], str]:
    return {frozenset((p.first.name, p.second.name)): p.reason for p in app.duplicates.find()}


def test_duplicates_are_found_with_the_reason(us: Nurture, make_contact: MakeContact) -> None:
    make_contact("Ann Lee", emails=["ann@lee.example"])
    make_contact("Annie Lee-Park", emails=["ANN@Lee.example"])
    make_contact("Raj Patel", phones=["(415) 555-0101"])
    make_contact("Rajesh Patel", phones=["+1 415 555 0101"])
    make_contact("José García")
    make_contact("jose garcia")
    make_contact("John Smith")
    make_contact("Jon Smith")
    make_contact("Mary Jones")

    found = pairs(us)

    assert found == {
        frozenset(("Ann Lee", "Annie Lee-Park")): "same email ann@lee.example",
        frozenset(("Raj Patel", "Rajesh Patel")): "same phone +14155550101",
        frozenset(("José García", "jose garcia")): "same name",
        frozenset(("John Smith", "Jon Smith")): "similar name",
    }


def test_merging_a_found_pair_keeps_every_interaction_of_both(
    us: Nurture, make_contact: MakeContact
) -> None:
    john = make_contact("John Smith", emails=["john@smith.example"])
    jon = make_contact("Jon Smith", phones=["(415) 555-0199"], organization="Smith & Co")
    ann = make_contact("Ann Lee")
    us.interactions.log(InteractionKind.CALL, [john.id], datetime(2024, 1, 5, tzinfo=UTC))
    us.interactions.log(InteractionKind.LUNCH, [jon.id, ann.id], datetime(2024, 2, 6, tzinfo=UTC))
    us.interactions.log(
        InteractionKind.MEETING, [john.id, jon.id], datetime(2024, 3, 7, tzinfo=UTC)
    )
    [pair] = us.duplicates.find()

    kept = us.merging.merge(pair.first.id, pair.second.id).value

    assert kept.id == john.id
    assert sorted(i.kind.value for i in kept.interactions) == ["call", "lunch", "meeting"]
    lunch = next(i for i in kept.interactions if i.kind is InteractionKind.LUNCH)
    assert {p.name for p in lunch.participants} == {"John Smith", "Ann Lee"}
    assert [e.address for e in kept.draft.emails] == ["john@smith.example"]
    assert [p.value for p in kept.draft.phones] == ["+14155550199"]
    assert kept.draft.organization == "Smith & Co"
    assert kept.last_interaction_at == datetime(2024, 3, 7, tzinfo=UTC)
    assert us.duplicates.find() == []
    assert sorted(s.name for s in us.listing.summaries(us.listing.ids(ContactQuery()))) == [
        "Ann Lee",
        "John Smith",
    ]


def test_a_card_of_an_imported_then_exported_google_file_keeps_its_relatives(
    us: Nurture, elsewhere: Nurture
) -> None:
    fixture = Path(__file__).parent.parent / "fixtures" / "csv" / "google_current.csv"
    us.importing.run(us.importing.open(fixture.read_bytes(), "google_current.csv"), ImportOptions())

    elsewhere.importing.run(
        elsewhere.importing.open(us.exporting.export("vcard"), "export.vcf"), ImportOptions()
    )

    assert unstarred(snapshot(elsewhere)) == unstarred(snapshot(us))
    priya: ContactCard = elsewhere.contacts.card(elsewhere.contacts.resolve("Priya K. Raman"))
    assert {(r.kind, r.other.name) for r in priya.relationships} == {
        (R.SPOUSE, "Arjun Raman"),
        (R.CHILD, "Maya Raman"),
    }


@pytest.mark.parametrize("leap_day", ["feb28", "mar1"])
def test_an_independent_reader_puts_every_occasion_where_the_agenda_does(
    us: Nurture, leap_day: str
) -> None:
    """Read the .ics with recurring-ical-events (not our code) and compare each birthday and
    anniversary of the next two years, Feb 29 included, with Nurture's own agenda."""
    import recurring_ical_events

    us.settings.update(leap_day=leap_day, gift_holidays=[], time_zone="UTC")
    leapling = us.contacts.create(
        ContactDraft(given_name="Leap", family_name="Ling"),
        dates=[(DateKind.BIRTHDAY, PartialDate(1996, 2, 29))],
    ).value.id
    us.records.add_date(leapling, DateKind.ANNIVERSARY, PartialDate(None, 2, 29))
    us.contacts.create(
        ContactDraft(given_name="Ann", family_name="Lee"),
        dates=[
            (DateKind.BIRTHDAY, PartialDate(1980, 3, 1)),
            (DateKind.BIRTHDAY, PartialDate(None, 2, 28)),
        ],
    )
    start, end = date(2027, 1, 1), date(2028, 12, 31)
    calendar = Calendar.from_ical(us.exporting.export("ics"))
    read = sorted(
        (event.get("DTSTART").dt, str(event.get("SUMMARY")).split("'s ")[0])
        for event in recurring_ical_events.of(calendar).between(start, end)
    )
    dated = {OccurrenceKind.BIRTHDAY, OccurrenceKind.ANNIVERSARY}
    agenda = sorted(
        (o.day, o.contact) for o in us.agenda.between(start, end, today=start) if o.kind in dated
    )
    assert read == agenda
    feb = {day for day, who in read if who == "Leap Ling" and day.year == 2027}
    assert feb == ({date(2027, 2, 28)} if leap_day == "feb28" else {date(2027, 3, 1)})


@pytest.mark.parametrize("fmt", ["vcard", "vcard3"])
def test_nurtures_own_fields_travel_in_its_vcards(
    us: Nurture, elsewhere: Nurture, fmt: str
) -> None:
    draft = ContactDraft(
        given_name="Robert",
        family_name="Hughes",
        tier="A",
        keep_in_touch_days=21,
        how_we_met="Sat next to each other at a charity dinner",
        met_on=date(2015, 10, 21),
        time_zone="America/Chicago",
    )
    us.contacts.create(draft)
    text = us.exporting.export(fmt).decode("utf-8")
    assert "X-NURTURE-TIER:A" in text
    elsewhere.importing.run(
        elsewhere.importing.open(text.encode(), f"export.{fmt}"), ImportOptions()
    )
    (robert,) = elsewhere.listing.page(ContactQuery())
    back = elsewhere.contacts.card(robert.id).draft
    assert (back.tier, back.keep_in_touch_days, back.how_we_met, back.met_on, back.time_zone) == (
        "A",
        21,
        "Sat next to each other at a charity dinner",
        date(2015, 10, 21),
        "America/Chicago",
    )
