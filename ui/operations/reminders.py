"""What Today, the tray and a notification's buttons do with a reminder: the same few writes,
worded once."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from nurture.domain.occurrence import Occurrence
from ui.workspace import Workspace


def mark_done(workspace: Workspace, occurrence: Occurrence) -> None:
    """Done: a follow-up's occurrence completed, a keep-in-touch logged as a touch."""
    reminders, now = workspace.core.reminders, workspace.now()
    workspace.write(lambda: reminders.done(occurrence, now))


def dismiss(workspace: Workspace, occurrence: Occurrence) -> None:
    """Not this time: it leaves Today and never fires, without counting as done."""
    reminders, now = workspace.core.reminders, workspace.now()
    workspace.write(lambda: reminders.dismiss(occurrence, now))


def snooze(
    workspace: Workspace, occurrences: Sequence[Occurrence], until: datetime | None = None
) -> None:
    """Hide them until `until` (by default tomorrow at the digest time), as one step."""
    reminders = workspace.core.reminders
    when = until or reminders.snooze_choices(workspace.now())["Tomorrow"]
    chosen = list(occurrences)
    if chosen:
        workspace.write(lambda: reminders.snooze_all(chosen, when))
