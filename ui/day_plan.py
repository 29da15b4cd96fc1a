"""Today's plan, kept ready: computed by the core on the read worker after every change (and
when the day turns), once, and shared by the Today page and the tray. Opening Today shows the
plan already computed; at 100,000 contacts computing it takes over a second, which then happens
in the background, not while the user waits for the page."""

from __future__ import annotations

import logging
from datetime import date, datetime

from PySide6.QtCore import QObject, Signal

from nurture.domain.plan import DayPlan
from nurture.services.unit_of_work import Changes
from ui.workspace import Workspace

log = logging.getLogger(__name__)


class DayPlanFeed(QObject):
    updated = Signal(object)  # DayPlan, on the GUI thread

    def __init__(self, workspace: Workspace) -> None:
        super().__init__(workspace)
        self.workspace = workspace
        self.latest: DayPlan | None = None
        self._computed_on: date | None = None  # the user's day it was computed on
        self._running = False
        self._again = False
        workspace.bus.changed.connect(self._changed)

    def current(self) -> DayPlan | None:
        """The plan if nothing changed since it was computed, on this same day; else None."""
        if self.latest is None or self._computed_on != self._today():
            return None
        return self.latest

    def refresh(self) -> None:
        """Compute the plan again (once more after the running one, if one runs)."""
        if self._running:
            self._again = True
            return
        self._running = True
        plan, now = self.workspace.core.plan, self.workspace.now
        self.workspace.reads.run(lambda: (plan.plan(now()), now()), self._done, self._failed)

    def _changed(self, _changes: Changes) -> None:
        self.latest = None
        self.refresh()

    def _done(self, result: tuple[DayPlan, datetime]) -> None:
        self._running = False
        if self._again:  # something changed meanwhile: this one is already old
            self._again = False
            self.refresh()
            return
        self.latest, computed_at = result
        self._computed_on = computed_at.astimezone().date()
        self.updated.emit(self.latest)

    def _failed(self, message: str) -> None:
        self._running = False
        log.warning("plan: %s", message)

    def _today(self) -> date:
        return self.workspace.now().astimezone().date()
