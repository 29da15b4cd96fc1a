"""`nurture demo`: a believable network for a salesperson, written in bulk in one transaction.

Rows are built in Python as tuples and written with the driver's executemany in dependency
order, a batch at a time; contacts and interactions get their ids here, so no row needs a round
trip, and each contact its last touch, so no pass updates them all. Into an empty database the
secondary indexes are built after the rows. 100,000 contacts (plus their families: 3 million
rows) take about half a minute.
"""

from __future__ import annotations

import calendar
import random
import time
import unicodedata
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cache
from itertools import accumulate, count
from typing import Any

from sqlalchemy import Connection, insert, select

from nurture.contact_points import display_name, sort_name
from nurture.db import search_index
from nurture.db.bulk import BulkWriter, IdAllocator, indexes_built_after, table_of, utc_text
from nurture.db.engine import Database
from nurture.db.gifts import Gift, Preference
from nurture.db.network import Introduction, Referral, Relationship
from nurture.db.people import (
    Address,
    Contact,
    Email,
    ImportantDate,
    Phone,
    Tag,
    WebLink,
    contact_tags,
    new_uuid,
)
from nurture.db.touches import FollowUp, Interaction, interaction_participants
from nurture.demo.words import (
    CITY_ZONES,
    COMPANY_FIRST,
    COMPANY_SECOND,
    COMPANY_SUFFIX,
    CULTURES,
    DEPARTMENTS,
    GIFTS,
    HOW_WE_MET,
    INTERACTION_NOTES,
    NICKNAMES,
    NOTES,
    PREFERENCES,
    TAGS,
    TITLES,
)
from nurture.domain.enums import Area
from nurture.services.unit_of_work import Outcome, unit_of_work

_BATCH_CONTACTS = 2_000  # with their rows, about 20,000 rows a batch
_DAYS_IN_MONTH = {month: calendar.monthrange(2001, month)[1] for month in range(1, 13)}
# Parents before children, so foreign keys hold at every flush.
_TABLES = [
    table_of(m)
    for m in (
        Contact,
        Email,
        Phone,
        Address,
        WebLink,
        contact_tags,
        ImportantDate,
        Relationship,
        Preference,
        Gift,
        Interaction,
        interaction_participants,
        FollowUp,
        Introduction,
        Referral,
    )
]
_KINDS = ("call", "email", "meeting", "lunch", "sales_call", "message", "social")
_KIND_CUM_WEIGHTS = tuple(accumulate((30, 30, 12, 10, 8, 6, 4)))
_TIER_CUM_WEIGHTS = tuple(accumulate((1, 3, 4, 2)))  # A, B, C, none
_CADENCE = {"A": 30, "B": 90, "C": 180}

# The columns of each table's row tuples, in the order the builder writes them.
_CONTACT_COLUMNS = (
    "id",
    "uuid",
    "prefix",
    "given_name",
    "middle_name",
    "family_name",
    "suffix",
    "nickname",
    "shown_as",
    "display_name",
    "sort_name",
    "organization",
    "title",
    "department",
    "notes",
    "how_we_met",
    "met_on",
    "referred_by_id",
    "time_zone",
    "tier",
    "keep_in_touch_days",
    "starred",
    "archived",
    "is_light",
    "last_interaction_at",
    "created_at",
    "updated_at",
)
_EMAIL_COLUMNS = ("contact_id", "label", "address", "address_key", "is_primary", "position")
_PHONE_COLUMNS = ("contact_id", "raw", "e164", "label", "national", "is_primary", "position")
_ADDRESS_COLUMNS = (
    "contact_id",
    "label",
    "street",
    "city",
    "region",
    "postal_code",
    "country",
    "is_primary",
    "position",
)
_WEB_LINK_COLUMNS = ("contact_id", "kind", "url", "label", "is_primary", "position")
_DATE_COLUMNS = ("contact_id", "kind", "label", "year", "month", "day", "recurrence")
_RELATIONSHIP_COLUMNS = ("contact_id", "related_id", "kind", "label", "created_at")
_PREFERENCE_COLUMNS = ("contact_id", "category", "item", "detail", "likes")
_GIFT_COLUMNS = (
    "contact_id",
    "direction",
    "description",
    "occasion",
    "given_on",
    "amount_cents",
    "currency",
    "status",
    "notes",
)
_INTERACTION_COLUMNS = ("id", "kind", "occurred_at", "title", "notes", "created_at")
_FOLLOW_UP_COLUMNS = ("contact_id", "title", "notes", "due_date", "rrule", "created_at")
_INTRODUCTION_COLUMNS = ("person_a_id", "person_b_id", "introduced_on", "reason", "outcome")
_REFERRAL_COLUMNS = (
    "partner_id",
    "referred_id",
    "referred_on",
    "value_cents",
    "currency",
    "notes",
    "given",
)


# Why two people should meet (drawn from the details stream: the rest of the demo stays).
_INTRODUCTION_REASONS = (
    "Both looking at warehouse automation",
    "Both opening offices in Austin",
    "Both sail; both sell to hospitals",
    "She needs a CFO, he just left his",
    "Same board, never met",
    "Both raising a Series A",
)


@dataclass(frozen=True, slots=True)
class DemoReport:
    contacts: int
    light_contacts: int
    interactions: int
    gifts: int
    seconds: float


@cache  # a few hundred names and company words, a million calls
def _ascii(text_value: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text_value)
    return "".join(c for c in decomposed if c.isascii() and c.isalnum()).lower()


class _Builder:
    """Rows for one person after another, appended as tuples to the writer's buffers.

    Only contacts and interactions get their ids here (other rows point at them); SQLite numbers
    the rest as they come, as it numbers any row without an id."""

    def __init__(
        self,
        rngs: tuple[random.Random, random.Random],
        now: datetime,
        writer: BulkWriter,
        first_ids: tuple[int, int],
        tag_ids: dict[str, int],
    ) -> None:
        # Name titles, departments and time zones draw from a stream of their own, so adding
        # them left every seed's people, families and histories as they were.
        self.rng, self.details = rngs
        self.today = now.date()
        self.stamp = utc_text(now)
        self._utc_now = datetime.fromisoformat(self.stamp)  # naive UTC: formatted without zone
        self.w = writer
        self.contact_ids, self.interaction_ids = (count(first) for first in first_ids)
        self.tag_ids = tag_ids
        self.main_ids: list[int] = []
        self.emails: set[str] = set()
        # Each main contact's newest interaction; those touched again after their row was
        # written (as another participant) are set in one pass at the end.
        self.last_touch: dict[int, str] = {}
        self.touched_later: set[int] = set()
        self.light = 0
        self.interactions = 0
        self.gifts = 0
        buffer = writer.buffer
        self.contacts = buffer(table_of(Contact), _CONTACT_COLUMNS)
        self.emails_rows = buffer(table_of(Email), _EMAIL_COLUMNS)
        self.phones = buffer(table_of(Phone), _PHONE_COLUMNS)
        self.addresses = buffer(table_of(Address), _ADDRESS_COLUMNS)
        self.web_links = buffer(table_of(WebLink), _WEB_LINK_COLUMNS)
        self.tags = buffer(contact_tags, ("contact_id", "tag_id"))
        self.dates = buffer(table_of(ImportantDate), _DATE_COLUMNS)
        self.relationships = buffer(table_of(Relationship), _RELATIONSHIP_COLUMNS)
        self.preferences = buffer(table_of(Preference), _PREFERENCE_COLUMNS)
        self.gift_rows = buffer(table_of(Gift), _GIFT_COLUMNS)
        self.interaction_rows = buffer(table_of(Interaction), _INTERACTION_COLUMNS)
        self.participants = buffer(interaction_participants, ("interaction_id", "contact_id"))
        self.follow_ups = buffer(table_of(FollowUp), _FOLLOW_UP_COLUMNS)
        self.introductions = buffer(table_of(Introduction), _INTRODUCTION_COLUMNS)
        self.referrals = buffer(table_of(Referral), _REFERRAL_COLUMNS)

    def _details(self, given: str, family: str, company: str, city: str) -> dict[str, str]:
        """What some people have: a title, a nickname, a department, the zone they live in,
        a way their address book shows them."""
        draw = self.details
        nickname = draw.choice(NICKNAMES) if draw.random() < 0.06 else ""
        shown = f"{nickname or given} {family} ({company.split()[0]})"
        return {
            "prefix": "Dr." if draw.random() < 0.04 else "",
            "suffix": draw.choice(("Jr.", "PhD", "III")) if draw.random() < 0.03 else "",
            "nickname": nickname,
            "department": draw.choice(DEPARTMENTS) if draw.random() < 0.35 else "",
            "time_zone": CITY_ZONES[city] if draw.random() < 0.7 else "",
            "shown_as": shown if draw.random() < 0.02 else "",
        }

    # -- helpers -----------------------------------------------------------------------------

    def _contact(
        self,
        cid: int,
        given: str,
        family: str,
        *,
        prefix: str = "",
        middle_name: str = "",
        suffix: str = "",
        nickname: str = "",
        shown_as: str = "",
        organization: str = "",
        title: str = "",
        department: str = "",
        notes: str = "",
        how_we_met: str = "",
        met_on: str | None = None,
        referred_by_id: int | None = None,
        time_zone: str = "",
        tier: str = "",
        keep_in_touch_days: int | None = None,
        starred: bool = False,
        is_light: bool = False,
        last_interaction_at: str | None = None,
    ) -> None:
        self.contacts.append(
            (
                cid,
                new_uuid(),
                prefix,
                given,
                middle_name,
                family,
                suffix,
                nickname,
                shown_as,
                display_name(
                    given, middle_name, family, nickname, organization, "", prefix, suffix, shown_as
                ),
                sort_name(given, middle_name, family, nickname, organization),
                organization,
                title,
                department,
                notes,
                how_we_met,
                met_on,
                referred_by_id,
                time_zone,
                tier,
                keep_in_touch_days,
                starred,
                False,  # archived
                is_light,
                last_interaction_at,
                self.stamp,
                self.stamp,
            )
        )

    def _light(self, given: str, family: str, title: str = "") -> int:
        """A family member or an assistant: a light contact, not in the main list."""
        cid = next(self.contact_ids)
        self._contact(cid, given, family, title=title, is_light=True)
        self.light += 1
        return cid

    def _date(
        self,
        cid: int,
        kind: str,
        year: int | None,
        month: int,
        day: int | None,
        recurrence: str = "yearly",
    ) -> None:
        self.dates.append((cid, kind, "", year, month, day, recurrence))

    def _month_day(self) -> tuple[int, int]:
        month = self.rng.randint(1, 12)
        return month, self.rng.randint(1, _DAYS_IN_MONTH[month])

    def _birthday(self, cid: int, born: int, with_year: bool = True) -> None:
        month, day = self._month_day()
        if self.rng.random() < 0.004:
            month, day, born = 2, 29, born - born % 4  # leap-day birthdays exist
        self._date(cid, "birthday", born if with_year else None, month, day)

    def _relate(self, cid: int, other: int, kind: str) -> None:
        self.relationships.append((cid, other, kind, "", self.stamp))

    def _preference(self, cid: int) -> None:
        category, item, detail = self.rng.choice(PREFERENCES)
        self.preferences.append(
            (cid, category, item, detail, category not in ("dislike", "allergy"))
        )

    def _moment(self, days_back: int) -> str:
        """A time up to `days_back` days ago, as `utc_text` writes it."""
        seconds = self.rng.randint(3600, days_back * 86400)
        return (self._utc_now - timedelta(seconds=seconds)).isoformat(" ", "microseconds")

    def _unique(self, local: str, domain: str) -> str:
        """An address nobody else in the network has (imports match people by email)."""
        address = local + domain
        while address in self.emails:
            address = f"{local}{self.rng.randint(2, 9999)}{domain}"
        self.emails.add(address)
        return address

    def _days_ago(self, days: int) -> str:
        return (self.today - timedelta(days=days)).isoformat()

    def _phone(
        self, cid: int, code: str, areas: tuple[str, ...], label: str, primary: bool, position: int
    ) -> None:
        area = self.rng.choice(areas)
        exchange, line = self.rng.randint(200, 999), self.rng.randint(1000, 9999)
        # Written in international form, so E.164 is the digits with a plus (what phonenumbers
        # gives for such input), without a parse per row.
        self.phones.append(
            (
                cid,
                f"+{code} {area} {exchange} {line}",
                f"+{code}{area}{exchange}{line}",
                label,
                f"{area}{exchange}{line}",
                primary,
                position,
            )
        )

    # -- one main contact with its family ----------------------------------------------------

    def person(self) -> None:
        rng = self.rng
        givens, families, code, areas, city, country = rng.choice(CULTURES)
        if rng.random() < 0.25:  # an international network: marriages, expats, second generations
            families = rng.choice(CULTURES)[1]
        given, family = rng.choice(givens), rng.choice(families)
        middle = f"{rng.choice('ABCDEFGHJKLMNPRSTW')}." if rng.random() < 0.3 else ""
        company = " ".join(
            p
            for p in (
                rng.choice(COMPANY_FIRST),
                rng.choice(COMPANY_SECOND),
                rng.choice(COMPANY_SUFFIX),
            )
            if p
        )
        domain = "".join(_ascii(w) for w in company.split()[:2]) + ".example.com"
        tier = rng.choices(("A", "B", "C", ""), cum_weights=_TIER_CUM_WEIGHTS)[0]
        referred_by = rng.choice(self.main_ids) if self.main_ids and rng.random() < 0.12 else None
        met_days = rng.randint(30, 20 * 365)
        cid = next(self.contact_ids)
        fields: dict[str, Any] = {
            "middle_name": middle,
            "organization": company,
            "title": rng.choice(TITLES),
            "tier": tier,
            "keep_in_touch_days": _CADENCE.get(tier) if rng.random() < 0.8 else None,
            "notes": rng.choice(NOTES),
            "how_we_met": rng.choice(HOW_WE_MET),
            "met_on": self._days_ago(met_days),
            "referred_by_id": referred_by,
            "starred": rng.random() < 0.04,
            **self._details(given, family, company, city),
        }
        first = _ascii(given) or "contact"
        last = _ascii(family) or str(cid)
        work_email = self._unique(f"{first}.{last}", f"@{domain}")
        self.emails_rows.append((cid, "work", work_email, work_email, True, 0))
        if rng.random() < 0.3:
            personal = self._unique(f"{first}{last[:1]}", "@mail.example.org")
            self.emails_rows.append((cid, "home", personal, personal, False, 1))
        self._phone(cid, code, areas, "mobile", True, 0)
        if rng.random() < 0.5:
            self._phone(cid, code, areas, "work", False, 1)
        if rng.random() < 0.5:
            street = f"{rng.randint(1, 999)} Market Street"
            postal_code = f"{rng.randint(10000, 99999)}"
            self.addresses.append((cid, "work", street, city, "", postal_code, country, True, 0))
        if rng.random() < 0.6:
            url = f"https://www.linkedin.com/in/{first}-{last}-{cid}"
            self.web_links.append((cid, "linkedin", url, "", True, 0))
        tags = {"Clients" if rng.random() < 0.45 else "Prospects"}
        tags.update(t for t in TAGS if rng.random() < 0.08)
        if referred_by is not None:
            tags.add("Referral Sources")
        self.tags.extend((cid, self.tag_ids[tag]) for tag in tags)
        born = self.today.year - rng.randint(28, 70)
        if rng.random() < 0.85:
            self._birthday(cid, born, with_year=rng.random() < 0.9)
        if rng.random() < 0.2:
            self._date(
                cid, "work_anniversary", self.today.year - rng.randint(1, 25), *self._month_day()
            )
        for _ in range(rng.randint(1, 3)):
            self._preference(cid)
        self._family(cid, given, family, givens, born)
        self._gifts(cid)
        newest = self._interactions(cid, _CADENCE.get(tier, 365))
        # The row after its family's (ids stay in order) and its history (its last touch known).
        self._contact(cid, given, family, last_interaction_at=newest, **fields)
        if rng.random() < 0.1:
            due = self._days_ago(rng.randint(-30, 10))
            title = rng.choice(
                ("Send proposal", "Check on renewal", "Call about referral", "Quarterly check-in")
            )
            rrule = "FREQ=MONTHLY" if rng.random() < 0.2 else ""
            self.follow_ups.append((cid, title, "", due, rrule, self.stamp))
        if referred_by is not None:
            value = rng.choice((None, 250000, 1200000, 5000000))
            on = self._days_ago(met_days)
            self.referrals.append((referred_by, cid, on, value, "USD", "", False))
        self._referral_given(cid)
        if self.main_ids and rng.random() < 0.05:
            other = rng.choice(self.main_ids)
            on = self._days_ago(rng.randint(1, 900))
            reason = self.details.choice(_INTRODUCTION_REASONS)
            outcome = rng.choice(("", "They signed a pilot", "Met for lunch"))
            self.introductions.append((cid, other, on, reason, outcome))
        self.main_ids.append(cid)
        if len(self.contacts) >= _BATCH_CONTACTS:
            self.w.flush()

    def _referral_given(self, cid: int) -> None:
        """Business you passed on: you sent this contact to someone already in the network (the
        details stream draws, so the rest of the demo stays what it was)."""
        extra = self.details
        if not self.main_ids or extra.random() >= 0.04:
            return
        partner = extra.choice(self.main_ids)
        on = self._days_ago(extra.randint(1, 1500))
        value = extra.choice((None, None, 300000, 900000))
        notes = extra.choice(("", "Needed a lawyer for the lease", "Looking for an accountant"))
        self.referrals.append((partner, cid, on, value, "USD", notes, True))

    def _family(
        self, cid: int, given: str, family: str, givens: tuple[str, ...], born: int
    ) -> None:
        rng = self.rng
        taken = {given}

        def first_name() -> str:
            """A given name nobody else in the household has (a family has one Anna)."""
            name = rng.choice(givens)
            while name in taken and len(taken) < len(givens):
                name = rng.choice(givens)
            taken.add(name)
            return name

        if rng.random() < 0.55:
            spouse = self._light(first_name(), family)
            self._relate(cid, spouse, "spouse")
            self._date(cid, "anniversary", born + rng.randint(22, 35), *self._month_day())
            if rng.random() < 0.7:
                self._birthday(spouse, born + rng.randint(-4, 4))
            if rng.random() < 0.5:
                self._preference(spouse)
        for _ in range(rng.choice((0, 0, 1, 2, 2, 3))):
            age = rng.randint(2, 26)
            kid = self._light(first_name(), family)
            self._relate(cid, kid, "child")
            self._birthday(kid, self.today.year - age)
            if age in (17, 18, 21, 22):
                # High school or college, graduating this June or next: a month-only date.
                year = self.today.year + (0 if self.today.month <= 6 else 1)
                self._date(kid, "graduation", year, 6, None, recurrence="once")
        if rng.random() < 0.15:
            assistant = self._light(
                rng.choice(givens), rng.choice(CULTURES)[1][0], title="Executive Assistant"
            )
            self._relate(cid, assistant, "assistant")

    def _gifts(self, cid: int) -> None:
        rng = self.rng
        for _ in range(rng.choice((0, 0, 1, 1, 2, 3))):
            description, occasion, cents = rng.choice(GIFTS)
            idea = rng.random() < 0.15
            given_on = None if idea else self._days_ago(rng.randint(20, 1000))
            status = "idea" if idea else "given"  # the direction too
            self.gift_rows.append(
                (cid, status, description, occasion, given_on, cents, "USD", status, "")
            )
            self.gifts += 1

    def _interactions(self, cid: int, cadence: int) -> str | None:
        """The contact's history; returns its newest moment (None for nobody touched)."""
        rng = self.rng
        moments = [self._moment(3 * 365) for _ in range(rng.randint(0, 8))]
        if rng.random() < 0.85:
            # A salesperson who uses Nurture keeps most people on track: a recent touch,
            # within the tier's cadence (the rest are going cold, as in real life).
            moments.append(self._moment(max(2, int(cadence * 0.95))))
        for moment in moments:
            iid = next(self.interaction_ids)
            kind = rng.choices(_KINDS, cum_weights=_KIND_CUM_WEIGHTS)[0]
            notes = rng.choice(INTERACTION_NOTES[kind])
            self.interaction_rows.append((iid, kind, moment, "", notes, self.stamp))
            self.participants.append((iid, cid))
            if self.main_ids and rng.random() < 0.12:
                other = rng.choice(self.main_ids[-200:])
                self.participants.append((iid, other))
                if moment > self.last_touch.get(other, ""):  # same-format UTC text sorts as time
                    self.last_touch[other] = moment
                    self.touched_later.add(other)
        newest = max(moments, default=None)
        if newest is not None:
            self.last_touch[cid] = newest
        self.interactions += len(moments)
        return newest

    def later_touches(self) -> list[tuple[str, int]]:
        """(last_interaction_at, id) for the contacts touched after their row was written."""
        return [(self.last_touch[cid], cid) for cid in sorted(self.touched_later)]


# Recipients of one demo campaign at most: a network of 100,000 gives to its best clients.
_CAMPAIGN_RECIPIENTS = 150


def _campaigns(connection: Connection, draw: random.Random, today: date, first: int) -> int:
    """Christmas campaigns of the last two years (given, most thanked for) and this year's (a
    few chosen, some bought, with buy-by and ship-by days), for the A and B clients: the
    Gifts page and Today's plan are never empty. Returns the gifts added."""
    # The first clients by id: walked in id order (`+is_light` keeps SQLite from sorting every
    # main contact through the list's index first: 3 s instead of 1 ms at 100,000 contacts).
    clients = connection.exec_driver_sql(
        "SELECT id, tier FROM contacts WHERE id >= ? AND +is_light = 0 AND tier IN ('A', 'B') "
        "ORDER BY id LIMIT ?",
        (first, _CAMPAIGN_RECIPIENTS),
    ).fetchall()
    if not clients:  # a network with no A or B clients has nobody to give to
        return 0
    this_year = today.year if today < date(today.year, 12, 25) else today.year + 1
    added = 0
    last: dict[int, str] = {}  # each client's gift of the year before: not the same again
    for year in (this_year - 2, this_year - 1, this_year):
        christmas = date(year, 12, 25)
        campaign = connection.exec_driver_sql(
            "INSERT INTO campaigns (name, occasion, on_day, currency, budgets) "
            "VALUES (?, 'Christmas', ?, 'USD', ?)",
            (f"Christmas {year}", christmas.isoformat(), '{"A": 15000, "B": 7500}'),
        ).lastrowid
        recipients: list[tuple[int, int]] = []
        gifts: list[tuple[int, str, date, int, str, int, date | None, date | None]] = []
        for contact_id, tier in clients:
            recipients.append((campaign, contact_id))
            description, _occasion, cents = draw.choice(GIFTS)
            while description == last.get(contact_id):
                description, _occasion, cents = draw.choice(GIFTS)
            last[contact_id] = description
            cents = cents if tier == "A" else cents // 2
            if year < this_year:
                status = "thanked" if draw.random() < 0.6 else "given"
                day = date(year, 12, draw.randint(15, 22))
                gifts.append((contact_id, description, day, cents, status, campaign, None, None))
            elif draw.random() < 0.6:
                status = "bought" if draw.random() < 0.35 else "idea"
                buy_by, ship_by = date(year, 12, 10), date(year, 12, 16)
                gifts.append(
                    (contact_id, description, christmas, cents, status, campaign, buy_by, ship_by)
                )
        connection.exec_driver_sql(
            "INSERT INTO campaign_recipients (campaign_id, contact_id) VALUES (?, ?)", recipients
        )
        if not gifts:  # this year's, before anything was chosen
            continue
        connection.exec_driver_sql(
            "INSERT INTO gifts (contact_id, direction, description, occasion, given_on, "
            "amount_cents, currency, status, notes, campaign_id, buy_by, ship_by) "
            "VALUES (?, 'given', ?, 'Christmas', ?, ?, 'USD', ?, '', ?, ?, ?)",
            gifts,
        )
        added += len(gifts)
    return added


def _tag_ids(connection: Connection) -> dict[str, int]:
    ids: dict[str, int] = {}
    for name in TAGS:
        found = connection.execute(
            select(Tag.id).where(Tag.name.collate("NOCASE") == name)
        ).scalar()
        if found is None:
            found = connection.execute(insert(Tag).values(name=name).returning(Tag.id)).scalar()
        ids[name] = int(found)  # type: ignore[arg-type]
    return ids


def generate(
    database: Database, contacts: int, seed: int = 1, now: datetime | None = None
) -> Outcome[DemoReport]:
    """Add `contacts` main contacts (and their families, history and gifts) in one transaction."""
    started = time.perf_counter()
    with unit_of_work(database, None) as work:
        connection = work.session.connection()
        ids = IdAllocator(connection)
        first_contact = ids.peek(table_of(Contact))
        builder = _Builder(
            (random.Random(seed), random.Random(f"details {seed}")),
            now or datetime.now(UTC),
            BulkWriter(connection, _TABLES),
            (first_contact, ids.peek(table_of(Interaction))),
            _tag_ids(connection),
        )
        empty = connection.exec_driver_sql("SELECT NOT EXISTS (SELECT 1 FROM contacts)").scalar()
        # Into an empty database (the first run's sample data) the indexes are built once
        # at the end, from sorted rows: a third of the writing time at 100,000 contacts.
        with indexes_built_after(connection, _TABLES) if empty else nullcontext():
            for _ in range(contacts):
                builder.person()
            builder.w.flush()
            if later := builder.later_touches():
                connection.exec_driver_sql(
                    "UPDATE contacts SET last_interaction_at = ? WHERE id = ?", later
                )
        builder.gifts += _campaigns(connection, builder.details, builder.today, first_contact)
        search_index.index_new(connection, first_contact)
        for area in Area:
            work.touch(area)
    report = DemoReport(
        contacts=contacts,
        light_contacts=builder.light,
        interactions=builder.interactions,
        gifts=builder.gifts,
        seconds=time.perf_counter() - started,
    )
    return Outcome(report, work.changes)
