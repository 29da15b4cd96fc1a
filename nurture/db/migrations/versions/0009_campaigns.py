"""Gift campaigns: an occasion's gifts to many people, each gift with buy-by and ship-by days.

Revision ID: 0009_campaigns
Revises: 0008_plan
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_campaigns"
down_revision = "0008_plan"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "campaigns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("occasion", sa.String(length=200), nullable=False),
        sa.Column("on_day", sa.Date(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("budgets", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaigns")),
    )
    op.create_table(
        "campaign_recipients",
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaigns.id"],
            name=op.f("fk_campaign_recipients_campaign_id_campaigns"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_campaign_recipients_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("campaign_id", "contact_id", name=op.f("pk_campaign_recipients")),
    )
    op.create_index(
        op.f("ix_campaign_recipients_contact_id"), "campaign_recipients", ["contact_id"]
    )
    with op.batch_alter_table("gifts") as table:
        table.add_column(sa.Column("campaign_id", sa.Integer(), nullable=True))
        table.add_column(sa.Column("buy_by", sa.Date(), nullable=True))
        table.add_column(sa.Column("ship_by", sa.Date(), nullable=True))
        table.create_foreign_key(
            op.f("fk_gifts_campaign_id_campaigns"),
            "campaigns",
            ["campaign_id"],
            ["id"],
            ondelete="SET NULL",
        )
        table.create_index(op.f("ix_gifts_campaign_id"), ["campaign_id"])


def downgrade() -> None:
    with op.batch_alter_table("gifts") as table:
        table.drop_index(op.f("ix_gifts_campaign_id"))
        table.drop_constraint(op.f("fk_gifts_campaign_id_campaigns"), type_="foreignkey")
        table.drop_column("ship_by")
        table.drop_column("buy_by")
        table.drop_column("campaign_id")
    op.drop_index(op.f("ix_campaign_recipients_contact_id"), "campaign_recipients")
    op.drop_table("campaign_recipients")
    op.drop_table("campaigns")
