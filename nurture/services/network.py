"""The referral network: typed relationships, introductions you made, and referrals you got
and gave."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from nurture.db.engine import Database
from nurture.db.gifts import Preference
from nurture.db.network import Introduction, Referral, Relationship
from nurture.db.people import Contact
from nurture.db.touches import FollowUp
from nurture.domain.dto import ContactDraft, ContactRef, PreferenceValue
from nurture.domain.enums import Area, RelationshipKind
from nurture.domain.network_view import NetworkOverview, ReferralPartner
from nurture.errors import NotFoundError, ValidationError
from nurture.services.cards import introduction_values
from nurture.services.contacts import DateEntry, apply_draft, set_dates
from nurture.services.editing import Fields, RecordKind, edit_record, remove_record
from nurture.services.records import TASTE
from nurture.services.settings import SettingsService
from nurture.services.unit_of_work import Outcome, unit_of_work


def _require(session: Session, *contact_ids: int) -> None:
    found = set(session.scalars(select(Contact.id).where(Contact.id.in_(contact_ids))))
    for contact_id in contact_ids:
        if contact_id not in found:
            raise NotFoundError(f"There is no contact with id {contact_id}.")


def _distinct(a: int, b: int, what: str) -> None:
    if a == b:
        raise ValidationError(f"A {what} needs two different people.")


def _day(fields: Fields, name: str, what: str) -> date:
    day = fields[name]
    if not isinstance(day, date):
        raise ValidationError(f"{what} needs a date.")
    return day


def _introduction_columns(fields: Fields) -> Fields:
    return {
        "introduced_on": _day(fields, "introduced_on", "An introduction"),
        "reason": str(fields["reason"]).strip(),
        "outcome": str(fields["outcome"]).strip(),
        "agreed": bool(fields.get("agreed", False)),
    }


def _referral_columns(fields: Fields) -> Fields:
    value = fields["value_cents"]
    if value is not None and value < 0:
        raise ValidationError("A referral's value cannot be negative.")
    return {
        "referred_on": _day(fields, "referred_on", "A referral"),
        "value_cents": value,
        "currency": str(fields["currency"]).strip().upper(),
        "notes": str(fields["notes"]).strip(),
    }


def _both(*columns: str) -> Callable[[Any, Session], list[int]]:
    return lambda row, session: [int(getattr(row, c)) for c in columns]


INTRODUCTION = RecordKind(
    "introduction",
    Area.NETWORK,
    Introduction,
    ("introduced_on", "reason", "outcome", "agreed"),
    _introduction_columns,
    people=_both("person_a_id", "person_b_id"),
)


def _thank_for_business(session: Session, referral: Referral, before: Fields) -> None:
    """A referral received that has just turned into business (it has a value now) leaves a
    follow-up to thank whoever referred it. One you gave is theirs to thank you for."""
    if referral.given or before.get("value_cents") or not referral.value_cents:
        return
    names = dict(
        session.execute(
            select(Contact.id, Contact.display_name).where(
                Contact.id.in_([referral.partner_id, referral.referred_id])
            )
        ).all()
    )
    title = f"Thank {names[referral.partner_id]} for referring {names[referral.referred_id]}"
    session.add(
        FollowUp(contact_id=referral.partner_id, due_date=referral.referred_on, title=title)
    )


REFERRAL = RecordKind(
    "referral",
    Area.NETWORK,
    Referral,
    ("referred_on", "value_cents", "currency", "notes"),
    _referral_columns,
    people=_both("partner_id", "referred_id"),
    edited=_thank_for_business,
)


class NetworkService:
    def __init__(self, database: Database, settings: SettingsService) -> None:
        self._db = database
        self._settings = settings

    def relate(
        self, contact_id: int, kind: RelationshipKind, related_id: int, label: str = ""
    ) -> Outcome[int]:
        """Record that `related` is `contact`'s `kind` (the inverse shows on the other card)."""
        _distinct(contact_id, related_id, "relationship")
        with unit_of_work(self._db, "Link people") as work:
            _require(work.session, contact_id, related_id)
            kind = RelationshipKind(kind)
            existing = work.session.scalar(
                select(Relationship.id).where(
                    or_(
                        (Relationship.contact_id == contact_id)
                        & (Relationship.related_id == related_id)
                        & (Relationship.kind == kind.value),
                        (Relationship.contact_id == related_id)
                        & (Relationship.related_id == contact_id)
                        & (Relationship.kind == kind.inverse.value),
                    )
                )
            )
            if existing is not None:
                return Outcome(existing, work.changes)
            relation = Relationship(
                contact_id=contact_id, related_id=related_id, kind=kind.value, label=label.strip()
            )
            work.session.add(relation)
            work.session.flush()
            work.touch(Area.NETWORK, contact_id, related_id)
        return Outcome(relation.id, work.changes)

    def add_related_person(
        self,
        contact_id: int,
        kind: RelationshipKind,
        person: ContactDraft,
        label: str = "",
        dates: Sequence[DateEntry] = (),
        tastes: Sequence[PreferenceValue] = (),
    ) -> Outcome[int]:
        """Create a light contact (spouse, kid, assistant) already related, with their dates
        and tastes, as one step; returns its id."""
        region = self._settings.get().phone_region
        with unit_of_work(self._db, "Add family") as work:
            _require(work.session, contact_id)
            relative = Contact()
            apply_draft(work.session, relative, person, region)
            relative.is_light = True
            work.session.add(relative)
            work.session.flush()
            set_dates(work.session, relative.id, dates)
            for taste in tastes:
                fields = {
                    "category": taste.category,
                    "item": taste.item,
                    "detail": taste.detail,
                    "likes": taste.likes,
                }
                work.session.add(Preference(contact_id=relative.id, **TASTE.check(fields)))
            work.session.add(
                Relationship(
                    contact_id=contact_id,
                    related_id=relative.id,
                    kind=RelationshipKind(kind).value,
                    label=label.strip(),
                )
            )
            work.touch(Area.CONTACTS, relative.id)
            work.touch(Area.NETWORK, contact_id, relative.id)
        return Outcome(relative.id, work.changes)

    def update_relationship(
        self, relationship_id: int, seen_from: int, kind: RelationshipKind, label: str = ""
    ) -> Outcome[None]:
        """Change what the other person is to `seen_from` (their card's words), and the label."""
        with unit_of_work(self._db, "Edit a relationship") as work:
            relation = work.session.get(Relationship, relationship_id)
            if relation is None:
                raise NotFoundError("That relationship no longer exists.")
            kind = RelationshipKind(kind)
            if relation.related_id == seen_from:  # stored from the other side
                kind = kind.inverse
            elif relation.contact_id != seen_from:
                raise ValidationError("That relationship is not one of this contact's.")
            relation.kind, relation.label = kind.value, label.strip()
            work.touch(Area.NETWORK, relation.contact_id, relation.related_id)
        return Outcome(None, work.changes)

    def unrelate(self, relationship_id: int) -> Outcome[None]:
        with unit_of_work(self._db, "Unlink people") as work:
            relation = work.session.get(Relationship, relationship_id)
            if relation is None:
                raise NotFoundError("That relationship no longer exists.")
            work.touch(Area.NETWORK, relation.contact_id, relation.related_id)
            work.session.delete(relation)
        return Outcome(None, work.changes)

    def introduce(
        self,
        person_a_id: int,
        person_b_id: int,
        on: date,
        reason: str = "",
        outcome: str = "",
        ask_on: date | None = None,
        agreed: bool = False,
    ) -> Outcome[int]:
        """You introduced A to B; with `ask_on`, a follow-up with A that day to ask how it went,
        in the same step."""
        _distinct(person_a_id, person_b_id, "introduction")
        with unit_of_work(self._db, "Introduce") as work:
            _require(work.session, person_a_id, person_b_id)
            fields = {
                "introduced_on": on,
                "reason": reason,
                "outcome": outcome,
                "agreed": agreed,
            }
            intro = Introduction(
                person_a_id=person_a_id, person_b_id=person_b_id, **_introduction_columns(fields)
            )
            work.session.add(intro)
            work.session.flush()
            if ask_on is not None:
                other = work.session.get(Contact, person_b_id)
                title = f"Ask how meeting {other.display_name if other else 'them'} went"
                work.session.add(FollowUp(contact_id=person_a_id, due_date=ask_on, title=title))
                work.touch(Area.FOLLOW_UPS, person_a_id)
            work.touch(Area.NETWORK, person_a_id, person_b_id)
        return Outcome(intro.id, work.changes)

    def record_referral(
        self,
        partner_id: int,
        referred_id: int,
        on: date,
        value_cents: int | None = None,
        currency: str = "",
        notes: str = "",
        given: bool = False,
    ) -> Outcome[int]:
        """Received: `partner_id` sent `referred_id` to you. `given`: you sent `referred_id`
        to `partner_id`."""
        _distinct(partner_id, referred_id, "referral")
        fields = {
            "referred_on": on,
            "value_cents": value_cents,
            "currency": currency,
            "notes": notes,
        }
        columns = _referral_columns(fields)
        with unit_of_work(self._db, "Record a referral") as work:
            _require(work.session, partner_id, referred_id)
            referral = Referral(
                partner_id=partner_id, referred_id=referred_id, given=given, **columns
            )
            work.session.add(referral)
            work.session.flush()
            _thank_for_business(work.session, referral, {})
            work.touch(Area.NETWORK, partner_id, referred_id)
            work.touch(Area.FOLLOW_UPS, partner_id)
        return Outcome(referral.id, work.changes)

    def overview(self, now: datetime, introductions: int = 50) -> NetworkOverview:
        """Everyone business goes between: referrals they sent you (the last twelve months and
        all time, values in the user's currency) beside those you sent them; who of the ones
        sending you business has gone cold; the latest introductions."""
        settings = self._settings.get()
        since = (now - timedelta(days=365)).date()
        cold_before = now - timedelta(days=settings.reconnect_after_days)
        value = case(
            (
                Referral.currency.in_(["", settings.currency]),
                func.coalesce(Referral.value_cents, 0),
            ),
            else_=0,
        )
        received = Referral.given.is_(False)
        recent = received & (Referral.referred_on >= since)
        stmt = (
            select(
                Contact.id,
                Contact.display_name,
                Contact.last_interaction_at,
                func.sum(case((received, 1), else_=0)),
                func.sum(case((received, value), else_=0)),
                func.sum(case((recent, 1), else_=0)),
                func.sum(case((recent, value), else_=0)),
                func.sum(case((received, 0), else_=1)),
            )
            .join(Contact, Contact.id == Referral.partner_id)
            .group_by(Contact.id)
        )
        with self._db.read() as session:
            rows = session.execute(stmt).all()
            intros = session.scalars(
                select(Introduction)
                .order_by(Introduction.introduced_on.desc(), Introduction.id.desc())
                .limit(introductions)
            ).all()
            made = introduction_values(session, intros)
        partners = [
            ReferralPartner(
                ContactRef(cid, name), int(n_recent), int(v_recent), int(n), int(v), int(gave),
                last, last is None or last < cold_before,
            )
            for cid, name, last, n, v, n_recent, v_recent, gave in rows
        ]  # fmt: skip
        partners.sort(key=lambda p: (-p.total_cents, -p.total, -p.given, p.contact.name))
        return NetworkOverview(settings.currency, tuple(partners), made)

    def update_introduction(self, introduction_id: int, **changes: Any) -> Outcome[None]:
        """Change an introduction's introduced_on, reason or outcome ("they signed in May")."""
        return edit_record(self._db, INTRODUCTION, introduction_id, changes)

    def update_referral(self, referral_id: int, **changes: Any) -> Outcome[None]:
        """Change a referral's referred_on, value_cents, currency or notes (which way it went
        and who it was between stay: remove it and record it again to change those)."""
        return edit_record(self._db, REFERRAL, referral_id, changes)

    def remove_introduction(self, introduction_id: int) -> Outcome[None]:
        return remove_record(self._db, INTRODUCTION, introduction_id)

    def remove_referral(self, referral_id: int) -> Outcome[None]:
        return remove_record(self._db, REFERRAL, referral_id)
