"""What every page shares: the core, the clock, the task runner, the change bus and Undo.

Every write goes through `write`: it runs on the worker, its `Changes` are published on the
bus (pages refresh what they show), a failure becomes a message; the core records each write
in its undo history, which Edit ▸ Undo / Redo replay (Ctrl+Z, Ctrl+Shift+Z). Reads that take
a while (exports) go through `read`, on a second worker: they never clear Undo and never wait
behind a long write.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from nurture.app import Nurture
from nurture.services.unit_of_work import Outcome
from ui.bus import Bus
from ui.privacy import Privacy
from ui.tasks import TaskRunner

Write = Callable[[], Outcome[Any]]


class Workspace(QObject):
    history_changed = Signal(object)  # HistoryState: what Undo and Redo would do
    busy = Signal(bool)
    # A write waits for another program's long write (emitted from the worker, shown by the
    # window): "the import of contacts.csv".
    waiting = Signal(str)

    def __init__(self, core: Nurture, now: Callable[[], datetime], parent: QObject | None = None):
        super().__init__(parent)
        self.core = core
        self.now = now
        self.bus = Bus(self)
        self.tasks = TaskRunner(self)  # writes (and reads that must follow them), in order
        self.reads = TaskRunner(self)  # reads that never wait behind a long import
        # Reads done ahead of need (the calendar's next month): never in the way of one asked for.
        self.ahead = TaskRunner(self)
        self.window: QWidget | None = None
        self.privacy = Privacy(self)  # View ▸ Private: what pages redact while it is on
        core.database.waiting = self.waiting.emit

    def write(self, work: Write, done: Callable[[Any], None] | None = None) -> None:
        """Run `work` on the worker; the core records it in the undo history."""
        self.busy.emit(True)

        def finished(outcome: Outcome[Any]) -> None:
            self.busy.emit(False)
            self.bus.publish(outcome.changes)
            self.history_changed.emit(self.core.history.state())
            if done is not None:
                done(outcome.value)

        self.tasks.run(work, finished, self.fail)

    def read(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        """Run a read (an export, a report) on the reader: it changes nothing, so Undo stays."""
        self.reads.run(work, done, self.fail)

    def fail(self, message: str) -> None:
        self.busy.emit(False)
        QMessageBox.warning(self.window, "Nurture", message)

    def undo(self) -> None:
        self.write(self.core.history.undo)

    def redo(self) -> None:
        self.write(self.core.history.redo)


class WindowPart(QObject):
    """A part of the main window that works in the background (backups, sync): its dialogs'
    parent, the workspace, a line at the window's foot, and a worker of its own, so a backup
    or a slow server never waits behind an edit, nor an edit behind them."""

    def __init__(
        self, window: QWidget, workspace: Workspace, show_banner: Callable[[str], None]
    ) -> None:
        super().__init__(window)
        self.window = window
        self.workspace = workspace
        self.core = workspace.core
        self.show_banner = show_banner
        self.runner = TaskRunner(self)
