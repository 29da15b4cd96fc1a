"""What a sync did (or, dry, would do), as the window, the command line and a test read it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from nurture.humanize import field_label, field_value
from nurture.services.unit_of_work import Changes
from nurture.sync.dav import SyncError
from nurture.sync.plan import Plan, Push


class TooManyDeletes(SyncError):
    """The sync would delete more of the book than the user allows without asking."""

    def __init__(self, here: int, there: int, book_size: int) -> None:
        self.here, self.there, self.book_size = here, there, book_size
        super().__init__(
            f"This sync would archive {here} contact(s) here and delete {there} card(s) on the "
            f"server, of {book_size}: more than you allow without asking. If that is what you "
            "meant, sync again and allow the deletes."
        )


@dataclass(frozen=True, slots=True)
class ConflictNote:
    contact: str
    field: str
    kept: Any
    set_aside: Any
    from_server: bool  # the value set aside was the server's


@dataclass(slots=True)
class SyncReport:
    book: str
    dry_run: bool = False
    added_here: int = 0
    changed_here: int = 0
    archived_here: int = 0
    added_there: int = 0
    changed_there: int = 0
    deleted_there: int = 0
    changed_meanwhile: int = 0  # cards changed on the server during the sync: merged next time
    events_sent: int = 0  # to the "Nurture" calendar
    events_deleted: int = 0
    conflicts: list[ConflictNote] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (contact, the server's reason)
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # (card, why)
    changes: Changes = field(default_factory=Changes)

    def summary(self) -> str:
        parts = [
            f"{count} {what}"
            for count, what in (
                (self.added_here, "new here"),
                (self.changed_here, "updated here"),
                (self.archived_here, "archived here (deleted on the server)"),
                (self.added_there, "sent to the server"),
                (self.changed_there, "updated on the server"),
                (self.deleted_there, "deleted on the server"),
                (self.events_sent, "calendar event(s) sent"),
                (self.events_deleted, "calendar event(s) deleted"),
                (len(self.conflicts), "conflict(s) settled"),
                (len(self.refused), "refused by the server"),
                (len(self.unreadable), "unreadable card(s) left alone"),
            )
            if count
        ]
        done = "; ".join(parts) if parts else "Everything was already in sync"
        return f"{'Would do: ' if self.dry_run else ''}{done}."

    def details(self) -> list[str]:
        """One line per thing the user may want to look at: conflicts, refusals, leftovers."""
        lines = []
        for note in self.conflicts:
            whose = "the server's" if note.from_server else "Nurture's"
            now, other = field_value(note.kept), field_value(note.set_aside)
            lines.append(
                f"{note.contact}: {field_label(note.field)} is now {now}; {whose} {other} "
                "is kept on the contact's card (Set aside by sync)"
            )
        lines.extend(f"{who}: the server refused it ({why})" for who, why in self.refused)
        lines.extend(
            f"{card}: left alone, it could not be read ({why})" for card, why in self.unreadable
        )
        if self.changed_meanwhile:
            lines.append(
                f"{self.changed_meanwhile} card(s) changed on the server during the sync: "
                "they are merged at the next sync"
            )
        return lines


def count_push(push: Push, report: SyncReport) -> None:
    if push.etag is None:
        report.added_there += 1
    else:
        report.changed_there += 1


def count_plan(plan: Plan, report: SyncReport) -> None:
    for pulled in plan.pulled:
        if pulled.contact is None:
            report.added_here += 1
        elif pulled.merged is not None:
            report.changed_here += bool(pulled.merged.to_nurture)
            report.conflicts.extend(
                ConflictNote(pulled.contact.name, c.field, c.kept, c.set_aside, c.from_server)
                for c in pulled.merged.conflicts
            )
    for push in plan.pushes:
        count_push(push, report)
    report.archived_here = len(plan.archive_here)
    report.deleted_there = len(plan.delete_there)
