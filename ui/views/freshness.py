"""Pages that show what the core computes re-read it when their data changed: at once when
they are on screen, else the moment they are shown (a page hidden behind the welcome screen
or another page never shows yesterday's answer)."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from nurture.services.unit_of_work import Changes


class ReloadsWhenShown(QWidget):
    _stale = False

    def reload(self) -> None:
        raise NotImplementedError

    def _changed(self, changes: Changes) -> None:
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.reload()
