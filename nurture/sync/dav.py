"""The DAV client's first step: find the user's address book and calendar homes on a server.

RFC 6764 discovery: the URL the user gives (a server, or its `/.well-known/carddav`), then the
`current-user-principal` (RFC 5397), then its `addressbook-home-set` (RFC 6352) and
`calendar-home-set` (RFC 4791). Requests go through httpx; every failure becomes a message that
says what happened and what to do.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin
from xml.etree import ElementTree

import httpx

from nurture.errors import NurtureError

_DAV, _CARD, _CAL = "DAV:", "urn:ietf:params:xml:ns:carddav", "urn:ietf:params:xml:ns:caldav"
_TIMEOUT_S = 20.0
_PRINCIPAL = (
    '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:">'
    "<d:prop><d:current-user-principal/></d:prop></d:propfind>"
)
_HOMES = (
    '<?xml version="1.0" encoding="utf-8"?>'
    f'<d:propfind xmlns:d="DAV:" xmlns:card="{_CARD}" xmlns:cal="{_CAL}"><d:prop>'
    "<card:addressbook-home-set/><cal:calendar-home-set/></d:prop></d:propfind>"
)


class SyncError(NurtureError):
    """The server could not be reached, refused the login or answered what DAV does not."""


@dataclass(frozen=True, slots=True)
class Homes:
    principal: str
    addressbooks: str  # the URL holding the user's address books
    calendars: str  # and their calendars ("" when the server keeps none)


def discover(url: str, user: str, password: str) -> Homes:
    """Where the user's address books and calendars live on the server at `url`."""
    with httpx.Client(
        auth=httpx.BasicAuth(user, password), timeout=_TIMEOUT_S, follow_redirects=True
    ) as client:
        start = _well_known(client, url)
        principal = _href(_propfind(client, start, _PRINCIPAL, 0), _DAV, "current-user-principal")
        if not principal:
            raise SyncError(f"{url} does not say whose account this is: is it a CardDAV server?")
        principal = urljoin(start, principal)
        homes = _propfind(client, principal, _HOMES, 0)
        books = _href(homes, _CARD, "addressbook-home-set")
        if not books:
            raise SyncError(f"{url} keeps no address books for {user}.")
        calendars = _href(homes, _CAL, "calendar-home-set")
        return Homes(
            principal,
            urljoin(principal, books),
            urljoin(principal, calendars) if calendars else "",
        )


def _well_known(client: httpx.Client, url: str) -> str:
    """The URL to ask: the server's /.well-known/carddav when it answers, else `url` itself."""
    known = urljoin(url, "/.well-known/carddav")
    try:
        answer = _send(client, "PROPFIND", known, _PRINCIPAL, 0)
    except SyncError:
        return url
    return str(answer.url) if answer.status_code == 207 else url


def _propfind(client: httpx.Client, url: str, body: str, depth: int) -> ElementTree.Element:
    answer = _send(client, "PROPFIND", url, body, depth)
    if answer.status_code != 207:
        raise SyncError(
            f"{url} answered {answer.status_code} {answer.reason_phrase} to a DAV request: "
            "check the server address."
        )
    try:
        return ElementTree.fromstring(answer.content)
    except ElementTree.ParseError as error:
        raise SyncError(f"{url} answered with unreadable XML ({error}).") from error


def _send(client: httpx.Client, method: str, url: str, body: str, depth: int) -> httpx.Response:
    headers = {"Depth": str(depth), "Content-Type": "application/xml; charset=utf-8"}
    try:
        answer = client.request(method, url, content=body.encode(), headers=headers)
    except httpx.TimeoutException as error:
        raise SyncError(f"{url} did not answer in {_TIMEOUT_S:.0f} s; try again later.") from error
    except httpx.HTTPError as error:
        raise SyncError(
            f"Could not reach {url} ({error}); check the address and the network."
        ) from error
    if answer.status_code == 401:
        raise SyncError(
            f"{url} refused the user name or password: check them (an app password for iCloud)."
        )
    if answer.status_code == 403:
        raise SyncError(f"{url} does not let this account in (403 Forbidden).")
    return answer


def _href(tree: ElementTree.Element, namespace: str, name: str) -> str:
    found = tree.find(f".//{{{namespace}}}{name}/{{{_DAV}}}href")
    return (found.text or "").strip() if found is not None else ""
