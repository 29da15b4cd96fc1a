"""`python -m bench [NAME ...] [--contacts N]`: run the benchmarks (all of them by default).

By default every benchmark runs at 10,000 and then 100,000 contacts, and the cost curve (how
each headline figure grows with the network) is printed at the end and written to
bench/results/cost_curve.md; with BENCH_FULL=1, the main figures run at 1,000,000 too.
`--contacts N` runs one size. At each size the demo database is built once and shared
(`search`, `cold_start`, `agenda`... use it; it is the `demo` benchmark's first product database
when that runs); data lives in a temporary folder deleted at the end. Results go to
bench/results/<name>-<contacts>.json.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench import (
    agenda,
    cli_start,
    cold_start,
    curve,
    demo,
    duplicates,
    encryption,
    gifts,
    import_csv,
    plan,
    search,
    sync,
    ui_list,
)
from bench.common import Payload, note, write_results
from bench.workspace import Workspace

SIZES = (10_000, 100_000)
FULL_SIZE = 1_000_000
# What still runs at a million contacts: the network opens, is searched, imported into and
# planned; the rest would add an hour to a run and nothing the figures above do not say.
AT_FULL_SIZE = frozenset({"cli_start", "demo", "cold_start", "search", "agenda", "import"})

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
    "sync": sync.run,
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
        metavar="N",
        help="one demo database size (default: 10000 then 100000, and 1000000 with BENCH_FULL=1)",
    )
    return parser


def _sizes(args: argparse.Namespace) -> list[int]:
    if args.contacts is not None:
        return [args.contacts]
    full = os.environ.get("BENCH_FULL", "") not in ("", "0")
    return [*SIZES, *([FULL_SIZE] if full else [])]


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    unknown = [name for name in args.names if name not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}; choose from {list(BENCHMARKS)}")
    if args.contacts is not None and args.contacts <= 0:
        parser.error("--contacts must be positive")
    chosen = [name for name in BENCHMARKS if not args.names or name in args.names]
    sizes = _sizes(args)
    figures: curve.Figures = {}
    failed: list[str] = []
    started = time.perf_counter()
    for contacts in sizes:
        names = [n for n in chosen if contacts < FULL_SIZE or n in AT_FULL_SIZE]
        note(f"\n##### {contacts:,} contacts: {', '.join(names)}")
        with tempfile.TemporaryDirectory(prefix="nurture-bench-") as root:
            workspace = Workspace(Path(root), contacts)
            for name in names:
                note(f"\n== {name} ({contacts:,} contacts) ==")
                try:
                    payload = BENCHMARKS[name](workspace)
                except Exception as error:  # one broken benchmark must not cost the whole run
                    note(f"  {name} FAILED at {contacts:,} contacts: {error!r}")
                    failed.append(f"{name}-{contacts}")
                    continue
                curve.collect(figures, name, contacts, payload)
                path = write_results(f"{name}-{contacts}", payload)
                note(f"  results: {path}")
    summary = curve.report(figures, sizes)
    write_results("cost_curve", {**summary, "failed": failed})
    note(f"\nAll done in {time.perf_counter() - started:.0f} s.")
    if failed:
        note(f"FAILED: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
