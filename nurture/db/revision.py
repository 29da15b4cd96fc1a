"""The schema revision this build of Nurture expects, apart from the tables themselves: opening
a file already at it loads neither Alembic nor the table definitions, which keeps every start
(the window's, each command's) light."""

# Alembic's head revision; tests/db/test_migrations.py checks that it matches the newest script.
HEAD_REVISION = "0015_sync"
