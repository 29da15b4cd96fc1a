"""User settings stored in the database (they travel with backups), typed with defaults."""

from __future__ import annotations

import json
import locale
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import time
from typing import Any

from sqlalchemy import select

from nurture.calendar.gift_days import DEFAULT_GIFT_DAYS
from nurture.calendar.occasions import LeapDayPolicy
from nurture.calendar.timing import system_zone_name
from nurture.db.bookkeeping import Setting
from nurture.db.engine import Database
from nurture.domain.enums import Area
from nurture.domain.keep_in_touch import check_cadence
from nurture.errors import ValidationError
from nurture.services.unit_of_work import Outcome, unit_of_work


def system_region() -> str:
    """The country of the desktop's locale (en_GB -> GB), else US."""
    language = locale.getlocale()[0] or ""
    _, _, region = language.partition("_")
    return region.upper() if len(region) == 2 and region.isalpha() else "US"


def system_currency() -> str:
    """The ISO 4217 currency of the desktop's monetary locale, else USD."""
    try:
        code = locale.localeconv()["int_curr_symbol"]
    except (ValueError, locale.Error):
        code = ""
    code = str(code).strip().upper()
    return code if len(code) == 3 and code.isalpha() else "USD"


def _lead_days() -> dict[str, int]:
    return {
        "birthday": 7,
        "anniversary": 7,
        "graduation": 14,
        "work_anniversary": 3,
        "custom": 3,
        "follow_up": 0,
        "keep_in_touch": 0,
        "holiday": 0,
        "gift_deadline": 0,
    }


@dataclass(frozen=True, slots=True)
class Settings:
    # ISO 3166 region used to read phone numbers typed without a country code.
    phone_region: str = field(default_factory=system_region)
    # Where Feb 29 birthdays fall in common years: "feb28" or "mar1".
    leap_day: str = "feb28"
    # Days before an occasion its reminder fires, per kind; a date's own lead time wins.
    lead_days: dict[str, int] = field(default_factory=_lead_days)
    default_lead_days: int = 3
    # Local wall-clock time (HH:MM) of the daily digest and of every dated reminder.
    digest_time: str = "08:00"
    time_zone: str = field(default_factory=system_zone_name)
    # ISO 4217 code for the amounts the user enters (gifts, referral value).
    currency: str = field(default_factory=system_currency)
    holiday_country: str = field(default_factory=system_region)
    gift_holidays: list[str] = field(default_factory=lambda: list(DEFAULT_GIFT_DAYS))
    # Days before a gift holiday to buy the presents.
    gift_lead_days: int = 14
    # Keep-in-touch cadence in days for contacts without their own or a tag's, by tier.
    tier_cadence: dict[str, int] = field(default_factory=lambda: {"A": 30, "B": 90, "C": 180})
    # Monday = 0 ... Sunday = 6 for the calendar's weeks; -1 follows the desktop's locale.
    first_day_of_week: int = -1
    # Closing the window keeps Nurture in the tray (when there is one) so reminders still come.
    close_to_tray: bool = True
    start_at_login: bool = False
    reconnect_after_days: int = 180
    # People the day's plan asks you to touch ("about 20 a day"); 0: what the cadences ask.
    daily_touches: int = 0
    # Gifts to one person in one year above this (minor units) are flagged: business gift
    # deductions are capped per recipient in some countries. 0: no limit.
    gift_limit_cents: int = 0
    # A second folder (another disk) every backup is copied to; "" for none.
    second_backup_folder: str = ""
    # Named list filters (`services.saved_searches`): name -> the ContactQuery fields kept.
    saved_searches: dict[str, dict[str, Any]] = field(default_factory=dict)
    reconnect_tags: list[str] = field(
        default_factory=lambda: ["Former colleagues", "Clients", "Referral Sources"]
    )
    # CardDAV sync (`nurture.sync`): the server, the login (its password is in the keyring),
    # the address book's URL, and which contacts go: "people" (not light contacts),
    # "everyone", or "tag" (those tagged `sync_tag`). Archived contacts never go.
    sync_url: str = ""
    sync_user: str = ""
    sync_book: str = ""
    sync_calendar: str = ""  # the "Nurture" calendar's URL; "" when the server keeps none
    sync_scope: str = "people"
    sync_tag: str = ""
    sync_extras: bool = False  # tier, cadence, how we met... as X-NURTURE-* properties
    sync_every_minutes: int = 15  # while the app runs; 0: only when asked
    # A sync that would delete more than this share of the book (in %) stops and asks.
    sync_delete_percent: int = 10

    @property
    def leap_day_policy(self) -> LeapDayPolicy:
        return LeapDayPolicy(self.leap_day)

    @property
    def digest_clock(self) -> time:
        return time.fromisoformat(self.digest_time)

    def lead_for(self, kind: str, own: int | None = None) -> int:
        if own is not None:
            return own
        return self.lead_days.get(kind, self.default_lead_days)


class SettingsService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def get(self) -> Settings:
        with self._db.read() as session:
            stored = {row.key: row.value for row in session.scalars(select(Setting))}
        values: dict[str, Any] = {}
        for spec in fields(Settings):
            if spec.name in stored:
                values[spec.name] = json.loads(stored[spec.name])
        return Settings(**values)

    def update(self, **changes: Any) -> Outcome[Settings]:
        known = {spec.name for spec in fields(Settings)}
        unknown = set(changes) - known
        if unknown:
            raise ValidationError(f"Unknown setting(s): {', '.join(sorted(unknown))}.")
        new = replace(self.get(), **changes)
        _check(new)
        with unit_of_work(self._db, "Change preferences") as work:
            for key, value in asdict(new).items():
                work.session.merge(Setting(key=key, value=json.dumps(value)))
            work.touch(Area.SETTINGS)
        return Outcome(new, work.changes)


def _check(settings: Settings) -> None:
    """Refuse settings the engine cannot use, before anything is stored."""
    try:
        LeapDayPolicy(settings.leap_day)
        time.fromisoformat(settings.digest_time)
    except ValueError as error:
        raise ValidationError(f"That setting is not valid: {error}.") from error
    if any(days < 0 for days in settings.lead_days.values()) or settings.gift_lead_days < 0:
        raise ValidationError("Reminder lead times cannot be negative.")
    if not (len(settings.currency) == 3 and settings.currency.isalpha()):
        raise ValidationError("The currency is a three-letter code such as USD, EUR or GBP.")
    if not -1 <= settings.first_day_of_week <= 6:
        raise ValidationError("The first day of the week must be a weekday.")
    for days in settings.tier_cadence.values():
        check_cadence(days)
    if settings.gift_limit_cents < 0:
        raise ValidationError("A yearly gift limit cannot be negative.")
    if not 0 <= settings.daily_touches <= 10_000:
        raise ValidationError("People a day is a number from 0 (automatic) to 10,000.")
    if settings.sync_scope not in ("people", "everyone", "tag"):
        raise ValidationError("Sync people, everyone, or those with a tag.")
    if settings.sync_scope == "tag" and not settings.sync_tag.strip():
        raise ValidationError("Name the tag whose contacts sync.")
    if not 0 <= settings.sync_every_minutes <= 24 * 60:
        raise ValidationError("Sync every 0 (only when asked) to 1,440 minutes.")
    if not 0 <= settings.sync_delete_percent <= 100:
        raise ValidationError("The share of the book a sync may delete is 0 to 100 %.")
