"""Pairs of contacts the user said are different people ("Not a duplicate").

Revision ID: 0005_distinct_pairs
Revises: 0004_undo_history
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_distinct_pairs"
down_revision = "0004_undo_history"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "distinct_pairs",
        sa.Column("first_id", sa.Integer(), nullable=False),
        sa.Column("second_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("first_id < second_id", name=op.f("ck_distinct_pairs_ordered")),
        sa.ForeignKeyConstraint(
            ["first_id"],
            ["contacts.id"],
            name=op.f("fk_distinct_pairs_first_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["second_id"],
            ["contacts.id"],
            name=op.f("fk_distinct_pairs_second_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("first_id", "second_id", name=op.f("pk_distinct_pairs")),
    )
    op.create_index(
        op.f("ix_distinct_pairs_second_id"), "distinct_pairs", ["second_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_distinct_pairs_second_id"), table_name="distinct_pairs")
    op.drop_table("distinct_pairs")
