"""One background worker for writes and slow reads; results come back on the GUI thread.

A single thread keeps SQLite's one writer rule simple: tasks run in the order they were given.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from nurture.errors import NurtureError

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread; signals emitted from the worker are queued to it."""

    succeeded = Signal(object, object)  # callback, result
    failed = Signal(object, str)  # callback, message


class _Job(QRunnable):
    def __init__(
        self,
        relay: _Relay,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[str], None],
    ) -> None:
        super().__init__()
        self._relay, self._work, self._on_done, self._on_error = relay, work, on_done, on_error

    def run(self) -> None:
        try:
            result = self._work()
        except NurtureError as error:
            self._relay.failed.emit(self._on_error, error.message)
        except Exception as error:  # a bug: log it, tell the user plainly, keep running
            log.exception("background task failed")
            self._relay.failed.emit(self._on_error, f"Something went wrong: {error}")
        else:
            self._relay.succeeded.emit(self._on_done, result)


class TaskRunner(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.succeeded.connect(lambda callback, result: callback(result))
        self._relay.failed.connect(lambda callback, message: callback(message))

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[str], None],
    ) -> None:
        self._pool.start(_Job(self._relay, work, on_done, on_error))

    def wait(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)
