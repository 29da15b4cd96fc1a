"""vCards from the address books people have, read as the people they know; and our own export,
which reads back as the same contacts."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

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
from nurture.io.decoding import decode
from nurture.io.incoming import IncomingContact, IncomingDate, IncomingRelation
from nurture.io.vcard import CardError, read_vcards, write_vcards

FIXTURES = Path(__file__).parent.parent / "fixtures" / "vcard"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
R, D = RelationshipKind, DateKind


def read_fixture(name: str) -> list[IncomingContact | CardError]:
    text = decode((FIXTURES / name).read_bytes(), name).text
    return list(read_vcards(text))


def contacts_in(name: str) -> list[IncomingContact]:
    items = read_fixture(name)
    assert all(isinstance(item, IncomingContact) for item in items), items
    return [item for item in items if isinstance(item, IncomingContact)]


def only(text: str) -> IncomingContact:
    [item] = read_vcards(text)
    assert isinstance(item, IncomingContact), item
    return item


def relations(contact: IncomingContact) -> list[tuple[RelationshipKind, str]]:
    return [(relation.kind, relation.name) for relation in contact.relations]


def dates(contact: IncomingContact) -> list[tuple[DateKind, str, str]]:
    return [(when.kind, when.date.iso(), when.label) for when in contact.dates]


def test_apple_icloud_card_keeps_the_whole_person() -> None:
    giulia, henry, company = contacts_in("apple_icloud_3.vcf")

    assert (giulia.prefix, giulia.given_name, giulia.middle_name, giulia.family_name) == (
        "Dr.",
        "Giulia",
        "Maria",
        "Conti",
    )
    assert (giulia.nickname, giulia.organization, giulia.department, giulia.title) == (
        "Giugi",
        "Lumen Analytics",
        "Research",
        "Head of Research",
    )
    assert giulia.emails == [
        EmailValue("giulia.conti@lumen.example", "work", primary=True),
        EmailValue("giugi@mail.example", "home"),
        EmailValue("g.conti@alumni.example", "School"),  # an item group's X-ABLabel
    ]
    assert giulia.phones == [
        PhoneValue("+39 333 555 0101", "mobile", primary=True),
        PhoneValue("+39 02 555 0102", "work"),
        PhoneValue("+39 02 555 0103", "Studio"),
    ]
    assert giulia.addresses == [
        AddressValue("home", "Via dei Mille 12", "Torino", "TO", "10123", "Italy", primary=True)
    ]
    assert [(link.url, link.kind) for link in giulia.web_links] == [
        ("https://lumen.example", WebKind.WEBSITE),
        ("https://www.linkedin.com/in/giuliaconti-example", WebKind.LINKEDIN),
    ]
    # Apple's year-less birthday is year 1604 with X-APPLE-OMIT-YEAR.
    assert dates(giulia) == [
        (D.BIRTHDAY, "--03-14", ""),
        (D.ANNIVERSARY, "2012-09-08", ""),
        (D.GRADUATION, "2008-07-15", "Laurea (graduation)"),
    ]
    assert giulia.relations == [
        IncomingRelation(R.SPOUSE, "Paolo Conti"),
        IncomingRelation(R.CHILD, "Sofia Conti"),
        IncomingRelation(R.ASSISTANT, "Marta Bassi"),
        IncomingRelation(R.PARENT, "Elena Conti", "Mother"),
        IncomingRelation(R.CUSTOM, "Luca Ferri", "Tennis partner"),
    ]
    assert giulia.notes == "Met at the Turin fintech meetup, 2023.\nPrefers morning calls."
    assert giulia.photo is not None
    assert giulia.photo.startswith(PNG_SIGNATURE)
    assert giulia.warnings == []
    assert giulia.line == 1

    assert dates(henry) == [(D.BIRTHDAY, "1985-11-02", "")]
    # A company card repeats the company as FN: it is not a person called "Lumen Analytics".
    assert (company.organization, company.full_name, company.given_name) == (
        "Lumen Analytics",
        "",
        "",
    )
    assert company.has_name()


def test_google_card_unescapes_links_and_drops_system_groups() -> None:
    tomas, ingrid = contacts_in("google_3.vcf")

    assert (tomas.given_name, tomas.family_name, tomas.nickname) == ("Tomás", "Herrera", "Tom")
    assert [(e.address, e.label) for e in tomas.emails] == [
        ("tomas.herrera@mail.example", "home"),
        ("t.herrera@andes-logistics.example", "work"),
    ]
    assert [(p.raw, p.label) for p in tomas.phones] == [
        ("+56 9 5555 0142", "mobile"),
        ("+56 2 2555 0143", "work"),
    ]
    assert tomas.addresses[0].street == "Av. Providencia 1234, Of. 56"
    # Google writes "https\://": the link still works and is known as LinkedIn.
    assert tomas.web_links[0].url == "https://www.linkedin.com/in/tomas-herrera-example"
    assert tomas.web_links[0].kind is WebKind.LINKEDIN
    assert tomas.tags == ["Clients", "Chile"]  # not myContacts, not starred
    assert tomas.starred
    assert dates(tomas) == [(D.BIRTHDAY, "1979-08-23", ""), (D.ANNIVERSARY, "2011-02-19", "")]
    assert relations(tomas) == [(R.SPOUSE, "Camila Rojas"), (R.CHILD, "Diego Herrera")]

    assert dates(ingrid) == [
        (D.BIRTHDAY, "--06-30", ""),
        (D.GRADUATION, "2015-06-12", ""),
        (D.CUSTOM, "--12-01", "Name day"),
    ]
    assert ingrid.tags == ["Friends"]
    assert not ingrid.starred


def test_android_21_quoted_printable_accents_and_custom_rows() -> None:
    amelie, jurgen = contacts_in("android_21.vcf")

    assert (amelie.given_name, amelie.family_name) == ("Amélie", "Lévesque")
    # A soft line break in the middle of "café", and a bare comma vCard 2.1 allows.
    assert amelie.notes == (
        "Rencontrée au salon du design, Lyon.\nAime le café noir et les éclairs."
    )
    assert amelie.emails == [
        EmailValue("amelie.levesque@mail.example", "home"),
        EmailValue("a.levesque@atelier-bleu.example", "work", primary=True),
    ]
    assert amelie.phones == [
        PhoneValue("+33 6 55 55 01 23", "mobile", primary=True),
        PhoneValue("+33 1 55 55 01 24", "home"),
    ]
    assert amelie.addresses[0].city == "Lyon"
    assert amelie.nickname == "Mel"  # X-ANDROID-CUSTOM nickname row
    assert dates(amelie) == [(D.BIRTHDAY, "1988-04-09", ""), (D.ANNIVERSARY, "2016-05-21", "")]
    assert relations(amelie) == [(R.SPOUSE, "Julien Levesque")]
    assert amelie.photo is not None
    assert amelie.photo.startswith(PNG_SIGNATURE)

    assert (jurgen.given_name, jurgen.family_name) == ("Jürgen", "Müller")  # CHARSET=ISO-8859-1
    assert jurgen.phones == [PhoneValue("+49 30 5555 0199", "work")]


def test_outlook_21_spouse_children_assistant_and_anniversary() -> None:
    [chidi] = contacts_in("outlook_21.vcf")

    assert (chidi.prefix, chidi.given_name, chidi.middle_name, chidi.family_name, chidi.suffix) == (
        "Mr.",
        "Chidi",
        "Emeka",
        "Okafor",
        "Jr.",
    )
    assert (chidi.organization, chidi.department) == ("Harbor & Finch LLP", "Corporate Law")
    assert chidi.notes == "Referred by Grace, met over lunch at Fenwick's.\nFollow up in Q3."
    assert [(p.raw, p.label) for p in chidi.phones] == [
        ("(555) 010-0188", "work"),
        ("(555) 010-0199", "mobile"),
        ("(555) 010-0177", "fax"),
    ]
    assert [(e.address, e.primary) for e in chidi.emails] == [
        ("chidi.okafor@harborfinch.example", True),
        ("chidi.o@mail.example", False),
    ]
    assert chidi.addresses[0].street == "200 Harbor Street, Suite 400"
    assert dates(chidi) == [(D.BIRTHDAY, "1982-03-17", ""), (D.ANNIVERSARY, "2009-09-12", "")]
    assert relations(chidi) == [
        (R.SPOUSE, "Adaeze Okafor"),
        (R.CHILD, "Obi Okafor"),
        (R.CHILD, "Nneka Okafor"),
        (R.ASSISTANT, "Rita Gomez"),
        (R.MANAGER, "Helen Park"),
    ]
    assert chidi.warnings == []


def test_vcard_4_related_anniversary_and_year_less_birthday() -> None:
    priya, jonas = contacts_in("v4.vcf")

    assert priya.emails[0] == EmailValue("priya.raman@northwind.example", "work", primary=True)
    # TYPE="cell,voice", PREF=1 and a tel: URI whose number is kept as written.
    assert priya.phones == [
        PhoneValue("+91-98-5550-0123", "mobile", primary=True),
        PhoneValue("+91-80-5550-0124", "work"),
    ]
    assert dates(priya) == [(D.BIRTHDAY, "--05-01", ""), (D.ANNIVERSARY, "2014-02-14", "")]
    # A RELATED given only as a uri names nobody: left out, and said so.
    assert relations(priya) == [
        (R.SPOUSE, "Arjun Raman"),
        (R.CHILD, "Meera Raman"),
        (R.COLLEAGUE, "Kavya Iyer"),
    ]
    assert any("urn:uuid:7c1e3c4a" in warning for warning in priya.warnings)
    assert priya.tags == ["Partners", "India"]
    assert [link.kind for link in priya.web_links] == [WebKind.TWITTER, WebKind.WEBSITE]
    assert priya.notes == "Prefers video calls; based in Bengaluru."
    assert priya.photo is not None
    assert priya.photo.startswith(PNG_SIGNATURE)

    assert dates(jonas) == [(D.BIRTHDAY, "1980-05-01", "")]  # a date-time birthday
    assert jonas.photo is None
    assert jonas.warnings == [
        "The anniversary 'sometime in June' could not be read and was left out.",
        "The photo is a link (https://photos.example/jonas.jpg) and was not downloaded.",
    ]


def test_a_broken_file_costs_only_its_broken_lines_and_cards() -> None:
    nora, owen, iris, leo = read_fixture("broken.vcf")

    assert isinstance(nora, IncomingContact)
    assert nora.line == 1
    assert isinstance(iris, IncomingContact)
    assert iris.line == 15
    assert (nora.given_name, iris.given_name) == ("Nora", "Iris")
    assert isinstance(owen, IncomingContact)  # a line without a colon costs only that line
    assert owen.line == 8
    assert owen.warnings == [
        "line 12 left out ('this line has no colon at all'): not a vCard property"
    ]
    assert isinstance(leo, CardError)
    assert leo.line == 21
    assert "END:VCARD" in leo.message


def card(*lines: str, end: str = "\r\n") -> str:
    return end.join(("BEGIN:VCARD", "VERSION:3.0", *lines, "END:VCARD")) + end


def test_a_card_without_name_email_or_phone_is_reported() -> None:
    [error] = read_vcards(card("NOTE:just a note", "BDAY:1980-01-01"))
    assert error == CardError(1, "This card has no name, email or phone.")


def test_a_begin_inside_a_card_ends_the_unclosed_card_and_reads_the_next() -> None:
    text = "BEGIN:VCARD\nVERSION:3.0\nFN:Ann Lee\n" + card("FN:Bo Chen", end="\n") + "END:VCARD\n"
    error, bo = read_vcards(text)
    assert isinstance(error, CardError)
    assert error.line == 1
    assert "END:VCARD" in error.message
    assert isinstance(bo, IncomingContact)
    assert (bo.full_name, bo.line) == ("Bo Chen", 4)


@pytest.mark.parametrize("end", ["\r\n", "\n", "\r"])
def test_line_ends_and_folded_lines(end: str) -> None:
    text = (
        end
        + "junk before"
        + end
        + card(
            "N:Lee;Ann;;;",
            "FN:Ann Lee",
            "NOTE:A long note that an exporter folded over",
            " \tseveral",
            "\t lines.",
            "TITLE:CEO, Founder",
            end=end,
        )
    )
    ann = only(text)
    assert (ann.given_name, ann.line) == ("Ann", 3)
    assert ann.notes == "A long note that an exporter folded over\tseveral lines."
    assert ann.title == "CEO, Founder"  # a bare comma does not cut the title short


def test_a_damaged_photo_is_left_out_but_the_person_is_kept() -> None:
    ann = only(card("FN:Ann Lee", "PHOTO;ENCODING=b;TYPE=JPEG:abc"))
    assert ann.photo is None
    assert ann.warnings == ["The photo could not be read and was left out."]


def test_a_bare_base64_photo_is_kept() -> None:
    ann = only(card("FN:Ann Lee", "PHOTO;TYPE=PNG:iVBORw0KGgoAAAANSUhEUgAAAAE="))
    assert ann.photo is not None
    assert ann.photo.startswith(PNG_SIGNATURE)


def test_quoted_printable_without_charset_falls_back_to_windows_1252() -> None:
    ann = only(card("FN:Ann Lee", "NOTE;ENCODING=QUOTED-PRINTABLE:Caf=E9 au lait"))
    assert ann.notes == "Café au lait"


def test_relation_and_date_labels() -> None:
    ann = only(
        card(
            "FN:Ann Lee",
            "item1.X-ABRELATEDNAMES:Tom Lee",
            "item1.X-ABLabel:_$!<Partner>!$_",
            "item2.X-ABRELATEDNAMES:Joe Lee",
            "item2.X-ABLabel:_$!<Father>!$_",
            "item3.X-ABRELATEDNAMES:Kim Park",
            "item3.X-ABLabel:_$!<Manager>!$_",
            "item4.X-ABRELATEDNAMES:Sue Moss",
            "item4.X-ABLabel:_$!<Friend>!$_",
            "X-EVOLUTION-SPOUSE:Tom Lee",
            "X-MS-CHILD:Amy Lee",
            "item5.X-ABDATE:2019-09-01",
            "item5.X-ABLabel:Work anniversary",
            "item6.X-ABDATE:2001-06-01",
            "item6.X-ABLabel:_$!<Other>!$_",
            "X-ABDATE:not a date",
        )
    )
    assert relations(ann) == [
        (R.SPOUSE, "Tom Lee"),
        (R.PARENT, "Joe Lee"),
        (R.MANAGER, "Kim Park"),
        (R.FRIEND, "Sue Moss"),
        (R.SPOUSE, "Tom Lee"),
        (R.CHILD, "Amy Lee"),
    ]
    assert dates(ann) == [(D.WORK_ANNIVERSARY, "2019-09-01", ""), (D.CUSTOM, "2001-06-01", "")]
    assert ann.warnings == ["The date 'not a date' could not be read and was left out."]


def test_only_one_primary_value_of_each_kind() -> None:
    ann = only(card("FN:Ann Lee", "EMAIL;TYPE=pref:a@x.example", "EMAIL;PREF=1:b@x.example"))
    assert [email.primary for email in ann.emails] == [True, False]


def test_nothing_but_junk_yields_nothing() -> None:
    assert list(read_vcards("")) == []
    assert list(read_vcards("just some text\nEND:VCARD\n")) == []


# --- Export --------------------------------------------------------------------------------------

MARIA = ContactCard(
    id=1,
    uuid="0b9e6f4e-1111-4222-8333-444455556666",
    name="Maria Rossi",
    draft=ContactDraft(
        given_name="Maria",
        family_name="Rossi",
        prefix="Dr.",
        nickname="Mimi",
        organization="Acme, Inc.",
        department="Sales",
        title="VP; Sales",
        notes="Likes golf,\nhates cats; really\\ truly: yes",
        emails=(
            EmailValue("maria@acme.example", "work", primary=True),
            EmailValue("mimi@mail.example", "home"),
            EmailValue("m@school.example", "school"),
        ),
        phones=(
            PhoneValue("+39 333 123 4567", "mobile", primary=True, e164="+393331234567"),
            PhoneValue("(02) 555-0100", "fax"),
            PhoneValue("02 555 0101", "other"),
        ),
        addresses=(AddressValue("home", "Via Roma 1\nScala B", "Milano", "MI", "20121", "Italia"),),
        web_links=(
            WebLinkValue("https://www.linkedin.com/in/maria", WebKind.LINKEDIN),
            WebLinkValue("https://acme.example/a,b;c", label="work"),
        ),
        tags=("Clients", "Golf, tennis"),
    ),
    created_at=datetime(2024, 1, 1, tzinfo=UTC),
    last_interaction_at=None,
    referred_by=None,
    dates=(
        ImportantDateValue(1, D.BIRTHDAY, PartialDate(None, 5, 1)),
        ImportantDateValue(2, D.ANNIVERSARY, PartialDate(2010, 6, 12), "Wedding"),
        ImportantDateValue(3, D.GRADUATION, PartialDate(2005, 7, 1)),
        ImportantDateValue(4, D.CUSTOM, PartialDate(2020, 3, None), "First deal"),
        ImportantDateValue(5, D.ANNIVERSARY, PartialDate(None, 2, 29)),
    ),
    relationships=(
        RelationshipValue(id=1, kind=R.SPOUSE, other=ContactRef(2, "Marco Rossi")),
        RelationshipValue(id=2, kind=R.ASSISTANT, other=ContactRef(3, "Anna Neri")),
        RelationshipValue(id=3, kind=R.CHILD, other=ContactRef(4, "Giada Rossi")),
        RelationshipValue(id=4, kind=R.CUSTOM, other=ContactRef(5, "Luigi Rossi"), label="Brother"),
        RelationshipValue(id=5, kind=R.BUSINESS_PARTNER, other=ContactRef(6, "Ivo Sala")),
    ),
)
ACME = ContactCard(
    id=7,
    uuid="7c1e3c4a-5d2b-4e8f-9a6b-1c2d3e4f5a6b",
    name="Acme Supplies",
    draft=ContactDraft(organization="Acme Supplies", phones=(PhoneValue("555-0199", "main"),)),
    created_at=datetime(2024, 1, 1, tzinfo=UTC),
    last_interaction_at=None,
    referred_by=None,
)


def round_trip(cards: list[ContactCard], version: str) -> list[IncomingContact]:
    text = write_vcards(cards, version)
    read = list(read_vcards(text))
    assert all(isinstance(item, IncomingContact) for item in read), read
    return [item for item in read if isinstance(item, IncomingContact)]


@pytest.mark.parametrize("version", ["4.0", "3.0"])
def test_export_reads_back_as_the_same_contacts(version: str) -> None:
    maria, acme = round_trip([MARIA, ACME], version)
    d = MARIA.draft

    assert (maria.prefix, maria.given_name, maria.family_name, maria.nickname) == (
        "Dr.",
        "Maria",
        "Rossi",
        "Mimi",
    )
    assert (maria.organization, maria.department, maria.title) == (
        "Acme, Inc.",
        "Sales",
        "VP; Sales",
    )
    assert maria.notes == d.notes
    assert maria.emails == list(d.emails)
    assert maria.phones == [PhoneValue(p.raw, p.label, p.primary) for p in d.phones]
    assert maria.addresses == list(d.addresses)
    assert [(w.url, w.kind, w.label) for w in maria.web_links] == [
        (w.url, w.kind, w.label) for w in d.web_links
    ]
    assert maria.tags == list(d.tags)
    assert maria.dates == [IncomingDate(w.kind, w.date, w.label) for w in MARIA.dates]
    assert maria.relations == [
        IncomingRelation(r.kind, r.other.name, r.label) for r in MARIA.relationships
    ]

    assert (acme.organization, acme.full_name, acme.given_name) == ("Acme Supplies", "", "")
    assert acme.phones == [PhoneValue("555-0199", "main")]


def test_vcard_4_is_written_the_way_rfc_6350_says() -> None:
    text = write_vcards([MARIA])
    assert text.startswith("BEGIN:VCARD\r\nVERSION:4.0\r\n")
    assert text.endswith("END:VCARD\r\n")
    lines = text.split("\r\n")
    for expected in (
        "UID:urn:uuid:0b9e6f4e-1111-4222-8333-444455556666",
        "N:Rossi;Maria;;Dr.;",
        "ORG:Acme\\, Inc.;Sales",
        "BDAY:--0501",
        "EMAIL;TYPE=work;PREF=1:maria@acme.example",
        "TEL;TYPE=cell;PREF=1:+39 333 123 4567",
        "RELATED;TYPE=spouse;VALUE=text:Marco Rossi",
        "CATEGORIES:Clients,Golf\\, tennis",
    ):
        assert expected in lines
    assert any(line.endswith("ANNIVERSARY:20100612") for line in lines)
    assert "KIND:org" in write_vcards([ACME]).split("\r\n")  # a company, not a person


def test_vcard_3_is_written_the_way_apple_and_google_read_it() -> None:
    lines = write_vcards([MARIA], "3.0").split("\r\n")
    assert "VERSION:3.0" in lines
    assert "BDAY;X-APPLE-OMIT-YEAR=1604:1604-05-01" in lines
    assert "EMAIL;TYPE=internet,work,pref:maria@acme.example" in lines
    assert any(line.endswith("X-ANNIVERSARY:2010-06-12") for line in lines)
    assert any(line.endswith("X-ABRELATEDNAMES:Marco Rossi") for line in lines)
    assert any(line.endswith("X-ABLabel:_$!<Spouse>!$_") for line in lines)
    assert not any(line.startswith("RELATED") for line in lines)


def test_long_lines_are_folded_at_75_octets_without_splitting_a_character() -> None:
    long = ContactCard(
        id=9,
        uuid="9",
        name="Zoë Ångström",
        draft=ContactDraft(given_name="Zoë", family_name="Ångström", notes="Ünïcödé " * 40),
        created_at=datetime(2024, 1, 1, tzinfo=UTC),
        last_interaction_at=None,
        referred_by=None,
    )
    text = write_vcards([long])
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert only(text).notes == ("Ünïcödé " * 40).strip()


def test_unknown_versions_are_refused() -> None:
    with pytest.raises(ValidationError, match=r"4\.0 or 3\.0"):
        write_vcards([MARIA], "2.1")


texts = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)


@given(given_name=texts, notes=texts, tags=st.lists(texts, max_size=3))
@example(given_name="", notes="", tags=["*", "*VIP"])  # not Google's "* starred" system groups
def test_any_text_survives_export_and_import(given_name: str, notes: str, tags: list[str]) -> None:
    def clean(text: str) -> str:
        return text.replace("\r\n", "\n").replace("\r", "\n").strip()

    draft = ContactDraft(
        given_name=given_name,
        family_name="Lee",
        notes=notes,
        tags=tuple(tags),
        emails=(EmailValue("a@b.example"),),
    )
    contact = ContactCard(
        id=1,
        uuid="u",
        name="x",
        draft=draft,
        created_at=datetime(2024, 1, 1, tzinfo=UTC),
        last_interaction_at=None,
        referred_by=None,
    )
    for version in ("4.0", "3.0"):
        [back] = round_trip([contact], version)
        assert back.given_name == clean(given_name)
        assert back.notes == clean(notes)
        assert back.tags == [clean(tag) for tag in tags if clean(tag)]


# --- Volume --------------------------------------------------------------------------------------


def test_every_card_of_a_long_file_arrives() -> None:
    # How fast is bench/import_csv.py's business (20,000 cards against vobject alone).
    text = "".join(
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Family{i};Given{i};;;\r\nFN:Given{i} Family{i}\r\n"
        f"EMAIL;TYPE=INTERNET:given{i}@example.org\r\nTEL;TYPE=CELL:+44 20 7946 {i % 10000:04d}"
        f"\r\nBDAY:1980-{i % 12 + 1:02d}-{i % 28 + 1:02d}\r\nEND:VCARD\r\n"
        for i in range(2_000)
    )
    cards = [item for item in read_vcards(text) if isinstance(item, IncomingContact)]
    assert len(cards) == 2_000
    assert cards[-1].given_name == "Given1999"


def test_system_groups_are_not_tags_whatever_their_spelling() -> None:
    text = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nN:Lee;Ann;;;\r\n"
        "CATEGORIES:My Contacts,VIP,* starred\r\nEND:VCARD\r\n"
    )
    (ann,) = [c for c in read_vcards(text) if not isinstance(c, CardError)]
    assert (ann.tags, ann.starred) == (["VIP"], True)


@pytest.mark.parametrize(
    ("extra", "why"),
    [
        ("PROFILE:VCard", "line 6 left out ('PROFILE:VCard')"),
        ("X-CUSTOM:one\rtwo", "line 7 left out ('two')"),  # a bare CR inside a value
        ("X-FOO/BAR:1", "line 6 left out ('X-FOO/BAR:1')"),
        ('TEL;TYPE="cell:555', "line 6 left out"),
    ],
)
def test_one_unreadable_property_costs_that_property_never_the_card(extra: str, why: str) -> None:
    text = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lee;Ann;;;\r\nFN:Ann Lee\r\nEMAIL:ann@lee.example\r\n"
        f"{extra}\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Stone;Bob;;;\r\nFN:Bob Stone\r\nEND:VCARD\r\n"
    )
    ann, bob = read_vcards(text)
    assert not isinstance(ann, CardError)
    assert not isinstance(bob, CardError)
    assert [e.address for e in ann.emails] == ["ann@lee.example"]
    assert any(w.startswith(why) for w in ann.warnings), ann.warnings
