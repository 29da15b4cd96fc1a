"""One signal that carries every write's `Changes`, so each page refreshes only what it shows."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from nurture.services.unit_of_work import Changes


class Bus(QObject):
    changed = Signal(object)  # Changes

    def publish(self, changes: Changes) -> None:
        if changes.areas:
            self.changed.emit(changes)
