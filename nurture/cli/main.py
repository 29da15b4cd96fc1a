"""The command line's runner: parses `nurture [--data-dir DIR] COMMAND [options]` (cli.parser)
and runs the command's handler on the opened data folder.

Errors print one line to stderr and exit 1 (argparse exits 2 for usage errors); never a traceback.
"""

from __future__ import annotations

import os
import sys

from nurture.errors import DamagedTextError, NurtureError

# Not `typing.TYPE_CHECKING`: importing typing alone would double the cost of `--version`.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable

    from nurture.app import Nurture

    Handler = Callable[[Nurture, argparse.Namespace], None]


def parse_args(argv: list[str]) -> argparse.Namespace:
    """The command and its options; `--version` alone is answered before argparse loads."""
    if argv == ["--version"]:
        from nurture import __version__

        print(f"nurture {__version__}")
        sys.exit(0)
    from nurture.cli.parser import parse_args as parse

    return parse(argv)


def handler(name: str) -> Handler:
    import importlib

    from nurture.cli.parser import COMMANDS

    module, function = COMMANDS[name].handler
    found: Handler = getattr(importlib.import_module(f"nurture.cli.{module}"), function)
    return found


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
            from nurture.cli.parser import COMMANDS

            getattr(safety, COMMANDS[args.command].handler[1])(args)
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
        import logging

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
