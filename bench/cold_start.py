"""`cold_start`: process spawn to the main window's first paint, on the shared demo database.

Product: `bench/start_window.py product DIR`, the real `ui.application.run_app` on the demo
database, encrypted as every user's is from the first start (the key in a keyring). Floor:
`bench/start_window.py floor`, a process that imports `sqlalchemy.orm`, shows a bare QMainWindow
of the same size and quits at its first paint. Both run offscreen
(QT_QPA_PLATFORM=offscreen) with a fresh XDG_CONFIG_HOME each (first-run QSettings), one untimed
warm-up each (so .pyc files and the OS file cache are warm, as on any second start), then
alternately. "paint" is the QMainWindow's first Paint event, "frame" the end of that paint pass
(the contacts table's visible rows included), "exit" the process's end (informational); the
peak resident memory at that frame is measured too (target: at most 250 MiB with the list open).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench.common import BENCH_DIR, Payload, fmt_ratio, median, note, print_table, ratio
from bench.workspace import Workspace
from nurture.paths import database_path

RUNS = 7
TARGET_RATIO = 1.3
TARGET_RSS_MIB = 250.0
CHILD = BENCH_DIR / "start_window.py"
TIMEOUT_S = 120


def _keyring(share: Path) -> dict[str, str]:
    """A file keyring, as a desktop's keyring would be: the window finds the key without asking
    (keyrings.alt; Nurture trusts such a keyring only with NURTURE_TEST_KEYRING=1)."""
    return {
        "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
        "XDG_DATA_HOME": str(share),
        "NURTURE_TEST_KEYRING": "1",
    }


def _encrypted_copy(workspace: Workspace, keyring: dict[str, str]) -> Path:
    """The shared database as a user's is from its first start on: encrypted (untimed)."""
    copy = workspace.fresh_dir("encrypted")
    shutil.copy2(workspace.shared_database(), database_path(copy))
    note(f"  encrypting a copy of the {workspace.contacts:,}-contact database (untimed)...")
    subprocess.run(
        [sys.executable, "-m", "nurture", "--data-dir", str(copy), "encrypt"],
        env={**os.environ, **keyring},
        capture_output=True,
        check=True,
        timeout=TIMEOUT_S * 20,
    )
    return copy


def _spawn(arguments: list[str], config_home: Path, keyring: dict[str, str]) -> dict[str, float]:
    env = {k: v for k, v in os.environ.items() if k != "NURTURE_DATA_DIR"} | keyring
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["XDG_CONFIG_HOME"] = str(config_home)
    started_ns = time.time_ns()
    done = subprocess.run(
        [sys.executable, str(CHILD), *arguments],
        capture_output=True,
        text=True,
        env=env,
        timeout=TIMEOUT_S,
        check=False,
    )
    exit_ns = time.time_ns()
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(
            f"{CHILD.name} {' '.join(arguments)} exited with {done.returncode}: "
            f"{done.stderr.strip()[-2000:]}"
        )
    marks = json.loads(lines[-1])
    return {
        "paint_ms": (marks["paint_ns"] - started_ns) / 1e6,
        "frame_ms": (marks["frame_ns"] - started_ns) / 1e6,
        "exit_ms": (exit_ns - started_ns) / 1e6,
        "rss_mib": float(marks["rss_mib"]),
    }


def run(workspace: Workspace) -> Payload:
    keyring = _keyring(workspace.fresh_dir("share"))
    data_dir = _encrypted_copy(workspace, keyring)
    kinds = {"product": ["product", str(data_dir)], "floor": ["floor"]}
    samples: dict[str, list[dict[str, float]]] = {kind: [] for kind in kinds}
    for attempt in range(RUNS + 1):
        for kind, arguments in kinds.items():
            config_home = workspace.fresh_dir("xdg-config")
            measured = _spawn(arguments, config_home, keyring)
            workspace.discard(config_home)
            if attempt:  # the first round warms up
                samples[kind].append(measured)
        if attempt:
            product, floor = (samples[kind][-1]["paint_ms"] for kind in kinds)
            note(
                f"  cold start run {attempt}/{RUNS}: product {product:.0f} ms, floor {floor:.0f} ms"
            )

    def med(kind: str, key: str) -> float:
        return median([s[key] for s in samples[kind]])

    rows = []
    summary: Payload = {}
    for key in ("paint_ms", "frame_ms", "exit_ms"):
        product, floor = med("product", key), med("floor", key)
        summary[key] = {"product": product, "floor": floor, "ratio": ratio(product, floor)}
        rows.append(
            (
                key.removesuffix("_ms"),
                f"{product:.0f}",
                f"{floor:.0f}",
                fmt_ratio(ratio(product, floor)),
            )
        )
    rss, rss_floor = med("product", "rss_mib"), med("floor", "rss_mib")
    rows.append(
        ("memory (MiB, peak)", f"{rss:.0f}", f"{rss_floor:.0f}", fmt_ratio(ratio(rss, rss_floor)))
    )
    paint_ratio = summary["paint_ms"]["ratio"]
    print_table(
        f"cold_start: spawn to the main window's first paint, {workspace.contacts:,}-contact "
        f"database, median of {RUNS} (ms; target: product within {TARGET_RATIO}x of the floor)",
        ("until", "product ms", "floor ms", "ratio"),
        rows,
    )
    note(
        "  paint ratio "
        + fmt_ratio(paint_ratio)
        + (" meets" if paint_ratio is not None and paint_ratio <= TARGET_RATIO else " MISSES")
        + f" the {TARGET_RATIO}x target"
    )
    note(
        f"  memory {rss:.0f} MiB"
        + (" meets" if rss <= TARGET_RSS_MIB else " MISSES")
        + f" the {TARGET_RSS_MIB:.0f} MiB target"
    )
    return {
        "contacts": workspace.contacts,
        "runs": RUNS,
        "target_ratio": TARGET_RATIO,
        "product_ms": summary["paint_ms"]["product"],
        "floor_ms": summary["paint_ms"]["floor"],
        "ratio": paint_ratio,
        "meets_target": paint_ratio is not None and paint_ratio <= TARGET_RATIO,
        "medians": summary,
        "rss_mib": rss,
        "floor_rss_mib": rss_floor,
        "meets_memory_target": rss <= TARGET_RSS_MIB,
        "figures": {"window first paint": summary["paint_ms"]["product"], "memory MiB": rss},
        "samples": samples,
    }
