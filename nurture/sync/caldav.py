"""The "Nurture" calendar on a CalDAV server (RFC 4791): birthdays, anniversaries, graduations
and follow-ups, one-way from Nurture, each occasion one event on the same days as the agenda
(a Feb 29 birthday by the user's leap-day rule, as the .ics export writes it).

The calendar is Nurture's alone: an event edited or deleted on the phone is put back as Nurture
has it at the next sync, and an occasion gone from Nurture is deleted there.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import astuple, dataclass, field
from datetime import datetime
from urllib.parse import quote
from xml.sax.saxutils import escape

from nurture.io.ics import CALENDAR_NAME, CalendarEvent, write_ics
from nurture.sync.carddav import CARDS_A_SECOND, Written, delete, put_resource
from nurture.sync.dav import CAL, DAV, TIMEOUT_S, XML, DavSession, refused

ICS_TYPE = "text/calendar; charset=utf-8"
# A first publication of at least this many events into an empty calendar goes in one request
# where the server takes a whole calendar (one by one, Radicale slows as the calendar grows).
WHOLE_CALENDAR_FROM = 50


@dataclass(frozen=True, slots=True)
class Sent:
    href: str
    etag: str
    digest: str


@dataclass(slots=True)
class Publication:
    """What publishing the calendar did (or, planned, would do)."""

    sent: dict[str, Sent] = field(default_factory=dict)  # UID -> what the server now has
    deleted: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (event, the server's reason)


def find_or_make_calendar(session: DavSession, home: str) -> str:
    """The URL of the user's "Nurture" calendar, made (MKCALENDAR) when missing."""
    for entry in session.collections(home, CAL, "calendar"):
        if entry.text(DAV, "displayname") == CALENDAR_NAME:
            return entry.href
    url = f"{home.rstrip('/')}/{quote(CALENDAR_NAME.lower())}-calendar/"  # beside a book "nurture"
    body = (
        f'{XML}<c:mkcalendar xmlns:d="DAV:" xmlns:c="{CAL}"><d:set><d:prop>'
        f"<d:displayname>{escape(CALENDAR_NAME)}</d:displayname>"
        '<c:supported-calendar-component-set><c:comp name="VEVENT"/>'
        "</c:supported-calendar-component-set></d:prop></d:set></c:mkcalendar>"
    )
    answer = session.send_xml("MKCALENDAR", url, body)
    if answer.status_code not in (200, 201):
        raise refused(answer, "making the Nurture calendar")
    return url


def event_href(calendar: str, uid: str) -> str:
    return f"{calendar.rstrip('/')}/{re.sub(r'[^A-Za-z0-9-]', '-', uid)}.ics"


def digest(event: CalendarEvent) -> str:
    """What the event says (all of it: an event has no time stamp until written): equal
    digests, nothing to send."""
    return hashlib.sha256(repr(astuple(event)).encode()).hexdigest()[:32]


def publish(
    session: DavSession,
    calendar: str,
    events: Iterable[CalendarEvent],
    known: Mapping[str, Sent],
    now: datetime,
    dry_run: bool = False,
) -> Publication:
    """Send the events whose occasion changed here, or whose copy changed or went there; delete
    the events of occasions gone from Nurture. `known`: what the last sync sent, by UID."""
    listed = session.listing(calendar)
    events = list(events)
    done = Publication()
    if not listed and len(events) >= WHOLE_CALENDAR_FROM and not dry_run:
        done.sent.update(_send_whole(session, calendar, events, now))
    for event in events:
        was, now_digest = known.get(event.uid), digest(event)
        if event.uid in done.sent:
            continue
        href = was.href if was is not None else event_href(calendar, event.uid)
        there = listed.get(href)
        if (
            was is not None
            and was.digest == now_digest
            and there is not None
            and (there == was.etag or not was.etag)  # no ETag said: trust the digest
        ):
            done.sent[event.uid] = was
            continue
        if dry_run:
            done.sent[event.uid] = Sent(href, "", now_digest)
            continue
        text = write_ics([event], now)
        # The calendar is Nurture's: whatever the server holds there is replaced.
        result = put_resource(session, href, text, None if there is None else there, ICS_TYPE)
        if result.outcome is Written.STALE:  # changed there between the listing and now
            result = put_resource(session, href, text, "", ICS_TYPE)
        if result.outcome is Written.DONE:
            done.sent[event.uid] = Sent(href, result.etag, now_digest)
        else:
            done.refused.append((event.summary, result.reason))
    kept = {sent.href for sent in done.sent.values()}
    for href in sorted(({sent.href for sent in known.values()} | set(listed)) - kept):
        if dry_run or delete(session, href, "").outcome is Written.DONE:
            done.deleted.append(href)
    return done


def _send_whole(
    session: DavSession, calendar: str, events: list[CalendarEvent], now: datetime
) -> dict[str, Sent]:
    """Every event in one PUT on the empty calendar, where the server takes a whole calendar
    (Radicale does, naming each event by its UID); {} where it does not."""
    wait = TIMEOUT_S + len(events) / CARDS_A_SECOND
    answer = session.send("PUT", calendar, write_ics(events, now), {"Content-Type": ICS_TYPE}, wait)
    if answer.status_code not in (200, 201, 204):
        return {}
    listed = session.listing(calendar)
    sent: dict[str, Sent] = {}
    for event in events:
        href = f"{calendar.rstrip('/')}/{event.uid}.ics"
        if href in listed:
            sent[event.uid] = Sent(href, listed[href], digest(event))
    return sent
