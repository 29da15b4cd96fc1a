"""An address book on a CardDAV server (RFC 6352): which books there are, what changed since a
sync token (RFC 6578, with a full listing when the token is no longer valid), the cards
themselves (addressbook-multiget), and conditional writes: If-None-Match for a new card,
If-Match for a change or a delete, so a card changed on the server meanwhile is never
overwritten (412 Precondition Failed)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum
from urllib.parse import quote, urlsplit, urlunsplit
from xml.sax.saxutils import escape

from nurture.sync.dav import (
    CARD,
    DAV,
    TIMEOUT_S,
    WHOLE_BOOK_TIMEOUT_S,
    XML,
    DavSession,
    entries,
    propfind,
    refused,
    tree_of,
)

_NAME = propfind("displayname")
_TOKEN = propfind("sync-token")
# Cards fetched per addressbook-multiget: one request per 200 keeps each answer a few hundred KB.
FETCH_BATCH = 200
CARDS_A_SECOND = 200  # the least a server takes in a whole-book upload before it times out
VCARD_TYPE = "text/vcard; charset=utf-8"


@dataclass(frozen=True, slots=True)
class Book:
    url: str
    name: str


@dataclass(frozen=True, slots=True)
class Delta:
    """What changed in a book: cards new or changed (href -> ETag) and cards removed. `full`:
    this is the whole book (a first sync or an expired token), so any card known locally and
    not in `changed` is gone."""

    token: str
    changed: dict[str, str] = field(default_factory=dict)
    removed: frozenset[str] = frozenset()
    full: bool = False


class Written(Enum):
    DONE = "done"
    STALE = "stale"  # 412: the card changed (or appeared, or went) on the server meanwhile
    REFUSED = "refused"  # the server would not take it (its rules, its size limit...)


@dataclass(frozen=True, slots=True)
class WriteResult:
    outcome: Written
    etag: str = ""  # the server's new ETag, when it said it
    reason: str = ""


def address_books(session: DavSession, home: str) -> list[Book]:
    return [
        Book(entry.href, entry.text(DAV, "displayname") or _last_segment(entry.href))
        for entry in session.collections(home, CARD, "addressbook")
    ]


def make_address_book(session: DavSession, home: str, name: str) -> Book:
    """A new address book called `name` in the user's home (extended MKCOL, RFC 5689)."""
    url = f"{home.rstrip('/')}/{quote(name.lower().replace(' ', '-'))}/"
    body = (
        f'{XML}<d:mkcol xmlns:d="DAV:" xmlns:card="{CARD}"><d:set><d:prop>'
        "<d:resourcetype><d:collection/><card:addressbook/></d:resourcetype>"
        f"<d:displayname>{escape(name)}</d:displayname></d:prop></d:set></d:mkcol>"
    )
    answer = session.send_xml("MKCOL", url, body)
    if answer.status_code not in (200, 201):
        raise refused(answer, f"making the address book {name}")
    return Book(url, name)


def changes(session: DavSession, book: str, token: str) -> Delta:
    """What changed since `token` ("" for everything); the whole book when the server no longer
    knows the token (403/409 valid-sync-token) or does not do sync-collection at all."""
    timeout = TIMEOUT_S if token else WHOLE_BOOK_TIMEOUT_S
    answer = session.send_xml("REPORT", book, _sync_collection(token), 1, timeout)
    if answer.status_code == 207:
        changed: dict[str, str] = {}
        removed: set[str] = set()
        tree = tree_of(answer, book)
        for entry in entries(tree, book):
            if entry.href.rstrip("/") == book.rstrip("/"):
                continue
            if entry.status == 404:
                removed.add(entry.href)
            else:
                changed[entry.href] = entry.text(DAV, "getetag")
        new_token = tree.findtext(f"{{{DAV}}}sync-token", "").strip()
        return Delta(new_token, changed, frozenset(removed), full=not token)
    if token and answer.status_code in (403, 409):  # the token expired: start again
        return changes(session, book, "")
    if answer.status_code in (400, 403, 405, 415, 501):  # no sync-collection: list it all
        return _listing(session, book)
    raise refused(answer, f"asking {book} what changed")


def fetch(session: DavSession, book: str, hrefs: Sequence[str]) -> dict[str, tuple[str, str]]:
    """href -> (ETag, vCard text) of each card still there, `FETCH_BATCH` per request."""
    found: dict[str, tuple[str, str]] = {}
    for start in range(0, len(hrefs), FETCH_BATCH):
        batch = hrefs[start : start + FETCH_BATCH]
        body = (
            f'{XML}<card:addressbook-multiget xmlns:d="DAV:" xmlns:card="{CARD}">'
            "<d:prop><d:getetag/><card:address-data/></d:prop>"
            + "".join(f"<d:href>{escape(_path(href))}</d:href>" for href in batch)
            + "</card:addressbook-multiget>"
        )
        for entry in session.multistatus("REPORT", book, body, 1):
            text = entry.text(CARD, "address-data")
            if entry.status == 200 and text:
                found[entry.href] = (entry.text(DAV, "getetag"), text)
    return found


def put(session: DavSession, href: str, card: str, etag: str | None) -> WriteResult:
    """Write a card: `etag` None for a new one (If-None-Match: *), else the ETag it must still
    have on the server (If-Match)."""
    return put_resource(session, href, card, etag, VCARD_TYPE)


def put_resource(
    session: DavSession, href: str, text: str | bytes, etag: str | None, content_type: str
) -> WriteResult:
    """PUT with If-None-Match: * (`etag` None), If-Match (`etag`), or no condition ("")."""
    condition = {"If-None-Match": "*"} if etag is None else {"If-Match": etag} if etag else {}
    answer = session.send("PUT", href, text, {"Content-Type": content_type, **condition})
    if answer.status_code in (200, 201, 204):
        return WriteResult(Written.DONE, answer.headers.get("ETag", ""))
    if answer.status_code == 412:
        return WriteResult(Written.STALE)
    if answer.status_code == 507:
        raise refused(answer, "writing to the server")
    return WriteResult(Written.REFUSED, reason=_reason(answer.status_code, answer.text))


def delete(session: DavSession, href: str, etag: str) -> WriteResult:
    answer = session.send("DELETE", href, headers={"If-Match": etag} if etag else {})
    if answer.status_code in (200, 204, 404):  # 404: already gone, which is what was asked
        return WriteResult(Written.DONE)
    if answer.status_code == 412:
        return WriteResult(Written.STALE)
    return WriteResult(Written.REFUSED, reason=_reason(answer.status_code, answer.text))


def put_book(session: DavSession, book: str, cards: str, count: int) -> bool:
    """Upload many cards in one request by PUT on the (empty) book itself, as Radicale takes a
    whole address book; True when the server took them. Its name is kept: Radicale forgets it.
    Other servers refuse a PUT on a collection, and the cards then go one by one."""
    found = session.multistatus("PROPFIND", book, _NAME, 0)
    name = found[0].text(DAV, "displayname") if found else ""
    # Radicale takes ~37 s for 20,000 cards (13 MB): the wait grows with the book.
    wait = TIMEOUT_S + count / CARDS_A_SECOND
    answer = session.send("PUT", book, cards, {"Content-Type": VCARD_TYPE}, wait)
    if answer.status_code not in (200, 201, 204):
        return False
    if name:
        body = (
            f'{XML}<d:propertyupdate xmlns:d="DAV:"><d:set><d:prop>'
            f"<d:displayname>{escape(name)}</d:displayname></d:prop></d:set></d:propertyupdate>"
        )
        session.send_xml("PROPPATCH", book, body)
    return True


def card_href(book: str, uid: str) -> str:
    return f"{book.rstrip('/')}/{uid}.vcf"


def _listing(session: DavSession, book: str) -> Delta:
    listed = session.listing(book)
    token_entries = session.multistatus("PROPFIND", book, _TOKEN, 0)
    token = token_entries[0].text(DAV, "sync-token") if token_entries else ""
    return Delta(token, listed, full=True)


def _sync_collection(token: str) -> str:
    return (
        f'{XML}<d:sync-collection xmlns:d="{DAV}">'
        f"<d:sync-token>{escape(token)}</d:sync-token><d:sync-level>1</d:sync-level>"
        "<d:prop><d:getetag/></d:prop></d:sync-collection>"
    )


def _path(href: str) -> str:
    """The href as the server wants it in a request body: the path, percent-encoded."""
    parts = urlsplit(href)
    return urlunsplit(("", "", quote(parts.path), "", ""))


def _last_segment(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


def _reason(status: int, text: str) -> str:
    said = " ".join(text.split())[:200]
    return f"{status}: {said}" if said else str(status)
