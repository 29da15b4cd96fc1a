"""`demo`: `nurture.demo.generate` for N contacts on a fresh data folder, against a raw floor.

The floor is the least a program could spend writing the same database: plain DB-API
`executemany`, through the product's own driver (SQLCipher's build of SQLite, which costs more
per row than Python's `sqlite3`), of exactly as many rows per table as the product wrote (counted
in the product's file), into a fresh Nurture data folder (so the same schema, indexes, triggers
and FTS5 table), with the product's pragmas (WAL, synchronous=FULL, foreign_keys=ON,
secure_delete=ON) and in one transaction, its
secondary indexes dropped first and made again after the rows, as the product does into an empty
database.

Floor rows are synthetic but of the product's shape: the non-key columns cycle through a sample
of the product's own rows (so text lengths and NULLs match), ids count up, foreign keys point at
existing parents in ascending order, and unique columns get unique values. The rows are built
before the clock starts, so the floor times SQLite (and the driver), not Python building rows.
The product's extra pass (the search index built with INSERT ... SELECT) is covered by the
floor's direct writes of the FTS5 rows.
"""

from __future__ import annotations

import random
import sqlite3
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.common import Payload, fmt_ratio, median, note, print_table, ratio
from bench.workspace import Workspace
from nurture.app import Nurture
from nurture.db.driver import sqlite as driver
from nurture.db.engine import BUSY_TIMEOUT_MS
from nurture.demo import generate
from nurture.paths import database_path

TARGET_SECONDS = 30.0  # issue 17: sample data of 100,000 contacts in half a minute
TARGET_CONTACTS = 100_000
SAMPLE_ROWS = 1000
FTS_SHADOW_SUFFIXES = ("_data", "_idx", "_content", "_docsize", "_config")
SKIPPED_TABLES = frozenset({"alembic_version"})

Row = tuple[Any, ...]
Override = Callable[[int, list[Any]], None]


def runs_for(contacts: int) -> int:
    """Product runs (each followed by a floor run): 3, or 2 at 50,000+ contacts to fit ~4 min,
    1 at 500,000+ (a run takes minutes there)."""
    return 1 if contacts >= 500_000 else 2 if contacts >= 50_000 else 3


def _connect(path: Path) -> driver.Connection:
    """A connection set up like the product's engine (`nurture.db.engine._on_connect`)."""
    connection = driver.connect(str(path), isolation_level=None)
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("PRAGMA secure_delete = ON")
    return connection


def user_tables(connection: sqlite3.Connection) -> list[tuple[str, bool]]:
    """(name, is_virtual) of every table the product writes, FTS5 shadow tables left out."""
    found = connection.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    virtual = {name for name, sql in found if sql.upper().startswith("CREATE VIRTUAL TABLE")}
    shadow = {f"{v}{suffix}" for v in virtual for suffix in FTS_SHADOW_SUFFIXES}
    return sorted(
        (name, name in virtual)
        for name, _sql in found
        if name not in shadow and name not in SKIPPED_TABLES
    )


def count_rows(path: Path) -> dict[str, int]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {
            name: int(connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])
            for name, _virtual in user_tables(connection)
        }
    finally:
        connection.close()


@dataclass
class _TablePlan:
    name: str
    virtual: bool
    columns: list[str]
    rows: list[Row] = field(default_factory=list)

    @property
    def sql(self) -> str:
        names = ", ".join(f'"{c}"' for c in self.columns)
        marks = ", ".join("?" for _ in self.columns)
        return f'INSERT INTO "{self.name}" ({names}) VALUES ({marks})'


def _foreign_keys(connection: sqlite3.Connection, table: str) -> dict[str, str]:
    """column -> parent table."""
    return {row[3]: row[2] for row in connection.execute(f'PRAGMA foreign_key_list("{table}")')}


def _unique_columns(connection: sqlite3.Connection, table: str) -> set[str]:
    """Columns that are alone in a unique index other than the primary key."""
    unique: set[str] = set()
    for _seq, index, is_unique, origin, _partial in connection.execute(
        f'PRAGMA index_list("{table}")'
    ):
        if is_unique and origin != "pk":
            info = connection.execute(f'PRAGMA index_info("{index}")').fetchall()
            if len(info) == 1 and info[0][2] is not None:
                unique.add(info[0][2])
    return unique


def _dependency_order(plans: dict[str, _TablePlan], parents: dict[str, set[str]]) -> list[str]:
    ordered: list[str] = []
    placed: set[str] = set()

    def place(name: str, path: tuple[str, ...] = ()) -> None:
        if name in placed or name in path:
            return
        for parent in sorted(parents.get(name, set())):
            if parent != name and parent in plans:
                place(parent, (*path, name))
        placed.add(name)
        ordered.append(name)

    for name in sorted(plans, key=lambda n: (plans[n].virtual, n)):
        place(name)
    return ordered


def plan_floor(product: Path, fresh: Path) -> tuple[list[_TablePlan], dict[str, int]]:
    """Rows for the floor: as many per table as the product wrote beyond a fresh database."""
    rng = random.Random(7)
    source = sqlite3.connect(f"file:{product}?mode=ro", uri=True)
    empty = sqlite3.connect(f"file:{fresh}?mode=ro", uri=True)
    try:
        product_counts = count_rows(product)
        fresh_counts = count_rows(fresh)
        plans: dict[str, _TablePlan] = {}
        parents: dict[str, set[str]] = {}
        for name, virtual in user_tables(source):
            extra = product_counts[name] - fresh_counts.get(name, 0)
            if extra <= 0:
                continue
            info = source.execute(f'PRAGMA table_info("{name}")').fetchall()
            columns = [row[1] for row in info]
            pk = [row[1] for row in sorted(info, key=lambda r: r[5]) if row[5]]
            types = {row[1]: str(row[2]).upper() for row in info}
            rowid_alias = pk[0] if len(pk) == 1 and types[pk[0]] == "INTEGER" else None
            if virtual:
                columns = ["rowid", *columns]
                rowid_alias = "rowid"
            keys = _foreign_keys(source, name)
            parents[name] = set(keys.values())
            selected = ", ".join(f'"{c}"' if c != "rowid" else "rowid" for c in columns)
            plan = _TablePlan(name, virtual, columns)
            plans[name] = plan
            if fresh_counts.get(name, 0) == 0 and product_counts[name] <= SAMPLE_ROWS:
                # A small table (the tags): its rows exactly.
                plan.rows = source.execute(f'SELECT {selected} FROM "{name}"').fetchall()
                continue
            first = 1 + int(
                empty.execute(f'SELECT coalesce(max(rowid), 0) FROM "{name}"').fetchone()[0]
            )
            # Templates: every k-th row of the product's, so their shapes span the whole table.
            step = max(1, product_counts[name] // SAMPLE_ROWS)
            templates = source.execute(
                f'SELECT {selected} FROM "{name}" WHERE rowid % ? = 0 LIMIT ?', (step, SAMPLE_ROWS)
            ).fetchall()
            plan.rows = _synthetic_rows(
                source,
                name,
                columns,
                templates or _first_rows(source, name, selected),
                extra,
                first,
                rowid_alias,
                pk,
                keys,
                _unique_columns(source, name),
                rng,
            )
        order = _dependency_order(plans, parents)
        return [plans[name] for name in order], product_counts
    finally:
        source.close()
        empty.close()


def _first_rows(source: sqlite3.Connection, table: str, selected: str) -> list[Row]:
    return source.execute(f'SELECT {selected} FROM "{table}" LIMIT ?', (SAMPLE_ROWS,)).fetchall()


def _synthetic_rows(
    source: sqlite3.Connection,
    table: str,
    columns: list[str],
    templates: list[Row],
    count: int,
    first: int,
    rowid_alias: str | None,
    pk: list[str],
    keys: dict[str, str],
    unique: set[str],
    rng: random.Random,
) -> list[Row]:
    """`count` rows: template values, with ids, foreign keys and unique columns made valid."""
    top = {
        parent: int(source.execute(f'SELECT coalesce(max(rowid), 0) FROM "{parent}"').fetchone()[0])
        for parent in set(keys.values())
    }
    fk_columns = [c for c in columns if c in keys]
    # The owning foreign key (contact_id; the first key column of a link table) counts up through
    # its parents as the product's rows do; the others point elsewhere, never at the owner.
    leading = next((c for c in pk if c in keys), fk_columns[0] if fk_columns else None)
    overrides: list[Override] = []
    if rowid_alias is not None:
        overrides.append(_ids(columns.index(rowid_alias), first))
    for column in ([leading] if leading else []) + [c for c in fk_columns if c != leading]:
        index = columns.index(column)
        parent = keys[column]
        if parent == table:
            overrides.append(_earlier_row(index, first))
        elif column == leading:
            overrides.append(_ascending(index, top[parent], count))
        elif leading is not None and parent == keys[leading]:
            overrides.append(_next_after(index, columns.index(leading), top[parent]))
        else:
            overrides.append(_cycling(index, top[parent]))
    for column in sorted(unique - set(keys) - {rowid_alias}):
        overrides.append(_random_uuid(columns.index(column), rng))

    rows: list[Row] = []
    size = len(templates)
    for i in range(count):
        row = list(templates[i % size])
        for override in overrides:
            override(i, row)
        rows.append(tuple(row))
    return rows


# Each override sets one column of a row being built (a list still holding template values).


def _ids(index: int, first: int) -> Override:
    def make(i: int, row: list[Any]) -> None:
        row[index] = first + i

    return make


def _earlier_row(index: int, first: int) -> Override:
    def make(i: int, row: list[Any]) -> None:
        if row[index] is not None:
            row[index] = first + i // 2

    return make


def _ascending(index: int, parent_top: int, count: int) -> Override:
    def make(i: int, row: list[Any]) -> None:
        if row[index] is not None:
            row[index] = i * parent_top // count + 1

    return make


def _next_after(index: int, lead_index: int, parent_top: int) -> Override:
    def make(_i: int, row: list[Any]) -> None:
        if row[index] is not None and row[lead_index] is not None:
            row[index] = row[lead_index] % parent_top + 1

    return make


def _cycling(index: int, parent_top: int) -> Override:
    def make(i: int, row: list[Any]) -> None:
        if row[index] is not None:
            row[index] = i % parent_top + 1

    return make


def _random_uuid(index: int, rng: random.Random) -> Override:
    def make(_i: int, row: list[Any]) -> None:
        row[index] = str(uuid.UUID(int=rng.getrandbits(128), version=4))

    return make


class _Stopwatch:
    """Wall and CPU seconds: on a machine shared with other work, the CPU seconds this process
    spent say what the code costs when the wall clock also counts the others' runs."""

    def __init__(self) -> None:
        self._wall, self._cpu = time.perf_counter(), time.process_time()

    def read(self) -> tuple[float, float]:
        return time.perf_counter() - self._wall, time.process_time() - self._cpu


def run_floor(plans: list[_TablePlan], path: Path) -> tuple[float, float]:
    """Wall and CPU seconds to write every planned row in one transaction (connection opened
    untimed)."""
    connection = _connect(path)
    try:
        watch = _Stopwatch()
        connection.execute("BEGIN IMMEDIATE")
        tables = [plan.name for plan in plans if not plan.virtual]
        indexes = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            f"AND tbl_name IN ({', '.join('?' for _ in tables)})",
            tables,
        ).fetchall()
        for name, _sql in indexes:
            connection.execute(f'DROP INDEX "{name}"')
        for plan in plans:
            connection.executemany(plan.sql, plan.rows)
        for _name, sql in indexes:
            connection.execute(sql)
        connection.execute("COMMIT")
        return watch.read()
    finally:
        connection.close()


def run_product(data_dir: Path, contacts: int) -> tuple[float, float]:
    core = Nurture.open(data_dir)  # schema created here, untimed
    try:
        watch = _Stopwatch()
        generate(core.database, contacts=contacts)
        return watch.read()
    finally:
        core.close()


def run(workspace: Workspace) -> Payload:
    contacts = workspace.contacts
    runs = runs_for(contacts)
    product_times: list[float] = []
    floor_times: list[float] = []
    product_cpu: list[float] = []
    floor_cpu: list[float] = []
    plans: list[_TablePlan] | None = None
    counts: dict[str, int] = {}
    for attempt in range(runs):
        data_dir = workspace.fresh_dir("demo")
        seconds, cpu = run_product(data_dir, contacts)
        product_times.append(seconds)
        product_cpu.append(cpu)
        note(f"  demo run {attempt + 1}/{runs}: product {seconds:.2f} s ({cpu:.2f} s CPU)")
        if plans is None:
            blank = workspace.fresh_dir("blank")
            Nurture.open(blank).close()
            plans, counts = plan_floor(database_path(data_dir), database_path(blank))
            workspace.discard(blank)
        if not workspace.offer(data_dir):
            workspace.discard(data_dir)
        floor_dir = workspace.fresh_dir("floor")
        Nurture.open(floor_dir).close()  # the same schema, made by the product's migrations
        floor_path = database_path(floor_dir)
        seconds, cpu = run_floor(plans, floor_path)
        floor_times.append(seconds)
        floor_cpu.append(cpu)
        if attempt == 0 and (written := count_rows(floor_path)) != counts:
            raise RuntimeError(f"the floor wrote other row counts: {written} != {counts}")
        workspace.discard(floor_dir)
        note(f"  demo run {attempt + 1}/{runs}: floor   {seconds:.2f} s ({cpu:.2f} s CPU)")
    product = median(product_times)
    floor = median(floor_times)
    cpu_product, cpu_floor = median(product_cpu), median(floor_cpu)
    # The target is the issue's, for 100,000 contacts; a larger network has none.
    meets = product <= TARGET_SECONDS if contacts <= TARGET_CONTACTS else None
    print_table(
        f"demo: generate({contacts:,} contacts) vs raw executemany of the same rows "
        f"(median of {runs})",
        ("what", "seconds", "floor s", "ratio", f"target <= {TARGET_SECONDS:.0f} s"),
        [
            (
                "nurture.demo.generate",
                f"{product:.2f}",
                f"{floor:.2f}",
                fmt_ratio(ratio(product, floor)),
                {True: "yes", False: "NO", None: "n/a"}[meets],
            ),
            (
                "  its CPU time",
                f"{cpu_product:.2f}",
                f"{cpu_floor:.2f}",
                fmt_ratio(ratio(cpu_product, cpu_floor)),
                "",
            ),
        ],
    )
    print_table(
        "demo: rows per table (product = floor)",
        ("table", "rows"),
        [(name, f"{n:,}") for name, n in sorted(counts.items(), key=lambda kv: -kv[1])],
    )
    return {
        "contacts": contacts,
        "runs": runs,
        "product_seconds": product,
        "floor_seconds": floor,
        "ratio": ratio(product, floor),
        "target_seconds": TARGET_SECONDS,
        "meets_target": meets,
        "product_samples": product_times,
        "floor_samples": floor_times,
        "product_cpu_seconds": cpu_product,
        "floor_cpu_seconds": cpu_floor,
        "rows_per_table": counts,
        "total_rows": sum(counts.values()),
        "figures": {"generate": product * 1000},
    }
