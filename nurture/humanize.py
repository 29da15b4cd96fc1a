"""Short human phrases for times, counts and stored values, as lists and cards show them."""

from __future__ import annotations

from datetime import datetime


def ago(moment: datetime | None, now: datetime) -> str:
    """'today', 'yesterday', '5 days ago', '3 weeks ago', '4 months ago', '2 years ago', 'never'."""
    if moment is None:
        return "never"
    days = (now.astimezone().date() - moment.astimezone().date()).days
    if days < 0:
        return "in the future"
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    # 360-364 days is "1 year ago", not "12 months ago".
    for size, unit in ((360, "year"), (30, "month"), (7, "week"), (1, "day")):
        if days >= size:
            count = max(1, days // 365) if unit == "year" else days // size
            return f"{count} {unit}{'s' if count != 1 else ''} ago"
    return "today"


def plural(count: int, unit: str, many: str = "") -> str:
    """'1 day', '15 days', '2,000 records'; `many` for the irregular ('3 people')."""
    return f"{count:,} {unit if count == 1 else many or unit + 's'}"


def money(cents: int, currency: str) -> str:
    """'1,250.00 EUR': amounts are kept in minor units with their ISO 4217 code."""
    return f"{cents / 100:,.2f} {currency}".strip()


def field_label(name: str) -> str:
    """A stored field as the user reads it: "other dates", "web links"."""
    return name.replace("_", " ")


def field_value(value: object) -> str:
    """A field's value as a person reads it: “text” quoted, a list by its words, "(none)" for
    nothing (a sync conflict's kept and set-aside values, JSON as stored)."""
    if isinstance(value, list):
        words = [field_value(part) for part in value if part not in ("", False, True, None)]
        return ", ".join(word for word in words if word != "(none)") or "(none)"
    if isinstance(value, str):
        return f"“{value}”" if value else "(none)"
    return "(none)" if value is None else str(value)
