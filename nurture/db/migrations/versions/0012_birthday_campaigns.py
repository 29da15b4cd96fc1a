"""A campaign can be for each recipient's own birthday (in the year from its day).

Revision ID: 0012_birthday_campaigns
Revises: 0011_referrals_given
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_birthday_campaigns"
down_revision = "0011_referrals_given"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("campaigns") as table:
        table.add_column(
            sa.Column("on_birthdays", sa.Boolean(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    with op.batch_alter_table("campaigns") as table:
        table.drop_column("on_birthdays")
