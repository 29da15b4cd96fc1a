"""Reading one contact's whole card: the read side shared by every service that returns it."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from datetime import timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased, selectinload

from nurture.calendar.occasions import next_on
from nurture.calendar.recurrence import first_open
from nurture.db.gifts import Gift, Preference
from nurture.db.network import Introduction, Referral, Relationship
from nurture.db.people import Address, Contact, ImportantDate
from nurture.db.sync_state import SyncConflict
from nurture.db.touches import FollowUp, Interaction, interaction_participants
from nurture.domain.dates import PartialDate
from nurture.domain.dto import (
    AddressValue,
    ContactCard,
    ContactDraft,
    ContactRef,
    EmailValue,
    FollowUpValue,
    GiftValue,
    ImportantDateValue,
    InteractionValue,
    IntroductionValue,
    PhoneValue,
    PreferenceValue,
    ReferralValue,
    RelationshipValue,
    Relative,
    SetAsideValue,
    WebLinkValue,
)
from nurture.domain.enums import (
    DateKind,
    GiftDirection,
    GiftStatus,
    InteractionKind,
    PreferenceCategory,
    Recurrence,
    RelationshipKind,
    WebKind,
)
from nurture.errors import NotFoundError
from nurture.humanize import field_label, field_value
from nurture.services.cadence import DayRules

# The card shows the newest interactions; older ones stay in the database and the timeline.
INTERACTIONS_ON_CARD = 200
# How far ahead a repeating follow-up's next open occurrence is looked for.
_FOLLOW_UP_HORIZON = timedelta(days=800)


def load_card(session: Session, contact_id: int, rules: DayRules) -> ContactCard:
    contact = session.scalar(
        select(Contact)
        .where(Contact.id == contact_id)
        .options(
            selectinload(Contact.emails),
            selectinload(Contact.phones),
            selectinload(Contact.addresses),
            selectinload(Contact.web_links),
            selectinload(Contact.tags),
            selectinload(Contact.dates),
            selectinload(Contact.referred_by),
        )
    )
    if contact is None:
        raise NotFoundError(f"There is no contact with id {contact_id}.")
    horizon = rules.touch.today + _FOLLOW_UP_HORIZON
    return ContactCard(
        id=contact.id,
        uuid=contact.uuid,
        name=contact.display_name,
        draft=contact_draft(contact),
        created_at=contact.created_at,
        last_interaction_at=contact.last_interaction_at,
        today=rules.touch.today,
        keep_in_touch=rules.touch.state(
            contact.keep_in_touch_days,
            [(t.name, t.keep_in_touch_days) for t in contact.tags],
            contact.tier,
            contact.last_interaction_at,
            contact.created_at,
        ),
        referred_by=_ref(contact.referred_by) if contact.referred_by else None,
        dates=tuple(
            date_value(d, rules) for d in sorted(contact.dates, key=lambda d: (d.month, d.day or 0))
        ),
        relationships=(relations := _relationships(session, contact_id)),
        family_dates=_family_dates(session, relations, rules),
        household=_household(session, relations),
        preferences=tuple(
            preference_value(p)
            for p in session.scalars(
                select(Preference)
                .where(Preference.contact_id == contact_id)
                .order_by(Preference.category, Preference.item)
            )
        ),
        gifts=tuple(
            gift_value(g)
            for g in session.scalars(
                select(Gift)
                .where(Gift.contact_id == contact_id)
                .order_by(Gift.given_on.desc().nulls_first(), Gift.id.desc())
            )
        ),
        interactions=_interactions(session, contact_id),
        follow_ups=tuple(
            FollowUpValue(
                f.id,
                f.contact_id,
                f.due_date,
                f.title,
                f.notes,
                f.rrule,
                f.done_at,
                f.snoozed_until,
                f.completed_through,
                first_open(
                    f.due_date, f.rrule, f.completed_through, f.done_at is not None, horizon
                ),
            )
            for f in session.scalars(
                select(FollowUp)
                .where(FollowUp.contact_id == contact_id)
                .order_by(FollowUp.done_at.is_not(None), FollowUp.due_date)
            )
        ),
        introductions=_introductions(session, contact_id),
        referrals=_referrals(session, contact_id),
        has_photo=contact.photo is not None,
        set_aside=_set_aside(session, contact_id),
    )


def _set_aside(session: Session, contact_id: int) -> tuple[SetAsideValue, ...]:
    """The values sync conflicts set aside for this contact, the newest first (the last 20)."""
    rows = session.scalars(
        select(SyncConflict)
        .where(SyncConflict.contact_id == contact_id)
        .order_by(SyncConflict.at.desc(), SyncConflict.id.desc())
        .limit(20)
    )
    return tuple(
        SetAsideValue(
            field_label(row.field),
            field_value(json.loads(row.set_aside)),
            field_value(json.loads(row.kept)),
            row.from_server,
            row.at,
        )
        for row in rows
    )


def date_value(row: ImportantDate, rules: DayRules) -> ImportantDateValue:
    recurrence = Recurrence(row.recurrence)
    upcoming = None
    if recurrence is Recurrence.YEARLY and row.day is not None:
        today = rules.touch.today
        upcoming = next_on(DateKind(row.kind), row.month, row.day, today, rules.leap_day, row.year)
    return ImportantDateValue(
        id=row.id,
        kind=DateKind(row.kind),
        date=PartialDate(row.year, row.month, row.day),
        label=row.label,
        recurrence=recurrence,
        lead_days=row.lead_days,
        upcoming=upcoming,
    )


def _ref(contact: Contact) -> ContactRef:
    return ContactRef(contact.id, contact.display_name)


def contact_draft(contact: Contact) -> ContactDraft:
    return ContactDraft(
        given_name=contact.given_name,
        middle_name=contact.middle_name,
        family_name=contact.family_name,
        prefix=contact.prefix,
        suffix=contact.suffix,
        nickname=contact.nickname,
        shown_as=contact.shown_as,
        organization=contact.organization,
        title=contact.title,
        department=contact.department,
        notes=contact.notes,
        how_we_met=contact.how_we_met,
        met_on=contact.met_on,
        referred_by_id=contact.referred_by_id,
        time_zone=contact.time_zone,
        tier=contact.tier,
        keep_in_touch_days=contact.keep_in_touch_days,
        starred=contact.starred,
        archived=contact.archived,
        is_light=contact.is_light,
        emails=tuple(EmailValue(e.address, e.label, e.is_primary) for e in contact.emails),
        phones=tuple(PhoneValue(p.raw, p.label, p.is_primary, p.e164) for p in contact.phones),
        addresses=tuple(address_value(a) for a in contact.addresses),
        web_links=tuple(
            WebLinkValue(w.url, WebKind(w.kind), w.label, w.is_primary) for w in contact.web_links
        ),
        tags=tuple(t.name for t in contact.tags),
    )


def _relationships(session: Session, contact_id: int) -> tuple[RelationshipValue, ...]:
    other = aliased(Contact)
    rows = session.execute(
        select(Relationship, other)
        .join(
            other,
            or_(
                (Relationship.contact_id == contact_id) & (other.id == Relationship.related_id),
                (Relationship.related_id == contact_id) & (other.id == Relationship.contact_id),
            ),
        )
        .where(or_(Relationship.contact_id == contact_id, Relationship.related_id == contact_id))
        .order_by(Relationship.id)
    )
    values = []
    for relation, person in rows:
        kind = RelationshipKind(relation.kind)
        if relation.contact_id != contact_id:
            kind = kind.inverse
        values.append(RelationshipValue(relation.id, kind, _ref(person), relation.label))
    return tuple(values)


def _family_dates(
    session: Session, relations: tuple[RelationshipValue, ...], rules: DayRules
) -> tuple[tuple[ContactRef, RelationshipKind, ImportantDateValue], ...]:
    kinds = {r.other.id: (r.other, r.kind) for r in relations}
    if not kinds:
        return ()
    found = session.scalars(
        select(ImportantDate)
        .where(ImportantDate.contact_id.in_(list(kinds)))
        .order_by(ImportantDate.month, ImportantDate.day)
    )
    return tuple(
        (
            *kinds[d.contact_id],
            date_value(d, rules),
        )
        for d in found
    )


# The relations whose tastes and gifts matter when choosing a gift for the contact.
HOUSEHOLD = frozenset({RelationshipKind.SPOUSE, RelationshipKind.CHILD, RelationshipKind.PARENT})


def household_gifts(session: Session, card: ContactCard) -> list[tuple[str, list[GiftValue]]]:
    """Every gift of each person in their household (spouse, children, parents), by name."""
    family = {r.other.id: r.other.name for r in card.relationships if r.kind in HOUSEHOLD}
    found: dict[int, list[GiftValue]] = {i: [] for i in family}
    if family:
        for gift in session.scalars(select(Gift).where(Gift.contact_id.in_(list(family)))):
            found[gift.contact_id].append(gift_value(gift))
    return [(family[i], gifts) for i, gifts in found.items()]


def _household(session: Session, relations: tuple[RelationshipValue, ...]) -> tuple[Relative, ...]:
    family = [r for r in relations if r.kind in HOUSEHOLD]
    if not family:
        return ()
    ids = [r.other.id for r in family]
    tastes: dict[int, list[PreferenceValue]] = defaultdict(list)
    for p in session.scalars(
        select(Preference).where(Preference.contact_id.in_(ids)).order_by(Preference.item)
    ):
        tastes[p.contact_id].append(preference_value(p))
    last: dict[int, GiftValue] = {}
    for g in session.scalars(
        select(Gift)
        .where(Gift.contact_id.in_(ids), Gift.direction == GiftDirection.GIVEN.value)
        .order_by(Gift.given_on.desc().nulls_last(), Gift.id.desc())
    ):
        last.setdefault(g.contact_id, gift_value(g))
    return tuple(
        Relative(r.other, r.kind, tuple(tastes[r.other.id]), last.get(r.other.id)) for r in family
    )


def address_value(a: Address) -> AddressValue:
    return AddressValue(a.label, a.street, a.city, a.region, a.postal_code, a.country, a.is_primary)


def preference_value(row: Preference) -> PreferenceValue:
    return PreferenceValue(
        row.id, PreferenceCategory(row.category), row.item, row.detail, row.likes
    )


def gift_value(row: Gift) -> GiftValue:
    return GiftValue(
        row.id,
        GiftDirection(row.direction),
        row.description,
        row.occasion,
        row.given_on,
        row.amount_cents,
        row.currency,
        GiftStatus(row.status),
        row.notes,
        row.campaign_id,
        row.buy_by,
        row.ship_by,
    )


def _interactions(session: Session, contact_id: int) -> tuple[InteractionValue, ...]:
    interactions = list(
        session.scalars(
            select(Interaction)
            .join(interaction_participants)
            .where(interaction_participants.c.contact_id == contact_id)
            .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
            .limit(INTERACTIONS_ON_CARD)
        )
    )
    people: dict[int, list[ContactRef]] = defaultdict(list)
    rows = session.execute(
        select(interaction_participants.c.interaction_id, Contact.id, Contact.display_name)
        .join(Contact, Contact.id == interaction_participants.c.contact_id)
        .where(interaction_participants.c.interaction_id.in_([i.id for i in interactions]))
        .order_by(Contact.sort_name)
    )
    for interaction_id, person_id, name in rows:
        people[interaction_id].append(ContactRef(person_id, name))
    return tuple(
        InteractionValue(
            i.id,
            InteractionKind(i.kind),
            i.occurred_at,
            tuple(people[i.id]),
            i.title,
            i.notes,
            i.ask_about,
        )
        for i in interactions
    )


def names_of(session: Session, ids: set[int]) -> dict[int, ContactRef]:
    """Each contact's id and name, by id."""
    rows = session.execute(select(Contact.id, Contact.display_name).where(Contact.id.in_(ids)))
    return {cid: ContactRef(cid, name) for cid, name in rows}


def _introductions(session: Session, contact_id: int) -> tuple[IntroductionValue, ...]:
    found = list(
        session.scalars(
            select(Introduction)
            .where(
                or_(Introduction.person_a_id == contact_id, Introduction.person_b_id == contact_id)
            )
            .order_by(Introduction.introduced_on.desc())
        )
    )
    return introduction_values(session, found)


def introduction_values(
    session: Session, found: Sequence[Introduction]
) -> tuple[IntroductionValue, ...]:
    names = names_of(session, {i.person_a_id for i in found} | {i.person_b_id for i in found})
    return tuple(
        IntroductionValue(
            i.id,
            names[i.person_a_id],
            names[i.person_b_id],
            i.introduced_on,
            i.reason,
            i.outcome,
            i.agreed,
        )
        for i in found
    )


def _referrals(session: Session, contact_id: int) -> tuple[ReferralValue, ...]:
    found = list(
        session.scalars(
            select(Referral)
            .where(or_(Referral.partner_id == contact_id, Referral.referred_id == contact_id))
            .order_by(Referral.referred_on.desc())
        )
    )
    names = names_of(session, {r.partner_id for r in found} | {r.referred_id for r in found})
    return tuple(
        ReferralValue(
            r.id,
            names[r.partner_id],
            names[r.referred_id],
            r.referred_on,
            r.value_cents,
            r.currency,
            r.notes,
            r.given,
        )
        for r in found
    )
