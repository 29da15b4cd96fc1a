"""Import: a 100,000-row Google CSV into an empty database, then again into the database that
now holds all of them (every row a duplicate), against the floor of Python's csv reader plus raw
sqlite3 executemany of the same rows; and vCard parsing of 20,000 cards against vobject alone."""

from __future__ import annotations

import csv
import io
import random
import sqlite3
from pathlib import Path

from bench.common import Payload, fmt_ratio, note, print_table, ratio, timed
from bench.workspace import Workspace
from nurture.app import Nurture
from nurture.paths import database_path
from nurture.services.importing import ImportOptions

ROWS = 100_000
CARDS = 20_000
TARGET_ROWS_PER_S = 25_000
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


def google_csv(rows: int, seed: int = 7) -> bytes:
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
                "* myContacts ::: Clients",
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


def run(workspace: Workspace) -> Payload:
    data = google_csv(ROWS)
    product_dir, floor_dir = workspace.fresh_dir("import"), workspace.fresh_dir("import-floor")
    core = Nurture.open(product_dir)
    Nurture.open(floor_dir).close()
    try:
        first = timed(
            lambda: core.importing.run(core.importing.open(data, "google.csv"), ImportOptions())
        )
        again = timed(
            lambda: core.importing.run(core.importing.open(data, "google.csv"), ImportOptions())
        )
    finally:
        core.close()
    floor = timed(lambda: _floor(data, database_path(floor_dir)))
    text = vcards(CARDS)
    from nurture.io.vcard import read_vcards

    cards = timed(lambda: sum(1 for _ in read_vcards(text)))
    cards_floor = timed(lambda: _vobject_only(text))
    workspace.discard(product_dir)
    workspace.discard(floor_dir)
    rate = ROWS / first
    print_table(
        f"import: {ROWS:,}-row Google CSV (seconds); floor = csv reader + raw sqlite3 executemany",
        ("case", "product s", "floor s", "ratio", "rows/s"),
        [
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
                f"{ROWS / again:,.0f}",
            ),
            (
                f"vCard {CARDS:,} cards",
                f"{cards:.2f}",
                f"{cards_floor:.2f}",
                fmt_ratio(ratio(cards, cards_floor)),
                f"{CARDS / cards:,.0f}",
            ),
        ],
    )
    verdict = "meets" if rate >= TARGET_ROWS_PER_S else "MISSES"
    note(f"  {rate:,.0f} rows/s {verdict} the {TARGET_ROWS_PER_S:,} rows/s target")
    return {
        "rows": ROWS,
        "first_s": first,
        "duplicates_s": again,
        "floor_s": floor,
        "rows_per_s": rate,
        "meets_target": rate >= TARGET_ROWS_PER_S,
        "vcard_cards": CARDS,
        "vcard_s": cards,
        "vcard_floor_s": cards_floor,
    }


def _vobject_only(text: str) -> int:
    import vobject

    return sum(1 for _ in vobject.readComponents(text))
