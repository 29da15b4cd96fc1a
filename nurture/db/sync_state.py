"""What the last sync agreed with the server: per card, where it lives, its ETag, the server's
text (so properties Nurture does not own go back unchanged) and the synced fields as Nurture
had them (so a local change is found by content); the address book's sync token; and the
values a conflict set aside, kept for the contact's history.

Rows point at contacts by their UUID, not their id: a card whose contact is gone (deleted,
merged away) is a tombstone the next sync deletes on the server, and an undone delete finds
its card again. The calendar's events, one-way from Nurture, are kept apart (`SyncEvent`)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from nurture.db.base import CASCADE, Base, UTCDateTime, utcnow


class SyncBook(Base):
    __tablename__ = "sync_books"
    url: Mapped[str] = mapped_column(String(2000), primary_key=True)
    token: Mapped[str] = mapped_column(Text, default="")
    synced_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class SyncCard(Base):
    __tablename__ = "sync_cards"
    href: Mapped[str] = mapped_column(String(2000), primary_key=True)
    book_url: Mapped[str] = mapped_column(ForeignKey("sync_books.url", ondelete=CASCADE))
    contact_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    etag: Mapped[str] = mapped_column(String(400), default="")
    card: Mapped[str] = mapped_column(Text, default="")  # the server's text, as last seen
    fields: Mapped[str] = mapped_column(Text, default="{}")  # JSON: Nurture's side, as synced
    # A digest of the contact's stored columns then: equal now, nothing changed here, and the
    # contact need not be read whole (`sync.local.fingerprints`).
    digest: Mapped[str] = mapped_column(String(64), default="")


class SyncEvent(Base):
    """An event of the "Nurture" calendar as last sent: the calendar is Nurture's alone, so
    an event is sent again when Nurture's occasion changed (`digest`) or the server's copy did
    (`etag`: edited or deleted on the phone)."""

    __tablename__ = "sync_events"
    uid: Mapped[str] = mapped_column(String(200), primary_key=True)  # the occasion's UID
    href: Mapped[str] = mapped_column(String(2000))
    etag: Mapped[str] = mapped_column(String(400), default="")
    digest: Mapped[str] = mapped_column(String(64), default="")


class SyncConflict(Base):
    """A field both sides changed: the newer value was kept, this one set aside."""

    __tablename__ = "sync_conflicts"
    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete=CASCADE), index=True)
    field: Mapped[str] = mapped_column(String(40))
    kept: Mapped[str] = mapped_column(Text)  # JSON of the value now in the contact
    set_aside: Mapped[str] = mapped_column(Text)  # JSON of the other side's value
    from_server: Mapped[bool] = mapped_column(default=False)  # whose value was set aside
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
