"""Files shaped like the ones real address books write (tests/fixtures/shapes, one or more per
defect class of the import review, with fictional people), imported into a real database: what
a user sees afterwards, and what the report says about anything it could not keep."""

from __future__ import annotations

from pathlib import Path

import pytest

from nurture.app import Nurture
from nurture.domain.dto import ContactCard
from nurture.errors import ValidationError
from nurture.services.importing import ImportOptions, ImportReport
from nurture.services.listing import ContactQuery

SHAPES = Path(__file__).parent.parent / "fixtures" / "shapes"
EVERYONE = ContactQuery(include_light=True, include_archived=True)


def imported(app: Nurture, name: str, encoding: str | None = None) -> ImportReport:
    source = app.importing.open((SHAPES / name).read_bytes(), name, encoding=encoding)
    return app.importing.run(source, ImportOptions()).value


def everyone(app: Nurture) -> list[ContactCard]:
    return [app.contacts.card(i) for i in app.listing.ids(EVERYONE)]


def names(app: Nurture) -> list[str]:
    return sorted(c.name for c in everyone(app))


# Class 1: one unreadable line costs that line, never the card or the file.


def test_every_card_with_one_bad_line_is_kept_and_the_line_is_named(app: Nurture) -> None:
    report = imported(app, "class1_one_bad_line_per_card.vcf")
    assert names(app) == [
        "Astrid Lindqvist",
        "Inês Costa",
        "Kenji Sato",
        "Luc Moreau",
        "Rania Haddad",
    ]
    assert report.errors == ()
    told = [(n.line, n.message) for n in report.notes]
    assert (1, "line 3 left out ('PROFILE:VCard'): not a vCard property") in told
    assert (8, "line 13 left out ('second half'): not a vCard property") in told
    assert (16, "line 19 left out ('FN'): not a vCard property") in told
    assert (16, "line 20 left out ('X-FOO/BAR:1'): not a vCard property") in told
    assert (30, "line 34 left out ('TEL;TYPE=\"cell:555'): not a vCard property") in told
    luc = app.contacts.card(app.contacts.resolve("Luc Moreau")).draft
    assert [p.value for p in luc.phones] == ["+33142685300"]
    # A broken quoted-printable escape is kept as written, around the text that reads.
    ines = app.contacts.card(app.contacts.resolve("Inês Costa")).draft
    assert ines.notes == "Café com leite =ZZ sempre"
    assert [e.address for e in ines.emails] == ["ines@costa.example"]


# Class 2: text is decoded in bytes before characters, and a guess is said, never silent.


def test_a_utf8_vcard_folded_inside_a_character_reads_as_written(app: Nurture) -> None:
    report = imported(app, "class2_utf8_folded_mid_character.vcf")
    (card,) = everyone(app)
    assert card.name == "Amélie Lefèvre"
    assert card.draft.notes == "Rencontrée au salon de Lyon; préfère le thé vert du 日本"
    assert report.encoding == "utf-8"
    assert report.notices == ()


def test_utf16_without_a_byte_order_mark_is_text_not_binary(app: Nurture) -> None:
    report = imported(app, "class2_utf16be_no_bom.csv")
    assert names(app) == ["Karin Öberg", "Zoë Brontë"]
    assert report.encoding == "utf-16-be"


def test_shift_jis_reads_as_japanese_and_says_it_was_a_guess(app: Nurture) -> None:
    report = imported(app, "class2_shift_jis.csv")
    assert names(app) == ["太郎 山田", "花子 佐藤"]
    assert report.encoding == "cp932"
    (notice,) = report.notices
    assert "Japanese (Shift-JIS), a guess" in notice
    assert "Chinese Simplified (GB18030) would read it differently" in notice


def test_an_outlook_cp1252_file_keeps_western_accents_and_names_the_other_reading(
    app: Nurture,
) -> None:
    report = imported(app, "class2_outlook_cp1252.csv")
    assert names(app) == ["Hélène Lefèvre", "José Peña"]
    (notice,) = report.notices
    assert "Western European (Windows-1252), a guess" in notice
    assert "Central European (Windows-1250)" in notice
    assert '"Peña" as "Peńa"' in notice


def test_the_user_can_choose_the_encoding_and_a_wrong_choice_changes_nothing(
    app: Nurture,
) -> None:
    imported(app, "class2_outlook_cp1252.csv", encoding="cp1250")
    assert names(app) == ["Hélčne Lefčvre", "José Peńa"]  # what they asked for
    data = (SHAPES / "class2_shift_jis.csv").read_bytes()
    with pytest.raises(ValidationError, match="cannot be read as Unicode \\(UTF-8\\): line 2"):
        app.importing.open(data, "class2_shift_jis.csv", encoding="utf-8")
    assert len(everyone(app)) == 2


# Class 3: the producer's name is kept: prefix and suffix, and a formatted name that says more.


def test_titles_stay_and_a_formatted_name_with_more_than_the_parts_is_how_they_show(
    app: Nurture,
) -> None:
    imported(app, "class3_titles_and_given_names.vcf")
    assert names(app) == [
        "Bob Kowalski",
        "Dr. John Richter PhD",
        "Mr. James Doe Sr.",
        "Tante Käthe",
    ]
    bob = app.contacts.card(app.contacts.resolve("Bob Kowalski")).draft
    assert (bob.given_name, bob.family_name, bob.shown_as) == ("Robert", "Kowalski", "Bob Kowalski")
    # "Richter, John" says nothing the parts do not: the parts (with the titles) show them.
    richter = app.contacts.card(app.contacts.resolve("Dr. John Richter PhD")).draft
    assert richter.shown_as == ""
    # Found by either name.
    assert [s.name for s in app.listing.page(ContactQuery(search="robert"))] == ["Bob Kowalski"]
    assert [s.name for s in app.listing.page(ContactQuery(search="käthe"))] == ["Tante Käthe"]


# Class 4: a name or a shared phone alone never makes two people one.


def test_two_people_with_one_name_in_one_file_stay_two_with_their_own_families(
    app: Nurture,
) -> None:
    report = imported(app, "class4_two_people_one_name.vcf")
    cards = sorted(everyone(app), key=lambda c: c.draft.organization)
    main = [c for c in cards if not c.draft.is_light]
    assert [(c.name, c.draft.organization) for c in main] == [
        ("Yuto Abe", "Kaze Robotics"),
        ("Yuto Abe", "Sakura Logistics"),
    ]
    assert [[r.other.name for r in c.relationships] for c in main] == [["Hana Abe"], ["Mei Abe"]]
    # Listed for review, not merged.
    (note,) = report.notes
    assert note.line == 10
    assert "may be the same person" in note.message


def test_colleagues_on_one_office_line_are_three_people_and_not_a_review(app: Nurture) -> None:
    report = imported(app, "class4_colleagues_one_office_line.csv")
    assert names(app) == ["Grace Obi", "Owen Price", "Ruth Ilan"]
    for card in everyone(app):
        assert [p.value for p in card.draft.phones] == ["+14155550100"]
        assert len(card.draft.emails) == 1
    assert report.notes == ()


# Class 7: columns are read by their words; one column that maps is a contacts file.


def test_webmail_headers_bring_every_email_phone_and_page_and_name_the_rest(
    app: Nurture,
) -> None:
    report = imported(app, "class7_webmail_headers.csv")
    (nadia,) = everyone(app)
    d = nadia.draft
    assert [e.address for e in d.emails] == ["nadia@karim.example", "nadia.home@mail.example"]
    assert [p.value for p in d.phones] == ["+442079460958", "+447700900123"]
    assert [w.url for w in d.web_links] == ["https://karim.example"]
    assert report.notices == (
        "Not imported (no field to put them in; map them by hand to keep them): "
        "E-mail Display Name.",
    )


def test_a_one_column_primary_email_list_is_imported(app: Nurture) -> None:
    imported(app, "class7_primary_email_only.csv")
    assert names(app) == ["marta.silva@mail.example", "support.lead@northwind.example"]


# Class 8: slash dates in the order the whole file writes them, and said when undecidable.


def test_a_day_over_12_anywhere_makes_the_whole_file_day_first(app: Nurture) -> None:
    report = imported(app, "class8_day_first_dates.csv")
    birthdays = {c.name: c.dates[0].date for c in everyone(app)}
    assert (birthdays["Ava Brennan"].month, birthdays["Ava Brennan"].day) == (4, 5)
    assert (birthdays["Liam Doyle"].month, birthdays["Liam Doyle"].day) == (1, 20)
    assert report.notices == ()


def test_an_undecidable_file_is_read_month_first_and_says_so(app: Nurture) -> None:
    report = imported(app, "class8_undecidable_dates.csv")
    birthdays = {c.name: c.dates[0].date for c in everyone(app)}
    assert (birthdays["Ava Brennan"].month, birthdays["Ava Brennan"].day) == (5, 4)
    (notice,) = report.notices
    assert notice.startswith("Dates like 05/04/1980 were read month first")


# Class 9 and the report: every property or cell left out is named, with its card or line.


def test_a_vcard_keeps_categories_as_written_messengers_and_zones_and_names_what_it_left_out(
    app: Nurture,
) -> None:
    report = imported(app, "class9_categories_messengers_and_left_out.vcf")
    chidi = app.contacts.card(app.contacts.resolve("Chidi Okafor")).draft
    ngozi = app.contacts.card(app.contacts.resolve("Ngozi Okafor")).draft
    # The first spelling of a tag is kept; Google's and Apple's system groups are not tags.
    assert chidi.tags == ("Golf Buddies", "VIP")
    assert ngozi.tags == ("Golf Buddies", "VIP")
    assert chidi.starred
    # An address mail may not reach is kept, flagged.
    assert [e.address for e in chidi.emails] == ["chidi@invalid"]
    assert [(w.url, w.label) for w in chidi.web_links] == [
        ("xmpp:chidi@chat.example", "xmpp"),
        ("skype:chidi.okafor", "skype"),
    ]
    assert (chidi.title, chidi.time_zone) == ("CFO", "Africa/Lagos")
    # A LABEL with no ADR is the only address there is.
    assert [a.street for a in ngozi.addresses] == ["12 Marina Road\nLagos"]
    told = [(n.line, n.message) for n in report.notes]
    assert (1, "ROLE 'Treasurer' left out: the job title is 'CFO'") in told
    assert (1, "GEO '37.386013;-122.082932' left out: Nurture has no field for it") in told
    assert (1, "X-PHONETIC-FIRST-NAME 'Chee-dee' left out: Nurture has no field for it") in told
    assert (15, "TZ '+01:00' left out: an offset names no time zone") in told
    assert any(line == 1 and "chidi@invalid" in message for line, message in told)
    assert report.errors == ()


def test_outlook_referred_by_is_kept_and_ragged_rows_are_named_by_line(app: Nurture) -> None:
    report = imported(app, "class9_outlook_referred_by_and_ragged.csv")
    priya = app.contacts.card(app.contacts.resolve("Priya Raman")).draft
    assert priya.how_we_met == "Referred by Chidi Okafor"
    assert priya.tags == ("Suppliers",)
    assert [(n.line, n.message) for n in report.notes] == [
        (
            3,
            "only 2 of the 5 columns (a line broken in two?): "
            "E-mail Address, Referred By, Categories read as empty",
        ),
        (4, '1 cell beyond the last column left out: "EXTRA"'),
    ]
    assert names(app) == ["Lena Fischer", "Priya Raman", "Tom Baker"]
