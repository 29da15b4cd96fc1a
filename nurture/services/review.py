"""The year in review (`nurture review`, the Review page and its printable PDF), counted from
the same records and rules as the Gifts and Network pages."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import case, extract, func, select
from sqlalchemy.orm import Session

from nurture.db.engine import Database
from nurture.db.network import Introduction, Referral
from nurture.db.people import Contact
from nurture.db.touches import Interaction, interaction_participants
from nurture.domain.dto import ContactRef
from nurture.domain.review import YearReview
from nurture.domain.vocabulary import tier_rank
from nurture.services.campaigns import CampaignsService
from nurture.services.settings import SettingsService


class ReviewService:
    def __init__(
        self, database: Database, settings: SettingsService, campaigns: CampaignsService
    ) -> None:
        self._db = database
        self._settings = settings
        self._campaigns = campaigns

    def year(self, year: int) -> YearReview:
        currency = self._settings.get().currency
        first, last = date(year, 1, 1), date(year, 12, 31)
        start = datetime(year, 1, 1, tzinfo=UTC)
        end = datetime(year + 1, 1, 1, tzinfo=UTC)
        with self._db.read() as session:
            not_seen: dict[str, list[ContactRef]] = {}
            touched = _touched_in(session, start, end)
            for cid, name, tier in session.execute(
                select(Contact.id, Contact.display_name, Contact.tier)
                .where(Contact.is_light.is_(False), Contact.archived.is_(False))
                .where(Contact.tier != "", Contact.created_at < end)
                .order_by(Contact.sort_name)
            ):
                if cid not in touched:
                    not_seen.setdefault(tier, []).append(ContactRef(cid, name))
            intros, with_outcome = session.execute(
                select(
                    func.count(Introduction.id),
                    func.coalesce(func.sum(case((Introduction.outcome != "", 1), else_=0)), 0),
                ).where(Introduction.introduced_on.between(first, last))
            ).one()
            value = case(
                (Referral.currency.in_(["", currency]), func.coalesce(Referral.value_cents, 0)),
                else_=0,
            )
            received = Referral.given.is_(False)
            referrals, cents, given = session.execute(
                select(
                    func.coalesce(func.sum(case((received, 1), else_=0)), 0),
                    func.coalesce(func.sum(case((received, value), else_=0)), 0),
                    func.coalesce(func.sum(case((received, 0), else_=1)), 0),
                ).where(Referral.referred_on.between(first, last))
            ).one()
            new = session.scalar(
                select(func.count(Contact.id)).where(
                    Contact.is_light.is_(False),
                    Contact.created_at >= start,
                    Contact.created_at < end,
                )
            )
            months = [0] * 12
            for month, count in session.execute(
                select(extract("month", Interaction.occurred_at), func.count(Interaction.id))
                .where(Interaction.occurred_at >= start, Interaction.occurred_at < end)
                .group_by(extract("month", Interaction.occurred_at))
            ):
                months[int(month) - 1] = int(count)
        return YearReview(
            year,
            self._campaigns.spend(year),
            {t: tuple(not_seen[t]) for t in sorted(not_seen, key=tier_rank)},
            int(intros),
            int(with_outcome),
            int(referrals),
            int(cents),
            int(given),
            int(new or 0),
            tuple(months),
        )


def _touched_in(session: Session, start: datetime, end: datetime) -> set[int]:
    """Everyone with an interaction between `start` and `end`."""
    return set(
        session.scalars(
            select(interaction_participants.c.contact_id)
            .join(Interaction, Interaction.id == interaction_participants.c.interaction_id)
            .where(Interaction.occurred_at >= start, Interaction.occurred_at < end)
            .distinct()
        )
    )
