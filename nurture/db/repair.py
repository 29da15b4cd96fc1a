"""Checking the database and repairing what can be repaired in place: SQLite's integrity and
foreign-key checks, the search index (rebuilt from the contacts when it is damaged or out of
step), and text that is no longer valid UTF-8 (a flipped bit in a name made every list, export
and duplicate search fail): such a value keeps what can be read, with "�" for the rest."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, text

from nurture.db import search_index
from nurture.db.driver import connect


@dataclass(slots=True)
class CheckReport:
    integrity: list[str] = field(default_factory=list)  # what integrity_check found; [] = sound
    foreign_keys: int = 0  # rows pointing at rows that are gone
    search_rebuilt: bool = False
    repaired_text: list[str] = field(default_factory=list)  # "contacts.display_name #57"

    @property
    def sound(self) -> bool:
        return not self.integrity and not self.foreign_keys


def damaged_text(path: Path, key: bytes | None = None) -> list[tuple[str, str, int, str]]:
    """Every text value that is not valid UTF-8: (table, column, rowid, what can be read)."""
    found: list[tuple[str, str, int, str]] = []
    connection = connect(path, key, readonly=True)
    try:
        tables = [
            str(name)
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                " AND name NOT LIKE 'contact_search%' AND sql NOT LIKE '%WITHOUT ROWID%'"
            )
        ]
        for table in tables:
            columns = [
                str(row[1])
                for row in connection.execute(f'PRAGMA table_info("{table}")')
                if "CHAR" in str(row[2]).upper() or "TEXT" in str(row[2]).upper() or not row[2]
            ]
            connection.text_factory = bytes  # the values as stored, to find the bad ones
            for column in columns:
                rows = connection.execute(
                    f'SELECT rowid, "{column}" FROM "{table}" WHERE typeof("{column}") = \'text\''
                )
                for rowid, value in rows:
                    try:
                        value.decode("utf-8")
                    except UnicodeDecodeError:
                        readable = value.decode("utf-8", "replace")
                        found.append((table, column, int(rowid), readable))
            connection.text_factory = str
    finally:
        connection.close()
    return found


def repair_text(connection: Connection, damaged: list[tuple[str, str, int, str]]) -> list[str]:
    """Write back each damaged value as what could be read; returns "table.column #rowid"."""
    for table, column, rowid, readable in damaged:
        connection.execute(
            text(f'UPDATE "{table}" SET "{column}" = :value WHERE rowid = :rowid'),
            {"value": readable, "rowid": rowid},
        )
    return [f"{table}.{column} #{rowid}" for table, column, rowid, _r in damaged]


def integrity(connection: Connection) -> list[str]:
    rows = [str(r[0]) for r in connection.exec_driver_sql("PRAGMA integrity_check(20)")]
    return [] if rows == ["ok"] else rows


def broken_references(connection: Connection) -> int:
    return len(connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall())


def search_index_sound(connection: Connection) -> bool:
    """FTS5's own check, and one index row per contact."""
    try:
        connection.exec_driver_sql(
            "INSERT INTO contact_search(contact_search) VALUES ('integrity-check')"
        )
    except Exception:
        return False
    counted = connection.exec_driver_sql(
        "SELECT (SELECT count(*) FROM contacts), (SELECT count(*) FROM contact_search)"
    ).one()
    return bool(counted[0] == counted[1])


def rebuild_search_index(connection: Connection) -> None:
    """A new index from the contacts: dropped and made again (deleting from a damaged one
    fails exactly when it is needed), with secure-delete on as migration 0013 left it."""
    connection.exec_driver_sql("DROP TABLE IF EXISTS contact_search")
    connection.exec_driver_sql(search_index.CREATE_SQL)
    connection.exec_driver_sql(
        "INSERT INTO contact_search(contact_search, rank) VALUES ('secure-delete', 1)"
    )
    search_index.index_new(connection, 0)
    search_index.optimize(connection)
