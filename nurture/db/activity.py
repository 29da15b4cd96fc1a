"""Typed models for what happens around contacts: interactions, follow-ups, preferences, gifts,
introductions, referrals, import batches, reminder state and settings."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from nurture.db.base import Base, UTCDateTime, utcnow
from nurture.db.models import new_uuid

_CASCADE = "CASCADE"

interaction_participants = Table(
    "interaction_participants",
    Base.metadata,
    Column("interaction_id", ForeignKey("interactions.id", ondelete=_CASCADE), primary_key=True),
    Column("contact_id", ForeignKey("contacts.id", ondelete=_CASCADE), primary_key=True),
    Index("ix_interaction_participants_contact_id", "contact_id", "interaction_id"),
)


class Interaction(Base):
    __tablename__ = "interactions"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    title: Mapped[str] = mapped_column(String(300), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    import_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batches.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class FollowUp(Base):
    __tablename__ = "follow_ups"
    __table_args__ = (Index("ix_follow_ups_open_due", "done_at", "due_date"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete=_CASCADE), index=True
    )
    title: Mapped[str] = mapped_column(String(300), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    due_date: Mapped[date] = mapped_column(Date)
    # An RFC 5545 RRULE (without DTSTART, which is due_date) for recurring follow-ups.
    rrule: Mapped[str] = mapped_column(String(500), default="")
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # For a recurring follow-up: every occurrence up to this day is done.
    completed_through: Mapped[date | None] = mapped_column(Date)
    snoozed_until: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Preference(Base):
    __tablename__ = "preferences"
    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete=_CASCADE), index=True
    )
    category: Mapped[str] = mapped_column(String(30))
    item: Mapped[str] = mapped_column(String(300))
    detail: Mapped[str] = mapped_column(Text, default="")
    likes: Mapped[bool] = mapped_column(Boolean, default=True)


class Gift(Base):
    __tablename__ = "gifts"
    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete=_CASCADE), index=True
    )
    direction: Mapped[str] = mapped_column(String(10))
    description: Mapped[str] = mapped_column(String(300))
    occasion: Mapped[str] = mapped_column(String(200), default="")
    given_on: Mapped[date | None] = mapped_column(Date)
    # Money in minor units with its ISO 4217 currency, so sums never drift.
    amount_cents: Mapped[int | None] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3), default="")
    status: Mapped[str] = mapped_column(String(10), default="idea")
    notes: Mapped[str] = mapped_column(Text, default="")


class Introduction(Base):
    """You introduced `person_a` to `person_b`."""

    __tablename__ = "introductions"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_a_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete=_CASCADE), index=True
    )
    person_b_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete=_CASCADE), index=True
    )
    introduced_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")


class Referral(Base):
    """`referrer` referred `referred` (a client, a prospect) to you."""

    __tablename__ = "referrals"
    id: Mapped[int] = mapped_column(primary_key=True)
    referrer_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete=_CASCADE), index=True
    )
    referred_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete=_CASCADE), index=True
    )
    referred_on: Mapped[date] = mapped_column(Date)
    value_cents: Mapped[int | None] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class ImportBatch(Base):
    __tablename__ = "import_batches"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    source: Mapped[str] = mapped_column(String(500), default="")
    format: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    added: Mapped[int] = mapped_column(Integer, default=0)
    merged: Mapped[int] = mapped_column(Integer, default=0)
    skipped: Mapped[int] = mapped_column(Integer, default=0)
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class ImportBatchItem(Base):
    """What an import did to data that was already there, so undoing it restores exactly that:
    a row it added to an existing contact (`row_id` in `table_name`), or the values it filled in
    (`before`, JSON of the old values, for `table_name` "contacts" or a link it added)."""

    __tablename__ = "import_batch_items"
    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(
        ForeignKey("import_batches.id", ondelete=_CASCADE), index=True
    )
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[int] = mapped_column(Integer)
    before: Mapped[str] = mapped_column(Text, default="")


class ReminderState(Base):
    """What happened to one reminder of one occurrence of one source (a date, a follow-up...)."""

    __tablename__ = "reminder_states"
    __table_args__ = (UniqueConstraint("source_kind", "source_id", "occurs_on"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    source_kind: Mapped[str] = mapped_column(String(30))
    source_id: Mapped[int] = mapped_column(Integer)
    occurs_on: Mapped[date] = mapped_column(Date)
    fire_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    fired_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    snoozed_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    dismissed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Setting(Base):
    """User settings as JSON text; they live in the database so they travel with backups."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
