"""The reminder scheduler: a short tick (never a timer armed for days) that asks the core what is
due and delivers it, exactly once — the core's reminder state says what already fired, and a
reminder is marked fired only once a notifier has shown it (none could: it comes again on the
next tick). It checks
at start-up and every minute, by the wall clock, so a sleep/resume or a time-zone change is
caught up on the next tick. A backlog arrives as one digest. Reminders can be paused; what
falls due meanwhile is delivered when the pause ends."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial

from PySide6.QtCore import QObject, QTimer

from nurture.services.reminders import DueReminders, Reminder
from nurture.services.unit_of_work import Outcome
from ui.notifications import Message, Notifier
from ui.workspace import Workspace

TICK_MS = 60_000
_DIGEST_LINES = 8


class ReminderScheduler(QObject):
    def __init__(
        self,
        workspace: Workspace,
        notifier: Notifier,
        clock: Callable[[], datetime],
        tick_ms: int = TICK_MS,
    ) -> None:
        super().__init__(workspace)
        self.workspace = workspace
        self.notifier = notifier
        self.clock = clock
        self.paused_until: datetime | None = None
        self._busy = False
        self._unmarked: list[Reminder] = []  # shown, not yet recorded (the database was busy)
        self.timer = QTimer(self)
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self.tick)

    def start(self, first_check_ms: int = 0) -> None:
        """Tick from now on; the first check after `first_check_ms` (start-up lets the window
        paint first: the check is Python work that would compete with it for the GIL)."""
        self.timer.start()
        QTimer.singleShot(first_check_ms, self.check)

    def tick(self) -> None:
        # Every tick asks the core with the wall clock's time, so a jump (sleep/resume, a new
        # time zone) is caught up on the first tick after it: the core works from the times
        # stored in reminder_states, not from how long this timer has been running.
        self.check()

    def pause(self, until: datetime | None) -> None:
        """No reminders until `until` (None resumes)."""
        self.paused_until = until
        if until is None:
            self.check()

    def check(self) -> None:
        now = self.clock()
        if self.paused_until is not None:
            if now < self.paused_until:
                return  # not asked, so nothing is marked fired: it all comes after the pause
            self.paused_until = None
        if self._busy:
            return
        self._busy = True
        if self._unmarked:
            self._mark(now)
            return
        reminders = self.workspace.core.reminders
        self.workspace.tasks.run(
            lambda: reminders.due(now, dry_run=True), partial(self._deliver, now), self._failed
        )

    def _failed(self, message: str) -> None:
        self._busy = False
        self.workspace.fail(message)

    def _deliver(self, now: datetime, outcome: Outcome[DueReminders]) -> None:
        due = outcome.value
        shown: list[Reminder] = []
        if due.digest:
            lines = [r.occurrence.title for r in due.reminders[:_DIGEST_LINES]]
            if len(due.reminders) > _DIGEST_LINES:
                lines.append(f"… and {len(due.reminders) - _DIGEST_LINES:,} more on Today")
            summary = due.summary[:1].upper() + due.summary[1:]
            if self.notifier.notify(Message(summary, "\n".join(lines))):
                shown = list(due.reminders)
        else:
            for reminder in due.reminders:
                o = reminder.occurrence
                if self.notifier.notify(Message(o.title, f"{o.day:%A %d %B}", o.contact_id, o)):
                    shown.append(reminder)
        self._unmarked = shown
        self._mark(now)

    def _mark(self, now: datetime) -> None:
        """Record what was shown. Another program's long write is not waited for (this is
        the app's own background work): it is tried again on the next tick, not shown twice."""
        shown, reminders = list(self._unmarked), self.workspace.core.reminders
        self.workspace.tasks.run(
            lambda: reminders.fired(shown, now, wait=False), self._marked, self._not_marked
        )

    def _marked(self, outcome: Outcome[None]) -> None:
        self._busy = False
        self._unmarked = []
        self.workspace.bus.publish(outcome.changes)

    def _not_marked(self, message: str) -> None:
        self._busy = False  # quietly: the next tick marks them (and shows nothing twice)
