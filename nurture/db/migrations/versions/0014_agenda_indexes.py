"""Indexes for the agenda and the day's plan at 100,000 contacts: who may be due to keep in
touch is read by ranges of the last touch per cadence (own, per tier, never touched), and
one-off dates by their year, instead of scanning every contact and every date.

Revision ID: 0014_agenda_indexes
Revises: 0013_search_secure_delete
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_agenda_indexes"
down_revision = "0013_search_secure_delete"
branch_labels = None
depends_on = None

_ACTIVE_MAIN = "is_light = 0 AND archived = 0"


def upgrade() -> None:
    op.create_index(
        "ix_contacts_touch_own",
        "contacts",
        ["keep_in_touch_days", "last_interaction_at"],
        sqlite_where=sa.text(f"{_ACTIVE_MAIN} AND keep_in_touch_days IS NOT NULL"),
    )
    op.create_index(
        "ix_contacts_touch_tier",
        "contacts",
        ["tier", "last_interaction_at"],
        sqlite_where=sa.text(f"{_ACTIVE_MAIN} AND keep_in_touch_days IS NULL"),
    )
    op.create_index(
        "ix_contacts_untouched",
        "contacts",
        ["created_at"],
        sqlite_where=sa.text(f"{_ACTIVE_MAIN} AND last_interaction_at IS NULL"),
    )
    op.create_index(
        "ix_important_dates_once",
        "important_dates",
        ["year"],
        sqlite_where=sa.text("recurrence = 'once'"),
    )


def downgrade() -> None:
    op.drop_index("ix_important_dates_once", "important_dates")
    op.drop_index("ix_contacts_untouched", "contacts")
    op.drop_index("ix_contacts_touch_tier", "contacts")
    op.drop_index("ix_contacts_touch_own", "contacts")
