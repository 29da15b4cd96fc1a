"""Imports remember what they changed in existing contacts, so they can be undone.

Revision ID: 0003_import_undo
Revises: 0002_follow_up_progress
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_import_undo"
down_revision = "0002_follow_up_progress"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "import_batch_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("before", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["import_batches.id"],
            name=op.f("fk_import_batch_items_batch_id_import_batches"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_batch_items")),
    )
    op.create_index(
        op.f("ix_import_batch_items_batch_id"), "import_batch_items", ["batch_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_import_batch_items_batch_id"), table_name="import_batch_items")
    op.drop_table("import_batch_items")
