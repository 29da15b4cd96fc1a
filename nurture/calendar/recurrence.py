"""Follow-up due dates: one-off or an RFC 5545 RRULE anchored on the first due date (dateutil).

A follow-up comes back at most once a day: FREQ=HOURLY or SECONDLY, or BYHOUR/BYMINUTE/BYSECOND
parts, would make a day hold thousands of occurrences (the agenda never finished).
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from functools import lru_cache

from dateutil.rrule import rrule, rrulestr

_TOO_OFTEN = ("HOURLY", "MINUTELY", "SECONDLY")
_WITHIN_A_DAY = re.compile(r"(?i)^(BYHOUR|BYMINUTE|BYSECOND)=")


def at_most_daily(text: str) -> str:
    """The rule without what repeats it within a day: a faster FREQ becomes DAILY, and BYHOUR,
    BYMINUTE and BYSECOND parts go."""
    parts = []
    for part in text.split(";"):
        name, _, value = part.partition("=")
        if name.strip().upper() == "FREQ" and value.strip().upper() in _TOO_OFTEN:
            part = "FREQ=DAILY"
        if not _WITHIN_A_DAY.match(part.strip()):
            parts.append(part)
    return ";".join(parts)


@lru_cache(maxsize=4096)
def _rule(text: str, anchor: date) -> rrule:
    # A rule stored before the check (or by hand) is read as at most daily all the same.
    parsed = rrulestr(at_most_daily(text), dtstart=datetime.combine(anchor, time()))
    assert isinstance(parsed, rrule)
    return parsed


def follow_up_dates(
    anchor: date, rule: str, start: date, end: date, completed_through: date | None = None
) -> list[date]:
    """The follow-up's due dates in [start, end] that are not yet completed, in order.

    `anchor` is the first due date; `completed_through` is the last occurrence marked done
    (everything up to it is done). Without a rule, the anchor is the only date.
    """
    low = start
    if completed_through is not None and completed_through >= low:
        low = date.fromordinal(completed_through.toordinal() + 1)
    if low > end:
        return []
    if not rule:
        return [anchor] if low <= anchor <= end else []
    found = _rule(rule, anchor).between(
        datetime.combine(low, time()), datetime.combine(end, time()), inc=True
    )
    return [moment.date() for moment in found]


def next_follow_up(anchor: date, rule: str, after: date) -> date | None:
    """The first due date after `after` (None when a one-off or the rule has run out)."""
    if not rule:
        return anchor if anchor > after else None
    found = _rule(rule, anchor).after(datetime.combine(after, time(23, 59)))
    return None if found is None else found.date()


def first_open(
    anchor: date, rule: str, completed_through: date | None, done: bool, horizon: date
) -> date | None:
    """The first occurrence not yet done, up to `horizon` for a repeating follow-up."""
    if done:
        return None
    pending = follow_up_dates(anchor, rule, anchor, horizon, completed_through)
    return pending[0] if pending else None
