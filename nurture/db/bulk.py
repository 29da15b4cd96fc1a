"""Bulk writing for generated and imported data: many rows, one transaction, no round trips.

Rows are buffered per table and written with the connection's driver-level executemany, in the
order given (parents first, so foreign keys hold at every flush). Values must already be in the
form SQLAlchemy's SQLite types store — UTC datetimes as `utc_text`, dates as ISO text — because
skipping SQLAlchemy's per-row parameter processing is what makes this fast. A generator of
millions of rows appends tuples to a table's buffer instead of adding dicts one by one.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Table, func, select

from nurture.db.base import Base


def table_of(model: type[Base] | Table) -> Table:
    return model if isinstance(model, Table) else model.__table__  # type: ignore[return-value]


def utc_text(moment: datetime) -> str:
    """A datetime as `UTCDateTime` stores it."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


class BulkWriter:
    def __init__(self, connection: Connection, tables: Sequence[Table]) -> None:
        self._connection = connection
        self._rows: dict[Table, list[Any]] = {t: [] for t in tables}
        self._columns: dict[Table, tuple[str, ...]] = {}

    def add(self, table: Table, row: dict[str, Any]) -> None:
        """Queue a row; every row of a table must have the same keys."""
        self._rows[table].append(row)

    def buffer(self, table: Table, columns: Sequence[str]) -> list[tuple[Any, ...]]:
        """The queue of `table`'s rows as tuples of `columns` values, to append to directly."""
        self._columns[table] = tuple(columns)
        rows: list[tuple[Any, ...]] = self._rows[table]
        return rows

    def flush(self) -> None:
        for table, rows in self._rows.items():
            if not rows:
                continue
            columns = self._columns.get(table)
            values = rows
            if columns is None:  # rows added as dicts
                columns = tuple(rows[0])
                pick = itemgetter(*columns)
                values = [pick(row) for row in rows]
            self._connection.exec_driver_sql(
                f"INSERT INTO {table.name} ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' for _ in columns)})",
                values,
            )
            rows.clear()  # the same list: a buffer handed out stays the queue

    def discard(self) -> None:
        """Drop the queued rows unwritten (a preview's)."""
        for rows in self._rows.values():
            rows.clear()


class IdAllocator:
    """Hands out primary keys above each table's current maximum, so inserts need no RETURNING."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self._next: dict[str, int] = {}

    def peek(self, table: Table) -> int:
        if table.name not in self._next:
            top = self._connection.execute(select(func.max(table.c.id))).scalar()
            self._next[table.name] = int(top or 0) + 1
        return self._next[table.name]

    def take(self, table: Table) -> int:
        value = self.peek(table)
        self._next[table.name] = value + 1
        return value


@contextmanager
def indexes_built_after(connection: Connection, tables: Sequence[Table]) -> Iterator[None]:
    """Drop the secondary indexes of `tables`, and make them again from their own SQL when the
    block ends: one sorted build each instead of a B-tree insert per row at a random place.
    Worth it when the tables start empty. Inside the caller's transaction: a block that fails
    rolls the drops back with everything else."""
    names = [t.name for t in tables]
    indexes = connection.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({', '.join('?' for _ in names)}) ORDER BY name",
        tuple(names),
    ).all()
    for name, _sql in indexes:
        connection.exec_driver_sql(f'DROP INDEX "{name}"')
    yield
    for _name, sql in indexes:
        connection.exec_driver_sql(sql)
