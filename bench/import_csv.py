"""Import: a Google CSV of one row per contact of the run's size (100,000 by default) as the
wizard shows it (the columns page: decode, sniff, map and read every row; the preview page: what
the import would do) against csv-reading the same file; then imported into an empty database,
again into the database that now holds all of them (every row a duplicate) and again with a new
label on every row (every row merged), against the floor of Python's csv reader plus raw
sqlite3 executemany of the same rows; and vCard parsing of a fifth as many cards against
vobject alone."""

from __future__ import annotations

import csv
import io
import random
import sqlite3
from pathlib import Path

from bench.common import Payload, fmt_ratio, note, print_table, ratio, timed
from bench.workspace import Workspace
from nurture.app import Nurture
from nurture.io.reader import ContactsFile
from nurture.paths import database_path
from nurture.services.importing import ImportOptions

TARGET_ROWS_PER_S = 25_000
TARGET_PREVIEW_S = 3.0  # at 100,000 rows
HEADER = [
    "First Name",
    "Last Name",
    "Organization Name",
    "Organization Title",
    "Birthday",
    "Labels",
    "E-mail 1 - Label",
    "E-mail 1 - Value",
    "Phone 1 - Label",
    "Phone 1 - Value",
]
GIVEN = ["Ana", "Ben", "Chloé", "Dev", "Eun", "Femi", "Gus", "Hana", "Ivo", "Jun", "Kai", "Lea"]
FAMILY = ["Okafor", "Müller", "Sato", "García", "Nowak", "Rossi", "Silva", "Smith", "Patel"]


def google_csv(rows: int, seed: int = 7, labels: str = "* myContacts ::: Clients") -> bytes:
    rng = random.Random(seed)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for i in range(rows):
        given, family = rng.choice(GIVEN), rng.choice(FAMILY)
        writer.writerow(
            [
                given,
                f"{family}{i}",
                f"Company {i % 900}",
                "Buyer",
                f"{rng.randint(1950, 2000)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                labels,
                "* Work",
                f"{given.lower()}.{i}@example.com",
                "Mobile",
                f"+1 415 {rng.randint(200, 999)} {i % 10000:04d}",
            ]
        )
    return out.getvalue().encode("utf-8")


def vcards(count: int) -> str:
    return "".join(
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Family{i};Given{i};;;\r\nFN:Given{i} Family{i}\r\n"
        f"EMAIL;TYPE=INTERNET:given{i}@example.org\r\nTEL;TYPE=CELL:+44 20 7946 {i % 10000:04d}"
        f"\r\nBDAY:1980-{i % 12 + 1:02d}-{i % 28 + 1:02d}\r\nEND:VCARD\r\n"
        for i in range(count)
    )


def _floor(data: bytes, path: Path) -> None:
    """csv.reader + raw sqlite3 executemany of the same rows into contacts, emails, phones."""
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))[1:]
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    top = connection.execute("SELECT coalesce(max(id), 0) FROM contacts").fetchone()[0]
    with connection:
        connection.executemany(
            "INSERT INTO contacts (id, uuid, prefix, given_name, middle_name, family_name, suffix,"
            " nickname, display_name, sort_name, organization, title, department, notes,"
            " how_we_met, time_zone, tier, starred, archived, is_light, created_at, updated_at)"
            " VALUES (?, ?, '', ?, '', ?, '', '', ?, ?, ?, ?, '', '', '', '', '', 0, 0, 0,"
            " '2026-01-01', '2026-01-01')",
            [
                (
                    top + i + 1,
                    f"u{top + i}",
                    r[0],
                    r[1],
                    f"{r[0]} {r[1]}",
                    f"{r[1]} {r[0]}",
                    r[2],
                    r[3],
                )
                for i, r in enumerate(rows)
            ],
        )
        connection.executemany(
            "INSERT INTO emails (contact_id, label, is_primary, position, address, address_key)"
            " VALUES (?, 'work', 1, 0, ?, ?)",
            [(top + i + 1, r[7], r[7].lower()) for i, r in enumerate(rows)],
        )
        connection.executemany(
            "INSERT INTO phones (contact_id, label, is_primary, position, raw, e164, national)"
            " VALUES (?, 'mobile', 1, 0, ?, '', '')",
            [(top + i + 1, r[9]) for i, r in enumerate(rows)],
        )
    connection.close()


def _csv_only(data: bytes) -> int:
    """The wizard's floor: decode the file and split every row."""
    return len(list(csv.reader(io.StringIO(data.decode("utf-8")))))


def run(workspace: Workspace) -> Payload:
    rows, cards_count = workspace.contacts, max(1, workspace.contacts // 5)
    data = google_csv(rows)
    product_dir, floor_dir = workspace.fresh_dir("import"), workspace.fresh_dir("import-floor")
    core = Nurture.open(product_dir)
    Nurture.open(floor_dir).close()
    try:
        # What the wizard runs (ui/operations/imports.py) before anything is imported.
        opened: list[ContactsFile] = []
        columns = timed(lambda: opened.append(_columns_page(core, data)))
        shown = timed(lambda: core.importing.preview(opened[0], ImportOptions()))
        first = timed(
            lambda: core.importing.run(core.importing.open(data, "google.csv"), ImportOptions())
        )
        again = timed(
            lambda: core.importing.run(core.importing.open(data, "google.csv"), ImportOptions())
        )
        # The same people a month later, each with a new label: every row merges something.
        labelled = google_csv(rows, labels="* myContacts ::: Clients ::: Gala")
        merged = timed(
            lambda: core.importing.run(core.importing.open(labelled, "google.csv"), ImportOptions())
        )
    finally:
        core.close()
    floor = timed(lambda: _floor(data, database_path(floor_dir)))
    csv_floor = timed(lambda: _csv_only(data))
    text = vcards(cards_count)
    from nurture.io.vcard import read_vcards

    cards = timed(lambda: sum(1 for _ in read_vcards(text)))
    cards_floor = timed(lambda: _vobject_only(text))
    workspace.discard(product_dir)
    workspace.discard(floor_dir)
    rate = rows / first
    wizard = columns + shown
    print_table(
        f"import: {rows:,}-row Google CSV (seconds); floor = csv reader + raw sqlite3 executemany"
        " (the wizard's: csv reader alone)",
        ("case", "product s", "floor s", "ratio", "rows/s"),
        [
            *(
                (case, f"{took:.2f}", f"{csv_floor:.2f}", fmt_ratio(ratio(took, csv_floor)), "")
                for case, took in (
                    ("wizard: columns page", columns),
                    ("wizard: preview page", shown),
                    ("wizard: both", wizard),
                )
            ),
            (
                "into an empty database",
                f"{first:.2f}",
                f"{floor:.2f}",
                fmt_ratio(ratio(first, floor)),
                f"{rate:,.0f}",
            ),
            (
                "again (all duplicates)",
                f"{again:.2f}",
                f"{floor:.2f}",
                fmt_ratio(ratio(again, floor)),
                f"{rows / again:,.0f}",
            ),
            (
                "again, each with a new label",
                f"{merged:.2f}",
                f"{floor:.2f}",
                fmt_ratio(ratio(merged, floor)),
                f"{rows / merged:,.0f}",
            ),
            (
                f"vCard {cards_count:,} cards",
                f"{cards:.2f}",
                f"{cards_floor:.2f}",
                fmt_ratio(ratio(cards, cards_floor)),
                f"{cards_count / cards:,.0f}",
            ),
        ],
    )
    preview_budget = TARGET_PREVIEW_S * rows / 100_000
    for verdict, target in (
        (rate >= TARGET_ROWS_PER_S, f"{rate:,.0f} rows/s: the {TARGET_ROWS_PER_S:,} rows/s"),
        (first <= 10 * floor, f"first import {first / floor:.1f}x its floor: the 10x"),
        (again <= first, "re-import no slower than the first import: the"),
        (wizard <= preview_budget, f"wizard {wizard:.2f} s: the {preview_budget:.1f} s"),
    ):
        note(f"  {target} target is {'met' if verdict else 'MISSED'}")
    return {
        "rows": rows,
        "first_s": first,
        "duplicates_s": again,
        "merged_s": merged,
        "floor_s": floor,
        "rows_per_s": rate,
        "meets_target": rate >= TARGET_ROWS_PER_S,
        "wizard_columns_s": columns,
        "wizard_preview_s": shown,
        "wizard_floor_s": csv_floor,
        "vcard_cards": cards_count,
        "vcard_s": cards,
        "vcard_floor_s": cards_floor,
        "figures": {
            "first import": first * 1000,
            "re-import (all duplicates)": again * 1000,
            "re-import (all merged)": merged * 1000,
            "wizard columns page": columns * 1000,
            "wizard preview page": shown * 1000,
            "import floor": floor * 1000,
            "vCard parse": cards * 1000,
        },
    }


def _columns_page(core: Nurture, data: bytes) -> ContactsFile:
    source = core.importing.open(data, "google.csv")
    source.parsed()
    return source


def _vobject_only(text: str) -> int:
    import vobject

    return sum(1 for _ in vobject.readComponents(text))
