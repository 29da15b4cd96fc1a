"""All tables in one metadata, and the schema revision this build of Nurture expects."""

from __future__ import annotations

from nurture.db import bookkeeping, gifts, network, people, touches
from nurture.db.base import Base

# Alembic's head revision. Start-up compares the file's revision with this string and only
# imports Alembic when they differ, which keeps the window's cold start light.
# tests/db/test_migrations.py checks that it matches the newest migration script.
HEAD_REVISION = "0014_agenda_indexes"

metadata = Base.metadata
__all__ = ["HEAD_REVISION", "bookkeeping", "gifts", "metadata", "network", "people", "touches"]
