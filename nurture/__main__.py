"""`python -m nurture COMMAND`: the command line alone (it never imports Qt, so it runs on a
headless machine and starts fast). The desktop app is the `nurture` program without a command
(`ui/launcher.py`; from a checkout: `python -m ui`)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from nurture.cli.main import parse_args, run_command

    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.command is None:
        from nurture.cli.parser import build_parser

        build_parser(declared=None).print_usage(sys.stderr)
        print(
            "nurture: give a command (the app opens with `nurture` alone, or python -m ui).",
            file=sys.stderr,
        )
        return 2
    return run_command(args)


if __name__ == "__main__":
    sys.exit(main())
