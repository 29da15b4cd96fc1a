"""Agenda: every occurrence of the next 365 days (and 7 and 31, for the Today and Calendar pages)
on the shared demo database, against the floor of a plain SQL scan of the rows it reads."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from functools import partial

from bench.common import Payload, fmt_ratio, median, note, print_table, ratio, timed
from bench.workspace import Workspace
from nurture.app import Nurture
from nurture.paths import database_path

TARGET_MS = 100.0
ROUNDS = 5
WINDOWS = (7, 31, 365)

# The rows the agenda reads, scanned plainly: every date with its contact, every open
# follow-up, every active main contact's touch and cadence fields.
FLOOR_SQL = (
    "SELECT d.id, d.kind, d.label, d.year, d.month, d.day, d.recurrence, d.lead_days, c.id,"
    " c.display_name, c.organization, c.is_light FROM important_dates d"
    " JOIN contacts c ON c.id = d.contact_id",
    "SELECT f.id, f.title, f.due_date, f.rrule, f.completed_through, c.id, c.display_name"
    " FROM follow_ups f JOIN contacts c ON c.id = f.contact_id WHERE f.done_at IS NULL",
    "SELECT id, display_name, last_interaction_at, created_at, keep_in_touch_days, tier"
    " FROM contacts WHERE is_light = 0 AND archived = 0",
)


def _floor(connection: sqlite3.Connection) -> int:
    return sum(len(connection.execute(sql).fetchall()) for sql in FLOOR_SQL)


def run(workspace: Workspace) -> Payload:
    data_dir = workspace.shared_data_dir()
    core = Nurture.open(data_dir)
    raw = sqlite3.connect(f"file:{database_path(data_dir)}?mode=ro", uri=True)
    today = date.today()
    rows: list[Payload] = []
    try:
        floor_rows = _floor(raw)  # warm-up
        floor = [timed(partial(_floor, raw)) * 1000 for _ in range(ROUNDS)]
        for days in WINDOWS:
            end = today + timedelta(days=days - 1)
            found = len(core.agenda.between(today, end, today))  # warm-up
            product = [
                timed(partial(core.agenda.between, today, end, today)) * 1000 for _ in range(ROUNDS)
            ]
            rows.append(
                {
                    "days": days,
                    "occurrences": found,
                    "product_ms": median(product),
                    "floor_ms": median(floor),
                    "ratio": ratio(median(product), median(floor)),
                    "product_samples_ms": product,
                }
            )
    finally:
        raw.close()
        core.close()
    year = rows[-1]
    print_table(
        f"agenda: {workspace.contacts:,}-contact database, median of {ROUNDS} (ms); floor = plain "
        f"SQL scan of the {floor_rows:,} rows it reads",
        ("window", "occurrences", "product ms", "floor ms", "ratio"),
        [
            (
                f"{r['days']} days",
                f"{r['occurrences']:,}",
                f"{r['product_ms']:.0f}",
                f"{r['floor_ms']:.0f}",
                fmt_ratio(r["ratio"]),
            )
            for r in rows
        ],
    )
    verdict = "meets" if year["product_ms"] < TARGET_MS else "MISSES"
    note(f"  365-day agenda {year['product_ms']:.0f} ms {verdict} the {TARGET_MS:.0f} ms target")
    return {
        "contacts": workspace.contacts,
        "target_ms": TARGET_MS,
        "floor_rows": floor_rows,
        "floor_samples_ms": floor,
        "windows": rows,
        "meets_target": year["product_ms"] < TARGET_MS,
    }
