"""Two-way contact sync with a real Radicale: what a salesperson changes on the phone comes
back, what he changes in Nurture goes out, and nothing is lost on either side."""

from __future__ import annotations

import base64
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import text

from nurture.app import Nurture
from nurture.domain.dates import PartialDate
from nurture.domain.dto import ContactCard, ContactDraft
from nurture.domain.enums import DateKind
from nurture.errors import NotFoundError
from nurture.sync import carddav
from nurture.sync.account import connect
from nurture.sync.dav import DavSession, SyncError
from nurture.sync.report import SyncReport, TooManyDeletes
from tests.radicale_server import Server

PHONE_CARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:{uid}\r\nFN:{name}\r\nN:{family};{given};;;\r\n"
    "TEL;TYPE=CELL:+1 415 555 0134\r\nBDAY:--0229\r\n"
    "X-PHONE-RINGTONE:marimba\r\nitem1.X-SOCIAL-NOTE:met at the golf club\r\n"
    "item1.X-ABLabel:golf\r\nEND:VCARD\r\n"
)


class Phone:
    """The other side: a phone (DAVx5, iOS) writing to the same address book."""

    def __init__(self, server: Server, book: str) -> None:
        self.server, self.book = server, book

    def cards(self) -> dict[str, tuple[str, str]]:
        with DavSession(self.server.user, self.server.password) as dav:
            listed = carddav.changes(dav, self.book, "")
            return carddav.fetch(dav, self.book, list(listed.changed))

    def card_of(self, name: str) -> tuple[str, str, str]:
        """(href, ETag, text) of the card whose FN is `name`."""
        for href, (etag, card) in self.cards().items():
            if f"FN:{name}" in card.splitlines():
                return href, etag, card
        raise AssertionError(f"{name} is not on the server")

    def put(self, href: str, card: str, etag: str | None = None) -> None:
        with DavSession(self.server.user, self.server.password) as dav:
            assert carddav.put(dav, href, card, etag).outcome is carddav.Written.DONE

    def add(self, given: str, family: str, uid: str) -> str:
        href = carddav.card_href(self.book, uid)
        name = f"{given} {family}"
        self.put(href, PHONE_CARD.format(uid=uid, name=name, given=given, family=family))
        return href

    def delete(self, href: str) -> None:
        with DavSession(self.server.user, self.server.password) as dav:
            assert carddav.delete(dav, href, "").outcome is carddav.Written.DONE


@pytest.fixture
def phone(app: Nurture, radicale: Server) -> Phone:
    connected = connect(app.settings, radicale.url, radicale.user, radicale.password)
    return Phone(radicale, connected.book.url)


def sync(app: Nurture, server: Server, **options: object) -> SyncReport:
    return app.sync.run(server.password, **options)  # type: ignore[arg-type]


def edited(card: str, old: str, new: str) -> str:
    assert old in card, f"{old!r} not in the card"
    return card.replace(old, new)


def contact_named(app: Nurture, name: str) -> int:
    return app.contacts.resolve(name)


MakeContact = Callable[..., ContactCard]


def test_a_first_sync_sends_every_person_and_a_second_one_has_nothing_to_do(
    app: Nurture, radicale: Server, phone: Phone, make_contact: MakeContact
) -> None:
    make_contact("Robert Hughes", emails=["robert@hughes.example"], organization="Hughes & Co")
    created = app.contacts.create(
        ContactDraft(given_name="Leap", family_name="Day", tags=("Clients",)),
        [(DateKind.BIRTHDAY, PartialDate(None, 2, 29))],
    )
    app.contacts.create(ContactDraft(given_name="Kid", family_name="Hughes", is_light=True))

    report = sync(app, radicale)

    assert (report.added_there, report.added_here) == (2, 0)
    cards = {card for _, card in phone.cards().values()}
    assert len(cards) == 2  # a light contact (a client's kid) stays in Nurture by default
    leap = next(card for card in cards if "FN:Leap Day" in card)
    assert "BDAY;X-APPLE-OMIT-YEAR=1604:1604-02-29" in leap
    assert f"UID:{created.value.uuid}" in leap
    assert "CATEGORIES:Clients" in leap
    again = sync(app, radicale)
    assert again.summary() == "Everything was already in sync."


def test_cards_made_on_the_phone_become_contacts_with_their_birthdays(
    app: Nurture, radicale: Server, phone: Phone
) -> None:
    phone.add("Mia", "Chen", "9b2f3c1e-55aa-4a3e-9d0b-6f1f5c0de001")

    report = sync(app, radicale)

    assert report.added_here == 1
    card = app.contacts.card(contact_named(app, "Mia Chen"))
    assert card.uuid == "9b2f3c1e-55aa-4a3e-9d0b-6f1f5c0de001"
    assert [p.raw for p in card.draft.phones] == ["+1 415 555 0134"]
    assert [(d.kind, d.date) for d in card.dates] == [(DateKind.BIRTHDAY, PartialDate(None, 2, 29))]
    assert sync(app, radicale).summary() == "Everything was already in sync."


def test_an_edit_on_each_side_meets_and_the_phone_keeps_its_own_properties(
    app: Nurture, radicale: Server, phone: Phone, make_contact: MakeContact
) -> None:
    phone.add("Mia", "Chen", "9b2f3c1e-55aa-4a3e-9d0b-6f1f5c0de001")
    sync(app, radicale)
    href, etag, card = phone.card_of("Mia Chen")
    phone.put(href, edited(card, "+1 415 555 0134", "+1 415 555 0199"), etag)
    mia = contact_named(app, "Mia Chen")
    app.contacts.update(mia, replace(app.contacts.card(mia).draft, title="Partner"))

    report = sync(app, radicale)

    assert (report.changed_here, report.changed_there, report.conflicts) == (1, 1, [])
    assert [p.raw for p in app.contacts.card(mia).draft.phones] == ["+1 415 555 0199"]
    assert app.contacts.card(mia).draft.title == "Partner"
    _, _, now = phone.card_of("Mia Chen")
    assert "TITLE:Partner" in now
    assert "+1 415 555 0199" in now
    assert "X-PHONE-RINGTONE:marimba" in now  # Nurture has no field for it: kept as it was
    group = re.search(r"^(\w+)\.X-SOCIAL-NOTE:met at the golf club\r?$", now, re.MULTILINE)
    assert group is not None
    assert f"{group.group(1)}.X-ABLABEL:golf".upper() in now.upper()
    assert sync(app, radicale).summary() == "Everything was already in sync."


def test_the_same_field_changed_on_both_sides_keeps_the_newer_and_sets_the_other_aside(
    app: Nurture, radicale: Server, phone: Phone
) -> None:
    phone.add("Mia", "Chen", "9b2f3c1e-55aa-4a3e-9d0b-6f1f5c0de001")
    sync(app, radicale)
    mia = contact_named(app, "Mia Chen")
    app.contacts.update(mia, replace(app.contacts.card(mia).draft, organization="Chen Dental"))
    href, etag, card = phone.card_of("Mia Chen")
    later = card.replace(
        "END:VCARD", "ORG:Chen Orthodontics\r\nREV:2099-01-01T00:00:00Z\r\nEND:VCARD"
    )
    phone.put(href, later, etag)

    report = sync(app, radicale)

    assert app.contacts.card(mia).draft.organization == "Chen Orthodontics"
    [conflict] = report.conflicts
    assert (conflict.contact, conflict.field) == ("Mia Chen", "organization")
    assert (conflict.kept, conflict.set_aside, conflict.from_server) == (
        "Chen Orthodontics",
        "Chen Dental",
        False,
    )
    with app.database.read() as session:
        kept = session.execute(
            text("SELECT field, set_aside FROM sync_conflicts WHERE contact_id = :id"), {"id": mia}
        ).all()
    assert [tuple(row) for row in kept] == [("organization", '"Chen Dental"')]
    assert report.details() == [
        "Mia Chen: organization is now “Chen Orthodontics”; Nurture's “Chen Dental” is kept on "
        "the contact's card (Set aside by sync)"
    ]
    [set_aside] = app.contacts.card(mia).set_aside
    assert (set_aside.field, set_aside.set_aside, set_aside.from_phone) == (
        "organization",
        "“Chen Dental”",
        False,
    )
    assert sync(app, radicale).summary() == "Everything was already in sync."


def test_a_delete_on_the_phone_archives_and_a_delete_here_deletes_there(
    app: Nurture, radicale: Server, phone: Phone, make_contact: MakeContact
) -> None:
    make_contact("Robert Hughes")
    phone.add("Mia", "Chen", "9b2f3c1e-55aa-4a3e-9d0b-6f1f5c0de001")
    sync(app, radicale)
    mia = contact_named(app, "Mia Chen")
    phone.delete(phone.card_of("Mia Chen")[0])
    app.deletion.delete([contact_named(app, "Robert Hughes")])

    report = sync(app, radicale)

    assert (report.archived_here, report.deleted_there) == (1, 1)
    assert app.contacts.card(mia).draft.archived  # kept, with all its history, out of the way
    assert phone.cards() == {}
    assert sync(app, radicale).summary() == "Everything was already in sync."


def test_an_expired_sync_token_falls_back_to_the_whole_book(
    app: Nurture, radicale: Server, phone: Phone, make_contact: MakeContact
) -> None:
    make_contact("Robert Hughes")
    sync(app, radicale)
    phone.add("Mia", "Chen", "9b2f3c1e-55aa-4a3e-9d0b-6f1f5c0de001")
    with app.database.write() as session:
        session.execute(text("UPDATE sync_books SET token = 'http://radicale.org/ns/sync/gone'"))

    report = sync(app, radicale)

    assert (report.added_here, report.added_there, report.changed_there) == (1, 0, 0)
    assert sync(app, radicale).summary() == "Everything was already in sync."


def test_a_wrong_password_changes_nothing_and_says_so(
    app: Nurture, radicale: Server, phone: Phone, make_contact: MakeContact
) -> None:
    make_contact("Robert Hughes")
    with pytest.raises(SyncError, match="refused the user name or password"):
        app.sync.run("milk chocolate")
    assert phone.cards() == {}
    assert sync(app, radicale).added_there == 1


def test_a_sync_that_would_delete_much_of_the_book_stops_and_asks(
    app: Nurture, radicale: Server, phone: Phone, make_contact: MakeContact
) -> None:
    people = [make_contact(f"Client {n}").id for n in range(8)]
    sync(app, radicale)
    app.deletion.delete(people[:5])

    with pytest.raises(TooManyDeletes, match="delete 5 card"):
        sync(app, radicale)
    assert len(phone.cards()) == 8
    # A dry run says what would happen and asks nothing.
    assert sync(app, radicale, dry_run=True).summary() == "Would do: 5 deleted on the server."
    assert sync(app, radicale, allow_deletes=True).deleted_there == 5
    assert len(phone.cards()) == 3


def test_a_dry_run_says_what_would_happen_and_does_nothing(
    app: Nurture, radicale: Server, phone: Phone, make_contact: MakeContact
) -> None:
    make_contact("Robert Hughes")
    phone.add("Mia", "Chen", "9b2f3c1e-55aa-4a3e-9d0b-6f1f5c0de001")

    report = sync(app, radicale, dry_run=True)

    assert report.summary() == "Would do: 1 new here; 1 sent to the server."
    assert len(phone.cards()) == 1
    with pytest.raises(NotFoundError):
        contact_named(app, "Mia Chen")


def test_a_card_the_server_refuses_is_reported_and_the_rest_go(
    app: Nurture, tmp_path: Path, make_contact: MakeContact
) -> None:
    server = Server(tmp_path, "--server-max-content-length", "4000")
    server.start()
    try:
        connect(app.settings, server.url, server.user, server.password)
        make_contact("Robert Hughes")
        make_contact("Long Notes", notes="Highland single malt. " * 400)

        report = sync(app, server)

        assert report.added_there == 1
        [(who, reason)] = report.refused
        assert who == "Long Notes"
        assert reason.startswith("413")
        assert sync(app, server).refused  # still here, still said, never lost
    finally:
        server.stop()


def test_a_server_that_goes_away_mid_sync_loses_nothing_and_the_next_sync_completes(
    app: Nurture, radicale: Server, phone: Phone, make_contact: MakeContact
) -> None:
    for n in range(6):
        make_contact(f"Client {n}", emails=[f"client{n}@example.com"])

    def stop_halfway(what: str, done: int, of: int) -> None:
        if what == "Sending changes" and done == 4:
            radicale.stop()

    with pytest.raises(SyncError, match="Could not reach"):
        app.sync.run(radicale.password, progress=stop_halfway)
    radicale.start()
    assert len(phone.cards()) == 3

    report = sync(app, radicale)

    assert report.added_there == 3
    assert len(phone.cards()) == 6
    with app.database.read() as session:  # and no card came back as a second contact
        assert session.execute(text("SELECT count(*) FROM contacts")).scalar() == 6
    assert sync(app, radicale).summary() == "Everything was already in sync."


JPEG = bytes.fromhex("ffd8ffe000104a46494600010100000100010000ffd9")


def test_a_photo_from_the_phone_comes_in_and_nurtures_fields_travel_only_when_asked(
    app: Nurture, radicale: Server, phone: Phone, make_contact: MakeContact
) -> None:
    robert = make_contact("Robert Hughes", tier="A", how_we_met="Golf club, 2019")
    sync(app, radicale)
    href, etag, card = phone.card_of("Robert Hughes")
    assert "X-NURTURE" not in card  # Nurture's own fields stay home by default
    photo = f"PHOTO;ENCODING=b;TYPE=JPEG:{base64.b64encode(JPEG).decode()}"
    phone.put(href, edited(card, "END:VCARD", f"{photo}\nEND:VCARD"), etag)

    assert sync(app, radicale).changed_here == 1
    assert app.contacts.card(robert.id).has_photo
    app.settings.update(sync_extras=True)
    assert sync(app, radicale).changed_there == 1
    _, _, now = phone.card_of("Robert Hughes")
    assert "X-NURTURE-TIER:A" in now
    assert "X-NURTURE-HOW-WE-MET:Golf club\\, 2019" in now
    assert "PHOTO;ENCODING=b;TYPE=JPEG:" in now  # Nurture's copy of the phone's photo


def test_only_the_chosen_tags_contacts_sync_and_one_leaving_it_leaves_the_phone(
    app: Nurture, radicale: Server, phone: Phone, make_contact: MakeContact
) -> None:
    client = make_contact("Robert Hughes", tags=("Clients",))
    make_contact("Dentist Appointment")
    app.settings.update(sync_scope="tag", sync_tag="clients")

    assert sync(app, radicale).added_there == 1
    assert [card for _, card in phone.cards().values() if "FN:Robert Hughes" in card]
    app.contacts.remove_tags([client.id], ["Clients"])

    assert sync(app, radicale).deleted_there == 1
    assert phone.cards() == {}
    assert not app.contacts.card(client.id).draft.archived  # still here, only off the phone


def test_a_change_to_a_date_or_a_tag_alone_is_found_and_sent(
    app: Nurture, radicale: Server, phone: Phone, make_contact: MakeContact
) -> None:
    robert = make_contact("Robert Hughes")
    sync(app, radicale)
    app.records.add_date(robert.id, DateKind.BIRTHDAY, PartialDate(1971, 3, 14))
    app.contacts.add_tags([robert.id], ["Golf"])

    assert sync(app, radicale).changed_there == 1
    _, _, card = phone.card_of("Robert Hughes")
    assert "BDAY:1971-03-14" in card
    assert "CATEGORIES:Golf" in card


def test_a_first_upload_of_many_goes_in_one_request_and_syncs_on_as_usual(
    app: Nurture, radicale: Server, phone: Phone, make_contact: MakeContact
) -> None:
    people = [make_contact(f"Client {n:02d}", emails=[f"c{n}@example.com"]) for n in range(60)]

    assert sync(app, radicale).added_there == 60

    assert len(phone.cards()) == 60
    with DavSession(radicale.user, radicale.password) as dav:
        names = [book.name for book in carddav.address_books(dav, radicale.url + "sam/")]
    assert names == ["Nurture"]  # the book keeps its name
    assert sync(app, radicale).summary() == "Everything was already in sync."
    app.contacts.update(people[7].id, replace(people[7].draft, title="Partner"))
    assert sync(app, radicale).changed_there == 1
    assert "TITLE:Partner" in phone.card_of("Client 07")[2]


def test_the_name_as_shown_edited_on_the_phone_comes_back(
    app: Nurture, radicale: Server, phone: Phone, make_contact: MakeContact
) -> None:
    robert = make_contact("Robert Hughes")
    sync(app, radicale)
    href, etag, card = phone.card_of("Robert Hughes")
    phone.put(href, edited(card, "FN:Robert Hughes", "FN:Bob Hughes (golf)"), etag)

    assert sync(app, radicale).changed_here == 1
    assert app.contacts.card(robert.id).name == "Bob Hughes (golf)"
    assert sync(app, radicale).summary() == "Everything was already in sync."


def test_a_card_the_phone_garbled_is_left_alone_and_not_sent_twice(
    app: Nurture, radicale: Server, phone: Phone, make_contact: MakeContact
) -> None:
    robert = make_contact("Robert Hughes")
    sync(app, radicale)
    href, etag, _ = phone.card_of("Robert Hughes")
    # Valid for the server, but with no name, email or phone, nothing Nurture could keep.
    garbled = f"BEGIN:VCARD\r\nVERSION:3.0\r\nUID:{robert.uuid}\r\nFN:\r\nN:;;;;\r\nEND:VCARD\r\n"
    phone.put(href, garbled, etag)
    app.contacts.update(robert.id, replace(robert.draft, title="Partner"))

    report = sync(app, radicale)

    assert report.details() == [
        f"{href}: left alone, it could not be read (This card has no name, email or phone.)"
    ]  # and nothing was sent for its contact: no second card, not even a refused one
    assert (report.added_there, report.changed_there, report.changed_meanwhile) == (0, 0, 0)
    assert len(phone.cards()) == 1  # the phone's card stays as it is, and no twin appears
