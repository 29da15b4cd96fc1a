"""Bulk writing for generated and imported data: many rows, one transaction, no round trips.

Rows are buffered per table and written with the connection's driver-level executemany, in the
order given (parents first, so foreign keys hold at every flush). Values must already be in the
form SQLAlchemy's SQLite types store — UTC datetimes as `utc_text`, dates as ISO text — because
skipping SQLAlchemy's per-row parameter processing is what makes this fast.
"""

from __future__ import annotations

from collections.abc import Sequence
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
        self._rows: dict[Table, list[dict[str, Any]]] = {t: [] for t in tables}
        self.pending = 0

    def add(self, table: Table, row: dict[str, Any]) -> None:
        """Queue a row; every row of a table must have the same keys."""
        self._rows[table].append(row)
        self.pending += 1

    def flush(self) -> None:
        for table, rows in self._rows.items():
            if rows:
                columns = list(rows[0])
                sql = (
                    f"INSERT INTO {table.name} ({', '.join(columns)}) "
                    f"VALUES ({', '.join('?' for _ in columns)})"
                )
                pick = itemgetter(*columns)
                self._connection.exec_driver_sql(sql, [pick(row) for row in rows])
                rows.clear()
        self.pending = 0


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
