"""Giving: what someone likes and dislikes (to choose a gift) and the gifts given and received."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from nurture.db.base import CASCADE, Base


class Preference(Base):
    __tablename__ = "preferences"
    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete=CASCADE), index=True)
    category: Mapped[str] = mapped_column(String(30))
    item: Mapped[str] = mapped_column(String(300))
    detail: Mapped[str] = mapped_column(Text, default="")
    likes: Mapped[bool] = mapped_column(Boolean, default=True)


class Gift(Base):
    __tablename__ = "gifts"
    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete=CASCADE), index=True)
    direction: Mapped[str] = mapped_column(String(10))
    description: Mapped[str] = mapped_column(String(300))
    occasion: Mapped[str] = mapped_column(String(200), default="")
    given_on: Mapped[date | None] = mapped_column(Date)
    # Money in minor units with its ISO 4217 currency, so sums never drift.
    amount_cents: Mapped[int | None] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3), default="")
    status: Mapped[str] = mapped_column(String(10), default="idea")
    notes: Mapped[str] = mapped_column(Text, default="")
    # A holiday campaign's gift: to buy by, to ship by (on Today's plan as those days come).
    campaign_id: Mapped[int | None] = mapped_column(
        ForeignKey("campaigns.id", ondelete="SET NULL"), index=True
    )
    buy_by: Mapped[date | None] = mapped_column(Date)
    ship_by: Mapped[date | None] = mapped_column(Date)


class Campaign(Base):
    """Gifts for one occasion to many people (Christmas 2026 for the A and B clients)."""

    __tablename__ = "campaigns"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    occasion: Mapped[str] = mapped_column(String(200), default="")
    on_day: Mapped[date] = mapped_column(Date)
    currency: Mapped[str] = mapped_column(String(3), default="")
    # Budget per recipient by tier, in minor units: {"A": 15000, "B": 8000, "": 3000}.
    budgets: Mapped[str] = mapped_column(Text, default="{}")
    # Each recipient's gift is for their own birthday, the first one from `on_day` on.
    on_birthdays: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class CampaignRecipient(Base):
    __tablename__ = "campaign_recipients"
    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("campaigns.id", ondelete=CASCADE), primary_key=True
    )
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete=CASCADE), primary_key=True, index=True
    )
