"""Gifts, the network and the year in review on the shared demo database, each against a floor
measured in the same run:

- the holidays offered for a new campaign (the countries contacts live in, counted, then each
  country's holidays) against a plain scan of the address and phone rows it reads;
- the year in review against a plain SQL read of the year's interactions and the tiered
  contacts it compares them with;
- the biggest campaign's view (every recipient's earlier gifts, tastes, household) against a
  plain read of those recipients' gift and taste rows;
- the review and the campaign's mailing labels written as PDF against Qt laying out and
  writing the same amount of plain text.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path

from bench.common import Payload, fmt_ratio, median, note, print_table, ratio, timed
from bench.workspace import Workspace
from nurture.humanize import plural

ROUNDS = 3
_COUNTRY_ROWS = (
    "SELECT contact_id, country FROM addresses WHERE country != ''",
    "SELECT contact_id, e164 FROM phones WHERE e164 != ''",
)
_YEAR_ROWS = (
    "SELECT p.contact_id FROM interaction_participants p JOIN interactions i "
    "ON i.id = p.interaction_id WHERE i.occurred_at >= ? AND i.occurred_at < ?",
    "SELECT id, tier FROM contacts WHERE tier != '' AND is_light = 0",
)


def _scan(connection: sqlite3.Connection, statements: tuple[str, ...], *args: object) -> int:
    return sum(
        len(connection.execute(sql, args if "?" in sql else ()).fetchall()) for sql in statements
    )


def _recipient_rows(connection: sqlite3.Connection, campaign_id: int) -> int:
    people = "SELECT contact_id FROM campaign_recipients WHERE campaign_id = ?"
    return sum(
        len(connection.execute(sql, (campaign_id,)).fetchall())
        for sql in (
            f"SELECT * FROM gifts WHERE contact_id IN ({people})",
            f"SELECT * FROM preferences WHERE contact_id IN ({people})",
            f"SELECT * FROM contacts WHERE id IN ({people})",
        )
    )


def _plain_pdf(text: str, target: Path) -> int:
    from PySide6.QtGui import QPdfWriter, QTextDocument

    writer = QPdfWriter(str(target))
    document = QTextDocument()
    document.setPlainText(text)
    document.print_(writer)
    pages = document.pageCount()
    del writer
    return pages


def run(workspace: Workspace) -> Payload:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QApplication

    from nurture.app import Nurture
    from nurture.paths import database_path
    from ui.campaign_print import labels_html
    from ui.printing import write_pdf
    from ui.review_html import review_html

    data_dir = workspace.shared_data_dir()
    QApplication.instance() or QApplication([])
    core = Nurture.open(data_dir)
    raw = sqlite3.connect(f"file:{database_path(data_dir)}?mode=ro", uri=True)
    out = Path(tempfile.mkdtemp(prefix="nurture-bench-gifts-"))
    today = datetime.now().astimezone().date()
    year = today.year
    span = (f"{year}-01-01", f"{year + 1}-01-01")
    try:
        rows: dict[str, tuple[list[float], list[float]]] = {}

        def measure(case: str, product: Callable[[], object], floor: Callable[[], object]) -> None:
            product(), floor()  # warm-up
            rows[case] = (
                [timed(product) * 1000 for _ in range(ROUNDS)],
                [timed(floor) * 1000 for _ in range(ROUNDS)],
            )

        measure(
            "holidays for a new campaign (floor: scan of addresses and phones)",
            partial(core.campaigns.occasions, today),
            partial(_scan, raw, _COUNTRY_ROWS),
        )
        measure(
            f"year in review {year} (floor: SQL read of the year's touches and tiers)",
            partial(core.review.year, year),
            partial(_scan, raw, _YEAR_ROWS, *span),
        )
        campaigns = core.campaigns.campaigns()
        biggest = max(campaigns, key=lambda c: c[3]) if campaigns else None
        if biggest is not None:
            measure(
                f"campaign view, {biggest[3]:,} recipients (floor: their gift and taste rows)",
                partial(core.campaigns.view, biggest[0]),
                partial(_recipient_rows, raw, biggest[0]),
            )
        review = review_html(core.review.year(year))
        documents = [("review", review)]
        if biggest is not None:
            documents.append(("labels", labels_html(core.campaigns.labels(biggest[0])[0])))
        pages: dict[str, int] = {}
        for name, html in documents:
            text = QTextDocument()
            text.setHtml(html)
            plain = text.toPlainText()
            pages[name] = write_pdf(html, out / f"{name}.pdf", name)
            measure(
                f"{name} PDF, {plural(pages[name], 'page')} (floor: Qt writing the same text)",
                partial(write_pdf, html, out / f"{name}.pdf", name),
                partial(_plain_pdf, plain, out / f"{name}-plain.pdf"),
            )
    finally:
        raw.close()
        core.close()
        for leftover in out.iterdir():
            leftover.unlink()
        out.rmdir()
    table = [
        (case, f"{median(p):.0f}", f"{median(f):.0f}", fmt_ratio(ratio(median(p), median(f))))
        for case, (p, f) in rows.items()
    ]
    print_table(
        f"gifts: {workspace.contacts:,}-contact database, median of {ROUNDS} (ms)",
        ("case", "product ms", "floor ms", "ratio"),
        table,
    )
    slowest = max(rows.items(), key=lambda item: median(item[1][0]))
    note(f"  slowest: {slowest[0].split(' (')[0]}, {median(slowest[1][0]):.0f} ms (on the worker)")
    return {
        "contacts": workspace.contacts,
        "pages": pages,
        "cases": {
            case: {
                "product_ms": median(p),
                "floor_ms": median(f),
                "ratio": ratio(median(p), median(f)),
            }
            for case, (p, f) in rows.items()
        },
        "figures": {case.split(" (")[0]: median(p) for case, (p, _f) in rows.items()},
    }
