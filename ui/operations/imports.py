"""Importing a file read once by the core (`ImportService.open`): look at it, preview it,
import it as one undoable step, or take a finished import back."""

from __future__ import annotations

from collections.abc import Callable

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


def undo(workspace: Workspace, batch: int, done: Callable[[int], None]) -> None:
    importing = workspace.core.importing
    workspace.write(lambda: importing.undo(batch), done)
