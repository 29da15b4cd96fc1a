"""Which country an address or a phone number names: the country behind a contact's holidays."""

from __future__ import annotations

import pytest

from nurture.domain.countries import (
    country_code,
    country_name,
    country_of_number,
    dialling_prefix,
    spellings_of,
)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("India", "IN"),
        ("  india ", "IN"),
        ("IN", "IN"),
        ("IND", "IN"),
        ("United States", "US"),
        ("USA", "US"),
        ("United Kingdom", "GB"),
        ("UK", "GB"),
        ("England", "GB"),
        ("Deutschland", "DE"),
        ("Viet Nam", "VN"),
        ("Atlantis", ""),
        ("", ""),
    ],
)
def test_an_address_country_is_read_by_name_code_or_common_spelling(typed: str, code: str) -> None:
    assert country_code(typed) == code


def test_names_and_spellings_go_both_ways() -> None:
    assert country_name("IN") == "India"
    assert country_name("us") == "United States"
    assert {"india", "in", "ind"} <= set(spellings_of("IN"))
    assert country_code(country_name("GB")) == "GB"


def test_a_phone_tells_the_country_unless_its_calling_code_is_shared() -> None:
    assert country_of_number("+919876543210") == "IN"
    assert country_of_number("+442071234567") == "GB"
    assert country_of_number("+2348012345678") == "NG"
    assert country_of_number("+14155550123") == "US"  # +1 reads as the United States
    assert dialling_prefix("IN") == "+91"
    assert dialling_prefix("US") == "+1"
    assert dialling_prefix("CA") == ""  # shares +1: found by address only
