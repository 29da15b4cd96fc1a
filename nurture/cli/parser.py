"""The command line's grammar: `nurture [--data-dir DIR] COMMAND [options]`.

Every command is one row of COMMANDS: its one-line help, the function that declares its options
and the handler that runs it (module in nurture.cli, function). Only the options of the command
being run are declared: `nurture --help` lists the commands by name and help line without
building forty sub-parsers, and no module of the core is imported before a value is read.
"""

from __future__ import annotations

import argparse
import re

from nurture import __version__
from nurture.cli import values

# Not `typing.TYPE_CHECKING`: typing costs more to import than argparse (see cli.main).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    Declare = Callable[[argparse.ArgumentParser], None]
    Option = tuple[str, str, Callable[[str], object]]


class Command:
    """One command: its help line, what declares its options and what runs it."""

    __slots__ = ("declare", "handler", "help")

    def __init__(self, help: str, declare: Declare, handler: tuple[str, str]) -> None:
        self.help = help
        self.declare = declare
        self.handler = handler  # (module in nurture.cli, function)


def _nothing(_parser: argparse.ArgumentParser) -> None:
    """A command without options."""


def _json_only(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true")


def _contact_and_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("contact", metavar="CONTACT")
    _json_only(parser)


def _year_and_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--year", type=values.positive, metavar="YEAR", help="default: this year")
    _json_only(parser)


def add_filters(parser: argparse.ArgumentParser) -> None:
    """The list filters `contacts` and `campaign add` share (read by cli.filters)."""
    parser.add_argument("--saved", metavar="NAME", help="start from a saved search")
    parser.add_argument("--search", metavar="TEXT", help="everyone a search finds")
    parser.add_argument("--tag", metavar="T")
    parser.add_argument("--tier", metavar="T")
    parser.add_argument("--country", metavar="C", help="everyone living there (India, IN)")


def _demo(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--contacts", type=values.positive, default=200, metavar="N")
    parser.add_argument("--seed", type=int, default=1, metavar="S")


def _add(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", metavar="NAME")
    parser.add_argument("--email", action="append", default=[], metavar="E")
    parser.add_argument("--phone", action="append", default=[], metavar="P")
    parser.add_argument("--company", default="", metavar="C")
    parser.add_argument("--title", default="", metavar="T")
    parser.add_argument("--birthday", type=values.partial_date, metavar="DATE")
    parser.add_argument(
        "--date", action="append", default=[], type=values.kind_date, metavar="KIND=DATE"
    )
    parser.add_argument("--tag", action="append", default=[], metavar="T")
    parser.add_argument(
        "--every", type=values.positive, metavar="DAYS", help="keep in touch every DAYS"
    )
    parser.add_argument("--referred-by", metavar="NAME")
    _json_only(parser)


def _log(parser: argparse.ArgumentParser) -> None:
    from nurture.domain.enums import InteractionKind

    parser.add_argument("contact", metavar="CONTACT")
    parser.add_argument("--kind", required=True, choices=[k.value for k in InteractionKind])
    parser.add_argument("--with", dest="others", action="append", default=[], metavar="CONTACT")
    parser.add_argument("--when", type=values.moment, metavar="DATETIME")
    parser.add_argument("--note", default="", metavar="TEXT")
    parser.add_argument("--follow-up", type=values.day, metavar="DATE", help="and a follow-up then")
    parser.add_argument("--ask-about", default="", metavar="TEXT", help="for next time")
    _json_only(parser)


def _follow_up(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("contact", metavar="CONTACT")
    parser.add_argument("--due", required=True, type=values.day, metavar="DATE")
    parser.add_argument("--rrule", default="", metavar="RRULE")
    parser.add_argument("--title", default="", metavar="TEXT")
    _json_only(parser)


def _contacts(parser: argparse.ArgumentParser) -> None:
    add_filters(parser)
    parser.add_argument("--save-as", metavar="NAME", help="keep these filters as a search")
    parser.add_argument("--forget", metavar="NAME", help="forget a saved search")
    parser.add_argument("--searches", action="store_true", help="list the saved searches")
    parser.add_argument(
        "--all", action="store_true", help="include family members, assistants and archived"
    )
    _json_only(parser)


def _agenda(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="start", type=values.day, metavar="DATE")
    parser.add_argument("--days", type=values.positive, default=7, metavar="N")
    _json_only(parser)


def _plan(parser: argparse.ArgumentParser) -> None:
    from nurture.domain.plan import Section

    parser.add_argument("--date", type=values.day, metavar="DATE")
    parser.add_argument("--tier", metavar="T")
    parser.add_argument("--tag", metavar="T")
    parser.add_argument("--kind", choices=[s.value for s in Section], metavar="SECTION")
    _json_only(parser)


def _skip(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("contact", metavar="CONTACT")
    parser.add_argument(
        "--until", type=values.day, metavar="DATE", help="default: the next working day"
    )


def _due(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--now", type=values.moment, metavar="DATETIME")
    parser.add_argument("--dry-run", action="store_true", help="show, but do not mark as fired")
    _json_only(parser)


def _import(parser: argparse.ArgumentParser) -> None:
    from nurture.formats import IMPORT_FORMATS, OnDuplicate

    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--format", default="auto", choices=IMPORT_FORMATS)
    parser.add_argument(
        "--map", action="append", default=[], type=values.column_field, metavar="COLUMN=FIELD"
    )
    parser.add_argument(
        "--encoding",
        metavar="NAME",
        help="read the file in this encoding (cp1252, cp1250, cp932, …) instead of guessing",
    )
    parser.add_argument("--on-duplicate", default="merge", choices=[o.value for o in OnDuplicate])
    parser.add_argument("--dry-run", action="store_true", help="report only; change nothing")
    _json_only(parser)


def _undo_import(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("batch", type=values.positive, metavar="BATCH")


def _merge(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("keep", metavar="A")
    parser.add_argument("other", metavar="B")


def _export(parser: argparse.ArgumentParser) -> None:
    from nurture.formats import ExportFormat

    parser.add_argument("--format", required=True, choices=[f.value for f in ExportFormat])
    parser.add_argument("-o", "--output", metavar="FILE", help="default: standard output")


def _gift(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("contact", metavar="CONTACT")
    parser.add_argument("description", metavar="WHAT")
    parser.add_argument("--kind", choices=["given", "received", "idea"], default="given")
    parser.add_argument("--occasion", default="", metavar="OCCASION")
    parser.add_argument(
        "--on", type=values.day, metavar="DATE", help="when it was given (YYYY-MM-DD)"
    )
    _json_only(parser)


def _campaign(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    new = actions.add_parser("new", help="a campaign for an occasion; prints its id")
    new.add_argument("name", metavar="NAME")
    new.add_argument(
        "--date",
        type=values.day,
        metavar="DATE",
        help="the occasion's day (birthdays: from; today)",
    )
    new.add_argument(
        "--birthdays", action="store_true", help="each recipient's gift is for their birthday"
    )
    new.add_argument("--occasion", default="", metavar="TEXT", help="default: the name")
    new.add_argument(
        "--budget",
        action="append",
        default=[],
        type=values.tier_budget,
        metavar="TIER=AMOUNT",
        help="budget per recipient of a tier (TIER empty: everyone else)",
    )
    _json_only(actions.add_parser("list", help="every campaign, the latest first"))
    add = actions.add_parser("add", help="add recipients by hand, tag or tier")
    add.add_argument("id", type=values.positive, metavar="ID")
    add.add_argument("--contact", action="append", default=[], metavar="CONTACT")
    add_filters(add)
    off = actions.add_parser("remove", help="take someone off a campaign")
    off.add_argument("id", type=values.positive, metavar="ID")
    off.add_argument("contact", metavar="CONTACT")
    choose = actions.add_parser("choose", help="this campaign's gift for someone")
    choose.add_argument("id", type=values.positive, metavar="ID")
    choose.add_argument("contact", metavar="CONTACT")
    choose.add_argument("description", metavar="WHAT")
    choose.add_argument("--amount", type=values.cents, metavar="AMOUNT")
    choose.add_argument("--buy-by", type=values.day, metavar="DATE")
    choose.add_argument("--ship-by", type=values.day, metavar="DATE")
    show = actions.add_parser("show", help="recipients, gifts, statuses, earlier gifts, spend")
    show.add_argument("id", type=values.positive, metavar="ID")
    _json_only(show)
    out = actions.add_parser("export", help="the shopping list or the mailing labels as CSV")
    out.add_argument("id", type=values.positive, metavar="ID")
    out.add_argument("what", choices=["shopping", "labels"])
    out.add_argument("--output", required=True, metavar="FILE")
    actions.add_parser("holidays", help="the gift days of the next twelve months")


def _date(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("contact", metavar="CONTACT")
    parser.add_argument("date", type=values.kind_date, metavar="KIND=DATE")
    parser.add_argument("--label", default="", metavar="TEXT", help="for a custom date")
    parser.add_argument("--once", action="store_true", help="a one-off date, not yearly")


def _relate(parser: argparse.ArgumentParser) -> None:
    from nurture.domain.enums import RelationshipKind

    parser.add_argument("contact", metavar="CONTACT")
    parser.add_argument("kind", choices=[k.value for k in RelationshipKind], metavar="KIND")
    parser.add_argument("other", metavar="OTHER")


def _referral(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("partner", metavar="PARTNER")
    parser.add_argument("referred", metavar="PERSON")
    parser.add_argument(
        "--given", action="store_true", help="you sent PERSON to PARTNER (not the other way)"
    )
    parser.add_argument("--on", type=values.day, metavar="DATE", help="default: today")
    parser.add_argument("--value", type=float, metavar="AMOUNT", help="business it brought")
    parser.add_argument("--currency", default="", metavar="CODE")
    parser.add_argument("--note", default="", metavar="TEXT")


def _introduce(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("person_a", metavar="PERSON_A")
    parser.add_argument("person_b", metavar="PERSON_B")
    parser.add_argument("--on", type=values.day, metavar="DATE", help="default: today")
    parser.add_argument("--reason", default="", metavar="TEXT")
    parser.add_argument("--outcome", default="", metavar="TEXT")
    parser.add_argument(
        "--ask-on", type=values.day, metavar="DATE", help="a follow-up to ask how it went"
    )
    parser.add_argument("--agreed", action="store_true", help="both agreed first (double opt-in)")


def editable() -> dict[str, tuple[Option, ...]]:
    """What `nurture edit WHAT ID --OPTION VALUE` changes: each option with the field it sets
    and how its text is read."""
    text = str
    return {
        "date": (
            ("--date", "date", values.partial_date),
            ("--kind", "kind", values.date_kind),
            ("--label", "label", text),
            ("--lead-days", "lead_days", values.days_or_none),
        ),
        "follow-up": (
            ("--due", "due_date", values.day),
            ("--title", "title", text),
            ("--note", "notes", text),
            ("--rrule", "rrule", text),
        ),
        "gift": (
            ("--description", "description", text),
            ("--kind", "direction", text),
            ("--occasion", "occasion", text),
            ("--on", "given_on", values.day),
            ("--amount", "amount_cents", values.cents),
            ("--currency", "currency", text),
            ("--status", "status", text),
            ("--note", "notes", text),
        ),
        "taste": (
            ("--item", "item", text),
            ("--category", "category", text),
            ("--detail", "detail", text),
            ("--likes", "likes", values.yes_no),
        ),
        "interaction": (
            ("--kind", "kind", text),
            ("--when", "occurred_at", values.moment),
            ("--title", "title", text),
            ("--note", "notes", text),
        ),
        "introduction": (
            ("--on", "introduced_on", values.day),
            ("--reason", "reason", text),
            ("--outcome", "outcome", text),
        ),
        "referral": (
            ("--on", "referred_on", values.day),
            ("--value", "value_cents", values.cents),
            ("--currency", "currency", text),
            ("--note", "notes", text),
        ),
    }


def _edit(parser: argparse.ArgumentParser) -> None:
    records = parser.add_subparsers(dest="what", metavar="WHAT", required=True)
    for what, options in editable().items():
        one = records.add_parser(what, help=f"change one {what}: name only what changes")
        one.add_argument("id", type=values.positive, metavar="ID")
        for option, field, reader in options:
            one.add_argument(option, dest=field, type=reader, metavar=field.split("_")[0].upper())


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


def _remove(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("what", choices=RECORD_KINDS, metavar="WHAT")
    parser.add_argument("id", type=values.positive, metavar="ID")


def _tag(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="tag_command", metavar="ACTION", required=True)
    cadence = actions.add_parser(
        "set-cadence",
        help="keep in touch every DAYS with everyone tagged TAG (unless they have "
        "a cadence of their own); 'none' removes it",
    )
    cadence.add_argument("tag", metavar="TAG")
    cadence.add_argument("days", type=values.days_or_none, metavar="DAYS")


def _restore(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("backup", nargs="?", metavar="BACKUP", help="a file `backups` lists")


def _encrypt(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--passphrase", action="store_true", help="a passphrase you choose instead of the keyring"
    )


def _sync(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dry-run", action="store_true", help="say what would change, change nothing"
    )
    parser.add_argument(
        "--allow-deletes",
        action="store_true",
        help="go ahead when the sync deletes more of the address book than you allow",
    )
    _json_only(parser)


def _sync_account(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("url", metavar="URL", help="the server (https://…)")
    parser.add_argument("user", metavar="USER")
    parser.add_argument(
        "--book", default="", metavar="NAME", help="the address book (made if missing)"
    )


def _recover(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--passphrase", action="store_true", help="keep the key behind a new passphrase"
    )


COMMANDS: dict[str, Command] = {
    "demo": Command(
        "fill the database with a believable sample network", _demo, ("people", "demo")
    ),
    "add": Command("add a contact; prints its id", _add, ("people", "add")),
    "log": Command("log an interaction with one or more people", _log, ("people", "log")),
    "follow-up": Command(
        "add a follow-up, optionally recurring", _follow_up, ("people", "follow_up")
    ),
    "contacts": Command("list contacts (and save the search)", _contacts, ("people", "contacts")),
    "show": Command("show a contact's whole card", _contact_and_json, ("people", "show")),
    "agenda": Command(
        "what is coming: occasions, follow-ups, who goes cold", _agenda, ("people", "agenda")
    ),
    "plan": Command("today's plan: whom to touch and why", _plan, ("plan", "plan")),
    "brief": Command("what to know before calling someone", _contact_and_json, ("plan", "brief")),
    "skip": Command("keep someone off the plan until a later day", _skip, ("plan", "skip")),
    "due": Command(
        "what the reminder engine fires now (and marks it fired)", _due, ("people", "due")
    ),
    "import": Command(
        "import contacts from CSV or vCard (one undoable batch)",
        _import,
        ("files", "import_file"),
    ),
    "imports": Command(
        "every import, newest first (BATCH ids for undo-import)",
        _json_only,
        ("files", "imports"),
    ),
    "undo-import": Command(
        "remove exactly what one import added", _undo_import, ("files", "undo_import")
    ),
    "duplicates": Command(
        "likely duplicate contacts, with the reason", _json_only, ("files", "duplicates")
    ),
    "merge": Command(
        "merge contact B into contact A (nothing is lost)", _merge, ("files", "merge")
    ),
    "export": Command(
        "export contacts (CSV, vCard) or occasions (ics)", _export, ("files", "export")
    ),
    "gift": Command(
        "record a gift given, received or planned (an idea)", _gift, ("people", "gift")
    ),
    "gifts": Command(
        "what was spent on gifts in a year, per person and tier",
        _year_and_json,
        ("gifts", "gifts"),
    ),
    "campaign": Command(
        "holiday gift campaigns: new, list, add, choose, show", _campaign, ("gifts", "campaign")
    ),
    "date": Command(
        "add an important date (anniversary, graduation...)", _date, ("records", "add_date")
    ),
    "relate": Command("link two people: OTHER is CONTACT's KIND", _relate, ("records", "relate")),
    "referral": Command(
        "PARTNER sent you PERSON (--given: you sent PERSON to PARTNER)",
        _referral,
        ("records", "referral"),
    ),
    "introduce": Command(
        "you introduced PERSON_A to PERSON_B", _introduce, ("network", "introduce")
    ),
    "network": Command(
        "referral sources, who went cold, introductions", _json_only, ("network", "network")
    ),
    "review": Command(
        "the year in review: gifts, people not seen, referrals",
        _year_and_json,
        ("review", "review"),
    ),
    "edit": Command("change one record by its id (see show --json)", _edit, ("records", "edit")),
    "remove": Command(
        "delete one record by its id (see show --json)", _remove, ("records", "remove")
    ),
    "undo": Command(
        "undo the last change (again for the one before, and so on)",
        _nothing,
        ("people", "undo"),
    ),
    "redo": Command("redo the change undone last", _nothing, ("people", "redo")),
    "tag": Command("settings of a tag", _tag, ("people", "tag")),
    "sync": Command(
        "sync contacts with your CardDAV address book (your phone's)", _sync, ("sync", "sync")
    ),
    "sync-account": Command(
        "connect to a CardDAV server; the password goes to the keyring",
        _sync_account,
        ("sync", "sync_account"),
    ),
    "backup": Command(
        "a checked copy of the database in the backups folder", _nothing, ("safety", "backup")
    ),
    "backups": Command("the backups, the newest first", _json_only, ("safety", "backups")),
    "check": Command(
        "check the database; repair the search index and damaged text",
        _json_only,
        ("safety", "check"),
    ),
    # These four take no app: they work with the database closed (see main._WITHOUT_OPENING).
    "restore": Command(
        "put a backup in place of the database (the newest sound one)",
        _restore,
        ("safety", "restore_backup"),
    ),
    "encrypt": Command(
        "encrypt the data file (the key in the keyring, or a passphrase)",
        _encrypt,
        ("safety", "encrypt_folder"),
    ),
    "passphrase": Command(
        "change the passphrase of an encrypted data folder", _nothing, ("safety", "passphrase")
    ),
    "recover": Command(
        "open an encrypted folder again with its recovery key",
        _recover,
        ("safety", "recover_key"),
    ),
}

# The options that come before the command (and the values they take).
_GLOBAL_WITH_VALUE = frozenset({"--data-dir"})


def command_named(argv: list[str]) -> str | None:
    """The command `argv` names (the first word that is not a global option or its value)."""
    words = iter(argv)
    for word in words:
        if word in _GLOBAL_WITH_VALUE:
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def build_parser(declared: str | None = "*") -> argparse.ArgumentParser:
    """The parser; with `declared` a command's name, only that command's options are declared
    (with "*" every command's; with None none, for the app or the top-level help)."""
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
    for name, command in COMMANDS.items():
        wanted = declared in ("*", name)
        # An undeclared command is only a name and a help line: no -h of its own to build.
        one = sub.add_parser(name, help=command.help, add_help=wanted)
        if wanted:
            command.declare(one)
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
    argv = year_less_dates_attached(argv)
    return build_parser(command_named(argv)).parse_args(argv)
