"""What people type into a card becomes clean contact points and names."""

from __future__ import annotations

import pytest

from nurture.contact_points import (
    check_email,
    check_phone,
    display_name,
    email_key,
    phone_parts,
    sort_name,
    split_name,
)
from nurture.errors import ValidationError


@pytest.mark.parametrize(
    ("raw", "region", "expected"),
    [
        ("(415) 555-0123", "US", "+14155550123"),
        ("415.555.0123", "US", "+14155550123"),
        ("1-415-555-0123", "US", "+14155550123"),
        ("+1 415 555 0123", "US", "+14155550123"),
        ("+44 20 7946 0958", "US", "+442079460958"),  # a foreign number keeps its country
        ("020 7946 0958", "GB", "+442079460958"),  # the region reads national numbers
        ("+49 30 901820", "US", "+4930901820"),
        ("+33 1 42 68 53 00", "US", "+33142685300"),
    ],
)
def test_phone_numbers_are_normalised_to_e164(raw: str, region: str, expected: str) -> None:
    e164, national = phone_parts(raw, region)
    assert e164 == expected
    assert expected.endswith(national)


@pytest.mark.parametrize(
    ("raw", "region"),
    [
        ("garbage", "US"),
        ("", "US"),
        ("12", "US"),  # too short to be anybody's number
        ("555 0123 4567 8901 2345", "US"),  # too long
        ("020 7946 0958", ""),  # national number with no region to read it by
    ],
)
def test_numbers_that_cannot_be_read_give_no_e164(raw: str, region: str) -> None:
    assert phone_parts(raw, region) == ("", "")


def test_a_phone_is_kept_as_typed_when_it_has_digits() -> None:
    assert check_phone("  ext. 42 at the office ") == "ext. 42 at the office"
    with pytest.raises(ValidationError):
        check_phone("call me")
    with pytest.raises(ValidationError):
        check_phone("")


@pytest.mark.parametrize(
    "address", ["ann@example.com", "ann.lee+crm@mail.example.co.uk", "  ANN@Example.COM "]
)
def test_valid_emails_are_accepted_and_trimmed(address: str) -> None:
    assert check_email(address) == address.strip()


@pytest.mark.parametrize(
    "address", ["", "ann", "ann@", "@example.com", "ann@example", "ann lee@example.com", "a@b@c.d"]
)
def test_invalid_emails_are_refused(address: str) -> None:
    with pytest.raises(ValidationError, match="not an email address"):
        check_email(address)


def test_email_key_matches_addresses_regardless_of_case_and_spaces() -> None:
    assert email_key("  Ann.Lee@Example.COM ") == email_key("ann.lee@example.com")


@pytest.mark.parametrize(
    ("full", "parts"),
    [
        ("Cher", ("Cher", "", "")),
        ("Ann Lee", ("Ann", "", "Lee")),
        ("  Ann   Lee  ", ("Ann", "", "Lee")),
        ("John Ronald Reuel Tolkien", ("John", "Ronald Reuel", "Tolkien")),
        ("José Ñúñez", ("José", "", "Ñúñez")),
    ],
)
def test_split_name_takes_the_last_word_as_family_name(
    full: str, parts: tuple[str, str, str]
) -> None:
    assert split_name(full) == parts


@pytest.mark.parametrize("blank", ["", "   ", "\t\n"])
def test_a_contact_needs_a_name(blank: str) -> None:
    with pytest.raises(ValidationError):
        split_name(blank)


def test_display_name_falls_back_from_name_to_nickname_company_and_email() -> None:
    assert display_name("Ann", "Marie", "Lee", "Annie", "Acme") == "Ann Marie Lee"
    assert display_name("Ann", "", "", "Annie", "Acme") == "Ann"
    assert display_name("", "", "", "Annie", "Acme") == "Annie"
    assert display_name("", "", "", "", "Acme") == "Acme"
    assert display_name("", "", "", "", "", "ann@example.com") == "ann@example.com"
    assert display_name("", "", "", "", "") == "Unnamed contact"


def test_sort_name_puts_the_family_name_first_case_folded() -> None:
    assert sort_name("Ann", "Marie", "Lee", "Annie", "Acme") == "lee ann marie"
    assert sort_name("Cher", "", "", "", "") == "cher"
    assert sort_name("", "", "", "", "Acme Corp") == "acme corp"
    assert sort_name("", "", "", "Zorro", "Acme Corp") == "zorro"
    assert sort_name("Hans", "", "STRAẞE", "", "") == "strasse hans"
    names = [("Zoe", "", "Adams"), ("Adam", "", "Young"), ("bob", "", "adams")]
    ordered = sorted(names, key=lambda n: sort_name(n[0], n[1], n[2], "", ""))
    assert ordered == [("bob", "", "adams"), ("Zoe", "", "Adams"), ("Adam", "", "Young")]
