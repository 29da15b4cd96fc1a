"""Display names show the prefix and suffix people were entered with ("Dr. Ann Lee",
"James Doe Sr."); the stored names of such contacts, and their search rows, are redone.

Revision ID: 0006_names_with_titles
Revises: 0005_distinct_pairs
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from nurture.contact_points import display_name
from nurture.db import search_index

revision = "0006_names_with_titles"
down_revision = "0005_distinct_pairs"
branch_labels = None
depends_on = None


def upgrade() -> None:
    connection = op.get_bind()
    rows = connection.execute(
        sa.text(
            "SELECT id, given_name, middle_name, family_name, nickname, organization, prefix, "
            "suffix FROM contacts WHERE prefix <> '' OR suffix <> ''"
        )
    ).all()
    for row in rows:
        name = display_name(
            row.given_name,
            row.middle_name,
            row.family_name,
            row.nickname,
            row.organization,
            "",
            row.prefix,
            row.suffix,
        )
        connection.execute(
            sa.text("UPDATE contacts SET display_name = :name WHERE id = :id"),
            {"name": name, "id": row.id},
        )
    search_index.reindex(connection, [row.id for row in rows])


def downgrade() -> None:
    """The names stay as they are: a display name without its title is only less complete."""
