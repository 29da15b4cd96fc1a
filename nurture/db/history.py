"""The undo history, kept in the database: every row a recorded write inserts, updates or deletes
is logged by SQLite triggers as the SQL that puts it back (SQLite's documented undo/redo
technique), grouped into one step per unit of work. Undo replays a step's rows backwards, redo
forwards. Nothing else in the core has to remember how to reverse itself.

The triggers are TEMP triggers, made from the tables' current columns when a labelled unit of
work begins and dropped when it ends: writes that are not recorded (the demo, imports, which
undo by their own batch, the reminder engine's ticks) pay nothing, and a migration can never
leave a trigger behind that misses a new column.
"""

from __future__ import annotations

from collections.abc import Iterable

from nurture.db.driver import sqlite

STEPS_KEPT = 100
# The sync's bookkeeping is what the server holds, which undo cannot take back: an undone change
# is a local change the next sync sends.
UNTRACKED = frozenset(
    {
        "alembic_version",
        "history_steps",
        "history_rows",
        "sync_books",
        "sync_cards",
        "sync_conflicts",
        "sync_events",
    }
)

SCHEMA = (
    """CREATE TABLE IF NOT EXISTS history_steps (
        id INTEGER PRIMARY KEY,
        label TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT 'rows',  -- 'rows' (replayed) or 'import' (batch undo)
        batch_id INTEGER,
        areas TEXT NOT NULL DEFAULT '',
        contact_ids TEXT NOT NULL DEFAULT '',
        undone INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now'))
    )""",
    """CREATE TABLE IF NOT EXISTS history_rows (
        id INTEGER PRIMARY KEY,
        step_id INTEGER NOT NULL REFERENCES history_steps(id) ON DELETE CASCADE,
        table_name TEXT NOT NULL,
        op TEXT NOT NULL,
        row_key INTEGER NOT NULL,
        before TEXT,
        after TEXT
    )""",
    "CREATE INDEX IF NOT EXISTS history_rows_step ON history_rows(step_id)",
)


def tracked_tables(connection: sqlite.Connection) -> list[str]:
    names = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
        )
    ]
    return sorted(n for n in names if n not in UNTRACKED and not n.startswith("contact_search"))


def columns(connection: sqlite.Connection, table: str) -> list[str]:
    return [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]


def _values(prefix: str, names: list[str]) -> str:
    """SQL that renders a row as `(rowid, "a", ...) VALUES (literals)`: the column names are
    recorded with the row, so a replay never depends on today's columns."""
    listed = ", ".join(["rowid", *(f'"{n}"' for n in names)]).replace("'", "''")
    parts = [f"quote({prefix}.rowid)"] + [f'quote({prefix}."{n}")' for n in names]
    return f"'({listed}) VALUES (' || " + " || ',' || ".join(parts) + " || ')'"


def _assignments(prefix: str, names: list[str]) -> str:
    """SQL that renders a row as `"a"=literal,"b"=literal`."""
    parts = [f'\'"{n}"=\' || quote({prefix}."{n}")' for n in names]
    return " || ',' || ".join(parts)


def trigger_sql(table: str, names: list[str], step: int) -> list[str]:
    log = "INSERT INTO history_rows (step_id, table_name, op, row_key, before, after) VALUES"
    return [
        f"""CREATE TEMP TRIGGER history_{table}_insert AFTER INSERT ON main."{table}" BEGIN
            {log} ({step}, '{table}', 'insert', NEW.rowid, NULL, {_values("NEW", names)}); END""",
        f"""CREATE TEMP TRIGGER history_{table}_update AFTER UPDATE ON main."{table}" BEGIN
            {log} ({step}, '{table}', 'update', OLD.rowid, {_assignments("OLD", names)},
                   {_assignments("NEW", names)}); END""",
        f"""CREATE TEMP TRIGGER history_{table}_delete AFTER DELETE ON main."{table}" BEGIN
            {log} ({step}, '{table}', 'delete', OLD.rowid, {_values("OLD", names)}, NULL); END""",
    ]


def create_tables(connection: sqlite.Connection) -> None:
    for statement in SCHEMA:
        connection.execute(statement)


def begin_step(connection: sqlite.Connection, label: str) -> int:
    """Start recording a step (inside the write transaction); redo is no longer possible."""
    connection.execute("DELETE FROM history_steps WHERE undone = 1")
    step = connection.execute("INSERT INTO history_steps (label) VALUES (?)", (label,)).lastrowid
    assert step is not None
    for table in tracked_tables(connection):
        for statement in trigger_sql(table, columns(connection, table), step):
            connection.execute(statement)
    return step


def stop_recording(connection: sqlite.Connection) -> None:
    for (name,) in connection.execute(
        "SELECT name FROM sqlite_temp_master WHERE type = 'trigger' AND name LIKE 'history%'"
    ).fetchall():
        connection.execute(f'DROP TRIGGER temp."{name}"')


def end_step(
    connection: sqlite.Connection, step: int, areas: Iterable[str], contact_ids: Iterable[int]
) -> None:
    """Stop recording; a step that changed nothing is dropped; only the newest steps stay."""
    stop_recording(connection)
    logged = connection.execute(
        "SELECT EXISTS (SELECT 1 FROM history_rows WHERE step_id = ?)", (step,)
    ).fetchone()[0]
    if not logged:
        connection.execute("DELETE FROM history_steps WHERE id = ?", (step,))
        return
    connection.execute(
        "UPDATE history_steps SET areas = ?, contact_ids = ? WHERE id = ?",
        (",".join(sorted(areas)), ",".join(str(i) for i in sorted(contact_ids)), step),
    )
    prune(connection)


def add_import_step(connection: sqlite.Connection, label: str, batch_id: int) -> None:
    """An import is undone by its batch (recording each of 100,000 rows would double its
    cost); it takes its place in the history like any other step."""
    connection.execute("DELETE FROM history_steps WHERE undone = 1")
    connection.execute(
        "INSERT INTO history_steps (label, kind, batch_id, areas) VALUES (?, 'import', ?, ?)",
        (label, batch_id, "contacts,imports,tags"),
    )
    prune(connection)


def forget_import(connection: sqlite.Connection, batch_id: int) -> None:
    """An undone import leaves the history, with whatever could have been redone after it
    (those steps may have touched the people it brought): import the file again instead."""
    connection.execute(
        "DELETE FROM history_steps WHERE kind = 'import' AND batch_id = ?", (batch_id,)
    )
    connection.execute("DELETE FROM history_steps WHERE undone = 1")


def prune(connection: sqlite.Connection) -> None:
    connection.execute(
        "DELETE FROM history_steps WHERE id NOT IN"
        " (SELECT id FROM history_steps ORDER BY id DESC LIMIT ?)",
        (STEPS_KEPT,),
    )


def replay(connection: sqlite.Connection, step: int, backwards: bool) -> None:
    """Put a step's rows back as they were (undo) or as it left them (redo). Foreign keys are
    checked at commit: a parent and its children come back in one go."""
    connection.execute("PRAGMA defer_foreign_keys = ON")
    order = "DESC" if backwards else "ASC"
    rows = connection.execute(
        "SELECT table_name, op, row_key, before, after FROM history_rows"
        f" WHERE step_id = ? ORDER BY id {order}",
        (step,),
    ).fetchall()
    for table, op, key, before, after in rows:
        put_back = (op == "delete") if backwards else (op == "insert")
        take_away = (op == "insert") if backwards else (op == "delete")
        if put_back:
            connection.execute(f'INSERT INTO "{table}" {before if backwards else after}')
        elif take_away:
            connection.execute(f'DELETE FROM "{table}" WHERE rowid = ?', (key,))
        else:
            connection.execute(
                f'UPDATE "{table}" SET {before if backwards else after} WHERE rowid = ?', (key,)
            )
