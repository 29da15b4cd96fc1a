"""The undo history: its steps and the rows each step changed (recorded by temporary triggers
while a step runs, nurture/db/history.py).

Revision ID: 0004_undo_history
Revises: 0003_import_undo
"""

from __future__ import annotations

from alembic import op

from nurture.db.driver import sqlite
from nurture.db.history import create_tables

revision = "0004_undo_history"
down_revision = "0003_import_undo"
branch_labels = None
depends_on = None


def upgrade() -> None:
    raw = op.get_bind().connection.driver_connection
    assert isinstance(raw, sqlite.Connection)
    create_tables(raw)


def downgrade() -> None:
    op.drop_table("history_rows")
    op.drop_table("history_steps")
