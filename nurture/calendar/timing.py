"""Local time for reminders: the user's time zone, and a local day + time as a UTC instant.

Reminders fire at a wall-clock time (the digest time) on a local day; converting through the
IANA zone keeps 08:00 at 08:00 across daylight-saving changes.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def system_zone_name() -> str:
    """The desktop's IANA time zone ($TZ, /etc/timezone or /etc/localtime), else UTC."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    timezone_file = Path("/etc/timezone")
    if timezone_file.is_file():
        candidates.append(timezone_file.read_text(encoding="utf-8").strip())
    localtime = Path("/etc/localtime")
    if localtime.is_symlink():
        target = str(localtime.resolve())
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    for name in candidates:
        if name and zone(name).key == name:
            return name
    return "UTC"


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def at_local(day: date, moment: time, zone_name: str) -> datetime:
    """`day` at wall-clock `moment` in the zone, as an aware UTC datetime."""
    return datetime.combine(day, moment, tzinfo=zone(zone_name)).astimezone(UTC)


def local_day(instant: datetime, zone_name: str) -> date:
    return instant.astimezone(zone(zone_name)).date()
