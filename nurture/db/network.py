"""Who knows whom: relationships between contacts, the introductions you made and the
referrals you received and gave."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from nurture.db.base import CASCADE, Base, UTCDateTime, utcnow


class Relationship(Base):
    """One row per relationship: `related` is `contact`'s `kind`; the inverse is computed."""

    __tablename__ = "relationships"
    __table_args__ = (
        UniqueConstraint("contact_id", "related_id", "kind"),
        CheckConstraint("contact_id <> related_id", name="not_self"),
        Index("ix_relationships_related_id", "related_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete=CASCADE))
    related_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete=CASCADE))
    kind: Mapped[str] = mapped_column(String(30))
    label: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Introduction(Base):
    """You introduced `person_a` to `person_b`."""

    __tablename__ = "introductions"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_a_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete=CASCADE), index=True
    )
    person_b_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete=CASCADE), index=True
    )
    introduced_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    # Both said yes before you made it (a double opt-in introduction).
    agreed: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class Referral(Base):
    """A person passed along between you and a `partner`: received, the partner sent `referred`
    (a client, a prospect) to you; `given`, you sent `referred` to the partner."""

    __tablename__ = "referrals"
    id: Mapped[int] = mapped_column(primary_key=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete=CASCADE), index=True)
    referred_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete=CASCADE), index=True
    )
    referred_on: Mapped[date] = mapped_column(Date)
    value_cents: Mapped[int | None] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    given: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
