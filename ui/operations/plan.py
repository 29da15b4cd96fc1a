"""What the day's plan does with a row: Done (every reason of it, one step) and Skip or Snooze
(off the plan until a later day, its follow-ups and occasions with it)."""

from __future__ import annotations

from datetime import date

from nurture.domain.plan import PlanRow
from ui.workspace import Workspace


def done(workspace: Workspace, row: PlanRow) -> None:
    """Done: follow-ups completed, occasions marked, a keep-in-touch logged as a touch."""
    reminders, now = workspace.core.reminders, workspace.now()
    occurrences = [r.occurrence for r in row.reasons if r.occurrence is not None]
    workspace.write(lambda: reminders.done_all(occurrences, now))


def put_off(workspace: Workspace, row: PlanRow, until: date | None) -> None:
    """Off the plan until `until` (None: the next working day); back then, never lost."""
    plan = workspace.core.plan
    workspace.write(lambda: plan.skip(row.contact.id, until, row.reasons))
