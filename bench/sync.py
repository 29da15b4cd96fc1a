"""`sync`: the CardDAV contact sync (`core.sync.run`) against a real Radicale on 127.0.0.1.

Sizes of its own: 2,000 contacts when the run's size is 10,000 and 20,000 at 100,000 (any other
`--contacts N` syncs N), on a demo database of that many main contacts built for it (untimed);
the main contacts are what syncs (light ones stay in Nurture by default). The cost curve shows
them under the run's sizes, ×10 apart as those are. Contacts only: the "Nurture" calendar is
not connected.

Product, `connect` then `core.sync.run(password)`, each first sync from its own copy of the
demo database:
- first sync, card by card: into a book that already holds one card (a phone's), where the
  sync sends its cards one by one, as it does to every book that is not empty and to servers
  that take no whole book (wall time, cards/s). Floor: as many PUTs, `If-None-Match: *`, of the
  very cards the product sent (read back from its `sync_cards`, so the same bytes) through one
  `httpx.Client` into another book holding one card.
- no-change sync right after it (median of ROUNDS), and its dry run (`dry_run=True`: the same
  REPORT and plan, no writes), to say where its time goes. Floor: one sync-collection REPORT
  with the book's current token (`carddav.changes`) on an open connection, the one request a
  sync with nothing to do must make.
- first sync, whole book: into an empty book, where the sync sends every card in one PUT on
  the book (Radicale takes that). Floor: one PUT of the same cards on another empty book, then
  the sync-collection REPORT listing their ETags (Radicale's PUT on a book says none; this
  first listing builds Radicale's sync history of the book). A sync that fails (its requests
  time out) is shown as FAILED, its floor still timed with the card-by-card sync's cards, the
  server left to finish first.
Each case also shows the CPU the bench process used (Nurture and httpx; the floor's is httpx
alone) and the CPU Radicale used, so wall = client + server + the rest (fsync, scheduling).

Stock Radicale's single-card PUT reads every card already in the book, so filling a book card by
card is quadratic there: ~2 minutes at 2,000 cards, hours at 20,000. The card-by-card case
therefore runs on `bench.dav_storage` (Radicale's storage with that check indexed) at every
size, the figures the curve compares, and on stock Radicale too up to STOCK_CARD_BY_CARD_UP_TO
contacts; above that the stock time is estimated from a few new-card PUTs into the full book
(each PUT costs the fixed cost plus a share growing with the book, so n PUTs cost n times the
mean of the first and the last), and at the smaller size the estimate stands next to the real
thing. The no-change and whole-book cases run on stock Radicale. Radicale's own server speaks
HTTP/1.0 and closes every connection, so product and floor alike open one per request.
"""

from __future__ import annotations

import shutil
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TypeVar

import httpx
from sqlalchemy import text

from bench.common import Payload, fmt_ratio, median, note, print_table, ratio
from bench.dav_server import Server
from bench.workspace import Workspace
from nurture.app import Nurture
from nurture.demo import generate
from nurture.sync import carddav, local
from nurture.sync.account import connect
from nurture.sync.carddav import VCARD_TYPE, card_href, make_address_book
from nurture.sync.dav import DavSession, SyncError, discover, entries, tree_of
from nurture.sync.report import SyncReport

SIZES = {10_000: 2_000, 100_000: 20_000}  # the run's size -> this benchmark's
STOCK_CARD_BY_CARD_UP_TO = 0  # 2 minutes at 2,000 alone: its estimate stands in (within 10 %)
ROUNDS = 3  # of each no-change case
PROBES = 5  # new-card PUTs into a full book on stock Radicale
IN_SYNC = "Everything was already in sync."
_SENT = text("SELECT contact_uuid, card FROM sync_cards ORDER BY contact_uuid")
_TOKEN = text("SELECT token FROM sync_books WHERE url = :url")
_LIST_ALL = (
    '<?xml version="1.0" encoding="utf-8"?><d:sync-collection xmlns:d="DAV:"><d:sync-token/>'
    "<d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>"
)

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Took:
    wall: float  # seconds
    client: float  # CPU seconds of this process (Nurture and httpx)
    server: float  # CPU seconds of Radicale

    def __add__(self, other: Took) -> Took:
        return Took(self.wall + other.wall, self.client + other.client, self.server + other.server)


def _measured(server: Server, action: Callable[[], T]) -> tuple[T, Took]:
    server_then, cpu_then = server.cpu_seconds(), time.process_time()
    started = time.perf_counter()
    result = action()
    wall = time.perf_counter() - started
    return result, Took(wall, time.process_time() - cpu_then, server.cpu_seconds() - server_then)


def _median(took: list[Took]) -> Took:
    return Took(*(median([getattr(t, f) for t in took]) for f in ("wall", "client", "server")))


def sync_size(contacts: int) -> int:
    return SIZES.get(contacts, contacts)


def _demo(folder: Path, contacts: int) -> int:
    """A demo database of `contacts` main contacts in `folder`; how many of them sync."""
    note(f"Building a {contacts:,}-contact demo database (untimed)...")
    core = Nurture.open(folder)
    try:
        generate(core.database, contacts=contacts)
        with core.database.read() as session:
            return len(local.in_scope(session, core.settings.get()))
    finally:
        core.close()


@dataclass(frozen=True, slots=True)
class FirstSync:
    report: SyncReport | None  # None: the sync failed
    product: Took  # until it finished, or failed
    error: str  # why it failed; "" when it finished
    floor: Took
    floor_parts: tuple[Took, ...]  # whole book: (the PUT, the listing); card by card: ()
    cards: list[tuple[str, str]]  # (contact uuid, vCard text) as sent
    floor_book: str

    @property
    def sent(self) -> int:
        return self.report.added_there if self.report is not None else 0


def _first_sync(
    data_dir: Path,
    server: Server,
    book_name: str,
    one_by_one: bool,
    cards: list[tuple[str, str]] | None = None,
) -> FirstSync:
    """Connect `data_dir`'s Nurture to a new book and sync it; then the floor: the same cards
    (those it sent, or `cards` when it sent none) into another new book, one by one or in one
    request. `one_by_one`: both books hold a phone's card first, so the sync sends card by
    card (and brings that card in)."""
    core = Nurture.open(data_dir)
    error, report = "", None
    try:
        book = connect(
            core.settings, server.url, server.user, server.password, book_name, calendar=False
        ).book.url
        phone = _phone_card(server, book) if one_by_one else ""
        server_then, cpu_then = server.cpu_seconds(), time.process_time()
        started = time.perf_counter()
        try:
            report = core.sync.run(server.password)
        except SyncError as failed:
            error = repr(failed)
        wall = time.perf_counter() - started
        product = Took(wall, time.process_time() - cpu_then, server.cpu_seconds() - server_then)
        with core.database.read() as session:
            sent = [(str(u), str(c)) for u, c in session.execute(_SENT) if u != phone]
    finally:
        core.close()
    cards = sent or cards or []
    if not cards:
        raise RuntimeError(f"the first sync sent nothing to compare with ({error})")
    server.wait_idle()  # a request the sync gave up on is still being served
    homes = discover(server.url, server.user, server.password)
    with DavSession(server.user, server.password) as dav:
        floor_book = make_address_book(dav, homes.addressbooks, f"{book_name} floor").url
    parts: tuple[Took, ...] = ()
    with httpx.Client(auth=httpx.BasicAuth(server.user, server.password), timeout=900) as client:
        client.request("PROPFIND", floor_book, headers={"Depth": "0"})  # connected, logged in
        if one_by_one:
            _phone_card(server, floor_book)
            puts = [(card_href(floor_book, u), card.encode()) for u, card in cards]
            statuses, floor = _measured(server, partial(_put_each, client, puts))
            if set(statuses) - {201, 204}:
                raise RuntimeError(f"the floor's PUTs were answered {sorted(set(statuses))}")
        else:
            body = "".join(card for _, card in cards).encode()  # built off the clock
            floor, parts = _whole_book_floor(server, client, floor_book, body, len(cards))
    return FirstSync(report, product, error, floor, parts, cards, floor_book)


def _phone_card(server: Server, book: str) -> str:
    """A card a phone put in `book`; its UID."""
    uid = str(uuid.uuid4())
    card = (
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nUID:{uid}\r\nFN:Mia Chen\r\nN:Chen;Mia;;;\r\n"
        "TEL;TYPE=CELL:+1 415 555 0134\r\nEND:VCARD\r\n"
    )
    with httpx.Client(auth=httpx.BasicAuth(server.user, server.password)) as client:
        if _put(client, card_href(book, uid), card.encode(), {"If-None-Match": "*"}) != 201:
            raise RuntimeError("the phone's card was refused")
    return uid


def _whole_book_floor(
    server: Server, client: httpx.Client, book: str, body: bytes, count: int
) -> tuple[Took, tuple[Took, ...]]:
    """One PUT of every card on the book, then the sync-collection REPORT listing their ETags
    (the first one after the upload, which builds Radicale's sync history of the book)."""
    answer, put = _measured(server, partial(_put, client, book, body, {}))
    if answer not in (200, 201, 204):
        raise RuntimeError(f"the floor's whole-book PUT was answered {answer}")
    headers = {"Depth": "1", "Content-Type": "application/xml; charset=utf-8"}
    listed, listing = _measured(
        server, partial(client.request, "REPORT", book, content=_LIST_ALL, headers=headers)
    )
    found = sum(
        1
        for entry in entries(tree_of(listed, book), book)
        if entry.href.rstrip("/") != book.rstrip("/")
    )
    if listed.status_code != 207 or found != count:
        raise RuntimeError(f"the floor's book lists {found} of {count} ({listed.status_code})")
    return put + listing, (put, listing)


def _put(client: httpx.Client, href: str, body: bytes, condition: dict[str, str]) -> int:
    headers = {"Content-Type": VCARD_TYPE, **condition}
    return client.put(href, content=body, headers=headers).status_code


def _put_each(client: httpx.Client, puts: list[tuple[str, bytes]]) -> list[int]:
    new = {"If-None-Match": "*"}
    return [_put(client, href, card, new) for href, card in puts]


def _probe(server: Server, first: FirstSync) -> list[float]:
    """Seconds each of PROBES new cards takes to PUT into the floor's full book."""
    _, card = first.cards[0]
    old_uid = next(line for line in card.splitlines() if line.startswith("UID:"))
    took = []
    with httpx.Client(auth=httpx.BasicAuth(server.user, server.password), timeout=600) as client:
        for _ in range(PROBES):
            uid = str(uuid.uuid4())
            body = card.replace(old_uid, f"UID:{uid}").encode()
            href = card_href(first.floor_book, uid)
            answer, put = _measured(
                server, partial(_put, client, href, body, {"If-None-Match": "*"})
            )
            if answer not in (201, 204):
                raise RuntimeError(f"a probe PUT was answered {answer}")
            took.append(put.wall)
    return took


@dataclass(frozen=True, slots=True)
class NoChange:
    run: Took
    dry: Took
    floor: Took
    summaries: list[str]


def _no_change(data_dir: Path, server: Server) -> NoChange:
    core = Nurture.open(data_dir)
    try:
        book = core.settings.get().sync_book
        runs, dries, floors, said = [], [], [], []
        for _ in range(ROUNDS):
            report, took = _measured(server, partial(core.sync.run, server.password))
            runs.append(took)
            said.append(report.summary())
        for _ in range(ROUNDS):
            dry = partial(core.sync.run, server.password, dry_run=True)
            report, took = _measured(server, dry)
            dries.append(took)
            said.append(report.summary())
        with core.database.read() as session:
            token = session.execute(_TOKEN, {"url": book}).scalar_one()
    finally:
        core.close()
    with DavSession(server.user, server.password) as dav:
        carddav.changes(dav, book, token)  # the connection opened and logged in, as a sync's is
        for _ in range(ROUNDS):
            delta, took = _measured(server, partial(carddav.changes, dav, book, token))
            if delta.changed or delta.removed:
                raise RuntimeError(f"the floor's REPORT found {len(delta.changed)} changes")
            floors.append(took)
    return NoChange(_median(runs), _median(dries), _median(floors), said)


def _copy(workspace: Workspace, demo_dir: Path, label: str) -> Path:
    folder = workspace.fresh_dir(label)
    shutil.copytree(demo_dir, folder, dirs_exist_ok=True)
    return folder


def run(workspace: Workspace) -> Payload:
    contacts = sync_size(workspace.contacts)
    one_by_one_dir = workspace.fresh_dir("sync-one-by-one")
    in_scope = _demo(one_by_one_dir, contacts)
    whole_dir = _copy(workspace, one_by_one_dir, "sync-whole-book")
    small = contacts <= STOCK_CARD_BY_CARD_UP_TO
    stock_dir = _copy(workspace, one_by_one_dir, "sync-stock") if small else None
    server = Server(workspace.fresh_dir("sync-radicale"))
    stock: FirstSync | None = None
    started = time.perf_counter()
    try:
        server.start(indexed=True)
        note("First sync, card by card, indexed Radicale...")
        each = _first_sync(one_by_one_dir, server, "One by one", one_by_one=True)
        server.restart(indexed=False)
        note("No-change syncs; first sync, whole book...")
        still = _no_change(one_by_one_dir, server)
        whole = _first_sync(whole_dir, server, "Whole book", one_by_one=False, cards=each.cards)
        probes = _probe(server, each)
        if stock_dir is not None:
            note("First sync, card by card, stock Radicale...")
            stock = _first_sync(stock_dir, server, "Stock", one_by_one=True)
    finally:
        server.stop()
    note(f"  all phases took {time.perf_counter() - started:.0f} s")
    for folder in (one_by_one_dir, whole_dir, stock_dir, server.folder):
        if folder is not None:
            workspace.discard(folder)
    cards = len(each.cards)
    sent = [s.sent for s in (each, whole, stock) if s is not None and not s.error]
    if set(sent) != {in_scope}:
        note(f"  NOTE: {in_scope:,} contacts in scope, but the first syncs sent {sent}")
    fixed = each.floor.wall / max(cards, 1)  # one PUT into a book that does not slow it down
    full = median(probes)  # one stock PUT into the full book
    stock_estimate = each.product.wall + cards * (full - fixed) / 2
    stock_floor_estimate = cards * (fixed + full) / 2
    rows = [
        _row("first sync, whole book", whole, cards),
        _row("first sync, card by card (indexed)", each, cards),
    ]
    if stock is not None:
        rows.append(_row("first sync, card by card (stock)", stock, cards))
    rows.append(
        (
            "first sync, card by card (stock, est.)",
            _s(stock_estimate),
            _s(stock_floor_estimate),
            fmt_ratio(ratio(stock_estimate, stock_floor_estimate)),
            f"{cards / stock_estimate:,.0f}",
            "",
            "",
        )
    )
    rows.append(_cells(f"no-change sync (median of {ROUNDS})", still.run, still.floor))
    rows.append(_cells("no-change dry run", still.dry, still.floor))
    print_table(
        f"sync: {contacts:,}-contact demo database, {cards:,} cards, Radicale 3.9 on 127.0.0.1 "
        "(seconds); floor = httpx: the same cards PUT as one book + the REPORT listing them "
        "(whole book), PUT one by one (card by card), one sync-collection REPORT with the "
        "current token (no change); CPU: product / floor",
        ("case", "product s", "floor s", "ratio", "cards/s", "CPU here s", "CPU Radicale s"),
        rows,
    )
    if whole.error:
        note(
            f"  NOTE: the whole-book first sync FAILED after {whole.product.wall:.1f} s: "
            f"{whole.error}"
        )
    put, listing = whole.floor_parts
    reading = still.dry.wall - still.floor.wall
    writing = still.run.wall - still.dry.wall
    note(
        f"  whole-book floor: the PUT {put.wall:.2f} s (Radicale CPU {put.server:.2f} s), the "
        f"first REPORT listing the book {listing.wall:.2f} s (Radicale CPU {listing.server:.2f} s)"
    )
    note(
        f"  one new card into the full {cards:,}-card book: stock Radicale {full * 1000:.0f} ms, "
        f"against {fixed * 1000:.1f} ms a card for the floor on the indexed one"
    )
    note(
        f"  no-change sync {still.run.wall * 1000:.0f} ms: the REPORT {still.floor.wall * 1000:.0f}"
        f" ms, Nurture's reading and planning (dry run - REPORT) {reading * 1000:.0f} ms, its "
        f"writes (run - dry run) {writing * 1000:.0f} ms"
    )
    odd = sorted({s for s in still.summaries if s not in (IN_SYNC, f"Would do: {IN_SYNC}")})
    if odd:
        note(f"  NOTE: the no-change syncs were not all in sync: {odd}")
    figures = {
        "first sync card by card": each.product.wall * 1000,
        "card by card floor": each.floor.wall * 1000,
        "first sync whole book floor": whole.floor.wall * 1000,
        "no-change sync": still.run.wall * 1000,
        "no-change dry run": still.dry.wall * 1000,
        "no-change floor": still.floor.wall * 1000,
    }
    if not whole.error:
        figures["first sync whole book"] = whole.product.wall * 1000
    return {
        "contacts": contacts,
        "cards": cards,
        "in_scope": in_scope,
        "whole_book": _took(whole.product),
        "whole_book_error": whole.error,
        "whole_book_summary": whole.report.summary() if whole.report else None,
        "whole_book_floor": _took(whole.floor),
        "whole_book_floor_put": _took(put),
        "whole_book_floor_listing": _took(listing),
        "whole_book_cards_per_s": None if whole.error else cards / whole.product.wall,
        "ratio_whole_book": None if whole.error else ratio(whole.product.wall, whole.floor.wall),
        "card_by_card": _took(each.product),
        "card_by_card_summary": each.report.summary() if each.report else None,
        "card_by_card_error": each.error,
        "card_by_card_floor": _took(each.floor),
        "card_by_card_cards_per_s": cards / each.product.wall,
        "ratio_card_by_card": ratio(each.product.wall, each.floor.wall),
        "card_by_card_stock": _took(stock.product) if stock else None,
        "card_by_card_stock_floor": _took(stock.floor) if stock else None,
        "card_by_card_stock_estimate_s": stock_estimate,
        "card_by_card_stock_floor_estimate_s": stock_floor_estimate,
        "stock_put_into_full_book_s": probes,
        "no_change": _took(still.run),
        "no_change_dry_run": _took(still.dry),
        "no_change_floor": _took(still.floor),
        "ratio_no_change": ratio(still.run.wall, still.floor.wall),
        "no_change_summaries": still.summaries,
        "figures": figures,
    }


def _row(case: str, first: FirstSync, cards: int) -> tuple[str, ...]:
    if first.error:
        return (
            case,
            "FAILED",
            _s(first.floor.wall),
            "n/a",
            "",
            *_cells("", first.product, first.floor)[5:],
        )
    return _cells(case, first.product, first.floor, cards)


def _cells(case: str, product: Took, floor: Took, cards: int = 0) -> tuple[str, ...]:
    return (
        case,
        _s(product.wall),
        _s(floor.wall),
        fmt_ratio(ratio(product.wall, floor.wall)),
        f"{cards / product.wall:,.0f}" if cards else "",
        f"{product.client:.2f} / {floor.client:.2f}",
        f"{product.server:.2f} / {floor.server:.2f}",
    )


def _s(seconds: float) -> str:
    return f"{seconds:.3f}" if seconds < 10 else f"{seconds:.1f}"


def _took(took: Took) -> dict[str, float]:
    return {"wall_s": took.wall, "client_cpu_s": took.client, "server_cpu_s": took.server}
