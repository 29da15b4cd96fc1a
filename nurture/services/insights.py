"""Whom to reconnect with: the day's plan lists a few a week."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import exists, func, or_, select

from nurture.calendar.timing import local_day
from nurture.db.engine import Database
from nurture.db.network import Referral
from nurture.db.people import Contact, Tag, contact_tags
from nurture.db.touches import PlanSkip, interaction_participants
from nurture.domain.dto import ContactRef
from nurture.domain.vocabulary import tier_rank
from nurture.services.settings import SettingsService

# The longest untouched candidates ranked for reconnecting (ranking all at 100,000 would scan).
_RECONNECT_CANDIDATES = 300


@dataclass(frozen=True, slots=True)
class Reconnect:
    contact: ContactRef
    last_interaction_at: datetime | None
    reason: str
    tier: str = ""
    talks: int = 0  # the shared history: interactions with them


class InsightsService:
    def __init__(self, database: Database, settings: SettingsService) -> None:
        self._db = database
        self._settings = settings

    def reconnect(self, now: datetime, limit: int = 10, day: date | None = None) -> list[Reconnect]:
        """Former colleagues, clients and referral sources (by tag, or who referred somebody)
        last touched more than `reconnect_after_days` ago and not put off on the plan: the best tier
        first, then the longest shared history, then the longest untouched. `day`: the day
        planned (today by default)."""
        settings = self._settings.get()
        cutoff = now - timedelta(days=settings.reconnect_after_days)
        tag_names = [t.casefold() for t in settings.reconnect_tags]
        tagged = (
            select(func.group_concat(Tag.name, ", "))
            .join(contact_tags, contact_tags.c.tag_id == Tag.id)
            .where(contact_tags.c.contact_id == Contact.id, func.lower(Tag.name).in_(tag_names))
            .scalar_subquery()
        )
        referred = exists().where(Referral.partner_id == Contact.id, Referral.given.is_(False))
        talks = (
            select(func.count())
            .where(interaction_participants.c.contact_id == Contact.id)
            .scalar_subquery()
        )
        day = day or local_day(now, settings.time_zone)
        put_off = exists().where(PlanSkip.contact_id == Contact.id, PlanSkip.until > day)
        stmt = (
            select(
                Contact.id,
                Contact.display_name,
                Contact.last_interaction_at,
                tagged,
                referred,
                Contact.tier,
                talks,
            )
            .where(Contact.is_light.is_(False), Contact.archived.is_(False), ~put_off)
            # Some shared history, long ago: the oldest first, straight from its index.
            .where(Contact.last_interaction_at < cutoff)
            .where(or_(tagged.is_not(None), referred))
            .order_by(Contact.last_interaction_at)
            # The oldest touches first, from their index: not all 100,000 sorted by the list's.
            .with_hint(Contact, "INDEXED BY ix_contacts_last_interaction_at", "sqlite")
            .limit(_RECONNECT_CANDIDATES)
        )
        with self._db.read() as session:
            rows = session.execute(stmt).all()
        found = [
            Reconnect(
                ContactRef(cid, name),
                last,
                ", ".join(filter(None, [tags, "referred business to you" if gave else ""])),
                tier,
                count,
            )
            for cid, name, last, tags, gave, tier, count in rows
        ]
        found.sort(key=lambda r: (tier_rank(r.tier), -r.talks))  # stable: the oldest first
        return found[:limit]
