"""The system tray: a count of what needs attention today in the tooltip, and a menu rebuilt each
time it opens — today's items (each opens its card), Quick log…, Open Nurture, Snooze all until
tomorrow, Pause reminders, Quit. Without a tray (GNOME without AppIndicator) there is none, and
the window behaves like any other."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import QObject
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from nurture.domain.plan import DayPlan, PlanRow, Section
from nurture.humanize import plural
from ui.day_plan import DayPlanFeed
from ui.operations.reminders import snooze
from ui.scheduler import ReminderScheduler
from ui.workspace import Workspace

ITEMS_IN_MENU = 10
log = logging.getLogger(__name__)


class Tray(QObject):
    def __init__(
        self,
        workspace: Workspace,
        scheduler: ReminderScheduler,
        icon: QIcon,
        actions: dict[str, Callable[[], None]],
        open_contact: Callable[[int], None],
        day_plan: DayPlanFeed,
    ) -> None:
        super().__init__(workspace)
        self.workspace = workspace
        self.scheduler = scheduler
        # Today's plan as the core has it, computed again after every change (the window may
        # be closed to the tray: nothing here waits for a page to be shown).
        self.day_plan = day_plan
        day_plan.eager = True  # the tray's menu follows every change
        self.items: list[PlanRow] = []
        self._actions = actions
        self._open_contact = open_contact
        self.icon = QSystemTrayIcon(icon, self)
        self.menu = QMenu()
        self.menu.aboutToShow.connect(self.rebuild)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        day_plan.updated.connect(self._loaded)
        self.rebuild()
        self.refresh()

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def show(self) -> None:
        self.icon.show()

    def refresh(self) -> None:
        """Today's plan (the shared one, else computed now), then the tooltip and menu: the
        same people, reasons and counts as the Today page."""
        current = self.day_plan.current()
        if current is None:
            self.day_plan.refresh()
        else:
            self._loaded(current)

    def _loaded(self, plan: DayPlan) -> None:
        self.items = [row for row in plan.rows if not row.done]
        self.rebuild()

    def rebuild(self) -> None:
        items = self.items
        count = len(items)
        self.icon.setToolTip(
            f"Nurture — {plural(count, 'person', 'people')} on today's plan"
            if count
            else "Nurture — nobody on today's plan"
        )
        self.menu.clear()
        for row in items[:ITEMS_IN_MENU]:
            words = f"{row.contact.name} — {row.why}"
            action = self.menu.addAction(words if len(words) <= 70 else words[:69] + "…")
            contact_id = row.contact.id
            action.triggered.connect(lambda _c=False, i=contact_id: self._open_contact(i))
        if count > ITEMS_IN_MENU:
            self.menu.addAction(f"… and {count - ITEMS_IN_MENU} more on Today").setEnabled(False)
        if items:
            self.menu.addSeparator()
        self.menu.addAction("Quick log…", self._actions["log"])
        self.menu.addAction("Open Nurture", self._actions["open"])
        self.menu.addSeparator()
        self.menu.addAction("Snooze all until tomorrow", lambda: self._snooze_all(items))
        now = self.workspace.now
        pause = self.menu.addMenu("Pause reminders")
        pause.addAction("For 1 hour", lambda: self.scheduler.pause(now() + timedelta(hours=1)))
        pause.addAction(
            "Until tomorrow",
            lambda: self.scheduler.pause(
                self.workspace.core.reminders.snooze_choices(now())["Tomorrow"]
            ),
        )
        if self.scheduler.paused_until is not None:
            pause.addAction("Resume now", lambda: self.scheduler.pause(None))
        self.menu.addSeparator()
        self.menu.addAction("Quit", self._actions["quit"])

    def _snooze_all(self, items: list[PlanRow]) -> None:
        """Every follow-up and occasion on the plan until tomorrow morning, as one step."""
        dated = (Section.FOLLOW_UPS, Section.OCCASIONS)
        snooze(
            self.workspace,
            [
                r.occurrence
                for row in items
                for r in row.reasons
                if r.occurrence and r.section in dated
            ],
        )

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self._actions["open"]()
