"""The `nurture` program: the desktop app without a command, else the command line (which
never loads Qt). It lives here, not in the core, so that nothing in `nurture/` imports `ui/`."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from nurture.cli.main import parse_args, run_command

    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.command is None:
        from ui.application import run_app

        return run_app(args.data_dir, minimized=args.minimized)
    return run_command(args)
