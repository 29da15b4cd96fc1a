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


Damage = tuple[str, str, int, str | None, bytes]  # table, column, rowid, repair, as stored


def damaged_text(path: Path, key: bytes | None = None) -> list[Damage]:
    """Every text value that is not valid UTF-8: (table, column, rowid, its repair) — what can
    be read, for words; for a date or a time, which "�" would leave unreadable, nothing
    (None) where the column allows it, else the earliest day SQLite and Nurture read."""
    found: list[Damage] = []
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
            # Every column: SQLite keeps text wherever it was put (a date is text too).
            columns = {
                str(row[1]): (str(row[2]).upper(), bool(row[3]))
                for row in connection.execute(f'PRAGMA table_info("{table}")')
            }
            connection.text_factory = bytes  # the values as stored, to find the bad ones
            for column, (declared, required) in columns.items():
                rows = connection.execute(
                    f'SELECT rowid, "{column}" FROM "{table}" WHERE typeof("{column}") = \'text\''
                )
                for rowid, value in rows:
                    try:
                        value.decode("utf-8")
                    except UnicodeDecodeError:
                        repair: str | None = value.decode("utf-8", "replace")
                        if "DATE" in declared or "TIME" in declared:
                            repair = _EARLIEST.get(declared, _EARLIEST["DATETIME"])
                            repair = repair if required else None
                        found.append((table, column, int(rowid), repair, bytes(value)))
            connection.text_factory = str
    finally:
        connection.close()
    return found


# A required date or time that cannot be read, written as the first moment it can hold.
_EARLIEST = {"DATE": "1970-01-01", "DATETIME": "1970-01-01 00:00:00.000000"}


def repair_text(connection: Connection, damaged: list[Damage]) -> list[str]:
    """Write back each damaged value as its repair — only where it is still the damaged value
    (found before this transaction began). Returns "table.column #rowid"."""
    for table, column, rowid, repair, stored in damaged:
        connection.execute(
            text(
                f'UPDATE "{table}" SET "{column}" = :value '
                f'WHERE rowid = :rowid AND CAST("{column}" AS BLOB) = :stored'
            ),
            {"value": repair, "rowid": rowid, "stored": stored},
        )
    return [f"{table}.{column} #{rowid}" for table, column, rowid, _r, _s in damaged]


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
