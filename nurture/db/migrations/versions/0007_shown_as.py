"""How a contact is shown when not by its name parts (a vCard's FN with more than N says, or
the user's choice): kept, so "Bob Kowalski" stays Bob.

Revision ID: 0007_shown_as
Revises: 0006_names_with_titles
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_shown_as"
down_revision = "0006_names_with_titles"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("contacts") as table:
        table.add_column(
            sa.Column("shown_as", sa.String(length=400), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("contacts") as table:
        table.drop_column("shown_as")
