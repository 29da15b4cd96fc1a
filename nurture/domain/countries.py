"""Which country a contact lives in, as an ISO 3166 code: the country of their address (typed
as a name, "India", or a code, "IN"), else the country their phone number dials.

Names come from the `holidays` package's registry (the countries whose holidays it knows are the
ones a gift campaign can use), plus the spellings address books commonly hold that it lacks.
A phone tells the country only when its calling code belongs to one country first: +1 is read
as the United States, so Canada and the Caribbean are found by address only.
"""

from __future__ import annotations

import re
from functools import cache

import phonenumbers

# Spellings seen in exported address books that the registry does not hold.
_ALIASES = {
    "usa": "US", "u.s.": "US", "u.s.a.": "US", "united states of america": "US", "america": "US",
    "uk": "GB", "u.k.": "GB", "great britain": "GB", "england": "GB", "scotland": "GB",
    "wales": "GB", "northern ireland": "GB", "deutschland": "DE", "españa": "ES",
    "brasil": "BR", "italia": "IT", "polska": "PL", "nippon": "JP", "日本": "JP", "中国": "CN",
    "people's republic of china": "CN", "prc": "CN", "bharat": "IN", "schweiz": "CH",
    "suisse": "CH", "österreich": "AT", "nederland": "NL", "holland": "NL", "méxico": "MX",
    "viet nam": "VN", "côte d'ivoire": "CI", "korea": "KR", "republic of korea": "KR",
}  # fmt: skip


def _words(camel: str) -> str:
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", camel).casefold()


@cache
def _registry() -> dict[str, tuple[str, ...]]:
    from holidays.registry import COUNTRIES  # imports `holidays`: only when a country is asked

    return COUNTRIES


@cache
def _by_spelling() -> dict[str, str]:
    spellings: dict[str, str] = {}
    for module, (class_name, alpha2, alpha3, *more) in _registry().items():
        for spelling in (module.replace("_", " "), _words(class_name), alpha2, alpha3, *more):
            if not spelling.startswith("Holidays"):
                spellings.setdefault(spelling.casefold(), alpha2)
    spellings.update(_ALIASES)
    return spellings


@cache
def _names() -> dict[str, str]:
    return {alpha2: _words(class_name).title() for class_name, alpha2, *_ in _registry().values()}


def country_code(text: str) -> str:
    """The ISO code of a country typed as "India", "india", "IN" or "IND": "IN"; "" when the
    text names no country we know."""
    return _by_spelling().get(text.strip().casefold(), "")


def country_name(code: str) -> str:
    """The English name of a country: "IN" -> "India"; the code itself for a country the
    registry does not hold."""
    return _names().get(code.upper(), code.upper())


def spellings_of(code: str) -> list[str]:
    """Every spelling (casefolded) an address may give `code`'s country by."""
    return [spelling for spelling, alpha2 in _by_spelling().items() if alpha2 == code.upper()]


def dialling_prefix(code: str) -> str:
    """The E.164 prefix of numbers in a country: "IN" -> "+91"; "" when the calling code is
    shared and another country comes first for it (Canada's +1), or unknown."""
    calling = phonenumbers.country_code_for_region(code.upper())
    if not calling or phonenumbers.region_code_for_country_code(calling) != code.upper():
        return ""
    return f"+{calling}"


def calling_code_lengths() -> dict[int, list[str]]:
    """The calling codes by length in digits: {1: ["1", "7"], 2: ["20", "27", ...], 3: ...}
    (no code is the start of another, so a number's first digits name one)."""
    lengths: dict[int, list[str]] = {}
    for code in phonenumbers.COUNTRY_CODE_TO_REGION_CODE:
        lengths.setdefault(len(str(code)), []).append(str(code))
    return lengths


def country_of_calling_code(code: str) -> str:
    """The first country of a calling code: "91" -> "IN" ("" for a non-geographic one)."""
    region = phonenumbers.region_code_for_country_code(int(code or 0))
    return "" if region in (phonenumbers.UNKNOWN_REGION, "001") else str(region)


def country_of_number(e164: str) -> str:
    """The first country of a number's calling code: "+919876543210" -> "IN"."""
    digits = e164.lstrip("+")
    for length in (1, 2, 3):
        if country := country_of_calling_code(digits[:length]):
            return country
    return ""
