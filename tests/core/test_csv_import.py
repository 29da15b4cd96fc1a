"""Reading the CSV files address books export, as the people in them: every producer's header,
every delimiter and encoding people meet, and the broken files they pick by mistake.

These tests stop at `nurture.io.reader.parse`: what the file says, before any database.
"""

from __future__ import annotations

import codecs
from datetime import date
from pathlib import Path

import pytest

from nurture.domain.dates import PartialDate
from nurture.domain.enums import DateKind, RelationshipKind, WebKind
from nurture.errors import ValidationError
from nurture.io.incoming import IncomingContact
from nurture.io.reader import ParsedFile, parse

FIXTURES = Path(__file__).parent.parent / "fixtures" / "csv"
D, R = DateKind, RelationshipKind


def parsed(name: str, fmt: str = "auto", chosen: dict[str, str] | None = None) -> ParsedFile:
    return parse((FIXTURES / name).read_bytes(), name, fmt, chosen)


def people(result: ParsedFile) -> dict[str, IncomingContact]:
    """The contacts by "Given Family" (or organization for a company)."""
    return {
        " ".join(p for p in (c.given_name, c.family_name) if p) or c.organization: c
        for c in result.contacts
    }


def only(text: str, fmt: str = "auto") -> IncomingContact:
    result = parse(text.encode("utf-8"), "test.csv", fmt)
    assert not result.problems, result.problems
    [contact] = result.contacts
    return contact


def emails(contact: IncomingContact) -> list[tuple[str, str, bool]]:
    return [(e.address, e.label, e.primary) for e in contact.emails]


def phones(contact: IncomingContact) -> list[tuple[str, str]]:
    return [(p.raw, p.label) for p in contact.phones]


def dates(contact: IncomingContact) -> set[tuple[DateKind, str]]:
    return {(d.kind, d.date.iso()) for d in contact.dates}


def relations(contact: IncomingContact) -> set[tuple[RelationshipKind, str]]:
    return {(r.kind, r.name) for r in contact.relations}


def rejected(data: bytes, name: str = "contacts.csv") -> str:
    with pytest.raises(ValidationError) as caught:
        parse(data, name)
    return caught.value.message


# -- which producer wrote the file -------------------------------------------------------------


@pytest.mark.parametrize(
    ("fixture", "producer", "rows"),
    [
        ("google_current.csv", "google", 4),
        ("google_legacy.csv", "google-legacy", 2),
        ("outlook.csv", "outlook", 2),
        ("outlook_com.csv", "outlook-com", 2),
        ("linkedin.csv", "linkedin", 2),
        ("linkedin_2018.csv", "linkedin", 2),
        ("thunderbird.csv", "thunderbird", 2),
        ("yahoo.csv", "yahoo", 1),
        ("generic_odd_headers.csv", "generic", 2),
        ("semicolon.csv", "outlook", 2),
        ("tab_delimited.csv", "google", 2),
        ("utf16le_bom.csv", "outlook-com", 3),
        ("cp1252.csv", "outlook", 3),
    ],
)
def test_the_producer_is_recognised_by_its_header_and_every_row_is_read(
    fixture: str, producer: str, rows: int
) -> None:
    result = parsed(fixture)

    assert result.format == producer
    assert result.rows == rows
    assert not result.problems
    assert all(c.has_name() for c in result.contacts)


# -- Google Contacts ---------------------------------------------------------------------------


def test_google_current_multi_values_primary_marks_and_groups() -> None:
    priya = people(parsed("google_current.csv"))["Priya Raman"]

    assert (priya.prefix, priya.given_name, priya.middle_name, priya.family_name) == (
        "Dr.",
        "Priya",
        "K.",
        "Raman",
    )
    assert (priya.organization, priya.title, priya.department) == (
        "Lumen Analytics",
        "VP Sales",
        "Revenue",
    )
    # " ::: " holds two addresses in one cell; "* Work" marks the first of them primary.
    assert emails(priya) == [
        ("priya.raman@lumen.example", "work", True),
        ("p.raman@lumen.example", "work", False),
        ("priya.r@mail.example", "home", False),
    ]
    assert [(p.raw, p.label, p.primary) for p in priya.phones] == [
        ("+1 415-555-0134", "mobile", False),
        ("(415) 555-0177", "work", True),
    ]
    # System groups are not tags; "* starred" stars the contact.
    assert priya.tags == ["Clients"]
    assert priya.starred
    assert dates(priya) == {
        (D.BIRTHDAY, "1984-07-19"),
        (D.ANNIVERSARY, "2012-09-08"),
        (D.GRADUATION, "2027-06"),
    }
    assert relations(priya) == {(R.SPOUSE, "Arjun Raman"), (R.CHILD, "Maya Raman")}
    [address] = priya.addresses
    assert (address.label, address.street, address.city, address.region) == (
        "work",
        "500 Market St",
        "San Francisco",
        "CA",
    )
    assert (address.postal_code, address.country) == ("94105", "United States")
    [profile] = priya.web_links
    assert profile.kind is WebKind.LINKEDIN
    assert priya.notes == "Met at the Lisbon SaaS summit, 2019."


def test_google_current_year_less_birthday_labels_and_a_company_only_row() -> None:
    found = people(parsed("google_current.csv"))

    tom = found["Tom Becker"]
    assert dates(tom) == {(D.BIRTHDAY, "--11-02")}
    assert tom.tags == ["Golf", "Referral Sources"]
    assert not tom.starred
    assert tom.nickname == "Tommy"
    assert found["Lucía Fernández"].tags == []  # only "* myContacts"
    company = found["Harbor & Pine LLP"]
    assert (company.given_name, company.family_name) == ("", "")
    assert emails(company) == [("frontdesk@harborpine.example", "work", False)]


def test_google_user_labels_named_like_the_old_system_groups_are_kept() -> None:
    amy = only(
        "First Name,Last Name,Labels\n"
        "Amy,Wu,* myContacts ::: * friends ::: Family ::: Friends ::: Coworkers\n"
    )

    assert amy.tags == ["Family", "Friends", "Coworkers"]


def test_google_current_lines_count_the_multi_line_address_cell() -> None:
    lines = {c.given_name or c.organization: c.line for c in parsed("google_current.csv").contacts}

    # Priya's formatted address spans lines 2-4, so Tom starts on line 5.
    assert lines == {"Priya": 2, "Tom": 5, "Lucía": 6, "Harbor & Pine LLP": 7}


def test_google_legacy_types_group_membership_and_organization_columns() -> None:
    found = people(parsed("google_legacy.csv"))

    grace = found["Grace O'Neil"]
    assert (grace.organization, grace.title) == ("Tidewater Insurance", "Broker")
    assert emails(grace) == [("grace.oneil@tidewater.example", "work", True)]
    assert phones(grace) == [("(617) 555-0121", "mobile")]
    assert grace.tags == ["Clients"]
    assert dates(grace) == {(D.BIRTHDAY, "1979-04-03"), (D.ANNIVERSARY, "2005-10-01")}
    assert relations(grace) == {(R.SPOUSE, "Liam O'Neil")}
    assert found["Wei Chen"].tags == ["Suppliers", "Trade Show 2023"]


# -- Outlook -----------------------------------------------------------------------------------


def test_outlook_title_is_the_honorific_and_job_title_the_title() -> None:
    daniel = people(parsed("outlook.csv"))["Daniel Okafor"]

    assert (daniel.prefix, daniel.suffix, daniel.title) == ("Mr.", "Jr.", "Regional Manager")
    assert (daniel.organization, daniel.department) == ("Brightline Freight", "West Region")
    assert phones(daniel) == [("(510) 555-0142", "work"), ("(510) 555-0188", "mobile")]
    # "E-mail Display Name" is not a second address.
    assert emails(daniel) == [("daniel.okafor@brightline.example", "", False)]
    assert daniel.tags == ["Clients", "Golf"]  # Outlook separates categories with ";"
    assert dates(daniel) == {(D.BIRTHDAY, "1980-05-01"), (D.ANNIVERSARY, "2008-06-14")}
    assert relations(daniel) == {
        (R.SPOUSE, "Ngozi Okafor"),
        (R.CHILD, "Ada Okafor"),
        (R.CHILD, "Chidi Okafor"),
        (R.ASSISTANT, "Helen Park"),
    }
    work, home = daniel.addresses
    assert (work.label, work.street, work.city) == ("work", "200 Harbor Blvd\nSuite 400", "Oakland")
    assert (home.label, home.street, home.postal_code) == ("home", "18 Linden Ave", "94708")
    assert "Ask about the Portland depot." in daniel.notes
    assert [link.url for link in daniel.web_links] == ["https://brightline.example"]


def test_outlook_zero_dates_mean_no_date_and_the_quoted_note_keeps_line_numbers() -> None:
    result = parsed("outlook.csv")
    hannah = people(result)["Hannah Lindqvist"]

    assert hannah.dates == []  # Birthday and Anniversary are "0/0/00"
    assert not hannah.warnings
    assert hannah.prefix == "Ms."
    assert hannah.tags == ["Referral Sources"]
    assert hannah.line == 4  # Daniel's note spans lines 2-3


def test_outlook_com_is_told_apart_by_its_yomi_columns() -> None:
    found = people(parsed("outlook_com.csv"))

    camille = found["Camille Dubois"]
    assert (camille.prefix, camille.title) == ("Mme", "Architect")
    assert dates(camille) == {(D.BIRTHDAY, "1987-03-09")}
    assert relations(camille) == {(R.SPOUSE, "Julien Dubois"), (R.MANAGER, "Odile Marchand")}
    kenji = found["Kenji Sato"]
    assert (kenji.given_name, kenji.family_name) == ("Kenji", "Sato")  # not the Yomi spelling
    assert phones(kenji) == [("+81 3 5550 0199", "work")]


def test_a_forced_format_changes_what_an_ambiguous_column_means() -> None:
    text = "First Name,Last Name,Title\nAnn,Lee,Dr.\n"

    assert only(text).title == "Dr."  # a job title for most producers
    outlook = only(text, "outlook")
    assert (outlook.prefix, outlook.title) == ("Dr.", "")


# -- LinkedIn, Thunderbird, Yahoo --------------------------------------------------------------


def test_linkedin_notes_preamble_is_skipped_and_connected_on_is_how_we_met() -> None:
    result = parsed("linkedin.csv")
    noor, mateo = result.contacts

    assert noor.line == 5  # after "Notes:", the quoted text and a blank line
    assert (noor.given_name, noor.family_name) == ("Noor", "Haddad")
    assert (noor.organization, noor.title) == ("Cedar Robotics", "Head of Partnerships")
    assert noor.met_on == date(2020, 1, 5)
    assert noor.how_we_met == "Connected on LinkedIn on 05 Jan 2020"
    assert [(w.url, w.kind) for w in noor.web_links] == [
        ("https://www.linkedin.com/in/noor-haddad-example", WebKind.LINKEDIN)
    ]
    assert mateo.organization == "Silva, Costa & Filhos"
    assert mateo.emails == []
    assert mateo.met_on == date(2023, 8, 17)


def test_linkedin_2018_layout_without_preamble_or_url() -> None:
    ines, owen = parsed("linkedin_2018.csv").contacts

    assert ines.line == 2
    assert emails(ines) == [("ines.kowalska@mail.example", "", False)]
    assert ines.met_on == date(2018, 3, 14)
    assert ines.web_links == []
    assert (owen.organization, owen.met_on) == ("Marsh & Reed", date(2017, 11, 2))


def test_thunderbird_split_birthday_with_and_without_a_year() -> None:
    found = people(parsed("thunderbird.csv"))

    jonas = found["Jonas Weber"]
    assert dates(jonas) == {(D.BIRTHDAY, "1982-11-23")}
    assert [e.address for e in jonas.emails] == [
        "jonas.weber@mail.example",
        "j.weber@alpenbau.example",
    ]
    [work] = jonas.addresses
    assert (work.label, work.street, work.city, work.postal_code) == (
        "work",
        "Leopoldstr. 1",
        "Munich",
        "80802",
    )
    assert dates(found["Elif Demir"]) == {(D.BIRTHDAY, "--04-05")}


def test_yahoo_phones_by_column_and_comma_separated_categories() -> None:
    [rosa] = parsed("yahoo.csv").contacts

    assert sorted(phones(rosa)) == [
        ("(305) 555-0110", "home"),
        ("(305) 555-0111", "mobile"),
        ("(305) 555-0112", "work"),
    ]
    assert rosa.tags == ["Clients", "Book Club"]
    assert [e.address for e in rosa.emails] == [
        "rosa.delgado@yahoo.example",
        "rdelgado@sunbay.example",
    ]
    assert (rosa.title, rosa.organization) == ("Realtor", "Sunbay Realty")
    assert dates(rosa) == {(D.BIRTHDAY, "1975-08-30"), (D.ANNIVERSARY, "2000-05-20")}
    assert rosa.notes == "Sends clients our way."


# -- any other CSV, by hand --------------------------------------------------------------------


def test_odd_columns_are_shown_unmapped_with_a_sample_for_the_wizard() -> None:
    result = parsed("generic_odd_headers.csv")
    columns = {c.name: (c.sample, c.target) for c in result.columns}

    assert columns == {
        "Full Name": ("Farah Aziz", "full_name"),
        "E-mail": ("farah.aziz@mail.example", "email"),
        "Cell": ("(312) 555-0155", "phone"),  # a phone by its word, as a person reads it
        "Employer": ("Lakeside Dental", ""),
        "Remarks": ("Referred two clients", ""),
    }
    farah = result.contacts[0]
    assert (farah.given_name, farah.family_name) == ("", "")
    assert farah.to_draft().given_name == "Farah"  # the full name is split when drafted
    assert farah.to_draft().family_name == "Aziz"
    assert phones(farah) == [("(312) 555-0155", "mobile")]
    assert result.notices == [
        "Not imported (no field to put them in; map them by hand to keep them): Employer, Remarks."
    ]


def test_a_hand_mapping_reads_unknown_columns_and_can_ignore_known_ones() -> None:
    result = parsed(
        "generic_odd_headers.csv",
        chosen={
            "cell": "phone",
            "Employer": "organization",
            "E-mail": "ignore",
            "Remarks": "notes",
        },
    )
    farah = result.contacts[0]

    assert phones(farah) == [("(312) 555-0155", "mobile")]
    assert farah.organization == "Lakeside Dental"
    assert farah.notes == "Referred two clients"
    assert farah.emails == []
    assert {c.name: c.target for c in result.columns}["E-mail"] == ""


def test_a_file_of_unknown_columns_is_refused_with_a_hint_to_map_them() -> None:
    message = rejected((FIXTURES / "all_unknown_columns.csv").read_bytes())

    assert "Kunde" in message
    assert "--map" in message


def test_the_same_file_reads_once_its_unknown_columns_are_mapped() -> None:
    result = parsed(
        "all_unknown_columns.csv",
        chosen={"Kunde": "full_name", "Handy": "phone", "Laden": "organization"},
    )
    [frieda] = result.contacts

    assert (frieda.full_name, frieda.organization) == ("Frieda Brandt", "Brandt Blumen")
    assert phones(frieda) == [("0171 5550123", "")]


def test_an_unknown_format_name_is_refused() -> None:
    with pytest.raises(ValidationError, match="Unknown format 'gmail'"):
        parse(b"First Name,Last Name\nAnn,Lee\n", "x.csv", "gmail")


# -- delimiters and encodings ------------------------------------------------------------------


def test_semicolon_delimited_file_with_a_quoted_category_list() -> None:
    found = people(parsed("semicolon.csv"))

    sofie = found["Sofie Janssens"]
    assert sofie.tags == ["Clients", "Suppliers"]
    assert phones(sofie) == [("+32 470 55 50 12", "mobile"), ("+32 50 55 50 13", "work")]
    assert dates(sofie) == {(D.BIRTHDAY, "1985-03-14")}
    assert found["Lars Nyberg"].dates == []


def test_tab_delimited_file_keeps_commas_and_semicolons_in_cells() -> None:
    aroha, ben = parsed("tab_delimited.csv").contacts

    assert aroha.notes == "Likes, commas; and semicolons"
    assert emails(aroha) == [("aroha.ngata@mail.example", "home", True)]
    assert aroha.tags == ["Clients"]
    assert (ben.given_name, ben.family_name) == ("Ben", "Keller")


def test_utf16_le_with_bom() -> None:
    result = parsed("utf16le_bom.csv")

    assert result.encoding.startswith("utf-16")
    names = [(c.given_name, c.family_name, c.organization) for c in result.contacts]
    assert names == [
        ("Zoë", "Achterberg", "Museum Rijnland"),
        ("Søren", "Kjær", "Ølværket"),
        ("Dương", "Nguyễn", "Phở Sài Gòn"),
    ]


@pytest.mark.parametrize(
    ("bom", "encoding"), [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_BE, "utf-16-be")]
)
def test_other_byte_order_marks(bom: bytes, encoding: str) -> None:
    text = "First Name,Last Name,E-mail Address\nÅsa,Ström,asa.strom@mail.example\n"

    result = parse(bom + text.encode(encoding), "bom.csv")

    [asa] = result.contacts
    assert (asa.given_name, asa.family_name) == ("Åsa", "Ström")
    assert result.columns[0].name == "First Name"  # no BOM left in the header


def test_windows_1252_file_from_outlook() -> None:
    result = parsed("cp1252.csv")
    found = people(result)

    assert result.encoding == "cp1252"
    assert found["Jürgen Müller"].organization == "Bäckerei Müller GmbH"
    assert found["Jürgen Müller"].notes == "Größte Brezeln der Stadt"
    assert found["Renée Lefèvre"].notes == "Préfère le thé – pas de café"
    assert found["José Núñez"].organization == "Señor Taco"


# -- awkward rows ------------------------------------------------------------------------------


def test_quoted_multi_line_notes_keep_their_lines_and_quotes() -> None:
    iris, omar, vera = parsed("multiline_notes.csv").contacts

    assert iris.notes == (
        'Three things:\n1. Loves jazz\n2. Hates "cold calls"\n3. Dog named Biscuit, a beagle'
    )
    assert vera.notes == "First line\n\nThird line after an empty one"
    assert (iris.line, omar.line, vera.line) == (2, 6, 7)


def test_ragged_rows_short_long_and_empty() -> None:
    result = parsed("ragged.csv")
    found = people(result)

    assert sorted(found) == ["Lea Vogel", "Mina Park", "Ruth Stein", "Tariq Hamid"]
    assert emails(found["Tariq Hamid"]) == [("tariq.hamid@mail.example", "", False)]
    mina = found["Mina Park"]
    assert (mina.organization, mina.title, mina.notes) == (
        "Park & Sons",
        "Partner",
        "Met at the expo",
    )
    assert mina.warnings == ['2 cells beyond the last column left out: "EXTRA CELL", "MORE"']
    # A short row may be a line broken in two: said, with the columns read as empty.
    assert found["Ruth Stein"].warnings == [
        "only 2 of the 6 columns (a line broken in two?): "
        "E-mail Address, Company, Job Title, Notes read as empty"
    ]
    assert not result.problems  # the row of empty cells is not a contact and not an error


def test_a_row_without_name_email_or_phone_is_reported_by_line() -> None:
    text = "First Name,Last Name,E-mail Address,Notes\nAnn,Lee,ann@lee.example,\n,,,just a note\n"

    result = parse(text.encode(), "x.csv")

    assert [c.given_name for c in result.contacts] == ["Ann"]
    assert [(p.line, p.message) for p in result.problems] == [(3, "no name, email or phone")]


def test_a_five_megabyte_cell_is_read_whole() -> None:
    note = "Long story. " * 440_000  # 5.28 MB
    text = (
        "First Name,Last Name,E-mail Address,Notes\n"
        f'Big,Note,big.note@mail.example,"{note}"\nSmall,Row,small.row@mail.example,ok\n'
    )

    result = parse(text.encode(), "big.csv")

    big, small = result.contacts
    assert len(big.notes) == len(note.strip())
    assert (small.given_name, small.notes, small.line) == ("Small", "ok", 3)


def test_an_unclosed_quote_keeps_the_rows_before_it_and_reports_its_line() -> None:
    result = parsed("unclosed_quote.csv")

    assert [c.given_name for c in result.contacts] == ["Ada", "Bram"]
    [problem] = result.problems
    assert problem.line == 4
    assert "never closed" in problem.message
    assert result.rows == 3


def test_a_duplicate_row_is_read_twice_and_left_to_the_importer() -> None:
    result = parsed("duplicate_rows.csv")

    assert [c.line for c in result.contacts if c.given_name == "Nadia"] == [2, 4]


# -- files that are not contacts ---------------------------------------------------------------


def test_empty_and_blank_files() -> None:
    assert rejected((FIXTURES / "empty.csv").read_bytes()) == "The file is empty."
    assert rejected(b"  \r\n\r\n") == "The file is empty."


def test_a_header_without_rows_reads_as_no_contacts() -> None:
    result = parsed("header_only.csv")

    assert (result.format, result.rows, result.contacts, result.problems) == ("google", 0, [], [])


def test_a_pdf_renamed_to_csv_is_named_for_what_it_is() -> None:
    message = rejected((FIXTURES / "renamed_pdf.csv").read_bytes(), "statement.csv")

    assert message == "statement.csv is a PDF document, not a contacts file (CSV or vCard)."


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (bytes((i * 167 + 13) % 256 for i in range(4096)), "binary data"),
        (b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 40, "Excel"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "PNG image"),
        (bytes(range(0x80, 0x100)) * 8, "No header row"),
    ],
)
def test_binary_junk_is_refused_with_a_clear_message(data: bytes, says: str) -> None:
    message = rejected(data)

    assert says in message


# -- values ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("1980-05-01", PartialDate(1980, 5, 1)),
        ("19800501", PartialDate(1980, 5, 1)),
        ("--05-01", PartialDate(None, 5, 1)),
        ("--0501", PartialDate(None, 5, 1)),
        ("5/1/1980", PartialDate(1980, 5, 1)),
        ("5/1/80", PartialDate(1980, 5, 1)),
        ("1604-05-01", PartialDate(None, 5, 1)),  # Apple's "no year"
        ("June 5, 1980", PartialDate(1980, 6, 5)),
        ("5 June", PartialDate(None, 6, 5)),
        ("1980-05-01T00:00:00Z", PartialDate(1980, 5, 1)),
    ],
)
def test_every_birthday_form(written: str, expected: PartialDate) -> None:
    ann = only(f'First Name,Last Name,Birthday\nAnn,Lee,"{written}"\n')

    assert [(d.kind, d.date) for d in ann.dates] == [(D.BIRTHDAY, expected)]
    assert not ann.warnings


@pytest.mark.parametrize("written", ["0/0/00", "0/0/0000", "0000-00-00", ""])
def test_no_date_forms_give_no_birthday_and_no_warning(written: str) -> None:
    ann = only(f"First Name,Last Name,Birthday\nAnn,Lee,{written}\n")

    assert (ann.dates, ann.warnings) == ([], [])


@pytest.mark.parametrize(
    ("written", "why"),
    [("31/13/1980", "Month 31"), ("2/30/1980", "1980-02-30"), ("soon", "'soon' is not a date")],
)
def test_a_birthday_that_is_not_a_date_is_left_out_with_a_warning(written: str, why: str) -> None:
    ann = only(f"First Name,Last Name,E-mail Address,Birthday\nAnn,Lee,ann@lee.example,{written}\n")

    assert ann.dates == []
    [warning] = ann.warnings
    assert warning.startswith("birthday left out")
    assert why in warning
    assert emails(ann) == [("ann@lee.example", "", False)]  # the rest of the row is kept


def test_neutralised_formula_cells_are_restored_and_other_apostrophes_kept() -> None:
    ann = only(
        "First Name,Last Name,Nickname,Notes,Organization Name\n"
        "'@Ann,Lee,'+plus,'=SUM(1),'Tis the season\n"
    )

    assert (ann.given_name, ann.nickname, ann.notes) == ("@Ann", "+plus", "=SUM(1)")
    assert ann.organization == "'Tis the season"


def test_the_wizard_names_every_column_target_in_words() -> None:
    from nurture.io.csv_formats import FIELDS, describe

    parsed = parse((FIXTURES / "google_current.csv").read_bytes(), "google.csv")
    words = {describe(c.target) for c in parsed.columns} | {describe(f) for f in FIELDS}
    assert "Address (one line)" in words
    assert "Email label" in words
    raw = [w for w in words if "_" in w or w.split(" (")[0].count(".")]
    assert raw == []  # no raw field names such as address.formatted or postal_code


def test_day_first_dates_are_recognised_from_the_whole_column() -> None:
    data = (
        b"First Name,Last Name,Birthday\n"
        b"Anna,Rossi,05/04/1980\n"  # alone, either order
        b"Marco,Bianchi,20/01/1991\n"  # a first part over 12: this file writes days first
    )
    parsed = parse(data, "people.csv")
    births = {c.given_name: c.dates[0].date for c in parsed.contacts}
    assert births == {"Anna": PartialDate(1980, 4, 5), "Marco": PartialDate(1991, 1, 20)}
    assert parsed.notices == []
    assert parsed.problems == []


def test_an_undecidable_date_order_is_read_month_first_and_said() -> None:
    data = b"First Name,Birthday\nAnna,05/04/1980\nMarco,01/02/1991\n"
    parsed = parse(data, "people.csv")
    assert parsed.contacts[0].dates[0].date == PartialDate(1980, 5, 4)
    assert len(parsed.notices) == 1
    assert "read month first" in parsed.notices[0]


@pytest.mark.parametrize(
    ("header", "target", "label"),
    [
        ("E-mail (home)", "email", "home"),
        ("Email Address 2", "email", ""),
        ("Home Tel", "phone", "home"),
        ("Work Telephone", "phone", "work"),
        ("Homepage", "website", ""),
        ("Web Site", "website", ""),
        ("E-mail Display Name", None, None),  # about the email, not the email
    ],
)
def test_webmail_style_headers_are_read_by_their_words(
    header: str, target: str | None, label: str | None
) -> None:
    from nurture.formats import CsvFormat
    from nurture.io.csv_formats import field_for

    found = field_for(header, CsvFormat.GENERIC)
    assert (found.target, found.label) if found else (target, label) == (None, None)


def test_a_one_column_list_of_emails_is_a_contacts_file() -> None:
    result = parse(b"Primary Email\nann@lee.example\nbob@stone.example\n", "list.csv")
    assert [c.emails[0].address for c in result.contacts] == [
        "ann@lee.example",
        "bob@stone.example",
    ]


def test_outlooks_referred_by_is_kept_in_how_we_met() -> None:
    ann = only("First Name,Last Name,Referred By\nAnn,Lee,Dana Fox\n")
    assert ann.how_we_met == "Referred by Dana Fox"
