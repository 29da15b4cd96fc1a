"""`search`: the query behind `nurture contacts --search Q`, on the shared demo database.

Product: `ListingService.page(ContactQuery(search=q), 0, 100)` (the ids in display order, then
their summaries) and `ListingService.count(...)`, through the product's engine and sessions.
Floor: the bare FTS5 lookup the product is built on, with raw `sqlite3` on the same file:
`SELECT rowid FROM contact_search WHERE contact_search MATCH ? LIMIT 100`, with the product's
own match expression. For information, the whole command line as a subprocess (median of 3).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from bench.common import Payload, fmt_ratio, median, note, print_table, ratio
from bench.workspace import Workspace
from nurture.app import Nurture
from nurture.db.search_index import match_expression
from nurture.paths import database_path
from nurture.services.listing import ContactQuery

TARGET_MS = 10.0
ROUNDS = 15
CLI_RUNS = 3
PAGE_SIZE = 100
FLOOR_SQL = "SELECT rowid FROM contact_search WHERE contact_search MATCH ? LIMIT 100"


@dataclass(frozen=True, slots=True)
class SearchCase:
    label: str
    query: str


def pick_queries(path: Path) -> list[SearchCase]:
    """Realistic searches, taken from the database itself where they depend on its content."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        (main,) = connection.execute(
            "SELECT count(*) FROM contacts WHERE NOT is_light AND NOT archived"
        ).fetchone()
        contact_id, name, organization = connection.execute(
            "SELECT id, display_name, organization FROM contacts "
            "WHERE NOT is_light AND NOT archived AND organization <> '' "
            "ORDER BY id LIMIT 1 OFFSET ?",
            (max(0, main // 2),),
        ).fetchone()
        email_row = connection.execute(
            "SELECT address FROM emails WHERE contact_id = ? ORDER BY is_primary DESC, position",
            (contact_id,),
        ).fetchone()
        phone_row = connection.execute(
            "SELECT raw FROM phones WHERE contact_id = ? ORDER BY is_primary DESC, position",
            (contact_id,),
        ).fetchone()
    finally:
        connection.close()
    local = email_row[0].split("@")[0] if email_row else name.split()[0].lower()
    digits = "".join(c for c in phone_row[0] if c.isdigit()) if phone_row else "555"
    return [
        SearchCase("full name", name),
        SearchCase("company word", organization.split()[0]),
        SearchCase("preference", "scotch"),
        SearchCase("two words", "dark chocolate"),
        SearchCase("email prefix", local[: max(3, len(local) - 3)]),
        SearchCase("phone digits", digits),
        SearchCase("tag", "referral"),
    ]


def _ms(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def _floor(connection: sqlite3.Connection, expression: str) -> list[tuple[int]]:
    return connection.execute(FLOOR_SQL, (expression,)).fetchall()


def _nurture_command() -> list[str]:
    script = Path(sys.executable).with_name("nurture")
    return [str(script)] if script.exists() else [sys.executable, "-m", "nurture"]


def _cli_ms(arguments: list[str]) -> tuple[float, str]:
    env = {k: v for k, v in os.environ.items() if k != "NURTURE_DATA_DIR"}
    started = time.perf_counter()
    done = subprocess.run(
        [*_nurture_command(), *arguments], capture_output=True, text=True, env=env, check=False
    )
    elapsed = (time.perf_counter() - started) * 1000
    if done.returncode != 0:
        raise RuntimeError(f"nurture {' '.join(arguments)} failed: {done.stderr.strip()}")
    return elapsed, done.stdout


def run(workspace: Workspace) -> Payload:
    data_dir = workspace.shared_data_dir()
    path = database_path(data_dir)
    cases = pick_queries(path)
    core = Nurture.open(data_dir)
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    results: list[Payload] = []
    try:
        listing = core.listing
        timings: dict[str, dict[str, list[float]]] = {
            c.label: {"page": [], "count": [], "floor": []} for c in cases
        }
        matches: dict[str, int] = {}
        expressions: dict[str, str] = {}
        for case in cases:  # warm-up: caches, compiled statements, the pool's connection
            query = ContactQuery(search=case.query)
            expression = match_expression(case.query)
            assert expression is not None, case
            expressions[case.label] = expression
            listing.page(query, 0, PAGE_SIZE)
            matches[case.label] = listing.count(query)
            _floor(raw, expression)
        for _ in range(ROUNDS):
            for case in cases:
                query = ContactQuery(search=case.query)
                expression = expressions[case.label]
                times = timings[case.label]
                times["page"].append(_ms(partial(listing.page, query, 0, PAGE_SIZE)))
                times["count"].append(_ms(partial(listing.count, query)))
                times["floor"].append(_ms(partial(_floor, raw, expression)))
    finally:
        raw.close()
        core.close()

    note(f"  timing the command line ({CLI_RUNS} runs per query)...")
    baseline = [_cli_ms(["--version"])[0] for _ in range(CLI_RUNS)]
    for case in cases:
        cli: list[float] = []
        listed = 0
        for _ in range(CLI_RUNS):
            elapsed, output = _cli_ms(
                ["--data-dir", str(data_dir), "contacts", "--search", case.query, "--json"]
            )
            cli.append(elapsed)
            listed = len(json.loads(output))
        times = timings[case.label]
        page, count, floor = (median(times[k]) for k in ("page", "count", "floor"))
        results.append(
            {
                "label": case.label,
                "query": case.query,
                "match": expressions[case.label],
                "matches": matches[case.label],
                "page_ms": page,
                "count_ms": count,
                "floor_ms": floor,
                "page_ratio": ratio(page, floor),
                "count_ratio": ratio(count, floor),
                "meets_target": page < TARGET_MS and count < TARGET_MS,
                "cli_ms": median(cli),
                "cli_listed": listed,
                "page_samples_ms": times["page"],
                "count_samples_ms": times["count"],
                "floor_samples_ms": times["floor"],
                "cli_samples_ms": cli,
            }
        )

    print_table(
        f"search: {workspace.contacts:,}-contact database, median of {ROUNDS} after a warm-up "
        f"(ms); floor = raw FTS5 MATCH ... LIMIT 100",
        (
            "query",
            "text",
            "matches",
            "page ms",
            "count ms",
            "floor ms",
            "page/floor",
            "count/floor",
            f"both < {TARGET_MS:.0f} ms",
            "CLI ms",
            "CLI rows",
        ),
        [
            (
                r["label"],
                _short(r["query"]),
                f"{r['matches']:,}",
                f"{r['page_ms']:.2f}",
                f"{r['count_ms']:.2f}",
                f"{r['floor_ms']:.3f}",
                fmt_ratio(r["page_ratio"]),
                fmt_ratio(r["count_ratio"]),
                "yes" if r["meets_target"] else "NO",
                f"{r['cli_ms']:.0f}",
                f"{r['cli_listed']:,}",
            )
            for r in results
        ],
    )
    note(f"  (`nurture --version`, the command line's start-up alone: {median(baseline):.0f} ms)")
    return {
        "contacts": workspace.contacts,
        "rounds": ROUNDS,
        "page_size": PAGE_SIZE,
        "target_ms": TARGET_MS,
        "floor_sql": FLOOR_SQL,
        "cli_runs": CLI_RUNS,
        "cli_startup_ms": median(baseline),
        "cli_startup_samples_ms": baseline,
        "queries": results,
        "figures": {
            "search page (median query)": median([r["page_ms"] for r in results]),
            "search count (median query)": median([r["count_ms"] for r in results]),
            "nurture contacts --search (median)": median([r["cli_ms"] for r in results]),
        },
    }


def _short(text: str, width: int = 24) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
