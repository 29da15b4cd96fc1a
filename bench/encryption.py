"""What encryption at rest costs, on copies of the shared demo database: the same operations on
the encrypted copy (the product) and on the plain one (the floor), in the same run — opening,
the list's first page, a search, the month's agenda, one write and a backup."""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from bench.common import Payload, fmt_ratio, median, print_table, ratio, timed
from bench.workspace import Workspace

if TYPE_CHECKING:
    from nurture.app import Nurture

ROUNDS = 3
PASSPHRASE = "benchmark passphrase"


def _cases(folder: Path, key: bytes | None) -> tuple[dict[str, Callable[[], object]], Nurture]:
    from nurture.app import Nurture
    from nurture.domain.dto import ContactDraft
    from nurture.services.listing import ContactQuery

    def opened() -> None:
        Nurture.open(folder, key=key).close()

    app = Nurture.open(folder, key=key)
    today = date.today()
    return {
        "open": opened,
        "list's first page": lambda: app.listing.page(ContactQuery()),
        "search 'smith'": lambda: app.listing.page(ContactQuery(search="smith")),
        "agenda, 30 days": lambda: app.agenda.between(today, today + timedelta(days=30), today),
        "one write": lambda: app.contacts.create(
            ContactDraft(given_name="Bench", family_name="Mark")
        ),
        "backup": lambda: app.backups.make("manual"),
    }, app


def run(workspace: Workspace) -> Payload:
    from nurture.db.encryption import encrypt
    from nurture.db.keys import load_info, unwrap

    shared = workspace.shared_data_dir()
    scratch = Path(tempfile.mkdtemp(prefix="nurture-bench-encryption-"))
    try:
        plain, sealed = scratch / "plain", scratch / "sealed"
        for folder in (plain, sealed):
            folder.mkdir()
            shutil.copyfile(shared / "nurture.sqlite3", folder / "nurture.sqlite3")
        started = time.perf_counter()
        encrypt(sealed, PASSPHRASE)
        converting_ms = (time.perf_counter() - started) * 1000
        info = load_info(sealed)
        assert info is not None
        key = unwrap(info, PASSPHRASE)
        (floors, plain_app), (products, sealed_app) = _cases(plain, None), _cases(sealed, key)
        rows, cases = [], {}
        for name in floors:
            floors[name](), products[name]()  # warm-up
            floor = median([timed(floors[name]) * 1000 for _ in range(ROUNDS)])
            product = median([timed(products[name]) * 1000 for _ in range(ROUNDS)])
            cases[name] = {"product_ms": product, "floor_ms": floor, "ratio": ratio(product, floor)}
            rows.append((name, f"{product:.0f}", f"{floor:.0f}", fmt_ratio(ratio(product, floor))))
        for opened in (plain_app, sealed_app):
            opened.close()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print_table(
        f"encryption: {workspace.contacts:,}-contact database, encrypted vs plain, median of "
        f"{ROUNDS} (ms); converting the plain file once took {converting_ms:,.0f} ms",
        ("case", "encrypted ms", "plain ms", "ratio"),
        rows,
    )
    figures = {f"encrypted {name}": case["product_ms"] for name, case in cases.items()}
    figures["encrypting the file"] = converting_ms
    return {
        "contacts": workspace.contacts,
        "converting_ms": converting_ms,
        "cases": cases,
        "figures": figures,
    }
