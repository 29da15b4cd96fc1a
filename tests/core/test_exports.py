"""Exports people open elsewhere: a Google Contacts CSV that re-imports into Google and into
Nurture without running formulas in a spreadsheet, and an .ics calendar Google Calendar and Outlook
accept."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from icalendar import Calendar, Event

from nurture.domain.dates import PartialDate
from nurture.domain.dto import (
    AddressValue,
    ContactCard,
    ContactDraft,
    ContactRef,
    EmailValue,
    ImportantDateValue,
    PhoneValue,
    RelationshipValue,
    WebLinkValue,
)
from nurture.domain.enums import DateKind, RelationshipKind, WebKind
from nurture.errors import ValidationError
from nurture.io.csv_export import write_google_csv
from nurture.io.formulas import restore
from nurture.io.ics import CalendarEvent, write_ics

GOOGLE_COLUMNS = [
    "First Name",
    "Middle Name",
    "Last Name",
    "Name Prefix",
    "Name Suffix",
    "Nickname",
    "Organization Name",
    "Organization Title",
    "Organization Department",
    "Birthday",
    "Notes",
    "Labels",
]
NOW = datetime(2025, 3, 4, 5, 6, 7, tzinfo=UTC)


def card(
    draft: ContactDraft,
    *,
    id: int = 1,
    name: str = "",
    dates: tuple[ImportantDateValue, ...] = (),
    relationships: tuple[RelationshipValue, ...] = (),
) -> ContactCard:
    return ContactCard(
        id=id,
        uuid=f"00000000-0000-4000-8000-{id:012d}",
        name=name or " ".join(p for p in (draft.given_name, draft.family_name) if p),
        draft=draft,
        created_at=datetime(2025, 1, 1, tzinfo=UTC),
        last_interaction_at=None,
        referred_by=None,
        dates=dates,
        relationships=relationships,
    )


def read_rows(text: str) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    return list(reader.fieldnames or []), list(reader)


def giulia() -> ContactCard:
    draft = ContactDraft(
        given_name="Giulia",
        middle_name="Anna",
        family_name="Rossi",
        prefix="Dr.",
        nickname="Giuli",
        organization="Rossi Consulting",
        title="Partner",
        department="Advisory",
        notes="Met at the spring fair.\nLikes espresso.",
        starred=True,
        emails=(
            EmailValue("giulia@rossi.example", "work"),
            EmailValue("giulia.home@example.org", "home", primary=True),
        ),
        phones=(
            PhoneValue("0412 345 678", "mobile", primary=True, e164="+61412345678"),
            PhoneValue("(02) 9876 5432", "work"),
        ),
        addresses=(AddressValue("home", "12 Harbour St", "Sydney", "NSW", "2000", "Australia"),),
        web_links=(WebLinkValue("https://linkedin.example/in/giulia", WebKind.LINKEDIN),),
        tags=("Clients", "VIP"),
    )
    return card(
        draft,
        dates=(
            ImportantDateValue(1, DateKind.BIRTHDAY, PartialDate(None, 5, 1)),
            ImportantDateValue(2, DateKind.ANNIVERSARY, PartialDate(2010, 9, 18)),
            ImportantDateValue(3, DateKind.GRADUATION, PartialDate(2008, 7, None)),
        ),
        relationships=(
            RelationshipValue(1, RelationshipKind.SPOUSE, ContactRef(2, "Marco Rossi")),
            RelationshipValue(2, RelationshipKind.CHILD, ContactRef(3, "Luca Rossi")),
        ),
    )


# --- CSV -------------------------------------------------------------------------------------


def test_the_header_starts_with_googles_columns_and_has_one_group_of_each_at_least() -> None:
    header, rows = read_rows(write_google_csv([card(ContactDraft(given_name="Ana"))]))

    assert header[: len(GOOGLE_COLUMNS)] == GOOGLE_COLUMNS
    assert header[len(GOOGLE_COLUMNS) :] == [
        "E-mail 1 - Label",
        "E-mail 1 - Value",
        "Phone 1 - Label",
        "Phone 1 - Value",
        "Address 1 - Label",
        "Address 1 - Street",
        "Address 1 - City",
        "Address 1 - Region",
        "Address 1 - Postal Code",
        "Address 1 - Country",
        "Website 1 - Label",
        "Website 1 - Value",
        "Event 1 - Label",
        "Event 1 - Value",
        "Relation 1 - Label",
        "Relation 1 - Value",
    ]
    assert rows == [{**dict.fromkeys(header, ""), "First Name": "Ana", "Labels": "* myContacts"}]


def test_no_contacts_still_gives_the_full_header() -> None:
    header, rows = read_rows(write_google_csv([]))

    assert header[: len(GOOGLE_COLUMNS)] == GOOGLE_COLUMNS
    assert "Relation 1 - Value" in header
    assert rows == []


def test_a_full_contact_writes_the_cells_google_writes() -> None:
    header, [row] = read_rows(write_google_csv([giulia()]))

    assert "E-mail 2 - Value" in header
    assert "E-mail 3 - Value" not in header
    assert "Event 2 - Value" in header
    assert "Relation 2 - Value" in header
    assert {k: row[k] for k in GOOGLE_COLUMNS} == {
        "First Name": "Giulia",
        "Middle Name": "Anna",
        "Last Name": "Rossi",
        "Name Prefix": "Dr.",
        "Name Suffix": "",
        "Nickname": "Giuli",
        "Organization Name": "Rossi Consulting",
        "Organization Title": "Partner",
        "Organization Department": "Advisory",
        # Google's year-less birthday, exactly as Google writes it (no formula apostrophe).
        "Birthday": "--05-01",
        "Notes": "Met at the spring fair.\nLikes espresso.",
        "Labels": "* myContacts ::: Clients ::: VIP ::: * starred",
    }
    assert restore(row["Birthday"]) == "--05-01"
    assert [row["E-mail 1 - Label"], row["E-mail 1 - Value"]] == ["Work", "giulia@rossi.example"]
    assert [row["E-mail 2 - Label"], row["E-mail 2 - Value"]] == [
        "* Home",
        "giulia.home@example.org",
    ]
    # E.164 when the number parsed, as typed otherwise.
    assert [row["Phone 1 - Label"], row["Phone 1 - Value"]] == ["* Mobile", "+61412345678"]
    assert [row["Phone 2 - Label"], row["Phone 2 - Value"]] == ["Work", "(02) 9876 5432"]
    assert [
        row["Address 1 - Label"],
        row["Address 1 - Street"],
        row["Address 1 - City"],
        row["Address 1 - Region"],
        row["Address 1 - Postal Code"],
        row["Address 1 - Country"],
    ] == ["Home", "12 Harbour St", "Sydney", "NSW", "2000", "Australia"]
    assert [row["Website 1 - Label"], row["Website 1 - Value"]] == [
        "LinkedIn",
        "https://linkedin.example/in/giulia",
    ]
    assert [row["Event 1 - Label"], row["Event 1 - Value"]] == ["Anniversary", "2010-09-18"]
    assert [row["Event 2 - Label"], row["Event 2 - Value"]] == ["Graduation", "2008-07"]
    assert [row["Relation 1 - Label"], row["Relation 1 - Value"]] == ["Spouse", "Marco Rossi"]
    assert [row["Relation 2 - Label"], row["Relation 2 - Value"]] == ["Child", "Luca Rossi"]


def test_groups_are_sized_by_the_contact_that_needs_most_and_others_are_padded() -> None:
    many = ContactDraft(
        given_name="Many",
        emails=tuple(EmailValue(f"m{n}@example.org") for n in range(3)),
    )
    header, rows = read_rows(write_google_csv([card(ContactDraft(given_name="Few")), card(many)]))

    assert [h for h in header if h.startswith("E-mail") and h.endswith("Value")] == [
        "E-mail 1 - Value",
        "E-mail 2 - Value",
        "E-mail 3 - Value",
    ]
    assert [rows[0][f"E-mail {n} - Value"] for n in (1, 2, 3)] == ["", "", ""]
    assert [rows[1][f"E-mail {n} - Value"] for n in (1, 2, 3)] == [
        "m0@example.org",
        "m1@example.org",
        "m2@example.org",
    ]
    assert all(len(row) == len(header) and None not in row for row in rows)


def test_other_dates_relations_and_links_use_googles_labels_or_their_own() -> None:
    draft = ContactDraft(
        given_name="Tom",
        web_links=(
            WebLinkValue("https://tom.example", WebKind.WEBSITE),
            WebLinkValue("https://blog.tom.example", WebKind.OTHER, label="Blog"),
            WebLinkValue("https://x.example/tom", WebKind.TWITTER),
        ),
    )
    contact = card(
        draft,
        dates=(
            ImportantDateValue(1, DateKind.WORK_ANNIVERSARY, PartialDate(2019, 2, 1)),
            ImportantDateValue(2, DateKind.CUSTOM, PartialDate(None, 12, 24), label="Name day"),
        ),
        relationships=(
            RelationshipValue(1, RelationshipKind.BUSINESS_PARTNER, ContactRef(2, "Ina Berg")),
            RelationshipValue(2, RelationshipKind.CUSTOM, ContactRef(3, "Ola Berg"), "Godson"),
            RelationshipValue(3, RelationshipKind.ASSISTANT, ContactRef(4, "Per Lund")),
        ),
    )
    _, [row] = read_rows(write_google_csv([contact]))

    assert row["Birthday"] == ""
    assert [(row[f"Event {n} - Label"], restore(row[f"Event {n} - Value"])) for n in (1, 2)] == [
        ("Work anniversary", "2019-02-01"),
        ("Name day", "--12-24"),
    ]
    assert [row[f"Relation {n} - Label"] for n in (1, 2, 3)] == ["Partner", "Godson", "Assistant"]
    assert [row[f"Website {n} - Label"] for n in (1, 2, 3)] == ["Homepage", "Blog", "Twitter"]


def test_a_second_birthday_becomes_an_event() -> None:
    contact = card(
        ContactDraft(given_name="Eve"),
        dates=(
            ImportantDateValue(1, DateKind.BIRTHDAY, PartialDate(1990, 4, 2)),
            ImportantDateValue(2, DateKind.BIRTHDAY, PartialDate(None, 4, 3)),
        ),
    )
    _, [row] = read_rows(write_google_csv([contact]))

    assert row["Birthday"] == "1990-04-02"
    assert (row["Event 1 - Label"], restore(row["Event 1 - Value"])) == ("Birthday", "--04-03")


@pytest.mark.parametrize(
    "dangerous", ["=1+1", "+1+cmd|'/C calc'!A0", "-2+3", "-A1", "@SUM(A1)", "\tx", "\rx"]
)
def test_cells_that_spreadsheets_would_run_are_neutralised(dangerous: str) -> None:
    draft = ContactDraft(
        given_name=dangerous,
        notes=dangerous,
        tags=(dangerous,),  # not first in Labels, so not at the start of the cell
        emails=(EmailValue(dangerous),),
        phones=(PhoneValue(dangerous),),
        addresses=(AddressValue(street=dangerous),),
    )
    other = ContactRef(2, dangerous)
    relation = RelationshipValue(1, RelationshipKind.CUSTOM, other, label=dangerous)
    _, [row] = read_rows(write_google_csv([card(draft, relationships=(relation,))]))

    for column in (
        "First Name",
        "Notes",
        "E-mail 1 - Value",
        "Phone 1 - Value",
        "Address 1 - Street",
        "Relation 1 - Label",
        "Relation 1 - Value",
    ):
        assert row[column] == "'" + dangerous, column
        assert restore(row[column]) == dangerous, column
    assert row["Labels"] == f"* myContacts ::: {dangerous}"


def test_no_cell_in_the_file_starts_with_a_formula_trigger() -> None:
    text = write_google_csv([giulia()])
    cells = [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]

    assert cells
    plain = re.compile(r"^[+-]{1,2}\d[\d ().\-/]*$")  # a phone number, a year-less date
    assert not [
        c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r")) and not plain.match(c)
    ]


@pytest.mark.parametrize("value", ["+81 3 2479 8900", "+8132479890", "--05-09", "-1 (555) 010"])
def test_phones_and_year_less_dates_are_written_as_google_writes_them(value: str) -> None:
    draft = ContactDraft(given_name="Yuto", phones=(PhoneValue(value),))
    dated = (ImportantDateValue(1, DateKind.BIRTHDAY, PartialDate(None, 5, 9)),)
    _, [row] = read_rows(write_google_csv([card(draft, dates=dated)]))
    assert row["Phone 1 - Value"] == value
    assert row["Birthday"] == "--05-09"
    assert restore("'" + value) == value  # an older export's apostrophe still comes off


def test_non_ascii_names_survive() -> None:
    draft = ContactDraft(
        given_name="Zoë",
        family_name="Ångström-Łukasiewicz",
        organization="東京商事",
        notes="Привет 👋",
    )
    text = write_google_csv([card(draft)])
    _, [row] = read_rows(text)

    assert (row["First Name"], row["Last Name"]) == ("Zoë", "Ångström-Łukasiewicz")
    assert row["Organization Name"] == "東京商事"
    assert row["Notes"] == "Привет 👋"
    assert not text.startswith("\ufeff")
    text.encode("utf-8")  # the caller writes it as UTF-8 without a BOM


def test_lines_end_with_crlf_like_googles_and_quoted_newlines_stay_in_their_cell() -> None:
    text = write_google_csv([giulia()])

    assert text.endswith("\r\n")
    assert text.count("\r\n") == 2  # header and one row; the note's "\n" is inside quotes
    assert '"Met at the spring fair.\nLikes espresso."' in text


def test_a_contact_known_only_by_its_display_name_keeps_it() -> None:
    _, [row] = read_rows(write_google_csv([card(ContactDraft(), name="Mystery Guest")]))

    assert row["First Name"] == "Mystery Guest"


# --- iCalendar -------------------------------------------------------------------------------


def calendar_events() -> list[CalendarEvent]:
    return [
        CalendarEvent(
            uid="birthday-1@nurture",
            summary="Giulia Rossi's birthday",
            start=date(2025, 5, 1),
            yearly=True,
            description="Turns 40; she likes espresso, dark chocolate and long walks by the sea.",
        ),
        CalendarEvent(
            uid="follow-up-7@nurture",
            summary="Call Zoë Ångström about the renewal",
            start=date(2025, 3, 15),
            rrule="FREQ=MONTHLY;INTERVAL=2",
        ),
        CalendarEvent(
            uid="graduation-3@nurture",
            summary="Luca graduates",
            start=date(2025, 12, 9),
            whole_month=True,
        ),
        CalendarEvent(uid="once-4@nurture", summary="Lunch", start=date(2025, 2, 28)),
    ]


def events_by_uid(data: bytes) -> dict[str, Event]:
    parsed = Calendar.from_ical(data)
    return {str(e["UID"]): e for e in parsed.events}


def test_the_calendar_parses_back_with_one_all_day_event_per_item() -> None:
    data = write_ics(calendar_events(), NOW)
    parsed = Calendar.from_ical(data)

    assert str(parsed["PRODID"]) == "-//Nurture//Nurture//EN"
    assert str(parsed["VERSION"]) == "2.0"
    assert str(parsed["CALSCALE"]) == "GREGORIAN"
    assert str(parsed["METHOD"]) == "PUBLISH"
    assert str(parsed["X-WR-CALNAME"]) == "Nurture"
    events = events_by_uid(data)
    assert set(events) == {e.uid for e in calendar_events()}
    for item in calendar_events():
        event = events[item.uid]
        assert str(event["SUMMARY"]) == item.summary
        assert str(event["TRANSP"]) == "TRANSPARENT"
        start = event.decoded("DTSTART")
        assert type(start) is date
        assert type(event.decoded("DTEND")) is date
    assert str(events["birthday-1@nurture"]["DESCRIPTION"]) == calendar_events()[0].description
    assert "DESCRIPTION" not in events["once-4@nurture"]
    text = data.decode()
    assert text.count("DTSTART;VALUE=DATE:") == 4
    assert text.count("DTEND;VALUE=DATE:") == 4


def test_a_single_day_ends_the_next_day() -> None:
    event = events_by_uid(write_ics(calendar_events(), NOW))["once-4@nurture"]

    assert event.decoded("DTSTART") == date(2025, 2, 28)
    assert event.decoded("DTEND") == date(2025, 3, 1)
    assert "RRULE" not in event


def test_birthdays_repeat_yearly_and_follow_up_rules_pass_through() -> None:
    events = events_by_uid(write_ics(calendar_events(), NOW))

    assert events["birthday-1@nurture"]["RRULE"].to_ical() == b"FREQ=YEARLY"
    assert events["follow-up-7@nurture"]["RRULE"].to_ical() == b"FREQ=MONTHLY;INTERVAL=2"


def test_a_whole_month_event_spans_the_month() -> None:
    event = events_by_uid(write_ics(calendar_events(), NOW))["graduation-3@nurture"]

    assert event.decoded("DTSTART") == date(2025, 12, 1)
    assert event.decoded("DTEND") == date(2026, 1, 1)


def test_the_stamp_is_utc_even_when_now_is_local() -> None:
    local = NOW.astimezone(timezone(timedelta(hours=10)))
    data = write_ics(calendar_events(), local)

    for event in events_by_uid(data).values():
        assert event.decoded("DTSTAMP") == NOW
        assert event.decoded("DTSTAMP").utcoffset() == timedelta(0)
    assert data.decode().count("DTSTAMP:20250304T050607Z\r\n") == 4


def test_there_are_no_floating_date_times() -> None:
    item = CalendarEvent("x@nurture", "Party", datetime(2025, 6, 1, 18, 0), rrule="FREQ=YEARLY")
    data = write_ics([item], NOW)

    event = events_by_uid(data)["x@nurture"]
    assert type(event.decoded("DTSTART")) is date
    for line in data.decode().split("\r\n"):
        if line.startswith(("DTSTART", "DTEND", "DTSTAMP")):
            assert ";VALUE=DATE:" in line or line.endswith("Z"), line


def test_an_until_time_becomes_a_date_to_match_the_all_day_start() -> None:
    rule = "RRULE:FREQ=WEEKLY;UNTIL=20250630T120000Z"
    item = CalendarEvent("x@nurture", "Check in", date(2025, 1, 6), rrule=rule)
    event = events_by_uid(write_ics([item], NOW))["x@nurture"]

    assert event["RRULE"].to_ical() == b"FREQ=WEEKLY;UNTIL=20250630"


@pytest.mark.parametrize("rule", ["every month", "INTERVAL=2", "FREQ=SOMETIMES"])
def test_a_rule_that_is_not_rfc_5545_is_refused(rule: str) -> None:
    item = CalendarEvent("x@nurture", "Call", date(2025, 1, 6), rrule=rule)

    with pytest.raises(ValidationError, match="not a repeat rule"):
        write_ics([item], NOW)


def test_lines_end_with_crlf_and_are_folded_at_75_octets() -> None:
    long = CalendarEvent(
        uid="long@nurture",
        summary="Ünïcödé " * 30,
        start=date(2025, 1, 1),
        description="Notes: " + "Привет, как дела? " * 20,
    )
    data = write_ics([*calendar_events(), long], NOW)

    assert data.endswith(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    lines = data.split(b"\r\n")[:-1]
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # something really was folded
    for line in lines:
        line.decode("utf-8")  # never folded inside a multi-byte character
    assert str(events_by_uid(data)["long@nurture"]["SUMMARY"]) == long.summary


def test_an_empty_calendar_is_still_a_calendar() -> None:
    parsed = Calendar.from_ical(write_ics([], NOW))

    assert parsed.walk("VEVENT") == []
    assert str(parsed["PRODID"]) == "-//Nurture//Nurture//EN"
