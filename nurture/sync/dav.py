"""The WebDAV layer of the sync: one session with the server, its verbs, and discovery.

RFC 6764 discovery: the URL the user gives (a server, or its `/.well-known/carddav`), then the
`current-user-principal` (RFC 5397), then its `addressbook-home-set` (RFC 6352) and
`calendar-home-set` (RFC 4791). Requests go through httpx over one kept-alive connection; a
network failure or a refused login becomes a `SyncError` that says what happened and what to
do, and every other answer goes back to the caller, which knows what it means for its request.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from types import TracebackType
from urllib.parse import unquote, urljoin, urlsplit
from xml.etree import ElementTree

import httpx

from nurture.errors import NurtureError

DAV, CARD, CAL = "DAV:", "urn:ietf:params:xml:ns:carddav", "urn:ietf:params:xml:ns:caldav"
TIMEOUT_S = 20.0
# Listing a whole book: Radicale takes ~27 s for 20,000 cards just after they arrived.
WHOLE_BOOK_TIMEOUT_S = 180.0
XML = '<?xml version="1.0" encoding="utf-8"?>'
XML_TYPE = "application/xml; charset=utf-8"
_HOMES = (
    f'{XML}<d:propfind xmlns:d="DAV:" xmlns:card="{CARD}" xmlns:cal="{CAL}"><d:prop>'
    "<card:addressbook-home-set/><cal:calendar-home-set/></d:prop></d:propfind>"
)


def propfind(*names: str) -> str:
    """A PROPFIND body asking for these DAV: properties."""
    props = "".join(f"<d:{name}/>" for name in names)
    return f'{XML}<d:propfind xmlns:d="DAV:"><d:prop>{props}</d:prop></d:propfind>'


_PRINCIPAL = propfind("current-user-principal")
_LISTING = propfind("getetag")
_KINDS = propfind("resourcetype", "displayname")


class SyncError(NurtureError):
    """The server could not be reached, refused the login or answered what DAV does not."""


class LoginRefused(SyncError):
    """The server said no to the user name or password (401)."""


@dataclass(frozen=True, slots=True)
class Homes:
    principal: str
    addressbooks: str  # the URL holding the user's address books
    calendars: str  # and their calendars ("" when the server keeps none)


@dataclass(frozen=True, slots=True)
class Entry:
    """One <response> of a multistatus: a resource, its status and the properties it gave."""

    href: str  # absolute URL, percent-decoded, so the same resource always has the same text
    status: int
    props: dict[str, ElementTree.Element]

    def text(self, namespace: str, name: str) -> str:
        found = self.props.get(f"{{{namespace}}}{name}")
        return (found.text or "").strip() if found is not None else ""


class DavSession:
    """A logged-in connection to one server; use it in a `with` block."""

    def __init__(self, user: str, password: str) -> None:
        self.client = httpx.Client(
            auth=httpx.BasicAuth(user, password), timeout=TIMEOUT_S, follow_redirects=True
        )

    def __enter__(self) -> DavSession:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.client.close()

    def send(
        self,
        method: str,
        url: str,
        body: str | bytes = b"",
        headers: dict[str, str] | None = None,
        timeout: float = TIMEOUT_S,
    ) -> httpx.Response:
        """The server's answer, whatever it is, except a failure to reach it or a refused login.
        `timeout`: longer for a request the server needs long for (a whole book)."""
        content = body.encode() if isinstance(body, str) else body
        try:
            answer = self.client.request(
                method, url, content=content, headers=headers, timeout=timeout
            )
        except httpx.TimeoutException as error:
            raise SyncError(
                f"{_host(url)} did not answer in {timeout:.0f} s; try again later."
            ) from error
        except httpx.HTTPError as error:
            raise SyncError(
                f"Could not reach {_host(url)} ({error}); check the address and the network."
            ) from error
        if answer.status_code == 401:
            raise LoginRefused(
                f"{_host(url)} refused the user name or password: check them "
                "(iCloud and Fastmail need an app password)."
            )
        return answer

    def send_xml(
        self, method: str, url: str, body: str, depth: int | None = None, timeout: float = TIMEOUT_S
    ) -> httpx.Response:
        """A request with an XML body (PROPFIND, REPORT, MKCOL, PROPPATCH...)."""
        headers = {"Content-Type": XML_TYPE}
        if depth is not None:
            headers["Depth"] = str(depth)
        return self.send(method, url, body, headers, timeout)

    def multistatus(
        self, method: str, url: str, body: str, depth: int, timeout: float = TIMEOUT_S
    ) -> list[Entry]:
        """The responses of a PROPFIND or REPORT; any answer but 207 Multi-Status is an error."""
        answer = self.send_xml(method, url, body, depth, timeout)
        if answer.status_code != 207:
            raise refused(answer, f"{method} {url}")
        return list(entries(tree_of(answer, url), url))

    def listing(self, collection: str) -> dict[str, str]:
        """href -> ETag of everything in a collection (a whole book: it may take long)."""
        return {
            entry.href: entry.text(DAV, "getetag")
            for entry in self.multistatus("PROPFIND", collection, _LISTING, 1, WHOLE_BOOK_TIMEOUT_S)
            if entry.href.rstrip("/") != collection.rstrip("/")
        }

    def collections(self, home: str, namespace: str, kind: str) -> list[Entry]:
        """The collections in `home` of this resource type (CardDAV's addressbook, CalDAV's
        calendar), each with its display name."""
        return [
            entry
            for entry in self.multistatus("PROPFIND", home, _KINDS, 1)
            if (types := entry.props.get(f"{{{DAV}}}resourcetype")) is not None
            and types.find(f"{{{namespace}}}{kind}") is not None
        ]


def tree_of(answer: httpx.Response, base: str) -> ElementTree.Element:
    """The answer's XML; unreadable XML is the server's fault, said so."""
    try:
        return ElementTree.fromstring(answer.content)
    except ElementTree.ParseError as error:
        raise SyncError(f"{_host(base)} answered with unreadable XML ({error}).") from error


def entries(tree: ElementTree.Element, base: str) -> Iterator[Entry]:
    """The <response>s of a multistatus, their hrefs made absolute against `base`."""
    for response in tree.iter(f"{{{DAV}}}response"):
        href = response.findtext(f"{{{DAV}}}href", "").strip()
        status = _status(response.findtext(f"{{{DAV}}}status", ""))
        props: dict[str, ElementTree.Element] = {}
        for propstat in response.iter(f"{{{DAV}}}propstat"):
            if _status(propstat.findtext(f"{{{DAV}}}status", "")) == 200:
                for prop in propstat.iter(f"{{{DAV}}}prop"):
                    props.update((child.tag, child) for child in prop)
        yield Entry(absolute(base, href), status or 200, props)  # a status of its own: 404


def absolute(base: str, href: str) -> str:
    return unquote(urljoin(base, href))


def refused(answer: httpx.Response, what: str) -> SyncError:
    """What the server's refusal means to the user."""
    code = answer.status_code
    if code == 403:
        return SyncError(f"The server does not let this account do that ({what}: 403 Forbidden).")
    if code == 404:
        return SyncError(f"The server has nothing at that address ({what}: 404 Not Found).")
    if code == 507:
        return SyncError("The server is out of space (507): free some room there and sync again.")
    return SyncError(
        f"The server answered {code} {answer.reason_phrase} ({what}); check the server address."
    )


def discover(url: str, user: str, password: str) -> Homes:
    """Where the user's address books and calendars live on the server at `url`."""
    with DavSession(user, password) as session:
        start = _well_known(session, url)
        found = session.multistatus("PROPFIND", start, _PRINCIPAL, 0)
        principal = _href(found, DAV, "current-user-principal")
        if not principal:
            raise SyncError(f"{url} does not say whose account this is: is it a CardDAV server?")
        principal = urljoin(start, principal)
        homes = session.multistatus("PROPFIND", principal, _HOMES, 0)
        books = _href(homes, CARD, "addressbook-home-set")
        if not books:
            raise SyncError(f"{url} keeps no address books for {user}.")
        calendars = _href(homes, CAL, "calendar-home-set")
        return Homes(
            principal,
            urljoin(principal, books),
            urljoin(principal, calendars) if calendars else "",
        )


def _well_known(session: DavSession, url: str) -> str:
    """The URL to ask: the server's /.well-known/carddav when it answers, else `url` itself."""
    known = urljoin(url, "/.well-known/carddav")
    try:
        answer = session.send_xml("PROPFIND", known, _PRINCIPAL, 0)
    except LoginRefused:
        raise
    except SyncError:  # no such address, or no answer there: ask the URL itself
        return url
    return str(answer.url) if answer.status_code == 207 else url


def _href(found: list[Entry], namespace: str, name: str) -> str:
    for entry in found:
        prop = entry.props.get(f"{{{namespace}}}{name}")
        if prop is not None:
            return (prop.findtext(f"{{{DAV}}}href") or "").strip()
    return ""


def _status(line: str) -> int:
    """200 from 'HTTP/1.1 200 OK'; 0 when absent."""
    parts = line.split()
    return int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0


def _host(url: str) -> str:
    return urlsplit(url).netloc or url
