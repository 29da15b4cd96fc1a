"""Who someone is: the contact, its emails, phones, addresses and links, its tags and its
dates (birthday, anniversary, graduation...).

Enumerated columns hold the string values of `nurture.domain.enums`; the services validate them.
Dates the user typed are stored as entered (`year`, `month`, `day`, each nullable but the month).
"""

from __future__ import annotations

import uuid as uuid_module
from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nurture.db.base import CASCADE, Base, UTCDateTime, utcnow

contact_tags = Table(
    "contact_tags",
    Base.metadata,
    Column("contact_id", ForeignKey("contacts.id", ondelete=CASCADE), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete=CASCADE), primary_key=True),
    Index("ix_contact_tags_tag_id", "tag_id", "contact_id"),
)


def new_uuid() -> str:
    return str(uuid_module.uuid4())


# The contacts keep-in-touch is about: the main ones (not a kid or an assistant), not archived.
_ACTIVE_MAIN = "is_light = 0 AND archived = 0"


class Contact(Base):
    __tablename__ = "contacts"
    __table_args__ = (
        Index("ix_contacts_list", "is_light", "archived", "sort_name"),
        Index("ix_contacts_last_interaction_at", "last_interaction_at"),
        Index("ix_contacts_referred_by_id", "referred_by_id"),
        Index("ix_contacts_import_batch_id", "import_batch_id"),
        # Keep-in-touch at 100,000 contacts: who may be due is found by ranges of the last
        # touch per cadence (services.cadence.due_candidates_sql), not by computing everyone's.
        Index(
            "ix_contacts_touch_own",
            "keep_in_touch_days",
            "last_interaction_at",
            sqlite_where=text(f"{_ACTIVE_MAIN} AND keep_in_touch_days IS NOT NULL"),
        ),
        Index(
            "ix_contacts_touch_tier",
            "tier",
            "last_interaction_at",
            sqlite_where=text(f"{_ACTIVE_MAIN} AND keep_in_touch_days IS NULL"),
        ),
        Index(
            "ix_contacts_untouched",
            "created_at",
            sqlite_where=text(f"{_ACTIVE_MAIN} AND last_interaction_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    prefix: Mapped[str] = mapped_column(String(40), default="")
    given_name: Mapped[str] = mapped_column(String(200), default="")
    middle_name: Mapped[str] = mapped_column(String(200), default="")
    family_name: Mapped[str] = mapped_column(String(200), default="")
    suffix: Mapped[str] = mapped_column(String(40), default="")
    nickname: Mapped[str] = mapped_column(String(200), default="")
    # How they are shown when not by their name parts (the user's choice or a vCard's FN).
    shown_as: Mapped[str] = mapped_column(String(400), default="", server_default="")
    # Derived from shown_as or the name parts on every write: what lists show and sort by.
    display_name: Mapped[str] = mapped_column(String(400), default="")
    sort_name: Mapped[str] = mapped_column(String(400), default="")
    organization: Mapped[str] = mapped_column(String(300), default="")
    title: Mapped[str] = mapped_column(String(300), default="")
    department: Mapped[str] = mapped_column(String(300), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    how_we_met: Mapped[str] = mapped_column(Text, default="")
    met_on: Mapped[date | None] = mapped_column(Date)
    referred_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL")
    )
    time_zone: Mapped[str] = mapped_column(String(64), default="")
    tier: Mapped[str] = mapped_column(String(40), default="")
    keep_in_touch_days: Mapped[int | None] = mapped_column(Integer)
    starred: Mapped[bool] = mapped_column(Boolean, default=False)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    # Light contacts (a client's kid, a secretary) live in the network but not in the main list.
    is_light: Mapped[bool] = mapped_column(Boolean, default=False)
    photo: Mapped[bytes | None] = mapped_column(LargeBinary)
    # Maintained by the interaction service so "latest touch" never needs a scan.
    last_interaction_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    import_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batches.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    emails: Mapped[list[Email]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", order_by="Email.position"
    )
    phones: Mapped[list[Phone]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", order_by="Phone.position"
    )
    addresses: Mapped[list[Address]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", order_by="Address.position"
    )
    web_links: Mapped[list[WebLink]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", order_by="WebLink.position"
    )
    tags: Mapped[list[Tag]] = relationship(secondary=contact_tags, order_by="Tag.name")
    dates: Mapped[list[ImportantDate]] = relationship(
        back_populates="contact", cascade="all, delete-orphan"
    )
    referred_by: Mapped[Contact | None] = relationship(remote_side=[id])


class _ContactPoint:
    """Columns every contact point shares: its owner, a label, the primary flag and an order."""

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete=CASCADE), index=True)
    label: Mapped[str] = mapped_column(String(60), default="")
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Email(_ContactPoint, Base):
    __tablename__ = "emails"
    address: Mapped[str] = mapped_column(String(320))
    # Lower-cased for matching duplicates and imports.
    address_key: Mapped[str] = mapped_column(String(320), index=True)
    contact: Mapped[Contact] = relationship(back_populates="emails")


class Phone(_ContactPoint, Base):
    __tablename__ = "phones"
    raw: Mapped[str] = mapped_column(String(80))
    # E.164 when phonenumbers can parse the number, else empty.
    e164: Mapped[str] = mapped_column(String(32), default="", index=True)
    # The national significant number, so "4155550123" finds "+1 415 555 0123".
    national: Mapped[str] = mapped_column(String(32), default="", server_default="")
    contact: Mapped[Contact] = relationship(back_populates="phones")


class Address(_ContactPoint, Base):
    __tablename__ = "addresses"
    street: Mapped[str] = mapped_column(Text, default="")
    city: Mapped[str] = mapped_column(String(200), default="")
    region: Mapped[str] = mapped_column(String(200), default="")
    postal_code: Mapped[str] = mapped_column(String(40), default="")
    country: Mapped[str] = mapped_column(String(200), default="")
    contact: Mapped[Contact] = relationship(back_populates="addresses")


class WebLink(_ContactPoint, Base):
    """Websites and social profiles; `kind` says which service."""

    __tablename__ = "web_links"
    kind: Mapped[str] = mapped_column(String(20), default="website")
    url: Mapped[str] = mapped_column(Text)
    contact: Mapped[Contact] = relationship(back_populates="web_links")


class Tag(Base):
    __tablename__ = "tags"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    # The default cadence for contacts with this tag and no cadence of their own.
    keep_in_touch_days: Mapped[int | None] = mapped_column(Integer)
    __table_args__ = (Index("uq_tags_name_nocase", text("name COLLATE NOCASE"), unique=True),)


class ImportantDate(Base):
    __tablename__ = "important_dates"
    __table_args__ = (
        CheckConstraint("month BETWEEN 1 AND 12", name="month_range"),
        CheckConstraint("day IS NULL OR day BETWEEN 1 AND 31", name="day_range"),
        Index("ix_important_dates_month_day", "month", "day"),
        Index("ix_important_dates_once", "year", sqlite_where=text("recurrence = 'once'")),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete=CASCADE), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    label: Mapped[str] = mapped_column(String(200), default="")
    year: Mapped[int | None] = mapped_column(Integer)
    month: Mapped[int] = mapped_column(Integer)
    day: Mapped[int | None] = mapped_column(Integer)
    recurrence: Mapped[str] = mapped_column(String(10), default="yearly")
    lead_days: Mapped[int | None] = mapped_column(Integer)
    contact: Mapped[Contact] = relationship(back_populates="dates")


class DistinctPair(Base):
    """Two contacts the user said are different people: Find duplicates no longer pairs them."""

    __tablename__ = "distinct_pairs"
    __table_args__ = (
        CheckConstraint("first_id < second_id", name="ordered"),
        Index("ix_distinct_pairs_second_id", "second_id"),
    )
    first_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete=CASCADE), primary_key=True
    )
    second_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete=CASCADE), primary_key=True
    )
