"""What every benchmark shares: timing, medians, the printed tables and the results files."""

from __future__ import annotations

import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent
RESULTS_DIR = BENCH_DIR / "results"

Payload = dict[str, Any]


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def ratio(product: float, floor: float) -> float | None:
    return product / floor if floor > 0 else None


def timed(action: Callable[[], object]) -> float:
    """Seconds `action` took (perf_counter)."""
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def fmt_ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}x"


def _git_commit() -> str:
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except OSError:
        return ""
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=10,
        check=False,
    ).stdout.strip()
    commit = done.stdout.strip()
    return f"{commit}+dirty" if commit and dirty else commit


def environment() -> Payload:
    return {
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "executable": sys.executable,
        "commit": _git_commit(),
    }


def write_results(name: str, payload: Payload) -> Path:
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = RESULTS_DIR / f"{name}.json"
    document = {
        "benchmark": name,
        "recorded_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "environment": environment(),
        **payload,
    }
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def _is_number(text: str) -> bool:
    stripped = text.replace(",", "").replace("x", "").replace("ms", "").replace("s", "").strip()
    try:
        float(stripped)
    except ValueError:
        return False
    return True


def print_table(title: str, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """A plain text table: text columns left-aligned, number columns right-aligned."""
    cells = [[str(c) for c in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in cells:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))

    # A column is right-aligned when every cell in it is a number (the first never is).
    numeric = [i > 0 and all(_is_number(row[i]) for row in cells) for i in range(len(widths))]

    def line(row: Sequence[str]) -> str:
        parts = [
            cell.rjust(widths[i]) if numeric[i] else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        return "  ".join(parts).rstrip()

    print(f"\n{title}")
    print(line(list(headers)))
    print("  ".join("-" * w for w in widths))
    for row in cells:
        print(line(row))
    sys.stdout.flush()


def note(message: str) -> None:
    print(message, flush=True)
