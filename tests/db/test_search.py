"""Finding people by anything: names, company, contact points, notes, preferences and tags."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest

from nurture.app import Nurture
from nurture.domain.dto import ContactCard, ContactDraft, EmailValue, PhoneValue
from nurture.domain.enums import ContactSort, InteractionKind, PreferenceCategory, RelationshipKind
from nurture.services.listing import ContactQuery
from tests.conftest import MakeContact


def _found(app: Nurture, text: str, **options: object) -> set[str]:
    query = ContactQuery(search=text, **options)  # type: ignore[arg-type]
    names = {s.name for s in app.listing.page(query, limit=1000)}
    assert app.listing.count(query) == len(names)
    assert set(app.listing.ids(query)) == {s.id for s in app.listing.page(query, limit=1000)}
    return names


@pytest.fixture
def people(app: Nurture, make_contact: MakeContact) -> dict[str, ContactCard]:
    ann = make_contact(
        "Ann Lee",
        organization="Acme Rockets",
        title="CFO",
        emails=["ann.lee@acme.example"],
        phones=["(415) 555-0123"],
        notes="Met at the Newport regatta",
        tags=("Golf",),
    )
    app.records.add_preference(ann.id, PreferenceCategory.DRINK, "Scotch", "Highland single malt")
    bo = make_contact("Bo Chen", organization="Initech", phones=["+44 20 7946 0958"])
    app.records.add_preference(bo.id, PreferenceCategory.FOOD, "Dark chocolate", "70% or more")
    jose = make_contact("José Álvarez", nickname="Pepe", emails=["pepe@tacos.example"])
    return {"ann": ann, "bo": bo, "jose": jose}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ann", {"Ann Lee"}),
        ("Lee", {"Ann Lee"}),
        ("ann lee", {"Ann Lee"}),
        ("lee ann", {"Ann Lee"}),  # words in any order
        ("acme", {"Ann Lee"}),
        ("rock", {"Ann Lee"}),  # prefixes
        ("cfo", {"Ann Lee"}),
        ("initech", {"Bo Chen"}),
        ("ann.lee@acme.example", {"Ann Lee"}),
        ("pepe@tacos", {"José Álvarez"}),
        ("4155550123", {"Ann Lee"}),
        ("415", {"Ann Lee"}),
        ("+14155550123", {"Ann Lee"}),
        ("(415) 555-0123", {"Ann Lee"}),
        ("442079460958", {"Bo Chen"}),
        ("regatta", {"Ann Lee"}),
        ("newport", {"Ann Lee"}),
        ("scotch", {"Ann Lee"}),
        ("highland malt", {"Ann Lee"}),
        ("dark chocolate", {"Bo Chen"}),
        ("dark choc", {"Bo Chen"}),
        ("chocolate dark", {"Bo Chen"}),
        ("golf", {"Ann Lee"}),
        ("pepe", {"José Álvarez"}),
        ("jose", {"José Álvarez"}),  # diacritics do not matter, either way
        ("JOSÉ", {"José Álvarez"}),
        ("alvarez", {"José Álvarez"}),
        ("ÁLVAREZ", {"José Álvarez"}),
        ("ann initech", set()),  # every word must match the same person
        ("zebra", set()),
    ],
)
def test_search_finds_people_by_anything(
    app: Nurture, people: dict[str, ContactCard], text: str, expected: set[str]
) -> None:
    assert _found(app, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"', set()),
        ("*", set()),
        ("()", set()),
        ("-", set()),
        ("^:", set()),
        ("AND", set()),
        ('"ann', {"Ann Lee"}),
        ("ann*", {"Ann Lee"}),
        ("-ann", {"Ann Lee"}),
        ("lee OR chen", set()),  # OR is a word here, not an operator
        ("NEAR(ann lee)", set()),
    ],
)
def test_search_syntax_in_the_query_is_plain_text(
    app: Nurture, people: dict[str, ContactCard], text: str, expected: set[str]
) -> None:
    # Never an FTS5 syntax error: punctuation alone finds nothing, words are still words.
    assert _found(app, text) == expected


def test_blank_search_lists_everybody(app: Nurture, people: dict[str, ContactCard]) -> None:
    assert _found(app, "   ") == {"Ann Lee", "Bo Chen", "José Álvarez"}


def test_a_search_reaches_family_but_the_list_and_archived_stay_as_asked(
    app: Nurture, make_contact: MakeContact
) -> None:
    make_contact("Sam Smith")
    make_contact("Sally Smith", is_light=True)
    make_contact("Saul Smith", archived=True)

    assert _found(app, "smith") == {"Sam Smith", "Sally Smith"}  # family is found by search
    assert _found(app, "smith", include_light=True) == {"Sam Smith", "Sally Smith"}
    assert _found(app, "smith", include_archived=True) == {"Sam Smith", "Sally Smith", "Saul Smith"}
    assert _found(app, "", include_light=True, include_archived=True) == {
        "Sam Smith",
        "Sally Smith",
        "Saul Smith",
    }
    assert app.listing.count(ContactQuery()) == 1  # the list itself: main contacts only


def test_a_found_relative_says_whose_family_and_why_they_were_found(
    app: Nurture, make_contact: MakeContact
) -> None:
    robert = make_contact("Robert Hughes").id
    claire = app.network.add_related_person(
        robert, RelationshipKind.SPOUSE, ContactDraft(given_name="Claire", family_name="Hughes")
    ).value
    app.records.add_preference(claire, PreferenceCategory.FOOD, "Valrhona dark chocolate")
    (by_taste,) = app.listing.page(ContactQuery(search="valrhona"))
    assert (by_taste.id, by_taste.relative_of) == (claire, "Robert Hughes's spouse/partner")
    assert by_taste.found_by == "taste: food Valrhona dark chocolate"
    by_name = {s.id: s for s in app.listing.page(ContactQuery(search="claire"))}
    assert by_name[claire].found_by == ""  # the name says it
    (again,) = app.listing.summaries([claire], "valrhona")  # a repainted row keeps its reason
    assert again.found_by == by_taste.found_by


def test_starred_only_and_tag_filters_combine_with_search(
    app: Nurture, make_contact: MakeContact
) -> None:
    make_contact("Ann Lee", starred=True, tags=("Client",))
    make_contact("Ann Park", tags=("Client",))
    make_contact("Bo Chen", starred=True)

    assert _found(app, "", starred_only=True) == {"Ann Lee", "Bo Chen"}
    assert _found(app, "ann", tag="client") == {"Ann Lee", "Ann Park"}
    assert _found(app, "ann", tag="client", starred_only=True) == {"Ann Lee"}
    assert _found(app, "", tag="nobody has this") == set()


def test_sorting(app: Nurture, make_contact: MakeContact) -> None:
    zed = make_contact("Zed Adams", organization="Initech", title="cto").id
    amy = make_contact("Amy Young", organization="acme", title="Buyer").id
    bob = make_contact("Bob Brown", organization="Zeta", title="Architect").id
    cam = make_contact("Cam Brown", title="Zookeeper").id
    start = datetime(2024, 1, 1, tzinfo=UTC)
    app.interactions.log(InteractionKind.CALL, [amy], start)
    app.interactions.log(InteractionKind.CALL, [zed], start + timedelta(days=2))
    app.interactions.log(InteractionKind.CALL, [bob], start + timedelta(days=1))

    def ids(sort: ContactSort, descending: bool = False) -> list[int]:
        return app.listing.ids(ContactQuery(sort=sort, descending=descending))

    assert ids(ContactSort.NAME) == [zed, bob, cam, amy]  # family name, then given name
    assert ids(ContactSort.NAME, descending=True) == [amy, cam, bob, zed]
    assert ids(ContactSort.ORGANIZATION) == [cam, amy, zed, bob]  # ignoring case
    assert ids(ContactSort.TITLE) == [bob, amy, zed, cam]
    # Never-contacted people come last either way.
    assert ids(ContactSort.LAST_INTERACTION) == [amy, bob, zed, cam]
    assert ids(ContactSort.LAST_INTERACTION, descending=True) == [zed, bob, amy, cam]
    assert ids(ContactSort.CREATED) == [zed, amy, bob, cam]
    assert [s.id for s in app.listing.page(ContactQuery(), offset=1, limit=2)] == [bob, cam]
    assert [s.id for s in app.listing.summaries([amy, 12345, zed])] == [amy, zed]


def test_a_nickname_only_contact_sorts_by_its_nickname(
    app: Nurture, make_contact: MakeContact
) -> None:
    make_contact("Amy Adams")
    make_contact(nickname="Zorro")
    assert [s.name for s in app.listing.page(ContactQuery())] == ["Amy Adams", "Zorro"]


@pytest.mark.parametrize("raw", ["+1 415 555 0123", "1-415-555-0123", "415/555/0123"])
def test_a_us_number_is_found_by_its_ten_digits(
    app: Nurture, make_contact: MakeContact, raw: str
) -> None:
    make_contact("Ann Lee", phones=[raw])
    assert _found(app, "4155550123") == {"Ann Lee"}


def test_summaries_carry_what_the_list_shows(app: Nurture, make_contact: MakeContact) -> None:
    ann = make_contact(
        "Ann Lee",
        organization="Acme",
        title="CFO",
        emails=["ann@acme.example", "ann@home.example"],
        phones=["(415) 555-0123", "not parseable 123"],
        tags=("b-tag", "A-tag"),
        keep_in_touch_days=14,
    )
    (summary,) = app.listing.page(ContactQuery())
    assert summary.id == ann.id
    assert (summary.name, summary.organization, summary.title) == ("Ann Lee", "Acme", "CFO")
    assert summary.emails == ("ann@acme.example", "ann@home.example")
    assert summary.phones == ("+14155550123", "not parseable 123")
    assert set(summary.tags) == {"A-tag", "b-tag"}
    assert summary.keep_in_touch is not None
    assert summary.keep_in_touch.cadence.days == 14
    assert summary.keep_in_touch.never_touched
    assert summary.last_interaction_at is None


def test_the_index_follows_updates_and_deletes(app: Nurture, make_contact: MakeContact) -> None:
    ann = make_contact("Ann Lee", organization="Acme", tags=("Golf",))
    assert _found(app, "acme") == {"Ann Lee"}

    app.contacts.update(
        ann.id, dataclasses.replace(ann.draft, family_name="Park", organization="Initech")
    )
    assert _found(app, "acme") == set()
    assert _found(app, "lee") == set()
    assert _found(app, "park initech") == {"Ann Park"}

    app.contacts.add_tags([ann.id], ["Sailing"])
    assert _found(app, "sailing") == {"Ann Park"}
    app.contacts.remove_tags([ann.id], ["golf"])
    assert _found(app, "golf") == set()

    pref = app.records.add_preference(ann.id, PreferenceCategory.DRINK, "Scotch").value
    assert _found(app, "scotch") == {"Ann Park"}
    app.records.remove_preference(pref)
    assert _found(app, "scotch") == set()

    app.deletion.delete([ann.id])
    assert _found(app, "park") == set()
    assert _found(app, "sailing") == set()


def test_search_by_a_contact_point_added_in_an_update(
    app: Nurture, make_contact: MakeContact
) -> None:
    ann = make_contact("Ann Lee", emails=["ann@old.example"])
    app.contacts.update(
        ann.id,
        dataclasses.replace(
            ann.draft,
            emails=(EmailValue("ann@new.example"),),
            phones=(PhoneValue("212-555-0199"),),
        ),
    )
    assert _found(app, "ann@new.example") == {"Ann Lee"}
    assert _found(app, "2125550199") == {"Ann Lee"}
    assert _found(app, "old.example") == set()


def test_a_word_deep_in_a_note_is_shown_with_a_few_words_around_it(
    app: Nurture, make_contact: MakeContact
) -> None:
    note = "Met at the Hamburg trade fair in 2019; his partner Jürgen Müller runs the plant there."
    make_contact("Theo Brandt", notes=note)
    (found,) = app.listing.page(ContactQuery(search="muller"))  # accents aside, as the index
    assert found.found_by == "note: …partner Jürgen Müller runs the plant…"
    (found,) = app.listing.page(ContactQuery(search="hamburg fair"))
    assert found.found_by == "note: …at the Hamburg trade fair in…"
