"""Importing address books into a real database: preview, duplicates merged or skipped, one
undoable batch per import, cancellation and progress, and files that must change nothing."""

from __future__ import annotations

import dataclasses
import gc
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from nurture.app import Nurture
from nurture.domain.dates import PartialDate
from nurture.domain.dto import ContactCard, ContactDraft, EmailValue, PhoneValue
from nurture.domain.enums import DateKind, RelationshipKind
from nurture.errors import NotFoundError, ValidationError
from nurture.formats import OnDuplicate
from nurture.services.importing import (
    WRITE_EVERY,
    ImportCancelled,
    ImportOptions,
    ImportReport,
)
from nurture.services.listing import ContactQuery
from nurture.services.unit_of_work import REBUILD_INDEX_ABOVE
from tests.conftest import MakeContact

FIXTURES = Path(__file__).parent.parent / "fixtures"
CSV = FIXTURES / "csv"
EVERYONE = ContactQuery(include_light=True, include_archived=True)
R = RelationshipKind


@pytest.fixture
def us(app: Nurture) -> Nurture:
    """The app with phone numbers read as US numbers when they have no country code."""
    app.settings.update(phone_region="US")
    return app


def run(app: Nurture, source: str | bytes, **options: Any) -> ImportReport:
    """Import a fixture (by file name) or raw bytes."""
    data = (CSV / source).read_bytes() if isinstance(source, str) else source
    name = source if isinstance(source, str) else "contacts.csv"
    return app.importing.run(app.importing.open(data, name), ImportOptions(**options)).value


def preview(app: Nurture, source: str | bytes, **options: Any) -> ImportReport:
    data = (CSV / source).read_bytes() if isinstance(source, str) else source
    return app.importing.preview(app.importing.open(data, "contacts.csv"), ImportOptions(**options))


def state(app: Nurture) -> tuple[int, int, list[tuple[str, int]]]:
    """Everyone in the database, the import batches, and the tags."""
    return app.listing.count(EVERYONE), len(app.importing.batches()), app.listing.tags()


def card(app: Nurture, name: str) -> ContactCard:
    return app.contacts.card(app.contacts.resolve(name))


def names(app: Nurture, query: ContactQuery | None = None) -> list[str]:
    return sorted(s.name for s in app.listing.summaries(app.listing.ids(query or ContactQuery())))


def emails(contact: ContactCard) -> list[str]:
    return [e.address for e in contact.draft.emails]


def phones(contact: ContactCard) -> list[str]:
    return [p.value for p in contact.draft.phones]


def dates(contact: ContactCard) -> set[tuple[DateKind, str]]:
    return {(d.kind, d.date.iso()) for d in contact.dates}


def relatives(contact: ContactCard) -> set[tuple[RelationshipKind, str]]:
    return {(r.kind, r.other.name) for r in contact.relationships}


def many_rows(count: int, tag: str = "Leads") -> bytes:
    rows = "".join(f"Person{i},Family{i},p{i}@mail.example,{tag}\n" for i in range(count))
    return ("First Name,Last Name,E-mail Address,Categories\n" + rows).encode()


# -- every producer, end to end ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "created"),
    [
        ("google_current.csv", 4),
        ("google_legacy.csv", 2),
        ("outlook.csv", 2),
        ("outlook_com.csv", 2),
        ("linkedin.csv", 2),
        ("linkedin_2018.csv", 2),
        ("thunderbird.csv", 2),
        ("yahoo.csv", 1),
        ("semicolon.csv", 2),
        ("tab_delimited.csv", 2),
        ("utf16le_bom.csv", 3),
        ("cp1252.csv", 3),
        ("multiline_notes.csv", 3),
        ("ragged.csv", 4),
        ("../vcard/google_3.vcf", 2),
    ],
)
def test_each_file_imports_and_importing_it_again_creates_nothing_new(
    us: Nurture, source: str, created: int
) -> None:
    first = run(us, source)
    after_first = state(us)

    assert (first.created, first.merged, first.unchanged) == (created, 0, 0)
    assert first.errors == ()
    assert first.batch is not None
    second = run(us, source)

    assert (second.created, second.merged, second.unchanged) == (0, 0, created)
    assert state(us)[0] == after_first[0]
    assert state(us)[2] == after_first[2]  # no tag doubled either


def test_the_file_name_and_format_are_recorded_on_the_batch(us: Nurture) -> None:
    report = run(us, "outlook.csv")

    [batch] = us.importing.batches()
    assert (batch.id, batch.source, batch.format, batch.added) == (
        report.batch,
        "outlook.csv",
        "outlook",
        2,
    )
    assert batch.undone_at is None


# -- preview -----------------------------------------------------------------------------------


def test_preview_counts_new_duplicate_and_invalid_rows_and_changes_nothing(
    us: Nurture, make_contact: MakeContact
) -> None:
    priya = make_contact("Priya Raman", emails=["priya.raman@lumen.example"])
    before, before_card = state(us), us.contacts.card(priya.id)
    data = (CSV / "google_current.csv").read_bytes() + b'Zed,,"Open,zed@mail.example\n'

    report = preview(us, data)

    assert report.batch is None
    assert (report.created, report.merged, report.skipped) == (3, 1, 0)
    assert [(line, cid) for line, cid, _ in report.duplicates] == [(2, priya.id)]
    assert [p.line for p in report.errors] == [8]
    assert state(us) == before
    assert us.contacts.card(priya.id) == before_card
    real = us.importing.run(us.importing.open(data, "contacts.csv"), ImportOptions()).value
    assert (real.created, real.merged, len(real.errors)) == (3, 1, 1)


REFERRALS_VCF = """BEGIN:VCARD\r
VERSION:3.0\r
N:Chen;Bo;;;\r
FN:Bo Chen\r
X-NURTURE-REFERRED-BY;X-NAME=Ann Lee:urn:uuid:11111111-1111-4111-8111-111111111111\r
END:VCARD\r
BEGIN:VCARD\r
VERSION:3.0\r
N:Lee;Ann;;;\r
FN:Ann Lee\r
UID:urn:uuid:11111111-1111-4111-8111-111111111111\r
END:VCARD\r
BEGIN:VCARD\r
VERSION:3.0\r
N:Dee;Cy;;;\r
FN:Cy Dee\r
X-NURTURE-REFERRED-BY;X-NAME=Nobody:urn:uuid:22222222-2222-4222-8222-222222222222\r
END:VCARD\r
BEGIN:VCARD\r
VERSION:3.0\r
FN:\r
EMAIL:eve@mail.example\r
END:VCARD\r
BEGIN:VCARD\r
VERSION:3.0\r
N:Park;Eve;;;\r
FN:Eve Park\r
EMAIL:eve@mail.example\r
END:VCARD\r
"""


def test_preview_reports_exactly_what_the_import_then_does(us: Nurture) -> None:
    # A referrer later in the file, one nowhere, and a nameless card named by a later one:
    # the preview writes nothing, yet finds and names them all as the import does.
    data = REFERRALS_VCF.encode()
    before = state(us)

    seen = us.importing.preview(us.importing.open(data, "people.vcf"), ImportOptions())

    assert state(us) == before
    done = us.importing.run(us.importing.open(data, "people.vcf"), ImportOptions()).value
    assert dataclasses.replace(seen, batch=done.batch) == done
    assert [p.name for p in done.new_people] == ["Bo Chen", "Ann Lee", "Cy Dee", "Eve Park"]
    assert [p.message for p in done.notes] == [
        "referred by Nobody left out: not in the file or here"
    ]
    assert card(us, "Bo Chen").referred_by is not None


def test_preview_shows_the_column_mapping_for_the_wizard(us: Nurture) -> None:
    report = preview(us, "generic_odd_headers.csv", mapping={"Cell": "phone"})

    assert report.format == "generic"
    targets = {c.name: c.target for c in report.columns}
    assert targets == {
        "Full Name": "full_name",
        "E-mail": "email",
        "Cell": "phone",
        "Employer": "",
        "Remarks": "",
    }
    assert report.created == 2


# -- who is a duplicate ------------------------------------------------------------------------


def test_emails_match_whatever_their_case(us: Nurture, make_contact: MakeContact) -> None:
    thomas = make_contact("Thomas Becker-Lang", emails=["tom.becker@mail.example"])

    report = run(us, "google_current.csv")

    assert (2 + 3, thomas.id, "same email Tom.Becker@Mail.Example") in report.duplicates
    assert emails(us.contacts.card(thomas.id)) == ["tom.becker@mail.example"]  # not doubled
    assert report.created == 3


def test_email_then_phone_then_name_decide_who_a_row_is(
    us: Nurture, make_contact: MakeContact
) -> None:
    ann = make_contact("Ann Lee", emails=["ann@lee.example"])
    bea = make_contact("Bea Stone", phones=["+1 415 555 0101"])
    cy = make_contact("Cy Young")
    text = (
        "First Name,Last Name,E-mail Address,Mobile Phone\n"
        "Cy,Young,ann@lee.example,(415) 555-0101\n"
        "Cy,Young,,(415) 555-0101\n"
        "CY,YOUNG,,\n"
    )

    report = run(us, text.encode())

    assert report.duplicates == (
        (2, ann.id, "same email ann@lee.example"),
        (3, cy.id, "same name"),  # Bea's phone too, but a phone shared by two names merges none
        (4, cy.id, "same name"),
    )
    assert report.created == 0
    assert bea.id not in {contact for _line, contact, _why in report.duplicates}


def test_names_match_without_accents_and_with_a_close_spelling(
    us: Nurture, make_contact: MakeContact
) -> None:
    lucia = make_contact("Lucia Fernandez")
    john = make_contact("John Smith")
    text = "First Name,Last Name\nLucía,Fernández\nJon,Smith\nJon,Smythe-Waters\n"

    report = run(us, text.encode())

    assert report.duplicates == ((2, lucia.id, "same name"), (3, john.id, "similar name"))
    assert report.created == 1
    assert "Jon Smythe-Waters" in names(us)


def test_someone_known_only_by_an_email_or_a_phone_is_listed_by_it(us: Nurture) -> None:
    run(us, b"First Name,Last Name,E-mail Address,Mobile Phone\n,,kim@mail.example,\n,,,555 0100\n")

    assert sorted(names(us)) == ["555 0100", "kim@mail.example"]


def test_a_repeated_row_in_the_same_file_merges_into_the_first(us: Nurture) -> None:
    report = run(us, "duplicate_rows.csv")

    assert (report.created, report.merged) == (2, 1)
    nadia = card(us, "Nadia Petrova")
    assert emails(nadia) == ["nadia.petrova@mail.example"]
    assert phones(nadia) == ["+17185550190", "+17185550191"]
    assert nadia.draft.organization == "Volga Travel"
    assert names(us) == ["Carl Jensen", "Nadia Petrova"]


def test_a_placeholder_email_does_not_make_two_people_one(us: Nurture) -> None:
    text = "First Name,Last Name,E-mail Address\nAnn,Lee,n/a\nBob,Stone,n/a\n"

    report = run(us, text.encode())

    assert report.created == 2
    assert names(us) == ["Ann Lee", "Bob Stone"]


# -- merging -----------------------------------------------------------------------------------


def test_a_merge_fills_gaps_adds_new_values_and_overwrites_nothing(
    us: Nurture, make_contact: MakeContact
) -> None:
    priya = make_contact(
        "Priya Raman",
        emails=["Priya.Raman@Lumen.example"],
        phones=["415-555-0134"],
        organization="Lumen Group",
        tags=("VIP",),
    )
    us.records.add_date(priya.id, DateKind.BIRTHDAY, PartialDate(1984, 7, 20))

    report = run(us, "google_current.csv")
    merged = us.contacts.card(priya.id)

    assert (report.created, report.merged) == (3, 1)
    draft = merged.draft
    assert (draft.title, draft.department, draft.prefix, draft.middle_name) == (
        "VP Sales",
        "Revenue",
        "Dr.",
        "K.",
    )
    assert draft.organization == "Lumen Group"
    assert draft.starred
    assert emails(merged) == [
        "Priya.Raman@Lumen.example",
        "p.raman@lumen.example",
        "priya.r@mail.example",
    ]
    assert phones(merged) == ["+14155550134", "+14155550177"]  # the mobile not twice
    assert set(draft.tags) == {"VIP", "Clients"}
    assert dates(merged) == {
        (DateKind.BIRTHDAY, "1984-07-20"),
        (DateKind.ANNIVERSARY, "2012-09-08"),
        (DateKind.GRADUATION, "2027-06"),
    }
    assert relatives(merged) == {(R.SPOUSE, "Arjun Raman"), (R.CHILD, "Maya Raman")}
    notes = {(p.line, p.message) for p in report.notes}
    assert (2, "kept organization 'Lumen Group' (the file says 'Lumen Analytics')") in notes
    assert (2, "kept the birthday on file (the file says 1984-07-19)") in notes


def test_skip_leaves_the_existing_contact_exactly_as_it_was(
    us: Nurture, make_contact: MakeContact
) -> None:
    priya = make_contact("Priya Raman", emails=["priya.raman@lumen.example"])
    before = us.contacts.card(priya.id)

    report = run(us, "google_current.csv", on_duplicate=OnDuplicate.SKIP)

    assert (report.created, report.merged, report.skipped) == (3, 0, 1)
    assert us.contacts.card(priya.id) == before
    [batch] = us.importing.batches()
    assert (batch.added, batch.skipped) == (3, 1)


def test_add_keeps_both_and_the_duplicate_finder_sees_them(
    us: Nurture, make_contact: MakeContact
) -> None:
    priya = make_contact("Priya Raman", emails=["priya.raman@lumen.example"])

    report = run(us, "google_current.csv", on_duplicate=OnDuplicate.ADD)

    assert (report.created, report.merged, report.duplicates) == (4, 0, ())
    pairs = [(p.first.id, p.reason) for p in us.duplicates.find()]
    assert (priya.id, "same email priya.raman@lumen.example") in pairs


# -- undo --------------------------------------------------------------------------------------


def test_undo_removes_what_was_added_and_restores_what_was_merged(
    us: Nurture, make_contact: MakeContact
) -> None:
    priya = make_contact(
        "Priya K. Raman",
        emails=["priya.raman@lumen.example"],
        organization="Lumen Analytics",
        tags=("VIP",),
    )
    bystander = make_contact("Omar Farouk", emails=["omar@farouk.example"])
    before = us.contacts.card(priya.id), us.contacts.card(bystander.id)
    count_before = us.listing.count(EVERYONE)
    report = run(us, "google_current.csv")
    assert report.merged == 1
    assert us.contacts.card(priya.id).draft.title == "VP Sales"
    assert us.listing.ids(ContactQuery(search="priya.r@mail.example")) == [priya.id]

    removed = us.importing.undo(report.batch or 0).value

    assert removed == 5  # Tom, Lucía, Harbor & Pine, and Priya's spouse and child
    assert (us.contacts.card(priya.id), us.contacts.card(bystander.id)) == before
    assert us.listing.count(EVERYONE) == count_before
    assert names(us, EVERYONE) == ["Omar Farouk", "Priya K. Raman"]
    assert us.listing.ids(ContactQuery(search="priya.r@mail.example")) == []
    assert us.listing.ids(ContactQuery(search="Becker")) == []
    assert us.importing.batches()[0].undone_at is not None


def test_an_import_can_be_undone_once(us: Nurture) -> None:
    report = run(us, "linkedin.csv")
    us.importing.undo(report.batch or 0)

    with pytest.raises(ValidationError, match="already undone"):
        us.importing.undo(report.batch or 0)
    with pytest.raises(NotFoundError):
        us.importing.undo(999)
    assert names(us, EVERYONE) == []


def test_undoing_a_later_import_keeps_the_earlier_one(us: Nurture) -> None:
    first = run(us, "linkedin.csv")
    second = run(us, "duplicate_rows.csv")

    us.importing.undo(second.batch or 0)

    assert first.created == 2
    assert names(us) == ["Mateo Silva", "Noor Haddad"]
    assert card(us, "Noor Haddad").draft.met_on == date(2020, 1, 5)


def test_undo_restores_the_name_a_merge_changed(us: Nurture, make_contact: MakeContact) -> None:
    priya = make_contact("Priya Raman", emails=["priya.raman@lumen.example"])
    before = us.contacts.card(priya.id)
    report = run(us, "google_current.csv")
    assert us.contacts.card(priya.id).name == "Dr. Priya K. Raman"  # the middle name was filled

    us.importing.undo(report.batch or 0)

    assert us.contacts.card(priya.id) == before


def test_undo_removes_the_tags_the_import_created(us: Nurture) -> None:
    report = run(us, "outlook.csv")
    assert ("Golf", 1) in us.listing.tags()

    us.importing.undo(report.batch or 0)

    assert us.listing.tags() == []


# -- cancellation and progress -----------------------------------------------------------------


def test_cancelling_leaves_nothing_behind(us: Nurture, make_contact: MakeContact) -> None:
    make_contact("Ann Lee", emails=["p3@mail.example"])  # one row merges into her
    before = state(us), us.contacts.card(us.contacts.resolve("Ann Lee"))
    polls: list[int] = []

    def cancelled() -> bool:
        polls.append(1)
        return len(polls) >= 3  # the user presses Cancel a little way in

    with pytest.raises(ImportCancelled, match="nothing was imported"):
        us.importing.run(
            us.importing.open(many_rows(400), "leads.csv"), ImportOptions(), cancelled=cancelled
        )

    assert (state(us), us.contacts.card(us.contacts.resolve("Ann Lee"))) == before
    with pytest.raises(ImportCancelled):
        us.importing.run(
            us.importing.open(many_rows(60), "leads.csv"), ImportOptions(), cancelled=lambda: True
        )
    assert (state(us), us.contacts.card(us.contacts.resolve("Ann Lee"))) == before


def test_cancelling_a_small_import_leaves_nothing_behind(us: Nurture) -> None:
    before = state(us)

    with pytest.raises(ImportCancelled):
        us.importing.run(
            us.importing.open((CSV / "google_current.csv").read_bytes(), "google_current.csv"),
            ImportOptions(),
            cancelled=lambda: True,
        )

    assert state(us) == before


def test_a_large_file_written_in_parts_is_still_one_batch(us: Nurture) -> None:
    # More rows than one write holds: cancelled past the first write, previewed, imported and
    # undone, each is all or nothing.
    data = many_rows(WRITE_EVERY + 700)
    before = state(us)
    polls: list[int] = []

    def cancelled() -> bool:
        polls.append(1)
        return len(polls) > WRITE_EVERY + 500

    with pytest.raises(ImportCancelled):
        us.importing.run(us.importing.open(data, "leads.csv"), ImportOptions(), cancelled=cancelled)
    assert state(us) == before
    assert preview(us, data).created == WRITE_EVERY + 700
    assert state(us) == before

    report = run(us, data)

    assert report.created == len(names(us)) == WRITE_EVERY + 700
    assert report.batch is not None
    us.importing.undo(report.batch)
    assert (names(us), us.listing.tags()) == ([], [])


def test_a_re_import_that_changes_thousands_is_searchable_and_undone_from_search(
    us: Nurture,
) -> None:
    # More people than are reindexed one by one: the search index is made again whole.
    count = REBUILD_INDEX_ABOVE + 100
    run(us, many_rows(count))

    report = run(us, many_rows(count, tag="Gala"))

    assert report.merged == count
    assert len(us.listing.ids(ContactQuery(search="gala"))) == count
    assert report.batch is not None
    us.importing.undo(report.batch)
    assert us.listing.ids(ContactQuery(search="gala")) == []
    assert len(us.listing.ids(ContactQuery(search="leads"))) == count


def test_the_cycle_collector_paused_for_an_import_runs_again_after_it(us: Nurture) -> None:
    # Paused so 100,000 rows import in seconds; left off, the app's memory would only grow.
    data = many_rows(60)
    us.importing.run(us.importing.open(data, "leads.csv"), ImportOptions())
    assert gc.isenabled()
    with pytest.raises(ImportCancelled):
        us.importing.run(
            us.importing.open(data, "leads.csv"), ImportOptions(), cancelled=lambda: True
        )
    assert gc.isenabled()


def test_progress_counts_up_to_every_row(us: Nurture) -> None:
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        calls.append((done, total))

    report = us.importing.run(
        us.importing.open(many_rows(1203), "leads.csv"), ImportOptions(), progress
    ).value

    assert report.created == 1203
    assert calls[-1] == (1203, 1203)
    assert len(calls) >= 2  # the UI sees it move, not only the end
    assert all(total == 1203 for _, total in calls)
    done = [d for d, _ in calls]
    assert done == sorted(done)


# -- what the values become --------------------------------------------------------------------


def test_spouse_children_and_assistant_become_light_contacts_related_to_the_main_one(
    us: Nurture,
) -> None:
    run(us, "outlook.csv")

    daniel = card(us, "Daniel Okafor")
    assert relatives(daniel) == {
        (R.SPOUSE, "Ngozi Okafor"),
        (R.CHILD, "Ada Okafor"),
        (R.CHILD, "Chidi Okafor"),
        (R.ASSISTANT, "Helen Park"),
    }
    assert names(us) == [
        "Mr. Daniel Okafor Jr.",
        "Ms. Hannah Lindqvist",
    ]  # the family is not in the list
    assert us.listing.count(EVERYONE) == 6
    ada = next(r.other for r in daniel.relationships if r.other.name == "Ada Okafor")
    ada_card = us.contacts.card(ada.id)
    assert ada_card.draft.is_light
    assert relatives(ada_card) == {(R.PARENT, "Mr. Daniel Okafor Jr.")}


def test_google_groups_and_starred(us: Nurture) -> None:
    run(us, "google_current.csv")

    assert card(us, "Priya K. Raman").draft.starred
    assert not card(us, "Tom Becker").draft.starred
    assert us.listing.tags() == [("Clients", 1), ("Golf", 1), ("Referral Sources", 1)]
    assert names(us, ContactQuery(starred_only=True)) == ["Dr. Priya K. Raman"]


def test_outlook_categories_become_tags(us: Nurture) -> None:
    run(us, "outlook.csv")

    assert names(us, ContactQuery(tag="Golf")) == ["Mr. Daniel Okafor Jr."]
    assert set(card(us, "Daniel Okafor").draft.tags) == {"Clients", "Golf"}
    assert card(us, "Hannah Lindqvist").draft.tags == ("Referral Sources",)


def test_linkedin_connected_on_becomes_how_we_met(us: Nurture) -> None:
    run(us, "linkedin.csv")

    noor = card(us, "Noor Haddad").draft
    assert noor.met_on == date(2020, 1, 5)
    assert noor.how_we_met == "Connected on LinkedIn on 05 Jan 2020"
    assert (noor.organization, noor.title) == ("Cedar Robotics", "Head of Partnerships")


def test_phones_are_stored_in_e164_with_the_default_region(us: Nurture) -> None:
    run(us, "google_current.csv")

    assert phones(card(us, "Tom Becker")) == ["+16505550199"]
    assert phones(card(us, "Lucía Fernández")) == ["+34600000123"]
    raw = [p.raw for p in card(us, "Harbor & Pine LLP").draft.phones]
    assert raw == ["(212) 555-0160"]  # as the file wrote it, beside the E.164 form
    assert phones(card(us, "Harbor & Pine LLP")) == ["+12125550160"]


def test_another_default_region_reads_national_numbers_of_that_country(app: Nurture) -> None:
    app.settings.update(phone_region="GB")

    run(app, b"First Name,Last Name,Mobile Phone\nAlfie,Moss,07700 900123\n")

    assert phones(card(app, "Alfie Moss")) == ["+447700900123"]


def test_a_number_read_once_is_read_alike_again_and_a_national_one_in_todays_region(
    us: Nurture,
) -> None:
    run(us, b"First Name,Last Name,Mobile Phone\nAnn,Lee,+1 415 555 0199\nBo,Chen,(415) 555-0123\n")
    us.settings.update(phone_region="GB")

    # The same spellings on new people: the international one as stored, the national one as
    # a number of the region set now.
    run(us, b"First Name,Last Name,Mobile Phone\nCy,Dee,+1 415 555 0199\nDi,Eve,(415) 555-0123\n")

    assert phones(card(us, "Cy Dee")) == ["+14155550199"]
    assert phones(card(us, "Di Eve")) == ["+444155550123"]


def test_google_primary_mark_chooses_the_primary_phone(us: Nurture) -> None:
    run(us, "google_current.csv")

    primary = [p.raw for p in card(us, "Priya K. Raman").draft.phones if p.primary]
    assert primary == ["(415) 555-0177"]


def test_birthdays_with_and_without_a_year_and_zero_dates(us: Nurture) -> None:
    run(us, "outlook.csv")
    run(us, "thunderbird.csv")
    run(us, "google_current.csv")

    assert dates(card(us, "Daniel Okafor")) == {
        (DateKind.BIRTHDAY, "1980-05-01"),
        (DateKind.ANNIVERSARY, "2008-06-14"),
    }
    assert dates(card(us, "Hannah Lindqvist")) == set()
    assert dates(card(us, "Elif Demir")) == {(DateKind.BIRTHDAY, "--04-05")}
    assert dates(card(us, "Tom Becker")) == {(DateKind.BIRTHDAY, "--11-02")}


def test_values_left_out_are_reported_by_line_and_the_rest_is_kept(us: Nurture) -> None:
    text = (
        "First Name,Last Name,E-mail Address,Birthday\n"
        "Ann,Lee,ann@lee.example,31/13/1980\n"
        "Bob,Stone,bob at stone,\n"
    )

    report = run(us, text.encode())

    assert report.created == 2
    assert report.errors == ()
    assert [(p.line, p.message.split(":")[0]) for p in report.notes] == [
        (2, "birthday left out"),
        (3, "email 'bob at stone' left out"),
    ]
    assert emails(card(us, "Ann Lee")) == ["ann@lee.example"]
    assert emails(card(us, "Bob Stone")) == []


def test_a_hand_mapping_imports_columns_nurture_does_not_know(us: Nurture) -> None:
    report = run(
        us, "generic_odd_headers.csv", mapping={"Cell": "phone", "Employer": "organization"}
    )

    assert report.created == 2
    farah = card(us, "Farah Aziz")
    assert (farah.draft.organization, phones(farah)) == ("Lakeside Dental", ["+13125550155"])


def test_vcards_import_one_card_at_a_time(us: Nurture) -> None:
    report = run(us, "../vcard/broken.vcf")

    assert report.format == "vcard"
    assert report.created >= 1
    assert report.errors
    assert all(p.line >= 1 and p.message for p in report.errors)
    assert "Nora Hale" in names(us)


# -- files that must change nothing, and partly bad files --------------------------------------


@pytest.mark.parametrize(
    ("data", "says"),
    [
        ((CSV / "empty.csv").read_bytes(), "The file is empty."),
        ((CSV / "renamed_pdf.csv").read_bytes(), "is a PDF document"),
        (bytes((i * 167 + 13) % 256 for i in range(4096)), "binary data"),
        ((CSV / "all_unknown_columns.csv").read_bytes(), "--map"),
    ],
)
def test_a_rejected_file_leaves_the_database_untouched(
    us: Nurture, make_contact: MakeContact, data: bytes, says: str
) -> None:
    make_contact("Ann Lee", emails=["ann@lee.example"])
    before = state(us)

    with pytest.raises(ValidationError) as caught:
        us.importing.run(us.importing.open(data, "contacts.csv"), ImportOptions())
    with pytest.raises(ValidationError):
        us.importing.preview(us.importing.open(data, "contacts.csv"), ImportOptions())

    assert says in caught.value.message
    assert state(us) == before


def test_a_header_without_rows_is_rejected_and_changes_nothing(us: Nurture) -> None:
    before = state(us)

    with pytest.raises(ValidationError):
        run(us, "header_only.csv")

    assert state(us) == before


def test_an_unclosed_quote_imports_the_rows_before_it_and_reports_the_rest(us: Nurture) -> None:
    report = run(us, "unclosed_quote.csv")

    assert report.created == 2
    assert names(us) == ["Ada North", "Bram West"]
    [error] = report.errors
    assert error.line == 4
    assert "never closed" in error.message


def test_a_five_megabyte_note_is_imported_whole(us: Nurture) -> None:
    note = "Long story. " * 440_000
    text = f'First Name,Last Name,Notes\nBig,Note,"{note}"\nSmall,Row,ok\n'

    report = run(us, text.encode())

    assert (report.created, report.errors) == (2, ())
    assert card(us, "Big Note").draft.notes == note.strip()
    assert card(us, "Small Row").draft.notes == "ok"


def test_the_same_name_with_another_email_is_added_and_listed_for_review(
    us: Nurture,
) -> None:
    ann = us.contacts.create(
        ContactDraft(
            given_name="Ann",
            family_name="Lee",
            emails=(EmailValue("ann@old.example"),),
            phones=(PhoneValue("+1 415 555 0100"),),
        )
    ).value

    report = run(us, b"First Name,Last Name,E-mail Address\nAnn,Lee,ann@new.example\n")

    # The same name with another email may be another person: added, and listed for review.
    assert report.duplicates == ()
    assert report.created == 1
    (note,) = report.notes
    assert (note.line, f"contact {ann.id} (same name)" in note.message) == (2, True)
    assert emails(us.contacts.card(ann.id)) == ["ann@old.example"]
    pairs = us.duplicates.find()
    assert [(p.first.id, p.reason) for p in pairs] == [(ann.id, "same name")]


def test_a_file_is_read_once_for_its_columns_preview_and_import(us: Nurture) -> None:
    source = us.importing.open((CSV / "google_current.csv").read_bytes(), "google_current.csv")
    columns = source.parsed()
    assert source.parsed() is columns  # the preview and the import reuse what was read
    preview = us.importing.preview(source, ImportOptions())
    report = us.importing.run(source, ImportOptions()).value
    assert (preview.created, preview.rows) == (report.created, report.rows)
    assert report.created > 0
    assert source.parsed({"Notes": "ignore"}) is not columns  # a new mapping, the same rows


def test_a_row_with_only_an_email_is_named_by_it_never_a_placeholder(us: Nurture) -> None:
    data = b"First Name,Last Name,E-mail Address,Notes\n,,orders@glen.example,Whisky supplier\n"
    run(us, data)
    (row,) = us.listing.page(ContactQuery())
    assert row.name == "orders@glen.example"


def test_people_sharing_a_name_or_an_office_number_are_never_merged(us: Nurture) -> None:
    """Two Yuto Abes with their own emails and employers, and three colleagues on one office
    line, stay five people; a repeated row with the same email still merges."""
    text = (
        "First Name,Last Name,E-mail Address,Business Phone,Company\n"
        "Yuto,Abe,yuto@tokyo-trade.example,,Tokyo Trade\n"
        "Yuto,Abe,yuto.abe@osaka-steel.example,,Osaka Steel\n"
        "Mia,Chen,mia@harbor.example,+1 415 555 0100,Harbor Capital\n"
        "Leo,Park,leo@harbor.example,+1 415 555 0100,Harbor Capital\n"
        "Ava,Ruiz,ava@harbor.example,+1 415 555 0100,Harbor Capital\n"
        "Mia,Chen,mia@harbor.example,,\n"
    )
    report = run(us, text.encode())
    assert (report.created, report.merged + report.unchanged) == (5, 1)
    people = us.listing.page(ContactQuery(), 0, 10)
    assert sorted(p.name for p in people) == [
        "Ava Ruiz",
        "Leo Park",
        "Mia Chen",
        "Yuto Abe",
        "Yuto Abe",
    ]
    for person in people:
        assert len(us.contacts.card(person.id).draft.emails) == 1


def test_a_name_keeps_its_prefix_and_suffix(us: Nurture) -> None:
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Doe;James;;Mr.;Sr.\r\nFN:Mr. James Doe Sr.\r\n"
        "EMAIL:james@doe.example\r\nEND:VCARD\r\n"
    )
    us.importing.run(us.importing.open(card.encode(), "doe.vcf"), ImportOptions())
    (row,) = us.listing.page(ContactQuery())
    assert row.name == "Mr. James Doe Sr."
    assert us.contacts.resolve("James Doe") == row.id  # found without the titles too


def test_an_address_mail_may_not_reach_is_kept_and_flagged(us: Nurture) -> None:
    text = (
        b"First Name,Last Name,E-mail Address\nAnn,Lee,contact1@invalid\nBob,Stone,bob at stone\n"
    )
    report = run(us, text)
    assert emails(card(us, "Ann Lee")) == ["contact1@invalid"]
    assert emails(card(us, "Bob Stone")) == []
    messages = {p.line: p.message for p in report.notes}
    assert messages[2] == "email 'contact1@invalid' kept, but its domain has no dot: check it"
    assert messages[3].startswith("email 'bob at stone' left out")


LINKEDIN_BEFORE = (
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Maria,Lopez,https://www.linkedin.com/in/marialopez,maria@lopez.example,Acme Corp,"
    "Sales Manager,12 Jan 2024\n"
    "Tom,Baker,https://www.linkedin.com/in/tombaker,tom@baker.example,Baker & Co,Founder,"
    "03 Mar 2023\n"
)
LINKEDIN_AFTER = (
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Maria,Lopez,https://www.linkedin.com/in/marialopez,maria@lopez.example,Globex,"
    "Sales Manager,12 Jan 2024\n"
    "Tom,Baker,https://www.linkedin.com/in/tombaker,tom@baker.example,Baker & Co,CEO,"
    "03 Mar 2023\n"
    "Nia,Obi,https://www.linkedin.com/in/niaobi,nia@obi.example,Harbor Legal,Partner,"
    "20 Nov 2026\n"
)


def test_a_linkedin_reimport_lists_new_connections_and_job_changes_to_act_on(app: Nurture) -> None:
    run(app, LINKEDIN_BEFORE.encode())
    report = run(app, LINKEDIN_AFTER.encode())

    assert [c.words for c in report.job_changes] == [
        "Maria Lopez moved from Acme Corp to Globex — congratulate them",
        "Tom Baker is now CEO (was Founder) — congratulate them",
    ]
    assert [p.name for p in report.new_people] == ["Nia Obi"]
    maria = card(app, "Maria Lopez")
    assert maria.draft.organization == "Acme Corp"  # the card keeps it until the user says

    app.contacts.take_job_changes(report.job_changes)

    assert card(app, "Maria Lopez").draft.organization == "Globex"
    assert card(app, "Tom Baker").draft.title == "CEO"
    assert app.history.state().undo == "Update 2 jobs"
    app.history.undo()
    assert card(app, "Maria Lopez").draft.organization == "Acme Corp"
