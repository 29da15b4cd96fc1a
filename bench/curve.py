"""The cost curve: each benchmark's headline figures (its payload's "figures", in ms or MiB) at
every size run, and how they grow from one size to the next.

A figure that grows no faster than n·log n between sizes n₁ < n₂ has a growth ratio at most
(n₂·log n₂)/(n₁·log n₁): 12.5 from 10,000 to 100,000 contacts, 12.0 from 100,000 to 1,000,000.
Timings on a shared machine are noisy, and a fixed cost (a process start, a window) makes the
small size look slow, so the verdict is the exponent k of n^k that the ratio amounts to.
"""

from __future__ import annotations

import itertools
import math
from datetime import UTC, datetime

from bench.common import RESULTS_DIR, Payload, environment, print_table

# Figures by benchmark, then label, then size: {"search": {"page ms": {10000: 4.1, ...}}}.
Figures = dict[str, dict[str, dict[int, float]]]


def collect(figures: Figures, name: str, contacts: int, payload: Payload) -> None:
    for label, value in payload.get("figures", {}).items():
        figures.setdefault(name, {}).setdefault(label, {})[contacts] = float(value)


def n_log_n(small: int, large: int) -> float:
    return (large * math.log(large)) / (small * math.log(small))


def exponent(growth: float, small: int, large: int) -> float:
    """k in growth = (large/small)^k."""
    return math.log(max(growth, 1e-9)) / math.log(large / small)


def _row(name: str, label: str, by_size: dict[int, float], sizes: list[int]) -> list[str]:
    cells = [f"{name}: {label}"]
    cells += [_value(by_size[n]) if n in by_size else "–" for n in sizes]
    verdicts = []
    for small, large in itertools.pairwise(sizes):
        if small in by_size and large in by_size and by_size[small] > 0:
            growth = by_size[large] / by_size[small]
            within = growth <= n_log_n(small, large)
            verdicts.append(
                f"×{growth:.1f} (n^{exponent(growth, small, large):.2f})"
                + ("" if within else " FASTER than n·log n")
            )
    cells.append("; ".join(verdicts) or "–")
    return cells


def _value(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 else f"{value:.1f}"


def report(figures: Figures, sizes: list[int]) -> Payload:
    """Print the table, write cost_curve.json and cost_curve.md (the README's table)."""
    sizes = sorted(sizes)
    headers = ["figure (ms, or as named)", *[f"{n:,}" for n in sizes], "growth"]
    rows = [
        _row(name, label, by_size, sizes)
        for name, labels in figures.items()
        for label, by_size in labels.items()
    ]
    if len(sizes) > 1:
        bounds = ", ".join(
            f"{a:,}→{b:,}: ×{n_log_n(a, b):.1f}" for a, b in itertools.pairwise(sizes)
        )
        title = f"cost curve (n·log n allows {bounds})"
    else:
        title = f"figures at {sizes[0]:,} contacts (one size: no growth to show)"
    print_table(title, headers, rows)
    faster = [row[0] for row in rows if "FASTER" in row[-1]]
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    machine = environment()
    stamp = datetime.now(UTC).strftime("%Y-%m-%d")
    lines = [
        f"Measured {stamp} on {machine['cpus']} cores, Python {machine['python']}, "
        f"commit {machine['commit']} (`make bench`):",
        "",
        "| " + " | ".join(headers) + " |",
        "|" + "|".join("---" if i == 0 else "---:" for i in range(len(headers))) + "|",
        *("| " + " | ".join(row) + " |" for row in rows),
    ]
    (RESULTS_DIR / "cost_curve.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {
        "sizes": sizes,
        "figures": {
            name: {label: {str(n): v for n, v in by.items()} for label, by in labels.items()}
            for name, labels in figures.items()
        },
        "faster_than_n_log_n": faster,
    }
