"""Normalising what people type into contact points: names, emails and phone numbers."""

from __future__ import annotations

import re

from nurture.errors import ValidationError

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def email_key(address: str) -> str:
    """The form used to match the same address across contacts and imports."""
    return address.strip().lower()


# Someone's address in a form mail may not reach ("contact1@invalid", an intranet "ann@hq"):
# kept, and said, rather than lost.
_LOOSE_EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+$")


def is_loose_email(address: str) -> bool:
    return bool(_LOOSE_EMAIL.match(address.strip()))


def is_email(address: str) -> bool:
    return bool(_EMAIL.match(address.strip()))


def check_email(address: str) -> str:
    value = address.strip()
    if not _EMAIL.match(value):
        raise ValidationError(f"'{address}' is not an email address (like name@example.com).")
    return value


def phone_parts(raw: str, region: str) -> tuple[str, str]:
    """(E.164, national significant number) when the number parses as a possible one, else
    ("", ""): "+14155550123", "4155550123" for "(415) 555-0123" in the US."""
    import phonenumbers  # 20 ms to import; only writes need it, not the app's first paint

    try:
        number = phonenumbers.parse(raw, region or None)
    except phonenumbers.NumberParseException:
        return "", ""
    if not phonenumbers.is_possible_number(number):
        return "", ""
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return str(e164), str(phonenumbers.national_significant_number(number))


def check_phone(raw: str) -> str:
    value = raw.strip()
    if not any(ch.isdigit() for ch in value):
        raise ValidationError(f"'{raw}' is not a phone number: it has no digits.")
    return value


# What a contact with no name, nickname, company, email or phone is called.
NO_NAME = "Unnamed contact"


def display_name(
    given: str,
    middle: str,
    family: str,
    nickname: str,
    organization: str,
    reach: str = "",
    prefix: str = "",
    suffix: str = "",
    shown_as: str = "",
) -> str:
    """The name people see: how the user (or the address book it came from) chose to show
    them; else as they write it ("Dr. Ann Lee", "James Doe Sr."); else the nickname, the
    company, then how to reach them (an email or phone), so a row is never a placeholder when
    something says who it is."""
    if shown_as.strip():
        return shown_as.strip()
    name = " ".join(part for part in (given, middle, family) if part)
    if name:
        return " ".join(part for part in (prefix, name, suffix) if part)
    return nickname or organization or reach or NO_NAME


_WORD = re.compile(r"[^\W_]+")


def shown_as_given(formatted: str, *parts: str) -> str:
    """A producer's formatted name (vCard FN) worth keeping: one with words the name parts do
    not have ("Bob Kowalski" for Robert, "Ann Lee (Acme)"). "Doe, John" or "Mr. John Doe Sr."
    say nothing the parts do not, so the parts (with their titles) show them."""
    words = {w.casefold() for w in _WORD.findall(formatted)}
    known = {w.casefold() for part in parts for w in _WORD.findall(part)}
    return formatted.strip() if words - known else ""


def sort_name(given: str, middle: str, family: str, nickname: str, organization: str) -> str:
    """Family name first, case-folded, so the list reads like an address book; a contact known
    only by a nickname or a company sorts under that, as its name shows."""
    parts = [family, given, middle] if family or given else [nickname or organization]
    return " ".join(p for p in parts if p).casefold()


def split_name(full: str) -> tuple[str, str, str]:
    """(given, middle, family) from one string: the last word is the family name."""
    words = full.split()
    if not words:
        raise ValidationError("A contact needs a name.")
    if len(words) == 1:
        return words[0], "", ""
    if len(words) == 2:
        return words[0], "", words[1]
    return words[0], " ".join(words[1:-1]), words[-1]
