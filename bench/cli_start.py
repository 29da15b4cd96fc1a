"""`cli_start`: how long the `nurture` program takes to answer what needs no data.

Product: the installed `nurture` script (the one users run) with `--version`, `--help` and
`agenda --help`. Floor: `python -c "import nurture"` — the interpreter's start plus the package,
the least any command can cost. Each is spawned alternately RUNS times after one warm-up; the
figure is the median wall time from spawn to exit.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from bench.common import Payload, fmt_ratio, median, note, print_table, ratio
from bench.workspace import Workspace

RUNS = 25
TARGET_RATIO = 1.5
PROGRAM = Path(sys.executable).with_name("nurture")
CASES: dict[str, list[str]] = {
    "floor": [sys.executable, "-c", "import nurture"],
    "--version": [str(PROGRAM), "--version"],
    "--help": [str(PROGRAM), "--help"],
    "agenda --help": [str(PROGRAM), "agenda", "--help"],
}


def _spawn(command: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, check=False, env=os.environ.copy())
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited with {done.returncode}: {done.stderr!r}")
    return elapsed * 1000


def run(workspace: Workspace) -> Payload:
    if not PROGRAM.exists():
        raise RuntimeError(f"{PROGRAM} is missing: install Nurture in this environment first")
    samples: dict[str, list[float]] = {case: [] for case in CASES}
    for attempt in range(RUNS + 1):
        for case, command in CASES.items():
            elapsed = _spawn(command)
            if attempt:  # the first round warms the file cache and the .pyc files
                samples[case].append(elapsed)
    medians = {case: median(values) for case, values in samples.items()}
    floor = medians["floor"]
    rows = []
    cases: Payload = {}
    for case in CASES:
        if case == "floor":
            continue
        product = medians[case]
        measured = ratio(product, floor)
        meets = measured is not None and measured <= TARGET_RATIO
        cases[case] = {"product_ms": product, "floor_ms": floor, "ratio": measured, "meets": meets}
        rows.append(
            (
                f"nurture {case}",
                f"{product:.1f}",
                f"{floor:.1f}",
                fmt_ratio(measured),
                "yes" if meets else "NO",
            )
        )
    print_table(
        f"cli_start: spawn to exit, median of {RUNS} (floor: python -c 'import nurture'; "
        f"target ≤ {TARGET_RATIO}x)",
        ("command", "ms", "floor ms", "ratio", "meets"),
        rows,
    )
    note(f"  ({workspace.contacts:,} contacts do not matter here: no data is opened)")
    return {
        "runs": RUNS,
        "target_ratio": TARGET_RATIO,
        "cases": cases,
        "samples_ms": samples,
        "figures": {f"nurture {case}": medians[case] for case in CASES if case != "floor"},
    }
