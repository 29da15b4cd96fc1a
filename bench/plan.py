"""Today's plan on the shared demo database: the core computing the day (follow-ups, occasions,
keep-in-touch spread over working days) against the floor of a plain SQL scan of the rows it
reads, and the Today page from opening to the plan painted (target: 300 ms) against the floor of
a bare table view painting the same number of rows."""

from __future__ import annotations

import os
import sqlite3
import time
from datetime import datetime
from functools import partial

from bench.agenda import FLOOR_SQL
from bench.common import Payload, fmt_ratio, median, note, print_table, ratio, timed
from bench.workspace import Workspace

TARGET_MS = 300.0
ROUNDS = 5


def _floor(connection: sqlite3.Connection) -> int:
    return sum(len(connection.execute(sql).fetchall()) for sql in FLOOR_SQL)


def run(workspace: Workspace) -> Payload:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView

    from nurture.app import Nurture
    from nurture.paths import database_path
    from ui.views.today_page import TodayPage
    from ui.workspace import Workspace as UiWorkspace

    data_dir = workspace.shared_data_dir()
    app = QApplication.instance() or QApplication([])
    core = Nurture.open(data_dir)
    raw = sqlite3.connect(f"file:{database_path(data_dir)}?mode=ro", uri=True)
    try:
        _floor(raw)  # warm-up
        floor_ms = [timed(partial(_floor, raw)) * 1000 for _ in range(ROUNDS)]
        plan = core.plan.plan()
        compute_ms = [timed(core.plan.plan) * 1000 for _ in range(ROUNDS)]

        ui = UiWorkspace(core, lambda: datetime.now().astimezone())
        page = TodayPage(ui)
        page.resize(1280, 680)
        page.show()
        app.processEvents()
        screen_ms = []
        for _ in range(ROUNDS):
            page.plan = None
            started = time.perf_counter()
            page.reload()  # what opening the page does: read on the worker, then paint
            while page.plan is None:
                app.processEvents()
                time.sleep(0.001)
            page.table.viewport().repaint()
            app.processEvents()
            screen_ms.append((time.perf_counter() - started) * 1000)
        rows = page.rows.rowCount()

        floor_model = QStandardItemModel(rows, 4)
        for row in range(rows):
            for column in range(4):
                floor_model.setItem(row, column, QStandardItem(f"cell {row} {column}"))
        view = QTableView()
        view.resize(1280, 680)
        view.show()
        bare_ms = []
        for _ in range(ROUNDS):
            started = time.perf_counter()
            view.setModel(floor_model)
            view.viewport().repaint()
            app.processEvents()
            bare_ms.append((time.perf_counter() - started) * 1000)
            view.setModel(None)  # type: ignore[arg-type]
        page.close()
        view.close()
    finally:
        raw.close()
        core.close()
    result: Payload = {
        "contacts": workspace.contacts,
        "rows": len(plan.rows),
        "summary": plan.summary,
        "compute_ms": median(compute_ms),
        "sql_floor_ms": median(floor_ms),
        "compute_ratio": ratio(median(compute_ms), median(floor_ms)),
        "on_screen_ms": median(screen_ms),
        "bare_window_ms": median(bare_ms),
        "on_screen_ratio": ratio(median(screen_ms), median(bare_ms)),
        "target_ms": TARGET_MS,
    }
    print_table(
        f"plan: {workspace.contacts:,}-contact database, {len(plan.rows):,} rows, median of "
        f"{ROUNDS} (ms)",
        ("case", "product ms", "floor ms", "ratio"),
        [
            (
                "plan computed (floor: SQL scan of its rows)",
                f"{result['compute_ms']:.0f}",
                f"{result['sql_floor_ms']:.0f}",
                fmt_ratio(result["compute_ratio"]),
            ),
            (
                "Today on screen (floor: bare table view)",
                f"{result['on_screen_ms']:.0f}",
                f"{result['bare_window_ms']:.0f}",
                fmt_ratio(result["on_screen_ratio"]),
            ),
        ],
    )
    verdict = "meets" if result["on_screen_ms"] <= TARGET_MS else "MISSES"
    note(f"  Today on screen in {result['on_screen_ms']:.0f} ms: {verdict} the 300 ms target")
    return result
