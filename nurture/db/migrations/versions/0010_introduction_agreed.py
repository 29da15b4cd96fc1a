"""Whether both people agreed before an introduction (a double opt-in).

Revision ID: 0010_introduction_agreed
Revises: 0009_campaigns
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_introduction_agreed"
down_revision = "0009_campaigns"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("introductions") as table:
        table.add_column(sa.Column("agreed", sa.Boolean(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("introductions") as table:
        table.drop_column("agreed")
