"""The contacts list at 100,000 contacts: a search keystroke to the repainted list (target under
50 ms) and a full scroll from top to bottom a page at a time (target: no frame over 50 ms),
against a floor of the same view over an in-memory model of the same shape."""

from __future__ import annotations

import os
import statistics
import time
from datetime import datetime

from bench.common import Payload, note, print_table
from bench.workspace import Workspace

TARGET_MS = 50.0
QUERIES = ("tim", "schmitz", "dark chocolate", "referral", "415", "acme")


def run(workspace: Workspace) -> Payload:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView

    from nurture.app import Nurture
    from ui.views.contacts_page import ContactsPage
    from ui.workspace import Workspace as UiWorkspace

    app = QApplication.instance() or QApplication([])
    core = Nurture.open(workspace.shared_data_dir())
    ui = UiWorkspace(core, lambda: datetime.now().astimezone())
    page = ContactsPage(ui)
    page.resize(1400, 900)
    page.show()
    page.model.refresh()
    app.processEvents()

    def repaint() -> None:
        page.table.viewport().repaint()
        app.processEvents()

    search_ms: dict[str, float] = {}
    for query in QUERIES:
        page.set_search("")
        repaint()
        started = time.perf_counter()
        page.set_search(query)
        repaint()
        search_ms[query] = (time.perf_counter() - started) * 1000
    page.set_search("")
    repaint()
    frames = _scroll(page.table, repaint)

    floor_model = QStandardItemModel(2_000, 9)
    for row in range(2_000):
        for column in range(9):
            floor_model.setItem(row, column, QStandardItem(f"cell {row} {column}"))
    floor_view = QTableView()
    floor_view.setModel(floor_model)
    floor_view.resize(1400, 900)
    floor_view.show()

    def floor_repaint() -> None:
        floor_view.viewport().repaint()
        app.processEvents()

    floor_frames = _scroll(floor_view, floor_repaint)
    page.close()
    floor_view.close()
    core.close()
    worst_search = max(search_ms.values())
    print_table(
        f"contacts list at {workspace.contacts:,} contacts (ms); floor = the same view over a "
        "2,000-row in-memory model",
        ("measure", "product", "floor", "target"),
        [
            *[
                (f"search '{q}'", f"{ms:.1f}", "", f"< {TARGET_MS:.0f}")
                for q, ms in search_ms.items()
            ],
            ("scroll: frames", f"{len(frames)}", f"{len(floor_frames)}", ""),
            (
                "scroll: median frame",
                f"{statistics.median(frames):.1f}",
                f"{statistics.median(floor_frames):.1f}",
                "",
            ),
            (
                "scroll: worst frame",
                f"{max(frames):.1f}",
                f"{max(floor_frames):.1f}",
                f"< {TARGET_MS:.0f}",
            ),
        ],
    )
    note(f"  worst search {worst_search:.1f} ms, worst scroll frame {max(frames):.1f} ms")
    return {
        "figures": {
            "keystroke to repainted list (worst)": worst_search,
            "scroll frame (worst)": max(frames),
        },
        "search_ms": search_ms,
        "scroll_frames_ms": frames,
        "floor_frames_ms": floor_frames,
        "meets_search_target": worst_search < TARGET_MS,
        "meets_scroll_target": max(frames) < TARGET_MS,
    }


def _scroll(view: object, repaint: object) -> list[float]:
    """A page down at a time from top to bottom, timing each repaint."""
    from PySide6.QtWidgets import QTableView

    assert isinstance(view, QTableView)
    bar = view.verticalScrollBar()
    step = max(1, bar.pageStep())
    frames: list[float] = []
    value = 0
    while value <= bar.maximum():
        started = time.perf_counter()
        bar.setValue(value)
        repaint()  # type: ignore[operator]
        frames.append((time.perf_counter() - started) * 1000)
        value += step
    return frames
