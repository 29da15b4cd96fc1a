"""Alembic environment: runs on the connection the migrator hands over, in batch mode for SQLite.

Alembic executes this file itself; imported any other way (a test walking every module) it
does nothing.
"""

from __future__ import annotations

from alembic import context

from nurture.db.schema import metadata


def run_migrations() -> None:
    connection = context.config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=True,
        transactional_ddl=True,
    )
    with context.begin_transaction():
        context.run_migrations()
        # Foreign keys are off while tables are rebuilt; check them all before committing.
        broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise RuntimeError(f"migration left {len(broken)} dangling references: {broken[:5]}")


try:
    _running = context.config is not None
except AttributeError:  # not inside an Alembic command
    _running = False
if _running:
    run_migrations()
