"""Referrals go both ways: `referrer_id` becomes `partner_id` (the other side of the referral:
who sent the person to you, or to whom you sent them) and `given` says which way it went.

Revision ID: 0011_referrals_given
Revises: 0010_introduction_agreed
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_referrals_given"
down_revision = "0010_introduction_agreed"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("referrals", recreate="always") as table:
        table.drop_index("ix_referrals_referrer_id")
        table.drop_constraint("fk_referrals_referrer_id_contacts", type_="foreignkey")
        table.alter_column("referrer_id", new_column_name="partner_id")
        table.add_column(sa.Column("given", sa.Boolean(), nullable=False, server_default="0"))
    # The foreign key and index on the renamed column come in a second rebuild: a batch
    # would not find the new name in the same pass.
    with op.batch_alter_table("referrals", recreate="always") as table:
        table.create_foreign_key(
            "fk_referrals_partner_id_contacts",
            "contacts",
            ["partner_id"],
            ["id"],
            ondelete="CASCADE",
        )
    op.create_index("ix_referrals_partner_id", "referrals", ["partner_id"])


def downgrade() -> None:
    # Referrals you gave have no place in the old shape: they go, received ones stay.
    op.execute("DELETE FROM referrals WHERE given")
    with op.batch_alter_table("referrals", recreate="always") as table:
        table.drop_index("ix_referrals_partner_id")
        table.drop_constraint("fk_referrals_partner_id_contacts", type_="foreignkey")
        table.drop_column("given")
        table.alter_column("partner_id", new_column_name="referrer_id")
    with op.batch_alter_table("referrals", recreate="always") as table:
        table.create_foreign_key(
            "fk_referrals_referrer_id_contacts",
            "contacts",
            ["referrer_id"],
            ["id"],
            ondelete="CASCADE",
        )
    op.create_index("ix_referrals_referrer_id", "referrals", ["referrer_id"])
