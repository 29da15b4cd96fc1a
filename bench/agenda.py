"""Agenda: every occurrence of the next 365 days (and 7 and 42, for Today and a Calendar month)
on the shared demo database, against the floor of a plain SQL scan of the rows it reads; and
`nurture agenda --days 7` and `nurture plan` as a user runs them (spawn to exit, output to
/dev/null) against the process floor: Python importing sqlalchemy.orm and reading the file with
sqlite3 (target: at most 100 ms beyond it)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import date, timedelta
from functools import partial
from pathlib import Path

from bench.common import Payload, fmt_ratio, median, print_table, ratio, timed
from bench.workspace import Workspace
from nurture.app import Nurture
from nurture.paths import database_path

TARGET_MS = 100.0
ROUNDS = 5
CLI_ROUNDS = 3
WINDOWS = (7, 42, 365)
# A year of a million contacts' occasions is minutes per round: past this size, Today and a month.
YEAR_UP_TO = 100_000
PROGRAM = Path(sys.executable).with_name("nurture")
COMMANDS = (("agenda", "--days", "7"), ("plan",))
PROCESS_FLOOR = (
    "import sys, sqlite3, sqlalchemy.orm\n"
    "c = sqlite3.connect(f'file:{sys.argv[1]}?mode=ro', uri=True)\n"
    "c.execute('SELECT count(*) FROM contacts').fetchall()"
)

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


def _spawn(command: list[str], data_dir: Path) -> float:
    env = {**os.environ, "NURTURE_DATA_DIR": str(data_dir)}
    return timed(
        partial(
            subprocess.run,
            command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=True,
            env=env,
            timeout=600,
        )
    )


def _command_line(data_dir: Path) -> list[Payload]:
    """Each command against the process floor, alternately, after one untimed round."""
    floor_command = [sys.executable, "-c", PROCESS_FLOOR, str(database_path(data_dir))]
    samples: dict[str, list[float]] = {"floor": []}
    for attempt in range(CLI_ROUNDS + 1):
        for words in COMMANDS:
            spent = _spawn([str(PROGRAM), *words], data_dir) * 1000
            if attempt:
                samples.setdefault(" ".join(words), []).append(spent)
        spent = _spawn(floor_command, data_dir) * 1000
        if attempt:
            samples["floor"].append(spent)
    floor = median(samples.pop("floor"))
    return [
        {"command": f"nurture {name}", "product_ms": median(v), "floor_ms": floor}
        for name, v in samples.items()
    ]


def run(workspace: Workspace) -> Payload:
    data_dir = workspace.shared_data_dir()
    core = Nurture.open(data_dir)
    raw = sqlite3.connect(f"file:{database_path(data_dir)}?mode=ro", uri=True)
    today = date.today()
    rows: list[Payload] = []
    try:
        floor_rows = _floor(raw)  # warm-up
        floor = [timed(partial(_floor, raw)) * 1000 for _ in range(ROUNDS)]
        for days in [d for d in WINDOWS if d < 365 or workspace.contacts <= YEAR_UP_TO]:
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
    commands = _command_line(data_dir)
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
    print_table(
        f"agenda: the command line, spawn to exit, median of {CLI_ROUNDS} (ms; floor: a process "
        f"importing sqlalchemy.orm and reading the file; target ≤ floor + {TARGET_MS:.0f} ms)",
        ("command", "product ms", "floor ms", "beyond floor", "meets"),
        [
            (
                c["command"],
                f"{c['product_ms']:.0f}",
                f"{c['floor_ms']:.0f}",
                f"{c['product_ms'] - c['floor_ms']:.0f}",
                "yes" if c["product_ms"] - c["floor_ms"] <= TARGET_MS else "NO",
            )
            for c in commands
        ],
    )
    figures = {f"agenda {r['days']} days": r["product_ms"] for r in rows}
    figures.update({c["command"]: c["product_ms"] for c in commands})
    return {
        "contacts": workspace.contacts,
        "figures": figures,
        "command_line": commands,
        "target_ms": TARGET_MS,
        "floor_rows": floor_rows,
        "floor_samples_ms": floor,
        "windows": rows,
    }
