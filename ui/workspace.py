"""What every page shares: the core, the clock, the task runner, the change bus and Undo.

Every write goes through `write`: it runs on the worker, its `Changes` are published on the
bus (pages refresh what they show), a failure becomes a message, and an undoable write leaves
its inverse for Edit ▸ Undo (Ctrl+Z). Reads that take a while (exports) go through `read`, on a
second worker: they never clear Undo and never wait behind a long write.
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
from ui.tasks import TaskRunner

Write = Callable[[], Outcome[Any]]
UndoFactory = Callable[[Any], Write]


class Workspace(QObject):
    undo_available = Signal(str)  # what Undo would undo, "" for nothing
    busy = Signal(bool)

    def __init__(self, core: Nurture, now: Callable[[], datetime], parent: QObject | None = None):
        super().__init__(parent)
        self.core = core
        self.now = now
        self.bus = Bus(self)
        self.tasks = TaskRunner(self)  # writes (and reads that must follow them), in order
        self.reads = TaskRunner(self)  # reads that never wait behind a long import
        self._undo: tuple[str, Write] | None = None
        self.window: QWidget | None = None

    def write(
        self,
        work: Write,
        done: Callable[[Any], None] | None = None,
        undo: tuple[str, UndoFactory] | None = None,
    ) -> None:
        """Run `work` on the worker; `undo` = (label, value -> the write that reverses it)."""
        self.busy.emit(True)
        if self._undo is not None:
            # Undo reverses the last change only: after another write its inverse could
            # clobber what came since (a merge, an edit), so it is no longer offered.
            self._undo = None
            self.undo_available.emit("")

        def finished(outcome: Outcome[Any]) -> None:
            self.busy.emit(False)
            if undo is not None:
                self._undo = (undo[0], undo[1](outcome.value))
                self.undo_available.emit(undo[0])
            self.bus.publish(outcome.changes)
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
        if self._undo is None:
            return
        _label, work = self._undo
        self._undo = None
        self.undo_available.emit("")
        self.write(work)
