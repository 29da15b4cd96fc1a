"""Write a Nurture database at the first schema (0001_initial) holding one contact, as the
first release left it, for the smoke test to open with the installed package.

    .venv/bin/python packaging/smoke/old_database.py DATA_DIR
"""

from __future__ import annotations

import sqlite3
import sys
from contextlib import closing
from pathlib import Path

from nurture.db.engine import Database
from nurture.db.migrate import upgrade
from nurture.paths import database_path

FIRST_REVISION = "0001_initial"


def main(data_dir: Path) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    database = Database(database_path(data_dir))
    try:
        upgrade(database, FIRST_REVISION)
    finally:
        database.close()
    now = "2024-01-02 03:04:05.000000"
    with closing(sqlite3.connect(database_path(data_dir))) as db, db:
        db.execute(
            "INSERT INTO contacts (id, uuid, prefix, given_name, middle_name, family_name, suffix,"
            " nickname, display_name, sort_name, organization, title, department, notes,"
            " how_we_met, time_zone, tier, starred, archived, is_light, last_interaction_at,"
            " created_at, updated_at) VALUES (1, 'u-1', '', 'Ann', '', 'Lee', '', '', 'Ann Lee',"
            " 'lee ann', 'Acme', '', '', 'likes sailing', '', '', '', 0, 0, 0, ?, ?, ?)",
            (now, now, now),
        )
        db.execute(
            "INSERT INTO contact_search (rowid, name, organization, notes)"
            " VALUES (1, 'Ann Lee', 'Acme', 'likes sailing')"
        )


if __name__ == "__main__":
    main(Path(sys.argv[1]))
