"""CardDAV sync: the address book's sync token, each card's ETag and last server text, the
values a sync conflict set aside, and the events sent to the "Nurture" calendar.

Revision ID: 0015_sync
Revises: 0014_agenda_indexes
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015_sync"
down_revision = "0014_agenda_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_books",
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("token", sa.Text(), nullable=False),
        sa.Column("synced_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("url", name=op.f("pk_sync_books")),
    )
    op.create_table(
        "sync_cards",
        sa.Column("href", sa.String(length=2000), nullable=False),
        sa.Column("book_url", sa.String(length=2000), nullable=False),
        sa.Column("contact_uuid", sa.String(length=36), nullable=False),
        sa.Column("etag", sa.String(length=400), nullable=False),
        sa.Column("card", sa.Text(), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["book_url"],
            ["sync_books.url"],
            name=op.f("fk_sync_cards_book_url_sync_books"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("href", name=op.f("pk_sync_cards")),
        sa.UniqueConstraint("contact_uuid", name=op.f("uq_sync_cards_contact_uuid")),
    )
    op.create_table(
        "sync_events",
        sa.Column("uid", sa.String(length=200), nullable=False),
        sa.Column("href", sa.String(length=2000), nullable=False),
        sa.Column("etag", sa.String(length=400), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("uid", name=op.f("pk_sync_events")),
    )
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=40), nullable=False),
        sa.Column("kept", sa.Text(), nullable=False),
        sa.Column("set_aside", sa.Text(), nullable=False),
        sa.Column("from_server", sa.Boolean(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_sync_conflicts_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
    )
    op.create_index(op.f("ix_sync_conflicts_contact_id"), "sync_conflicts", ["contact_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_sync_conflicts_contact_id"), "sync_conflicts")
    op.drop_table("sync_conflicts")
    op.drop_table("sync_events")
    op.drop_table("sync_cards")
    op.drop_table("sync_books")
