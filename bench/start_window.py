"""Child process of the cold-start benchmark: start, and quit at the main window's first paint.

    python bench/start_window.py product DATA_DIR   # the real app: ui.application.run_app
    python bench/start_window.py floor              # sqlalchemy.orm + a bare QMainWindow

Both create the QApplication themselves and install the same application-wide event filter,
which notes the wall clock (`time.time_ns()`, comparable with the parent's) when a QMainWindow
receives its first Paint event, and again once that paint pass is over (the window's children,
the contacts table among them, painted too), with the peak memory so far (resident set, MiB).
It prints them as one JSON line and quits.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class QuitAtFirstPaint(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self._app = app
        self._paint_ns = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self._paint_ns
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QMainWindow)
        ):
            self._paint_ns = time.time_ns()
            # Runs when the event loop is back, after this paint pass (and its flush) is done.
            QTimer.singleShot(0, self._painted)
        return False

    def _painted(self) -> None:
        frame_ns = time.time_ns()
        self._app.removeEventFilter(self)
        marks = {"paint_ns": self._paint_ns, "frame_ns": frame_ns, "rss_mib": _peak_mib()}
        print(json.dumps(marks), flush=True)
        self._app.quit()


def _peak_mib() -> float:
    """This program's peak resident memory. Linux: VmHWM (getrusage's ru_maxrss would still
    count the benchmark process this one was forked from, as it survives exec)."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    (line,) = [line for line in status.splitlines() if line.startswith("VmHWM:")]
    return int(line.split()[1]) / 1024  # kB


def _floor(app: QApplication) -> int:
    import sqlalchemy.orm  # noqa: F401  (the floor pays for the ORM import the product needs)

    window = QMainWindow()
    window.resize(1280, 800)  # the product's first-run size
    window.show()
    return app.exec()


def _product(data_dir: str) -> int:
    from ui.application import run_app

    return run_app(data_dir)


def main(argv: list[str]) -> int:
    app = QApplication(sys.argv[:1])
    watcher = QuitAtFirstPaint(app)
    app.installEventFilter(watcher)
    if argv[:1] == ["floor"]:
        return _floor(app)
    if argv[:1] == ["product"] and len(argv) == 2:
        return _product(argv[1])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
