"""The day's plan: people skipped until a later day, and what to ask about next time.

Revision ID: 0008_plan
Revises: 0007_shown_as
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_plan"
down_revision = "0007_shown_as"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plan_skips",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("until", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_plan_skips_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("contact_id", name=op.f("pk_plan_skips")),
    )
    with op.batch_alter_table("interactions") as table:
        table.add_column(sa.Column("ask_about", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("interactions") as table:
        table.drop_column("ask_about")
    op.drop_table("plan_skips")
