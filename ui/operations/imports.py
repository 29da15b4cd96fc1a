"""Importing a file read once by the core (`ImportService.open`): look at it, preview it,
import it as one undoable step, or take a finished import back."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import timedelta
from functools import partial

from nurture.domain.dto import JobChange
from nurture.domain.enums import InteractionKind
from nurture.io.reader import ContactsFile, ParsedFile
from nurture.services.importing import ImportOptions, ImportReport, Progress
from ui.workspace import Workspace


def open_file(
    workspace: Workspace,
    data: bytes,
    name: str,
    done: Callable[[tuple[ContactsFile, ParsedFile]], None],
    failed: Callable[[str], None],
    encoding: str | None = None,
) -> None:
    """Read the file on the read worker (a 100,000-row file takes seconds), as detected or in
    the encoding the user chose."""
    importing = workspace.core.importing

    def read() -> tuple[ContactsFile, ParsedFile]:
        source = importing.open(data, name, encoding=encoding)
        return source, source.parsed()

    workspace.reads.run(read, done, failed)


def preview(
    workspace: Workspace,
    source: ContactsFile,
    options: ImportOptions,
    done: Callable[[ImportReport], None],
    failed: Callable[[str], None],
) -> None:
    """What the import would do (the same import, rolled back), on the write worker."""
    importing = workspace.core.importing
    workspace.tasks.run(lambda: importing.preview(source, options), done, failed)


def run(
    workspace: Workspace,
    source: ContactsFile,
    options: ImportOptions,
    progress: Progress,
    cancelled: Callable[[], bool],
    done: Callable[[ImportReport], None],
) -> None:
    importing = workspace.core.importing
    workspace.write(
        lambda: importing.run(source, options, progress=progress, cancelled=cancelled), done
    )


def take_job_changes(workspace: Workspace, changes: Sequence[JobChange]) -> None:
    """Put each new company or title on its card, as one step."""
    contacts, chosen = workspace.core.contacts, list(changes)
    if chosen:
        workspace.write(lambda: contacts.take_job_changes(chosen))


def congratulate(workspace: Workspace, changes: Sequence[JobChange]) -> None:
    """Log a congratulations message to each (it counts as a touch)."""
    interactions, now = workspace.core.interactions, workspace.now()
    for change in changes:
        title = f"Congratulated on {change.new}"
        message = InteractionKind.MESSAGE
        workspace.write(partial(interactions.log, message, [change.contact.id], now, title))


def follow_up_on_job_changes(workspace: Workspace, changes: Sequence[JobChange]) -> None:
    """A follow-up in a week to catch up on the new role."""
    records, due = workspace.core.records, workspace.now().date() + timedelta(days=7)
    for change in changes:
        title = f"Catch up on the move to {change.new}"
        workspace.write(partial(records.add_follow_up, change.contact.id, due, title))


def undo(workspace: Workspace, batch: int, done: Callable[[int], None]) -> None:
    importing = workspace.core.importing
    workspace.write(lambda: importing.undo(batch), done)
