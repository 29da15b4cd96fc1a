"""The `nurture` entry point: the desktop app with no subcommand, else the command line.

The command line never imports Qt, so it runs on a headless machine and starts fast.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from nurture.cli.main import parse_args, run_command

    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.command is None:
        from ui.application import run_app

        return run_app(args.data_dir, minimized=args.minimized)
    return run_command(args)


if __name__ == "__main__":
    sys.exit(main())
