"""An iCalendar (.ics) file of all-day events (birthdays, anniversaries, graduations, follow-ups)
that Google Calendar and Outlook accept: dates only (never floating date-times), a UTC DTSTAMP,
CRLF line ends and lines folded at 75 octets."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event, vRecur

from nurture.errors import ValidationError

PRODID = "-//Nurture//Nurture//EN"
CALENDAR_NAME = "Nurture"


@dataclass(frozen=True, slots=True)
class CalendarEvent:
    """One all-day event. `rrule` is an RFC 5545 rule (`FREQ=MONTHLY;INTERVAL=2`) and wins over
    `yearly`; `whole_month` spans the month of `start` (a date whose day is unknown)."""

    uid: str
    summary: str
    start: date
    yearly: bool = False
    rrule: str = ""
    whole_month: bool = False
    description: str = ""


def write_ics(events: Iterable[CalendarEvent], now: datetime) -> bytes:
    """The calendar as UTF-8 bytes. `now` becomes every DTSTAMP; a naive `now` is taken as UTC.
    Raises ValidationError for an event whose `rrule` is not an RFC 5545 rule with a FREQ."""
    stamp = now.replace(tzinfo=UTC) if now.tzinfo is None else now.astimezone(UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", CALENDAR_NAME)
    for item in events:
        calendar.add_component(_vevent(item, stamp))
    ical: bytes = calendar.to_ical()
    return ical


def _vevent(item: CalendarEvent, stamp: datetime) -> Event:
    start, end = _span(item)
    event = Event()
    event.add("uid", item.uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", item.summary)
    if item.description:
        event.add("description", item.description)
    event.add("transp", "TRANSPARENT")
    if item.rrule.strip():
        event.add("rrule", _recurrence(item.rrule))
    elif item.yearly:
        event.add("rrule", {"freq": "YEARLY"})
    return event


def _span(item: CalendarEvent) -> tuple[date, date]:
    """DTSTART and the exclusive DTEND of the event, as plain dates (VALUE=DATE)."""
    start = _as_date(item.start)
    if not item.whole_month:
        return start, start + timedelta(days=1)
    first = start.replace(day=1)
    if first.month == 12:
        return first, first.replace(year=first.year + 1, month=1)
    return first, first.replace(month=first.month + 1)


def _as_date(value: date) -> date:
    # A datetime is a date too; icalendar would write it as a (floating) date-time.
    return value.date() if isinstance(value, datetime) else value


def _recurrence(rule: str) -> vRecur:
    """The parsed rule (`FREQ=...` or `RRULE:FREQ=...`). icalendar reads text without `=` as an
    empty rule and a rule without FREQ as valid, so both are checked here. An UNTIL date-time
    becomes a date: with an all-day DTSTART, RFC 5545 wants UNTIL as a DATE too."""
    text = rule.strip()
    if text.upper().startswith("RRULE:"):
        text = text[len("RRULE:") :]
    try:
        recur: vRecur = vRecur.from_ical(text)
    except ValueError as error:
        raise ValidationError(f"'{rule}' is not a repeat rule: {error}.") from error
    if "FREQ" not in recur:
        raise ValidationError(f"'{rule}' is not a repeat rule: it needs a FREQ.")
    if "UNTIL" in recur:
        recur["UNTIL"] = [_as_date(until) for until in recur["UNTIL"]]
    return recur
