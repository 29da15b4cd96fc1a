"""The command line's parser and runner: `nurture [--data-dir DIR] SUBCOMMAND [options]`.

Errors print one line to stderr and exit 1 (argparse exits 2 for usage errors); never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import re
import sys
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

from nurture import __version__
from nurture.cli.filters import add_filters
from nurture.domain.dates import PartialDate
from nurture.domain.enums import DateKind, InteractionKind, RelationshipKind
from nurture.domain.plan import Section
from nurture.errors import DamagedTextError, NurtureError, ValidationError
from nurture.formats import IMPORT_FORMATS, ExportFormat, OnDuplicate
from nurture.io.csv_formats import FIELDS

if TYPE_CHECKING:
    from nurture.app import Nurture

Handler = Callable[["Nurture", argparse.Namespace], None]

# Each command's handler as (module in nurture.cli, function): only the module of the command
# that runs is imported, and importing a module registers nothing.
COMMANDS: dict[str, tuple[str, str]] = {
    "demo": ("people", "demo"),
    "add": ("people", "add"),
    "log": ("people", "log"),
    "follow-up": ("people", "follow_up"),
    "contacts": ("people", "contacts"),
    "show": ("people", "show"),
    "agenda": ("people", "agenda"),
    "plan": ("plan", "plan"),
    "brief": ("plan", "brief"),
    "skip": ("plan", "skip"),
    "due": ("people", "due"),
    "undo": ("people", "undo"),
    "redo": ("people", "redo"),
    "tag": ("people", "tag"),
    "gift": ("people", "gift"),
    "campaign": ("gifts", "campaign"),
    "gifts": ("gifts", "gifts"),
    "date": ("records", "add_date"),
    "relate": ("records", "relate"),
    "referral": ("records", "referral"),
    "introduce": ("network", "introduce"),
    "network": ("network", "network"),
    "review": ("review", "review"),
    "edit": ("records", "edit"),
    "remove": ("records", "remove"),
    "backup": ("safety", "backup"),
    "backups": ("safety", "backups"),
    "check": ("safety", "check"),
    "restore": ("safety", "restore_backup"),  # takes no app: _run calls it before opening
    "encrypt": ("safety", "encrypt_folder"),  # nor these
    "passphrase": ("safety", "passphrase"),
    "recover": ("safety", "recover_key"),
    "import": ("files", "import_file"),
    "undo-import": ("files", "undo_import"),
    "imports": ("files", "imports"),
    "duplicates": ("files", "duplicates"),
    "merge": ("files", "merge"),
    "export": ("files", "export"),
}


Option = tuple[str, str, Callable[[str], object]]


def editable() -> dict[str, tuple[Option, ...]]:
    """What `nurture edit WHAT ID --OPTION VALUE` changes: each option with the field it sets
    and how its text is read."""
    text = str
    return {
        "date": (
            ("--date", "date", _partial_date),
            ("--kind", "kind", _date_kind),
            ("--label", "label", text),
            ("--lead-days", "lead_days", _days_or_none),
        ),
        "follow-up": (
            ("--due", "due_date", _date),
            ("--title", "title", text),
            ("--note", "notes", text),
            ("--rrule", "rrule", text),
        ),
        "gift": (
            ("--description", "description", text),
            ("--kind", "direction", text),
            ("--occasion", "occasion", text),
            ("--on", "given_on", _date),
            ("--amount", "amount_cents", _cents),
            ("--currency", "currency", text),
            ("--status", "status", text),
            ("--note", "notes", text),
        ),
        "taste": (
            ("--item", "item", text),
            ("--category", "category", text),
            ("--detail", "detail", text),
            ("--likes", "likes", _yes_no),
        ),
        "interaction": (
            ("--kind", "kind", text),
            ("--when", "occurred_at", _datetime),
            ("--title", "title", text),
            ("--note", "notes", text),
        ),
        "introduction": (
            ("--on", "introduced_on", _date),
            ("--reason", "reason", text),
            ("--outcome", "outcome", text),
        ),
        "referral": (
            ("--on", "referred_on", _date),
            ("--value", "value_cents", _cents),
            ("--currency", "currency", text),
            ("--note", "notes", text),
        ),
    }


# The records `nurture remove WHAT ID` deletes (the core's names for them).
RECORD_KINDS = (
    "date",
    "follow-up",
    "gift",
    "taste",
    "interaction",
    "introduction",
    "referral",
    "relationship",
)


def handler(name: str) -> Handler:
    module, function = COMMANDS[name]
    found: Handler = getattr(importlib.import_module(f"nurture.cli.{module}"), function)
    return found


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
    log.add_argument("--follow-up", type=_date, metavar="DATE", help="and a follow-up then")
    log.add_argument("--ask-about", default="", metavar="TEXT", help="for next time")
    log.add_argument("--json", action="store_true")

    follow = sub.add_parser("follow-up", help="add a follow-up, optionally recurring")
    follow.add_argument("contact", metavar="CONTACT")
    follow.add_argument("--due", required=True, type=_date, metavar="DATE")
    follow.add_argument("--rrule", default="", metavar="RRULE")
    follow.add_argument("--title", default="", metavar="TEXT")
    follow.add_argument("--json", action="store_true")

    contacts = sub.add_parser("contacts", help="list contacts (and save the search)")
    add_filters(contacts)
    contacts.add_argument("--save-as", metavar="NAME", help="keep these filters as a search")
    contacts.add_argument("--forget", metavar="NAME", help="forget a saved search")
    contacts.add_argument("--searches", action="store_true", help="list the saved searches")
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

    day = sub.add_parser("plan", help="today's plan: whom to touch and why")
    day.add_argument("--date", type=_date, metavar="DATE")
    day.add_argument("--tier", metavar="T")
    day.add_argument("--tag", metavar="T")
    day.add_argument("--kind", choices=[s.value for s in Section], metavar="SECTION")
    day.add_argument("--json", action="store_true")

    brief = sub.add_parser("brief", help="what to know before calling someone")
    brief.add_argument("contact", metavar="CONTACT")
    brief.add_argument("--json", action="store_true")

    skip = sub.add_parser("skip", help="keep someone off the plan until a later day")
    skip.add_argument("contact", metavar="CONTACT")
    skip.add_argument("--until", type=_date, metavar="DATE", help="default: the next working day")

    due = sub.add_parser("due", help="what the reminder engine fires now (and marks it fired)")
    due.add_argument("--now", type=_datetime, metavar="DATETIME")
    due.add_argument("--dry-run", action="store_true", help="show, but do not mark as fired")
    due.add_argument("--json", action="store_true")

    imp = sub.add_parser("import", help="import contacts from CSV or vCard (one undoable batch)")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--format", default="auto", choices=IMPORT_FORMATS)
    imp.add_argument(
        "--map", action="append", default=[], type=_column_field, metavar="COLUMN=FIELD"
    )
    imp.add_argument(
        "--encoding",
        metavar="NAME",
        help="read the file in this encoding (cp1252, cp1250, cp932, …) instead of guessing",
    )
    imp.add_argument("--on-duplicate", default="merge", choices=[o.value for o in OnDuplicate])
    imp.add_argument("--dry-run", action="store_true", help="report only; change nothing")
    imp.add_argument("--json", action="store_true")

    imports = sub.add_parser(
        "imports", help="every import, newest first (BATCH ids for undo-import)"
    )
    imports.add_argument("--json", action="store_true")

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

    gift = sub.add_parser("gift", help="record a gift given, received or planned (an idea)")
    gift.add_argument("contact", metavar="CONTACT")
    gift.add_argument("description", metavar="WHAT")
    gift.add_argument("--kind", choices=["given", "received", "idea"], default="given")
    gift.add_argument("--occasion", default="", metavar="OCCASION")
    gift.add_argument("--on", type=_date, metavar="DATE", help="when it was given (YYYY-MM-DD)")
    gift.add_argument("--json", action="store_true")

    spend = sub.add_parser("gifts", help="what was spent on gifts in a year, per person and tier")
    spend.add_argument("--year", type=_positive, metavar="YEAR", help="default: this year")
    spend.add_argument("--json", action="store_true")

    camp = sub.add_parser("campaign", help="holiday gift campaigns: new, list, add, choose, show")
    actions = camp.add_subparsers(dest="action", metavar="ACTION", required=True)
    new = actions.add_parser("new", help="a campaign for an occasion; prints its id")
    new.add_argument("name", metavar="NAME")
    new.add_argument(
        "--date", type=_date, metavar="DATE", help="the occasion's day (birthdays: from; today)"
    )
    new.add_argument(
        "--birthdays", action="store_true", help="each recipient's gift is for their birthday"
    )
    new.add_argument("--occasion", default="", metavar="TEXT", help="default: the name")
    new.add_argument(
        "--budget",
        action="append",
        default=[],
        type=_tier_budget,
        metavar="TIER=AMOUNT",
        help="budget per recipient of a tier (TIER empty: everyone else)",
    )
    listed = actions.add_parser("list", help="every campaign, the latest first")
    listed.add_argument("--json", action="store_true")
    add = actions.add_parser("add", help="add recipients by hand, tag or tier")
    add.add_argument("id", type=_positive, metavar="ID")
    add.add_argument("--contact", action="append", default=[], metavar="CONTACT")
    add_filters(add)
    off = actions.add_parser("remove", help="take someone off a campaign")
    off.add_argument("id", type=_positive, metavar="ID")
    off.add_argument("contact", metavar="CONTACT")
    choose = actions.add_parser("choose", help="this campaign's gift for someone")
    choose.add_argument("id", type=_positive, metavar="ID")
    choose.add_argument("contact", metavar="CONTACT")
    choose.add_argument("description", metavar="WHAT")
    choose.add_argument("--amount", type=_cents, metavar="AMOUNT")
    choose.add_argument("--buy-by", type=_date, metavar="DATE")
    choose.add_argument("--ship-by", type=_date, metavar="DATE")
    show = actions.add_parser("show", help="recipients, gifts, statuses, earlier gifts, spend")
    show.add_argument("id", type=_positive, metavar="ID")
    show.add_argument("--json", action="store_true")
    out = actions.add_parser("export", help="the shopping list or the mailing labels as CSV")
    out.add_argument("id", type=_positive, metavar="ID")
    out.add_argument("what", choices=["shopping", "labels"])
    out.add_argument("--output", required=True, metavar="FILE")
    actions.add_parser("holidays", help="the gift days of the next twelve months")

    dated = sub.add_parser("date", help="add an important date (anniversary, graduation...)")
    dated.add_argument("contact", metavar="CONTACT")
    dated.add_argument("date", type=_kind_date, metavar="KIND=DATE")
    dated.add_argument("--label", default="", metavar="TEXT", help="for a custom date")
    dated.add_argument("--once", action="store_true", help="a one-off date, not yearly")

    relate = sub.add_parser("relate", help="link two people: OTHER is CONTACT's KIND")
    relate.add_argument("contact", metavar="CONTACT")
    relate.add_argument("kind", choices=[k.value for k in RelationshipKind], metavar="KIND")
    relate.add_argument("other", metavar="OTHER")

    referral = sub.add_parser(
        "referral",
        help="PARTNER sent you PERSON (--given: you sent PERSON to PARTNER)",
    )
    referral.add_argument("partner", metavar="PARTNER")
    referral.add_argument("referred", metavar="PERSON")
    referral.add_argument(
        "--given", action="store_true", help="you sent PERSON to PARTNER (not the other way)"
    )
    referral.add_argument("--on", type=_date, metavar="DATE", help="default: today")
    referral.add_argument("--value", type=float, metavar="AMOUNT", help="business it brought")
    referral.add_argument("--currency", default="", metavar="CODE")
    referral.add_argument("--note", default="", metavar="TEXT")

    intro = sub.add_parser("introduce", help="you introduced PERSON_A to PERSON_B")
    intro.add_argument("person_a", metavar="PERSON_A")
    intro.add_argument("person_b", metavar="PERSON_B")
    intro.add_argument("--on", type=_date, metavar="DATE", help="default: today")
    intro.add_argument("--reason", default="", metavar="TEXT")
    intro.add_argument("--outcome", default="", metavar="TEXT")
    intro.add_argument(
        "--ask-on", type=_date, metavar="DATE", help="a follow-up to ask how it went"
    )
    intro.add_argument("--agreed", action="store_true", help="both agreed first (double opt-in)")

    net = sub.add_parser("network", help="referral sources, who went cold, introductions")
    net.add_argument("--json", action="store_true")

    year = sub.add_parser("review", help="the year in review: gifts, people not seen, referrals")
    year.add_argument("--year", type=_positive, metavar="YEAR", help="default: this year")
    year.add_argument("--json", action="store_true")

    edit = sub.add_parser("edit", help="change one record by its id (see show --json)")
    edit_sub = edit.add_subparsers(dest="what", metavar="WHAT", required=True)
    for what, options in editable().items():
        one = edit_sub.add_parser(what, help=f"change one {what}: name only what changes")
        one.add_argument("id", type=_positive, metavar="ID")
        for option, field, reader in options:
            one.add_argument(option, dest=field, type=reader, metavar=field.split("_")[0].upper())

    remove = sub.add_parser("remove", help="delete one record by its id (see show --json)")
    remove.add_argument("what", choices=RECORD_KINDS, metavar="WHAT")
    remove.add_argument("id", type=_positive, metavar="ID")

    sub.add_parser("undo", help="undo the last change (again for the one before, and so on)")
    sub.add_parser("redo", help="redo the change undone last")

    tag = sub.add_parser("tag", help="settings of a tag")
    tag_sub = tag.add_subparsers(dest="tag_command", metavar="ACTION", required=True)
    cadence = tag_sub.add_parser(
        "set-cadence",
        help="keep in touch every DAYS with everyone tagged TAG (unless they have "
        "a cadence of their own); 'none' removes it",
    )
    cadence.add_argument("tag", metavar="TAG")
    cadence.add_argument("days", type=_days_or_none, metavar="DAYS")

    sub.add_parser("backup", help="a checked copy of the database in the backups folder")
    listing = sub.add_parser("backups", help="the backups, the newest first")
    listing.add_argument("--json", action="store_true")
    checking = sub.add_parser(
        "check", help="check the database; repair the search index and damaged text"
    )
    checking.add_argument("--json", action="store_true")
    put_back = sub.add_parser(
        "restore", help="put a backup in place of the database (the newest sound one)"
    )
    put_back.add_argument("backup", nargs="?", metavar="BACKUP", help="a file `backups` lists")
    seal = sub.add_parser(
        "encrypt", help="encrypt the data file (the key in the keyring, or a passphrase)"
    )
    seal.add_argument(
        "--passphrase", action="store_true", help="a passphrase you choose instead of the keyring"
    )
    sub.add_parser("passphrase", help="change the passphrase of an encrypted data folder")
    recovering = sub.add_parser(
        "recover", help="open an encrypted folder again with its recovery key"
    )
    recovering.add_argument(
        "--passphrase", action="store_true", help="keep the key behind a new passphrase"
    )
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
    from nurture.cli.output import Printable

    stdout, stderr = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = Printable(stdout), Printable(stderr)
    try:
        return _run(args)
    finally:
        sys.stdout, sys.stderr = stdout, stderr


def _run(args: argparse.Namespace) -> int:
    from nurture.app import Nurture

    try:
        if args.command in _WITHOUT_OPENING:  # the database closed, or it is the key's business
            from nurture.cli import safety

            getattr(safety, COMMANDS[args.command][1])(args)
            return 0
        from nurture.cli.safety import ask_passphrase
        from nurture.db.encryption import unlock
        from nurture.paths import resolve_data_dir

        folder = resolve_data_dir(args.data_dir)
        app = Nurture.open(folder, key=unlock(folder, ask_passphrase))
        app.database.waiting = _say_waiting
        try:
            try:
                handler(args.command)(app, args)
            except DamagedTextError:
                # Damaged text never blocks reading: repaired (what can be read is kept, the
                # rest shows as �), said, and the command run once more.
                repaired = app.backups.check().repaired_text
                if not repaired:
                    raise
                print(
                    f"nurture: note: repaired damaged text in {', '.join(repaired[:5])} "
                    "(unreadable characters now show as �).",
                    file=sys.stderr,
                )
                handler(args.command)(app, args)
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
        print(_INTERRUPTED, file=sys.stderr)
        return 1
    except OSError as error:
        print(f"nurture: {error.strerror or error}", file=sys.stderr)
        return 1
    except Exception as error:  # a bug: one line for the user, never a traceback
        if _interrupted(error):  # an error on the way out of a Ctrl-C: still the Ctrl-C
            print(_INTERRUPTED, file=sys.stderr)
            return 1
        from nurture.logs import log_dir, start_logging

        start_logging("cli")
        logging.getLogger("nurture.cli").exception("unexpected error in %s", args.command)
        print(
            f"nurture: unexpected error ({type(error).__name__}: {error}); nothing was "
            f"changed by the failed step. Please report it (details: {log_dir()}).",
            file=sys.stderr,
        )
        return 1
    return 0


# Commands that work on the data folder with the database closed (restore, encryption) or on
# the key alone: they never open it, so they work when it cannot be opened.
_WITHOUT_OPENING = frozenset({"restore", "encrypt", "passphrase", "recover"})


_INTERRUPTED = "nurture: interrupted; nothing was changed by the unfinished step."


def _interrupted(error: BaseException) -> bool:
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, KeyboardInterrupt):
            return True
        seen = seen.__context__
    return False


def _say_waiting(what: str) -> None:
    print(
        f"nurture: waiting for {what} to finish; this change is saved right after.",
        file=sys.stderr,
        flush=True,
    )


# argparse value types: a ValueError (or ArgumentTypeError) becomes a usage error, exit 2.


def _positive(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text} is not a number above zero")
    return value


def _days_or_none(text: str) -> int | None:
    return None if text.strip().lower() == "none" else _positive(text)


def _tier_budget(text: str) -> tuple[str, int]:
    tier, sep, amount = text.partition("=")
    if not sep:
        raise argparse.ArgumentTypeError(f"'{text}' is not TIER=AMOUNT (like A=150)")
    return tier.strip(), _cents(amount)


def _cents(text: str) -> int:
    try:
        return round(float(text.replace(",", "")) * 100)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"'{text}' is not an amount (like 45.50)") from error


def _yes_no(text: str) -> bool:
    answer = text.strip().lower()
    if answer not in ("yes", "no"):
        raise argparse.ArgumentTypeError(f"'{text}' is not yes or no")
    return answer == "yes"


def _date_kind(text: str) -> DateKind:
    try:
        return DateKind(text.strip().lower().replace("-", "_"))
    except ValueError as error:
        kinds = ", ".join(k.value for k in DateKind)
        raise argparse.ArgumentTypeError(f"'{text}' is not one of {kinds}") from error


def _partial_date(text: str) -> PartialDate:
    try:
        return PartialDate.parse(text)
    except ValidationError as error:
        raise argparse.ArgumentTypeError(error.message) from error


def _kind_date(text: str) -> tuple[DateKind, PartialDate]:
    kind, _, when = text.partition("=")
    return _date_kind(kind), _partial_date(when)


# The years a day given on the command line may fall in: far beyond them, date arithmetic
# overflows and nothing a relationship manager keeps is meant.
_YEARS = (1900, 2999)


def _in_years(text: str, day: date) -> None:
    if not _YEARS[0] <= day.year <= _YEARS[1]:
        raise argparse.ArgumentTypeError(
            f"'{text}' is outside the years Nurture keeps ({_YEARS[0]} to {_YEARS[1]})"
        )


def _date(text: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (YYYY-MM-DD)") from error
    _in_years(text, day)
    return day


def _datetime(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a date and time (YYYY-MM-DD or YYYY-MM-DDTHH:MM)"
        ) from error
    _in_years(text, value.date())
    return value if value.tzinfo else value.astimezone()


def _column_field(text: str) -> tuple[str, str]:
    column, _, target = text.partition("=")
    if not column.strip() or target.strip() not in FIELDS:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not COLUMN=FIELD with FIELD one of {', '.join(FIELDS)}"
        )
    return column.strip(), target.strip()
