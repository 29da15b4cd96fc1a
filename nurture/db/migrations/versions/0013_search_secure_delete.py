"""The search index forgets a deleted or changed contact's words at once (FTS5 secure-delete,
SQLite 3.42+, which the SQLCipher driver brings), instead of keeping them until a merge.

Revision ID: 0013_search_secure_delete
Revises: 0012_birthday_campaigns
"""

from __future__ import annotations

from alembic import op

revision = "0013_search_secure_delete"
down_revision = "0012_birthday_campaigns"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("INSERT INTO contact_search(contact_search, rank) VALUES ('secure-delete', 1)")


def downgrade() -> None:
    op.execute("INSERT INTO contact_search(contact_search, rank) VALUES ('secure-delete', 0)")
