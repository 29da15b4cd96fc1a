"""The command line: `nurture [--data-dir DIR] SUBCOMMAND [options]`.

Errors print one line to stderr and exit 1 (argparse exits 2 for usage errors); never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from nurture import __version__
from nurture.app import Nurture
from nurture.calendar.timing import local_day
from nurture.cli_json import card_json, occurrence_json, summary_json
from nurture.contact_points import split_name
from nurture.domain.dates import PartialDate
from nurture.domain.dto import ContactDraft, EmailValue, PhoneValue
from nurture.domain.enums import DateKind, InteractionKind
from nurture.errors import NurtureError, ValidationError
from nurture.io.csv_formats import FIELDS
from nurture.io.incoming import Problem
from nurture.io.reader import FORMATS
from nurture.services.exporting import ExportFormat
from nurture.services.importing import ImportOptions, OnDuplicate
from nurture.services.listing import ContactQuery

Handler = Callable[[Nurture, argparse.Namespace], None]
_HANDLERS: dict[str, Handler] = {}


def _command(name: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        _HANDLERS[name] = handler
        return handler

    return register


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nurture",
        description="Nurture keeps every relationship warm. Without a command it opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"nurture {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="the data folder (default: $NURTURE_DATA_DIR, else the platform's user data folder)",
    )
    parser.add_argument(
        "--minimized", action="store_true", help="start the app in the tray (used at login)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser("demo", help="fill the database with a believable sample network")
    demo.add_argument("--contacts", type=_positive, default=200, metavar="N")
    demo.add_argument("--seed", type=int, default=1, metavar="S")

    add = sub.add_parser("add", help="add a contact; prints its id")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--email", action="append", default=[], metavar="E")
    add.add_argument("--phone", action="append", default=[], metavar="P")
    add.add_argument("--company", default="", metavar="C")
    add.add_argument("--title", default="", metavar="T")
    add.add_argument("--birthday", type=_partial_date, metavar="DATE")
    add.add_argument("--date", action="append", default=[], type=_kind_date, metavar="KIND=DATE")
    add.add_argument("--tag", action="append", default=[], metavar="T")
    add.add_argument("--every", type=_positive, metavar="DAYS", help="keep in touch every DAYS")
    add.add_argument("--referred-by", metavar="NAME")
    add.add_argument("--json", action="store_true")

    log = sub.add_parser("log", help="log an interaction with one or more people")
    log.add_argument("contact", metavar="CONTACT")
    log.add_argument("--kind", required=True, choices=[k.value for k in InteractionKind])
    log.add_argument("--with", dest="others", action="append", default=[], metavar="CONTACT")
    log.add_argument("--when", type=_datetime, metavar="DATETIME")
    log.add_argument("--note", default="", metavar="TEXT")
    log.add_argument("--json", action="store_true")

    follow = sub.add_parser("follow-up", help="add a follow-up, optionally recurring")
    follow.add_argument("contact", metavar="CONTACT")
    follow.add_argument("--due", required=True, type=_date, metavar="DATE")
    follow.add_argument("--rrule", default="", metavar="RRULE")
    follow.add_argument("--title", default="", metavar="TEXT")
    follow.add_argument("--json", action="store_true")

    contacts = sub.add_parser("contacts", help="list contacts")
    contacts.add_argument("--search", default="", metavar="Q")
    contacts.add_argument("--tag", default="", metavar="T")
    contacts.add_argument(
        "--all", action="store_true", help="include family members, assistants and archived"
    )
    contacts.add_argument("--json", action="store_true")

    show = sub.add_parser("show", help="show a contact's whole card")
    show.add_argument("contact", metavar="CONTACT")
    show.add_argument("--json", action="store_true")

    agenda = sub.add_parser("agenda", help="what is coming: occasions, follow-ups, who goes cold")
    agenda.add_argument("--from", dest="start", type=_date, metavar="DATE")
    agenda.add_argument("--days", type=_positive, default=7, metavar="N")
    agenda.add_argument("--json", action="store_true")

    due = sub.add_parser("due", help="what the reminder engine fires now (and marks it fired)")
    due.add_argument("--now", type=_datetime, metavar="DATETIME")
    due.add_argument("--dry-run", action="store_true", help="show, but do not mark as fired")
    due.add_argument("--json", action="store_true")

    imp = sub.add_parser("import", help="import contacts from CSV or vCard (one undoable batch)")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--format", default="auto", choices=FORMATS)
    imp.add_argument("--map", action="append", default=[], type=_column_field,
                     metavar="COLUMN=FIELD")  # fmt: skip
    imp.add_argument("--on-duplicate", default="merge", choices=[o.value for o in OnDuplicate])
    imp.add_argument("--dry-run", action="store_true", help="report only; change nothing")
    imp.add_argument("--json", action="store_true")

    undo = sub.add_parser("undo-import", help="remove exactly what one import added")
    undo.add_argument("batch", type=_positive, metavar="BATCH")

    dupes = sub.add_parser("duplicates", help="likely duplicate contacts, with the reason")
    dupes.add_argument("--json", action="store_true")

    merge = sub.add_parser("merge", help="merge contact B into contact A (nothing is lost)")
    merge.add_argument("keep", metavar="A")
    merge.add_argument("other", metavar="B")

    export = sub.add_parser("export", help="export contacts (CSV, vCard) or occasions (ics)")
    export.add_argument("--format", required=True, choices=[f.value for f in ExportFormat])
    export.add_argument("-o", "--output", metavar="FILE", help="default: standard output")

    sub.add_parser("backup", help="copy the database into the backups folder")
    return parser


_YEAR_LESS = re.compile(r"--\d")


def year_less_dates_attached(argv: list[str]) -> list[str]:
    """`--birthday --02-29` as `--birthday=--02-29`: argparse would read the date as an option."""
    fixed: list[str] = []
    for arg in argv:
        if fixed and fixed[-1] == "--birthday" and _YEAR_LESS.match(arg):
            fixed[-1] = f"--birthday={arg}"
        else:
            fixed.append(arg)
    return fixed


def parse_args(argv: list[str]) -> argparse.Namespace:
    return build_parser().parse_args(year_less_dates_attached(argv))


def run_command(args: argparse.Namespace) -> int:
    try:
        app = Nurture.open(args.data_dir)
        try:
            _HANDLERS[args.command](app, args)
        finally:
            app.close()
    except NurtureError as error:
        print(f"nurture: {error.message}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader went away (`nurture contacts | head`): not an error worth a message.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return 0
    except KeyboardInterrupt:
        print("nurture: interrupted; nothing was changed by the unfinished step.", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"nurture: {error.strerror or error}", file=sys.stderr)
        return 1
    except Exception as error:  # a bug: one line for the user, never a traceback
        print(f"nurture: unexpected error ({type(error).__name__}: {error}); nothing was "
              "changed by the failed step. Please report it.", file=sys.stderr)  # fmt: skip
        return 1
    return 0


def _print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


# argparse value types: a ValueError (or ArgumentTypeError) becomes a usage error, exit 2.


def _positive(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text} is not a number above zero")
    return value


def _partial_date(text: str) -> PartialDate:
    try:
        return PartialDate.parse(text)
    except ValidationError as error:
        raise argparse.ArgumentTypeError(error.message) from error


def _kind_date(text: str) -> tuple[DateKind, PartialDate]:
    kind, _, when = text.partition("=")
    try:
        return DateKind(kind.strip().lower().replace("-", "_")), _partial_date(when)
    except ValueError as error:
        kinds = ", ".join(k.value for k in DateKind)
        raise argparse.ArgumentTypeError(f"'{kind}' is not one of {kinds}") from error


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (YYYY-MM-DD)") from error


def _datetime(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a date and time (YYYY-MM-DD or YYYY-MM-DDTHH:MM)"
        ) from error
    return value if value.tzinfo else value.astimezone()


@_command("demo")
def _demo(app: Nurture, args: argparse.Namespace) -> None:
    from nurture.demo import generate

    report = generate(app.database, contacts=args.contacts, seed=args.seed).value
    print(
        f"Created {report.contacts} contacts ({report.light_contacts} family members and "
        f"assistants), {report.interactions} interactions and {report.gifts} gifts "
        f"in {report.seconds:.1f} s."
    )


@_command("add")
def _add(app: Nurture, args: argparse.Namespace) -> None:
    given, middle, family = split_name(args.name)
    referred_by = app.contacts.resolve(args.referred_by) if args.referred_by else None
    draft = ContactDraft(
        given_name=given,
        middle_name=middle,
        family_name=family,
        organization=args.company,
        title=args.title,
        keep_in_touch_days=args.every,
        referred_by_id=referred_by,
        emails=tuple(EmailValue(e) for e in args.email),
        phones=tuple(PhoneValue(p) for p in args.phone),
        tags=tuple(args.tag),
    )
    dates = list(args.date)
    if args.birthday:
        dates.insert(0, (DateKind.BIRTHDAY, args.birthday))
    # One transaction for the contact and its dates: a bad date leaves nothing behind.
    card = app.contacts.create(draft, dates=dates).value
    if args.json:
        _print_json({"id": card.id, "name": card.name})
    else:
        print(card.id)


@_command("log")
def _log(app: Nurture, args: argparse.Namespace) -> None:
    people = [app.contacts.resolve(ref) for ref in [args.contact, *args.others]]
    when = args.when or datetime.now().astimezone()
    interaction_id = app.interactions.log(
        InteractionKind(args.kind), people, when, notes=args.note
    ).value
    if args.json:
        _print_json({"id": interaction_id, "participants": people})
    else:
        print(interaction_id)


@_command("follow-up")
def _follow_up(app: Nurture, args: argparse.Namespace) -> None:
    contact_id = app.contacts.resolve(args.contact)
    follow_up_id = app.records.add_follow_up(
        contact_id, args.due, title=args.title, rrule=args.rrule
    ).value
    if args.json:
        _print_json({"id": follow_up_id, "contact_id": contact_id})
    else:
        print(follow_up_id)


@_command("contacts")
def _contacts(app: Nurture, args: argparse.Namespace) -> None:
    query = ContactQuery(
        search=args.search, tag=args.tag, include_light=args.all, include_archived=args.all
    )
    summaries = app.listing.summaries(app.listing.ids(query))
    if args.json:
        _print_json([summary_json(s) for s in summaries])
        return
    for s in summaries:
        touched = s.last_interaction_at.date().isoformat() if s.last_interaction_at else "never"
        print(f"{s.id:>7}  {s.name[:32]:<32}  {s.organization[:28]:<28}  {touched}")
    print(f"{len(summaries)} contact(s)", file=sys.stderr)


@_command("show")
def _show(app: Nurture, args: argparse.Namespace) -> None:
    card = app.contacts.card(app.contacts.resolve(args.contact))
    data = card_json(card)
    if args.json:
        _print_json(data)
        return
    for key, value in data.items():
        if value not in ("", [], None, False):
            print(f"{key}: {json.dumps(value, ensure_ascii=False)}")


@_command("agenda")
def _agenda(app: Nurture, args: argparse.Namespace) -> None:
    today = local_day(datetime.now(UTC), app.settings.get().time_zone)
    start = args.start or today
    occurrences = app.agenda.between(start, start + timedelta(days=args.days - 1), today)
    if args.json:
        _print_json([occurrence_json(o) for o in occurrences])
        return
    for o in occurrences:
        print(f"{o.day:%a %d %b %Y}  {o.kind.value:<16}  {o.title}")
    print(f"{len(occurrences)} item(s)", file=sys.stderr)


@_command("due")
def _due(app: Nurture, args: argparse.Namespace) -> None:
    now = args.now or datetime.now(UTC)
    due = app.reminders.due(now, dry_run=args.dry_run).value
    if args.json:
        _print_json(
            {
                "digest": due.digest,
                "summary": due.summary,
                "reminders": [
                    {**occurrence_json(r.occurrence), "fire_at": r.fire_at.isoformat()}
                    for r in due.reminders
                ],
            }
        )
        return
    if not due.reminders:
        print("Nothing is due.")
        return
    print(due.summary)
    for r in due.reminders:
        print(f"  {r.occurrence.day:%a %d %b}  {r.occurrence.title}")


def _column_field(text: str) -> tuple[str, str]:
    column, _, target = text.partition("=")
    if not column.strip() or target.strip() not in FIELDS:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not COLUMN=FIELD with FIELD one of {', '.join(FIELDS)}"
        )
    return column.strip(), target.strip()


def _problems(problems: tuple[Problem, ...]) -> list[dict[str, Any]]:
    return [{"line": p.line, "message": p.message} for p in problems]


@_command("import")
def _import(app: Nurture, args: argparse.Namespace) -> None:
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise NurtureError(f"Cannot read {path}: {error.strerror or error}.") from error
    options = ImportOptions(args.format, dict(args.map), OnDuplicate(args.on_duplicate))
    service = app.importing
    report = (service.preview(data, path.name, options) if args.dry_run
              else service.run(data, path.name, options).value)  # fmt: skip
    if args.json:
        _print_json({
            "batch": report.batch, "format": report.format, "rows": report.rows,
            "created": report.created, "merged": report.merged, "unchanged": report.unchanged,
            "skipped": report.skipped, "errors": _problems(report.errors),
            "notes": _problems(report.notes),
        })  # fmt: skip
        return
    what = "Would import" if args.dry_run else f"Import {report.batch}:"
    print(f"{what} {report.rows} rows ({report.format}): {report.created} new, "
          f"{report.merged} merged, {report.unchanged} unchanged, {report.skipped} skipped, "
          f"{len(report.errors)} not imported.")  # fmt: skip
    for problem in report.errors:
        print(f"  line {problem.line}: {problem.message}", file=sys.stderr)


@_command("undo-import")
def _undo_import(app: Nurture, args: argparse.Namespace) -> None:
    removed = app.importing.undo(args.batch).value
    print(f"Import {args.batch} undone: {removed} contact(s) removed, merged changes restored.")


@_command("duplicates")
def _duplicates(app: Nurture, args: argparse.Namespace) -> None:
    pairs = app.duplicates.find()
    if args.json:
        _print_json([{"a": {"id": p.first.id, "name": p.first.name},
                      "b": {"id": p.second.id, "name": p.second.name}, "reason": p.reason}
                     for p in pairs])  # fmt: skip
        return
    for p in pairs:
        print(f"{p.first.id:>7} {p.first.name}  ~  {p.second.id:>7} {p.second.name}  ({p.reason})")
    print(f"{len(pairs)} likely duplicate(s)", file=sys.stderr)


@_command("merge")
def _merge(app: Nurture, args: argparse.Namespace) -> None:
    keep, other = app.contacts.resolve(args.keep), app.contacts.resolve(args.other)
    card = app.merging.merge(keep, other).value
    print(f"Merged {other} into {card.id} ({card.name}).")


@_command("export")
def _export(app: Nurture, args: argparse.Namespace) -> None:
    data = app.exporting.export(args.format)
    if not args.output:
        sys.stdout.buffer.write(data)
        return
    target = Path(args.output)
    partial = target.with_name(target.name + ".part")
    try:
        partial.write_bytes(data)
        partial.replace(target)  # never a half-written file under the real name
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise NurtureError(f"Cannot write {target}: {error.strerror or error}.") from error
    print(f"Exported to {target}", file=sys.stderr)


@_command("backup")
def _backup(app: Nurture, args: argparse.Namespace) -> None:
    from nurture.db.migrate import backup
    from nurture.paths import backups_dir

    print(backup(app.database.path, backups_dir(app.data_dir), reason="manual"))
