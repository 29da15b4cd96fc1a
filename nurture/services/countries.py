"""Where contacts live, in SQL: the one rule (their address's country, else the country their
phone dials — see `domain.countries`) as a filter for the list and as counts per country for the
gift campaigns' holidays."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session

from nurture.db.people import Address, Contact, Phone
from nurture.domain.countries import country_code, country_of_number, dialling_prefix, spellings_of

_HAS_COUNTRY = exists().where(Address.contact_id == Contact.id, Address.country != "")


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


def contacts_per_country(session: Session) -> Counter[str]:
    """How many main contacts (not archived) live in each country, by ISO code."""
    main = and_(Contact.is_light.is_(False), Contact.archived.is_(False))
    living: set[tuple[int, str]] = set()
    for contact_id, country in session.execute(
        select(Address.contact_id, Address.country)
        .join(Contact, Contact.id == Address.contact_id)
        .where(main, Address.country != "")
        .distinct()
    ):
        code = country_code(country)
        if code:
            living.add((contact_id, code))
    for contact_id, dialled in session.execute(
        select(Phone.contact_id, func.substr(Phone.e164, 1, 4))
        .join(Contact, Contact.id == Phone.contact_id)
        .where(main, Phone.e164 != "", ~_HAS_COUNTRY)
        .distinct()
    ):
        code = country_of_number(dialled)
        if code and dialling_prefix(code):
            living.add((contact_id, code))
    return Counter(code for _contact, code in living)
