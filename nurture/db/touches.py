"""What you did with people and mean to do: interactions (with every participant) and
follow-ups."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Column,
    Date,
    ForeignKey,
    Index,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from nurture.db.base import CASCADE, Base, UTCDateTime, utcnow

interaction_participants = Table(
    "interaction_participants",
    Base.metadata,
    Column("interaction_id", ForeignKey("interactions.id", ondelete=CASCADE), primary_key=True),
    Column("contact_id", ForeignKey("contacts.id", ondelete=CASCADE), primary_key=True),
    Index("ix_interaction_participants_contact_id", "contact_id", "interaction_id"),
)


class Interaction(Base):
    __tablename__ = "interactions"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    title: Mapped[str] = mapped_column(String(300), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # Left for next time ("ask how Emma's graduation went"): the brief shows the newest one.
    ask_about: Mapped[str] = mapped_column(Text, default="", server_default="")
    import_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batches.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class PlanSkip(Base):
    """A person skipped on the day's plan: kept off it until this day, never lost."""

    __tablename__ = "plan_skips"
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete=CASCADE), primary_key=True
    )
    until: Mapped[date] = mapped_column(Date)


class FollowUp(Base):
    __tablename__ = "follow_ups"
    __table_args__ = (Index("ix_follow_ups_open_due", "done_at", "due_date"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete=CASCADE), index=True)
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
