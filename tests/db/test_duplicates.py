"""The duplicate finder at scale: blocks by key, strongest evidence first, big families too."""

from __future__ import annotations

import random
from string import ascii_lowercase

import pytest

from nurture.app import Nurture
from nurture.domain.dto import ContactDraft
from nurture.services.importing import ImportOptions
from tests.conftest import MakeContact


@pytest.fixture
def us(app: Nurture) -> Nurture:
    app.settings.update(phone_region="US")
    return app


def reasons(app: Nurture, limit: int | None = 1000) -> list[tuple[str, ...]]:
    """(name, name, reason) of each pair found, in the finder's order."""
    return [(*sorted((p.first.name, p.second.name)), p.reason) for p in app.duplicates.find(limit)]


def test_the_strongest_reasons_come_first_and_the_limit_keeps_them(
    us: Nurture, make_contact: MakeContact
) -> None:
    make_contact("John Smith")  # the similar pair is the oldest: it still comes last
    make_contact("Jon Smith")
    make_contact("Ann Lee")
    make_contact("ann lee")
    make_contact("Raj Patel", phones=["(415) 555-0101"])
    make_contact("Rajesh Patel", phones=["+1 415 555 0101"])

    assert reasons(us) == [
        ("Raj Patel", "Rajesh Patel", "same phone +14155550101"),
        ("Ann Lee", "ann lee", "same name"),
        ("John Smith", "Jon Smith", "similar name"),
    ]
    assert reasons(us, limit=2) == reasons(us)[:2]


def test_a_similar_name_in_a_big_family_is_found(us: Nurture) -> None:
    """Five hundred Smiths (an imported address book): Jon and John are still paired."""
    letters = random.Random(17)
    given = ["".join(letters.choices(ascii_lowercase, k=9)).title() for _ in range(500)]
    rows = "".join(f"{name},Smith\n" for name in [*given, "Jon", "John"])
    source = us.importing.open(f"First Name,Last Name\n{rows}".encode(), "smiths.csv")
    assert us.importing.run(source, ImportOptions()).value.created == 502

    assert reasons(us, limit=None) == [("John Smith", "Jon Smith", "similar name")]


def test_the_same_name_is_found_whatever_field_holds_it(us: Nurture) -> None:
    us.contacts.create(ContactDraft(given_name="Sam", family_name="Lee"))
    us.contacts.create(ContactDraft(given_name="Sam Lee"))  # a one-column import

    assert reasons(us) == [("Sam Lee", "Sam Lee", "same name")]


def test_archived_and_light_namesakes_are_not_paired_by_name(
    us: Nurture, make_contact: MakeContact
) -> None:
    make_contact("Ann Lee")
    make_contact("Ann Lee", archived=True)
    make_contact("Ann Lee", is_light=True)
    make_contact("Bo Chan", emails=["bo@chan.example"])
    make_contact("Bo Chan", emails=["bo@chan.example"], archived=True)

    assert reasons(us) == [("Bo Chan", "Bo Chan", "same email bo@chan.example")]


def test_a_pair_marked_distinct_never_comes_back_nor_counts_toward_the_limit(
    us: Nurture, make_contact: MakeContact
) -> None:
    first = make_contact("Ann Lee", emails=["ann@lee.example"])
    second = make_contact("Ann Lee", emails=["ann@lee.example"])
    make_contact("Bo Chan")
    make_contact("Bo Chan")
    us.duplicates.not_duplicates(second.id, first.id)

    assert reasons(us, limit=1) == [("Bo Chan", "Bo Chan", "same name")]
