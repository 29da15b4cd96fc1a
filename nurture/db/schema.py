"""All tables in one metadata, and the schema revision this build of Nurture expects."""

from __future__ import annotations

from nurture.db import bookkeeping, gifts, network, people, sync_state, touches
from nurture.db.base import Base
from nurture.db.revision import HEAD_REVISION

metadata = Base.metadata
__all__ = [
    "HEAD_REVISION",
    "bookkeeping",
    "gifts",
    "metadata",
    "network",
    "people",
    "sync_state",
    "touches",
]
