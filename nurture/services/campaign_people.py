"""A campaign's recipients, read in a handful of queries whatever their number: what choosing
their gift needs (their gifts, tastes, birthdays, and their household's gifts and tastes) and
where to post it. Loading each one's whole card took 8 ms a recipient, 1.2 s for 150."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nurture.db.gifts import CampaignRecipient, Gift, Preference
from nurture.db.network import Relationship
from nurture.db.people import Address, Contact, ImportantDate
from nurture.domain.dto import AddressValue, ContactRef, GiftValue, PreferenceValue
from nurture.domain.enums import DateKind, RelationshipKind
from nurture.services.cards import HOUSEHOLD, address_value, gift_value, preference_value


@dataclass(slots=True)
class RecipientFacts:
    contact: ContactRef
    tier: str
    gifts: list[GiftValue] = field(default_factory=list)  # the newest first, as on the card
    tastes: list[PreferenceValue] = field(default_factory=list)
    birthdays: list[tuple[int, int]] = field(default_factory=list)  # (month, day)
    # Their household (spouse, children, parents): who, what they are to them, their gifts
    # and tastes.
    household: list[tuple[ContactRef, RelationshipKind, list[GiftValue], list[PreferenceValue]]] = (
        field(default_factory=list)
    )


def _recipients(campaign_id: int) -> Any:
    return select(CampaignRecipient.contact_id).where(CampaignRecipient.campaign_id == campaign_id)


def read_recipients(session: Session, campaign_id: int) -> list[RecipientFacts]:
    """Everyone on the campaign, in the list's order."""
    ids = _recipients(campaign_id)
    people = {
        cid: RecipientFacts(ContactRef(cid, name), tier)
        for cid, name, tier in session.execute(
            select(Contact.id, Contact.display_name, Contact.tier)
            .where(Contact.id.in_(ids))
            .order_by(Contact.sort_name)
        )
    }
    family: list[tuple[int, int, RelationshipKind]] = []  # (recipient, relative, kind)
    for mine, other, kind in session.execute(
        select(Relationship.contact_id, Relationship.related_id, Relationship.kind)
        .where(Relationship.contact_id.in_(ids))
        .order_by(Relationship.id)
    ):
        family.append((mine, other, RelationshipKind(kind)))
    for mine, other, kind in session.execute(  # the row points the other way: its inverse
        select(Relationship.related_id, Relationship.contact_id, Relationship.kind)
        .where(Relationship.related_id.in_(ids))
        .order_by(Relationship.id)
    ):
        family.append((mine, other, RelationshipKind(kind).inverse))
    family = [(mine, other, kind) for mine, other, kind in family if kind in HOUSEHOLD]
    relatives = {other for _mine, other, _kind in family}
    names = dict(
        session.execute(
            select(Contact.id, Contact.display_name).where(Contact.id.in_(relatives))
        ).all()
    )
    everyone = [*people, *relatives]
    gifts: dict[int, list[GiftValue]] = defaultdict(list)
    for gift in session.scalars(
        select(Gift)
        .where(Gift.contact_id.in_(everyone))
        .order_by(Gift.given_on.desc().nulls_first(), Gift.id.desc())
    ):
        gifts[gift.contact_id].append(gift_value(gift))
    tastes: dict[int, list[PreferenceValue]] = defaultdict(list)
    for taste in session.scalars(
        select(Preference)
        .where(Preference.contact_id.in_(everyone))
        .order_by(Preference.category, Preference.item)
    ):
        tastes[taste.contact_id].append(preference_value(taste))
    for cid, month, day in session.execute(
        select(ImportantDate.contact_id, ImportantDate.month, ImportantDate.day).where(
            ImportantDate.contact_id.in_(ids), ImportantDate.kind == DateKind.BIRTHDAY.value
        )
    ):
        if day is not None:  # "a birthday in May" gives no day to send on
            people[cid].birthdays.append((month, day))
    for cid, person in people.items():
        person.gifts, person.tastes = gifts[cid], tastes[cid]
    for mine, other, kind in family:
        people[mine].household.append(
            (ContactRef(other, names[other]), kind, gifts[other], tastes[other])
        )
    return list(people.values())


def postal_addresses(
    session: Session, campaign_id: int
) -> list[tuple[ContactRef, list[AddressValue]]]:
    """Each recipient (in the list's order) with their postal addresses, in the card's order."""
    people: dict[int, tuple[ContactRef, list[AddressValue]]] = {
        cid: (ContactRef(cid, name), [])
        for cid, name in session.execute(
            select(Contact.id, Contact.display_name)
            .where(Contact.id.in_(_recipients(campaign_id)))
            .order_by(Contact.sort_name)
        )
    }
    for a in session.scalars(
        select(Address)
        .where(Address.contact_id.in_(_recipients(campaign_id)))
        .order_by(Address.position, Address.id)
    ):
        people[a.contact_id][1].append(address_value(a))
    return list(people.values())
