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
