"""The command line's commands for files and duplicates: import, undo-import, duplicates,
merge, export."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from nurture.app import Nurture
from nurture.cli.output import print_json
from nurture.errors import NurtureError
from nurture.formats import OnDuplicate
from nurture.io.files import PLAIN_EXPORT
from nurture.io.incoming import Problem
from nurture.services.importing import ImportOptions


def _problems(problems: tuple[Problem, ...]) -> list[dict[str, Any]]:
    return [{"line": p.line, "message": p.message} for p in problems]


def import_file(app: Nurture, args: argparse.Namespace) -> None:
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise NurtureError(f"Cannot read {path}: {error.strerror or error}.") from error
    options = ImportOptions(dict(args.map), OnDuplicate(args.on_duplicate))
    service = app.importing
    source = service.open(data, path.name, args.format, args.encoding)
    report = (
        service.preview(source, options) if args.dry_run else service.run(source, options).value
    )
    if args.json:
        print_json(
            {
                "batch": report.batch,
                "format": report.format,
                "encoding": report.encoding,
                "rows": report.rows,
                "created": report.created,
                "merged": report.merged,
                "unchanged": report.unchanged,
                "skipped": report.skipped,
                "errors": _problems(report.errors),
                "notes": _problems(report.notes),
                "notices": list(report.notices),
                "job_changes": [
                    {
                        "contact_id": c.contact.id,
                        "name": c.contact.name,
                        "line": c.line,
                        "field": c.field,
                        "old": c.old,
                        "new": c.new,
                        "words": c.words,
                    }
                    for c in report.job_changes
                ],
            }
        )
        return
    what = "Would import" if args.dry_run else f"Import {report.batch}:"
    print(
        f"{what} {report.rows} rows ({report.format}): {report.created} new, "
        f"{report.merged} merged, {report.unchanged} unchanged, {report.skipped} skipped, "
        f"{len(report.errors)} not imported."
    )
    for notice in report.notices:
        print(f"  {notice}", file=sys.stderr)
    if report.job_changes:
        print("What changed since the last import (the cards keep what they had):")
        for change in report.job_changes:
            print(f"  {change.words}")
    for problem in report.errors:
        print(f"  line {problem.line}: {problem.message}", file=sys.stderr)
    for note in report.notes:  # imported, but something was left out or kept as it was
        print(f"  line {note.line} (imported): {note.message}", file=sys.stderr)


def imports(app: Nurture, args: argparse.Namespace) -> None:
    batches = app.importing.batches()
    if args.json:
        print_json(
            [
                {
                    "batch": b.id,
                    "source": b.source,
                    "format": b.format,
                    "when": b.created_at.isoformat(),
                    "added": b.added,
                    "merged": b.merged,
                    "skipped": b.skipped,
                    "undone": b.undone_at is not None,
                }
                for b in batches
            ]
        )
        return
    for b in batches:
        undone = "  (undone)" if b.undone_at else ""
        print(
            f"{b.id:>5}  {b.created_at.astimezone():%Y-%m-%d %H:%M}  {b.source}: {b.added} new, "
            f"{b.merged} merged, {b.skipped} skipped{undone}"
        )


def undo_import(app: Nurture, args: argparse.Namespace) -> None:
    removed = app.importing.undo(args.batch).value
    print(f"Import {args.batch} undone: {removed} contact(s) removed, merged changes restored.")


def duplicates(app: Nurture, args: argparse.Namespace) -> None:
    pairs = app.duplicates.find()
    if args.json:
        print_json(
            [
                {
                    "a": {"id": p.first.id, "name": p.first.name},
                    "b": {"id": p.second.id, "name": p.second.name},
                    "reason": p.reason,
                }
                for p in pairs
            ]
        )
        return
    for p in pairs:
        print(f"{p.first.id:>7} {p.first.name}  ~  {p.second.id:>7} {p.second.name}  ({p.reason})")
    print(f"{len(pairs)} likely duplicate(s)", file=sys.stderr)


def merge(app: Nurture, args: argparse.Namespace) -> None:
    keep, other = app.contacts.resolve(args.keep), app.contacts.resolve(args.other)
    card = app.merging.merge(keep, other).value
    print(f"Merged {other} into {card.id} ({card.name}).")


def export(app: Nurture, args: argparse.Namespace) -> None:
    if not args.output:
        sys.stdout.buffer.write(app.exporting.export(args.format))
        return
    target = app.exporting.export_to(args.format, Path(args.output))
    print(f"Exported to {target} ({PLAIN_EXPORT})", file=sys.stderr)
