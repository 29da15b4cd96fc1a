"""Creating, editing, tagging, finding and deleting contacts on a real database."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from nurture.app import Nurture
from nurture.db.touches import Interaction
from nurture.domain.dates import PartialDate
from nurture.domain.dto import (
    AddressValue,
    ContactDraft,
    EmailValue,
    PhoneValue,
    WebLinkValue,
)
from nurture.domain.enums import Area, DateKind, InteractionKind, RelationshipKind, WebKind
from nurture.errors import AmbiguousError, NotFoundError, ValidationError
from nurture.services.listing import ContactQuery
from tests.conftest import MakeContact

WHEN = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def _all_ids(app: Nurture) -> list[int]:
    return app.listing.ids(ContactQuery(include_light=True, include_archived=True))


def test_create_stores_the_whole_card(app: Nurture) -> None:
    draft = ContactDraft(
        given_name=" Ann ",
        middle_name="Marie",
        family_name="Lee",
        nickname="Annie",
        organization="Acme",
        title="CFO",
        notes="Met at the regatta",
        keep_in_touch_days=30,
        starred=True,
        emails=(EmailValue("ann@acme.com", "work"), EmailValue("ann@home.org", "home")),
        phones=(PhoneValue("(415) 555-0123", "mobile"),),
        addresses=(AddressValue("work", "1 Market St", "San Francisco", "CA", "94105", "US"),),
        web_links=(WebLinkValue("https://linkedin.com/in/annlee", WebKind.LINKEDIN),),
        tags=("Client", "Golf"),
    )
    outcome = app.contacts.create(draft, dates=[(DateKind.BIRTHDAY, PartialDate(None, 2, 29))])
    card = outcome.value

    assert card.name == "Ann Marie Lee"
    assert app.contacts.card(card.id) == card
    assert card.draft.given_name == "Ann"  # trimmed
    assert card.draft.organization == "Acme"
    assert card.draft.keep_in_touch_days == 30
    assert card.draft.starred
    assert [(e.address, e.label) for e in card.draft.emails] == [
        ("ann@acme.com", "work"),
        ("ann@home.org", "home"),
    ]
    assert [(p.raw, p.e164, p.value) for p in card.draft.phones] == [
        ("(415) 555-0123", "+14155550123", "+14155550123")
    ]
    assert card.draft.addresses[0].city == "San Francisco"
    assert card.draft.web_links[0].kind is WebKind.LINKEDIN
    assert card.draft.tags == ("Client", "Golf")
    assert [(d.kind, d.date) for d in card.dates] == [(DateKind.BIRTHDAY, PartialDate(None, 2, 29))]
    assert card.last_interaction_at is None
    assert outcome.changes.contact_ids == {card.id}
    assert outcome.changes.areas == {Area.CONTACTS, Area.DATES, Area.TAGS}


def test_update_replaces_fields_points_and_tags(app: Nurture, make_contact: MakeContact) -> None:
    card = make_contact(
        "Ann Lee", emails=["ann@acme.com"], phones=["415 555 0123"], tags=("Client",)
    )
    new = dataclasses.replace(
        card.draft,
        family_name="Lee-Park",
        organization="Initech",
        emails=(EmailValue("ann@initech.com"),),
        phones=(),
        tags=("Friend",),
    )
    outcome = app.contacts.update(card.id, new)

    updated = app.contacts.card(card.id)
    assert outcome.value == updated
    assert updated.name == "Ann Lee-Park"
    assert updated.draft.organization == "Initech"
    assert [e.address for e in updated.draft.emails] == ["ann@initech.com"]
    assert updated.draft.phones == ()
    assert updated.draft.tags == ("Friend",)
    assert updated.created_at == card.created_at
    assert outcome.changes.contact_ids == {card.id}
    assert Area.CONTACTS in outcome.changes.areas
    # The old tag still exists (it may be reused) but nobody carries it.
    assert dict(app.listing.tags()) == {"Client": 0, "Friend": 1}


def test_delete_removes_the_contact(app: Nurture, make_contact: MakeContact) -> None:
    ann = make_contact("Ann Lee", emails=["ann@acme.com"])
    bo = make_contact("Bo Chen")

    outcome = app.deletion.delete([ann.id, ann.id])

    assert outcome.value == 1
    assert ann.id in outcome.changes.contact_ids
    assert Area.CONTACTS in outcome.changes.areas
    with pytest.raises(NotFoundError):
        app.contacts.card(ann.id)
    assert _all_ids(app) == [bo.id]
    assert app.deletion.delete([ann.id]).value == 0


def test_unknown_contact_card_is_not_found(app: Nurture) -> None:
    with pytest.raises(NotFoundError, match="42"):
        app.contacts.card(42)
    with pytest.raises(NotFoundError):
        app.contacts.update(42, ContactDraft(given_name="Nobody"))


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        ((False, False, False), [True, False, False]),  # none marked: the first one
        ((False, True, False), [False, True, False]),
        ((False, True, True), [False, True, False]),  # several marked: the first marked
        ((True, True, True), [True, False, False]),
    ],
)
def test_exactly_one_primary_per_kind(
    app: Nurture, flags: tuple[bool, bool, bool], expected: list[bool]
) -> None:
    draft = ContactDraft(
        given_name="Ann",
        emails=tuple(EmailValue(f"a{i}@x.com", primary=f) for i, f in enumerate(flags)),
        phones=tuple(PhoneValue(f"415 555 012{i}", primary=f) for i, f in enumerate(flags)),
        addresses=tuple(AddressValue(city=f"C{i}", primary=f) for i, f in enumerate(flags)),
        web_links=tuple(WebLinkValue(f"https://x{i}.com", primary=f) for i, f in enumerate(flags)),
    )
    card = app.contacts.create(draft).value
    assert [e.primary for e in card.draft.emails] == expected
    assert [p.primary for p in card.draft.phones] == expected
    assert [a.primary for a in card.draft.addresses] == expected
    assert [w.primary for w in card.draft.web_links] == expected
    # The order the user gave is kept.
    assert [e.address for e in card.draft.emails] == ["a0@x.com", "a1@x.com", "a2@x.com"]
    summary = app.listing.summaries([card.id])[0]
    assert summary.primary_email == f"a{expected.index(True)}@x.com"


def test_tags_are_case_insensitive(app: Nurture, make_contact: MakeContact) -> None:
    ann = make_contact("Ann Lee", tags=("VIP", "vip", " Vip "))
    bo = make_contact("Bo Chen", tags=("vip",))

    assert ann.draft.tags == ("VIP",)
    assert bo.draft.tags == ("VIP",)  # the existing tag, with its first spelling
    assert app.listing.tags() == [("VIP", 2)]
    assert set(app.listing.ids(ContactQuery(tag="vIp"))) == {ann.id, bo.id}


def test_tags_in_bulk(app: Nurture, make_contact: MakeContact) -> None:
    people = [make_contact(name).id for name in ("Ann Lee", "Bo Chen", "Cy Diaz")]
    other = make_contact("Di Evans").id

    added = app.contacts.add_tags(people, ["Golf", "Q3 prospects"])
    app.contacts.add_tags(people[:1], ["golf"])  # already there: no duplicate

    assert added.changes.contact_ids == set(people)
    assert Area.TAGS in added.changes.areas
    assert app.listing.tags() == [("Golf", 3), ("Q3 prospects", 3)]
    assert set(app.listing.ids(ContactQuery(tag="golf"))) == set(people)

    removed = app.contacts.remove_tags(people[1:], ["GOLF"])
    assert removed.changes.contact_ids == set(people[1:])
    assert app.listing.tags() == [("Golf", 1), ("Q3 prospects", 3)]
    assert app.contacts.card(people[0]).draft.tags == ("Golf", "Q3 prospects")
    assert app.contacts.card(people[1]).draft.tags == ("Q3 prospects",)
    assert app.contacts.card(other).draft.tags == ()


def test_tags_lists_names_alphabetically_ignoring_case(
    app: Nurture, make_contact: MakeContact
) -> None:
    make_contact("Ann Lee", tags=("zebra", "Apple", "mango"))
    assert [name for name, _ in app.listing.tags()] == ["Apple", "mango", "zebra"]


def test_a_blank_tag_is_refused(app: Nurture, make_contact: MakeContact) -> None:
    ann = make_contact("Ann Lee")
    with pytest.raises(ValidationError):
        app.contacts.add_tags([ann.id], ["Golf", "   "])
    assert app.listing.tags() == []


def test_a_tag_with_an_accent_can_be_removed(app: Nurture, make_contact: MakeContact) -> None:
    ann = make_contact("Ann Lee", tags=("École",))
    app.contacts.remove_tags([ann.id], ["École"])
    assert app.contacts.card(ann.id).draft.tags == ()


def test_a_tag_is_removed_by_the_name_it_was_added_with(
    app: Nurture, make_contact: MakeContact
) -> None:
    ann = make_contact("Ann Lee")
    app.contacts.add_tags([ann.id], ["big  client"])
    app.contacts.remove_tags([ann.id], ["big  client"])
    assert app.contacts.card(ann.id).draft.tags == ()


@pytest.mark.parametrize(
    "bad",
    [
        {"emails": (EmailValue("not-an-email"),)},
        {"phones": (PhoneValue("call me maybe"),)},
        {"tags": ("",)},
        {"keep_in_touch_days": 0},
        {"referred_by_id": 9999},
    ],
)
def test_a_rejected_update_leaves_the_card_intact(
    app: Nurture, make_contact: MakeContact, bad: dict[str, Any]
) -> None:
    card = make_contact("Ann Lee", emails=["ann@acme.com"], phones=["4155550123"], tags=("A",))
    draft = dataclasses.replace(card.draft, family_name="Changed", organization="Changed", **bad)

    with pytest.raises((ValidationError, NotFoundError)):
        app.contacts.update(card.id, draft)

    assert app.contacts.card(card.id) == card
    assert app.listing.ids(ContactQuery(search="changed")) == []
    assert app.listing.tags() == [("A", 1)]


def test_a_rejected_create_leaves_nothing_behind(app: Nurture) -> None:
    draft = ContactDraft(given_name="Ann", tags=("New tag",), emails=(EmailValue("nope"),))
    with pytest.raises(ValidationError, match="nope"):
        app.contacts.create(draft)
    with pytest.raises(ValidationError):
        app.contacts.create(
            ContactDraft(given_name="Bo"),
            # A graduation happens once, so it needs a year.
            dates=[(DateKind.GRADUATION, PartialDate(None, 6, 15))],
        )
    assert _all_ids(app) == []
    assert app.listing.tags() == []


def test_a_contact_cannot_be_referred_by_themselves(
    app: Nurture, make_contact: MakeContact
) -> None:
    ann = make_contact("Ann Lee")
    with pytest.raises(ValidationError):
        app.contacts.update(ann.id, dataclasses.replace(ann.draft, referred_by_id=ann.id))
    assert app.contacts.card(ann.id).referred_by is None


def test_referred_by_shows_the_referrer(app: Nurture, make_contact: MakeContact) -> None:
    ann = make_contact("Ann Lee")
    bo = make_contact("Bo Chen", referred_by_id=ann.id)
    assert bo.referred_by is not None
    assert (bo.referred_by.id, bo.referred_by.name) == (ann.id, "Ann Lee")
    app.deletion.delete([ann.id])
    assert app.contacts.card(bo.id).referred_by is None


class TestResolve:
    def test_by_id(self, app: Nurture, make_contact: MakeContact) -> None:
        ann = make_contact("Ann Lee")
        assert app.contacts.resolve(str(ann.id)) == ann.id
        assert app.contacts.resolve(f" {ann.id} ") == ann.id

    def test_by_exact_name_ignoring_case(self, app: Nurture, make_contact: MakeContact) -> None:
        ann = make_contact("Ann Lee")
        make_contact("Ann Leeson")
        assert app.contacts.resolve("ann lee") == ann.id

    def test_by_unambiguous_partial_name(self, app: Nurture, make_contact: MakeContact) -> None:
        jose = make_contact("José Álvarez")
        make_contact("Bo Chen", organization="Jose's Tacos")  # a company is not a name
        assert app.contacts.resolve("jose") == jose.id
        assert app.contacts.resolve("alv") == jose.id

    def test_ambiguous_name(self, app: Nurture, make_contact: MakeContact) -> None:
        first = make_contact("Ann Lee", organization="Acme")
        second = make_contact("Ann Lee", organization="Initech")
        with pytest.raises(AmbiguousError) as raised:
            app.contacts.resolve("Ann Lee")
        # The message lets the user pick by id.
        assert f"id {first.id}" in raised.value.message
        assert f"id {second.id}" in raised.value.message

    def test_ambiguous_partial_name(self, app: Nurture, make_contact: MakeContact) -> None:
        make_contact("Ann Lee")
        make_contact("Anna Park")
        with pytest.raises(AmbiguousError):
            app.contacts.resolve("ann")

    def test_unknown(self, app: Nurture, make_contact: MakeContact) -> None:
        make_contact("Ann Lee")
        with pytest.raises(NotFoundError):
            app.contacts.resolve("Zed")
        with pytest.raises(NotFoundError):
            app.contacts.resolve("9999")
        with pytest.raises(NotFoundError):
            app.contacts.resolve("!!!")

    @pytest.mark.parametrize("reference", ["²", "99999999999999999999"])
    def test_odd_numbers_are_not_found(self, app: Nurture, reference: str) -> None:
        with pytest.raises(NotFoundError):
            app.contacts.resolve(reference)


def test_deleting_a_contact_keeps_interactions_shared_with_others(
    app: Nurture, make_contact: MakeContact
) -> None:
    ann = make_contact("Ann Lee")
    bo = make_contact("Bo Chen")
    alone = app.interactions.log(InteractionKind.CALL, [ann.id], WHEN, notes="just Ann").value
    shared = app.interactions.log(
        InteractionKind.LUNCH, [ann.id, bo.id], WHEN, notes="both of them"
    ).value

    outcome = app.deletion.delete([ann.id])

    assert Area.INTERACTIONS in outcome.changes.areas
    with app.database.read() as session:
        remaining = {i.id for i in session.scalars(select(Interaction))}
    assert remaining == {shared}
    assert alone not in remaining
    card = app.contacts.card(bo.id)
    assert [(i.id, [p.id for p in i.participants]) for i in card.interactions] == [
        (shared, [bo.id])
    ]
    assert card.last_interaction_at == WHEN


def test_deleting_a_contact_removes_what_only_they_had(
    app: Nurture, make_contact: MakeContact
) -> None:
    ann = make_contact("Ann Lee", emails=["ann@acme.com"], tags=("Client",))
    bo = make_contact("Bo Chen")
    app.records.add_date(ann.id, DateKind.BIRTHDAY, PartialDate(None, 3, 1))
    app.network.relate(ann.id, RelationshipKind.COLLEAGUE, bo.id)

    app.deletion.delete([ann.id])

    assert app.contacts.card(bo.id).relationships == ()
    assert app.listing.tags() == [("Client", 0)]
    assert app.listing.ids(ContactQuery(search="acme")) == []
    with app.database.read() as session:
        for table in ("emails", "important_dates", "relationships", "contact_tags"):
            assert session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() == 0


def test_the_card_counts_down_to_each_yearly_date_on_the_users_day(data_dir: Path) -> None:
    def clock() -> datetime:
        return datetime(2027, 2, 20, 12, tzinfo=UTC)

    with Nurture.open(data_dir, clock=clock) as app:
        app.settings.update(leap_day="mar1")
        ann = app.contacts.create(ContactDraft(given_name="Ann", family_name="Lee")).value.id
        app.records.add_date(ann, DateKind.BIRTHDAY, PartialDate(1988, 2, 29))
        app.records.add_date(ann, DateKind.ANNIVERSARY, PartialDate(2015, 2, 20))
        app.records.add_date(ann, DateKind.GRADUATION, PartialDate(2027, 6, None))
        words = {
            d.kind: d.upcoming.countdown if d.upcoming else None
            for d in app.contacts.card(ann).dates
        }
    # 2027 is a common year: with "March 1" a Feb 29 birthday is celebrated on Mar 1.
    assert words == {
        DateKind.BIRTHDAY: "in 9 days · turns 39",
        DateKind.ANNIVERSARY: "today · marks 12",
        DateKind.GRADUATION: None,
    }
