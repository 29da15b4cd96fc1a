"""Where contacts live, in SQL: the one rule (their address's country, else the country their
phone dials — see `domain.countries`) as a filter for the list and as counts per country for the
gift campaigns' holidays."""

from __future__ import annotations

from collections import Counter
from functools import cache
from typing import Any

from sqlalchemy import and_, case, exists, func, or_, select
from sqlalchemy.orm import Session

from nurture.db.people import Address, Contact, Phone
from nurture.domain.countries import (
    calling_code_lengths,
    country_code,
    country_of_calling_code,
    dialling_prefix,
    spellings_of,
)

_HAS_COUNTRY = exists().where(Address.contact_id == Contact.id, Address.country != "")
_MAIN = and_(Contact.is_light.is_(False), Contact.archived.is_(False))


def lives_in(code: str) -> Any:
    """A WHERE clause: the contact lives in the country `code` ("IN")."""
    by_address = exists().where(
        Address.contact_id == Contact.id,
        func.lower(Address.country).in_(spellings_of(code) or [""]),
    )
    prefix = dialling_prefix(code)
    if not prefix:
        return by_address
    by_phone = exists().where(Phone.contact_id == Contact.id, Phone.e164.startswith(prefix))
    return or_(by_address, and_(~_HAS_COUNTRY, by_phone))


@cache
def _calling_code() -> Any:
    """A number's calling code, in SQL: its first one, two or three digits, whichever is a
    calling code (none is the start of another)."""
    lengths = calling_code_lengths()
    first = [(func.substr(Phone.e164, 2, n).in_(lengths[n]), n) for n in (1, 2)]
    return case(
        *((test, func.substr(Phone.e164, 2, n)) for test, n in first),
        else_=func.substr(Phone.e164, 2, 3),
    )


def contacts_per_country(session: Session) -> Counter[str]:
    """How many main contacts (not archived) live in each country, by ISO code; counted in SQL
    (a contact with two addresses in one country, or spelled two ways, counts once)."""
    spelled = [
        (spelling, code)
        for (spelling,) in session.execute(
            select(func.lower(Address.country)).where(Address.country != "").distinct()
        )
        if (code := country_code(spelling))
    ]
    found: Counter[str] = Counter()
    if spelled:
        code_of = case(*((func.lower(Address.country) == s, code) for s, code in spelled), else_="")
        for code, people in session.execute(
            select(code_of, func.count(func.distinct(Address.contact_id)))
            .join(Contact, Contact.id == Address.contact_id)
            .where(_MAIN, Address.country != "")
            .group_by(code_of)
        ):
            if code:
                found[code] += people
    calling = _calling_code()
    for code, people in session.execute(
        select(calling, func.count(func.distinct(Phone.contact_id)))
        .join(Contact, Contact.id == Phone.contact_id)
        .where(_MAIN, Phone.e164 != "", ~_HAS_COUNTRY)
        .group_by(calling)
    ):
        country = country_of_calling_code(code)
        if country and dialling_prefix(country):
            found[country] += people
    return found
