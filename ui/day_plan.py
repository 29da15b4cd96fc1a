"""Today's plan, computed by the core on the read worker once per change and shared by the
Today page and the tray. With a tray (it shows the plan too) the plan is kept ready after every
change, so opening Today shows it at once — at 100,000 contacts computing it takes over a
second, which then happens in the background, not while the user waits for the page. Without
one, it is computed when Today is on screen or opened, so other reads never wait behind it."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, Signal

from nurture.domain.plan import DayPlan
from nurture.services.unit_of_work import Changes
from ui.workspace import Workspace

log = logging.getLogger(__name__)
FRESH = timedelta(minutes=10)


class DayPlanFeed(QObject):
    updated = Signal(object)  # DayPlan, on the GUI thread

    def __init__(self, workspace: Workspace) -> None:
        super().__init__(workspace)
        self.workspace = workspace
        self.latest: DayPlan | None = None
        self._computed_at: datetime | None = None
        self._running = False
        self._again = False
        self._changes = 0  # changes seen: a plan computed across one is already old
        self.eager = False  # recompute after every change (set by the tray)
        workspace.bus.changed.connect(self._changed)

    def current(self) -> DayPlan | None:
        """The plan if nothing changed since it was computed, at most `FRESH` ago (a snooze
        that ran out, a new day); else None."""
        if self.latest is None or self._computed_at is None:
            return None
        if self.workspace.now() - self._computed_at > FRESH:
            return None
        return self.latest

    def refresh(self) -> None:
        """Compute the plan again (once more after the running one, if one runs)."""
        if self._running:
            self._again = True
            return
        self._running = True
        plan, now, seen = self.workspace.core.plan, self.workspace.now, self._changes
        self.workspace.reads.run(lambda: (plan.plan(now()), now(), seen), self._done, self._failed)

    def _changed(self, _changes: Changes) -> None:
        self._changes += 1
        self.latest = None
        if self.eager:
            self.refresh()

    def _done(self, result: tuple[DayPlan, datetime, int]) -> None:
        self._running = False
        plan, computed_at, seen = result
        if self._again:  # asked again meanwhile
            self._again = False
            self.refresh()
            return
        if seen != self._changes:  # something changed while it was computed: already old
            return
        self.latest, self._computed_at = plan, computed_at
        self.updated.emit(self.latest)

    def _failed(self, message: str) -> None:
        self._running = False
        log.warning("plan: %s", message)
