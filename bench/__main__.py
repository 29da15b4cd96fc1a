"""`python -m bench [NAME ...] [--contacts N]`: run the benchmarks (all of them by default).

Data lives in one temporary folder, deleted at the end; the demo database of N contacts is built
once and shared by `search`, `cold_start` and `agenda` (the `demo` benchmark's first product
database when it runs). Results go to bench/results/<name>.json.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench import (
    agenda,
    cli_start,
    cold_start,
    demo,
    duplicates,
    encryption,
    gifts,
    import_csv,
    plan,
    search,
    ui_list,
)
from bench.common import Payload, note, write_results
from bench.workspace import Workspace

BENCHMARKS: dict[str, Callable[[Workspace], Payload]] = {
    "cli_start": cli_start.run,
    "demo": demo.run,
    "search": search.run,
    "cold_start": cold_start.run,
    "agenda": agenda.run,
    "plan": plan.run,
    "gifts": gifts.run,
    "encryption": encryption.run,
    "import": import_csv.run,
    "ui_list": ui_list.run,
    "duplicates": duplicates.run,
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument(
        "names",
        nargs="*",
        metavar="NAME",
        help=f"benchmarks to run, in this order: {', '.join(BENCHMARKS)} (default: all)",
    )
    parser.add_argument(
        "--contacts",
        type=int,
        default=100_000,
        metavar="N",
        help="demo database size (default: 100000; smaller for a quick trial)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    unknown = [name for name in args.names if name not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}; choose from {list(BENCHMARKS)}")
    if args.contacts <= 0:
        parser.error("--contacts must be positive")
    chosen = [name for name in BENCHMARKS if not args.names or name in args.names]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="nurture-bench-") as root:
        workspace = Workspace(Path(root), args.contacts)
        for name in chosen:
            note(f"\n== {name} ==")
            payload = BENCHMARKS[name](workspace)
            path = write_results(name, payload)
            note(f"  results: {path}")
    note(f"\nAll done in {time.perf_counter() - started:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
