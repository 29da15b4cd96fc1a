"""`nurture demo`: a believable network for a salesperson, written in bulk in one transaction.

Rows are built in Python and written with SQLAlchemy Core executemany in dependency order, a
batch at a time; ids are assigned here so no row needs a round trip. 100,000 contacts (plus
their families) take well under a minute.
"""

from __future__ import annotations

import calendar
import random
import time
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, insert, select, text

from nurture.contact_points import display_name, sort_name
from nurture.db import search_index
from nurture.db.bulk import BulkWriter, IdAllocator, table_of, utc_text
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

_BATCH = 20_000
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
_KIND_WEIGHTS = (30, 30, 12, 10, 8, 6, 4)
_CADENCE = {"A": 30, "B": 90, "C": 180}


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


def _ascii(text_value: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text_value)
    return "".join(c for c in decomposed if c.isascii() and c.isalnum()).lower()


class _Builder:
    def __init__(
        self,
        rngs: tuple[random.Random, random.Random],
        now: datetime,
        writer: BulkWriter,
        ids: IdAllocator,
        tag_ids: dict[str, int],
    ) -> None:
        # Name titles, departments and time zones draw from a stream of their own, so adding
        # them left every seed's people, families and histories as they were.
        self.rng, self.details = rngs
        self.now = now
        self.today = now.date()
        self.stamp = utc_text(now)
        self.w = writer
        self.ids = ids
        self.tag_ids = tag_ids
        self.main_ids: list[int] = []
        self.emails: set[str] = set()
        self.light = 0
        self.interactions = 0
        self.gifts = 0

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

    def _contact(self, given: str, family: str, **fields: Any) -> int:
        cid = self.ids.take(table_of(Contact))
        row: dict[str, Any] = {
            "id": cid,
            "uuid": new_uuid(),
            "prefix": "",
            "given_name": given,
            "middle_name": "",
            "family_name": family,
            "suffix": "",
            "nickname": "",
            "shown_as": "",
            "organization": "",
            "title": "",
            "department": "",
            "notes": "",
            "how_we_met": "",
            "met_on": None,
            "referred_by_id": None,
            "time_zone": "",
            "tier": "",
            "keep_in_touch_days": None,
            "starred": False,
            "archived": False,
            "is_light": False,
            "photo": None,
            "last_interaction_at": None,
            "import_batch_id": None,
            "created_at": self.stamp,
            "updated_at": self.stamp,
        }
        row.update(fields)
        parts = (row["given_name"], row["middle_name"], row["family_name"])
        row["display_name"] = display_name(
            *parts,
            row["nickname"],
            row["organization"],
            "",
            row["prefix"],
            row["suffix"],
            row["shown_as"],
        )
        row["sort_name"] = sort_name(*parts, row["nickname"], row["organization"])
        self.w.add(table_of(Contact), row)
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
        self.w.add(
            table_of(ImportantDate),
            {
                "id": self.ids.take(table_of(ImportantDate)),
                "contact_id": cid,
                "kind": kind,
                "label": "",
                "year": year,
                "month": month,
                "day": day,
                "recurrence": recurrence,
                "lead_days": None,
            },
        )

    def _month_day(self) -> tuple[int, int]:
        month = self.rng.randint(1, 12)
        return month, self.rng.randint(1, _DAYS_IN_MONTH[month])

    def _birthday(self, cid: int, born: int, with_year: bool = True) -> None:
        month, day = self._month_day()
        if self.rng.random() < 0.004:
            month, day, born = 2, 29, born - born % 4  # leap-day birthdays exist
        self._date(cid, "birthday", born if with_year else None, month, day)

    def _relate(self, cid: int, other: int, kind: str) -> None:
        self.w.add(
            table_of(Relationship),
            {
                "id": self.ids.take(table_of(Relationship)),
                "contact_id": cid,
                "related_id": other,
                "kind": kind,
                "label": "",
                "created_at": self.stamp,
            },
        )

    def _preference(self, cid: int) -> None:
        category, item, detail = self.rng.choice(PREFERENCES)
        self.w.add(
            table_of(Preference),
            {
                "id": self.ids.take(table_of(Preference)),
                "contact_id": cid,
                "category": category,
                "item": item,
                "detail": detail,
                "likes": category not in ("dislike", "allergy"),
            },
        )

    def _moment(self, days_back: int) -> str:
        return utc_text(self.now - timedelta(seconds=self.rng.randint(3600, days_back * 86400)))

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
        local = f"{self.rng.randint(200, 999)} {self.rng.randint(1000, 9999)}"
        raw = f"+{code} {area} {local}"
        # Written in international form, so E.164 is the digits with a plus (what phonenumbers
        # gives for such input), without a parse per row.
        self.w.add(
            table_of(Phone),
            {
                "id": self.ids.take(table_of(Phone)),
                "contact_id": cid,
                "raw": raw,
                "e164": "+" + "".join(c for c in raw if c.isdigit()),
                "label": label,
                "national": f"{area}{local}".replace(" ", ""),
                "is_primary": primary,
                "position": position,
            },
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
        tier = rng.choices(("A", "B", "C", ""), weights=(1, 3, 4, 2))[0]
        referred_by = rng.choice(self.main_ids) if self.main_ids and rng.random() < 0.12 else None
        met_days = rng.randint(30, 20 * 365)
        cid = self._contact(
            given,
            family,
            middle_name=middle,
            organization=company,
            title=rng.choice(TITLES),
            tier=tier,
            keep_in_touch_days=_CADENCE.get(tier) if rng.random() < 0.8 else None,
            notes=rng.choice(NOTES),
            how_we_met=rng.choice(HOW_WE_MET),
            met_on=self._days_ago(met_days),
            referred_by_id=referred_by,
            starred=rng.random() < 0.04,
            **self._details(given, family, company, city),
        )
        first = _ascii(given) or "contact"
        last = _ascii(family) or str(cid)
        work_email = self._unique(f"{first}.{last}", f"@{domain}")
        self.w.add(
            table_of(Email),
            {
                "id": self.ids.take(table_of(Email)),
                "contact_id": cid,
                "label": "work",
                "address": work_email,
                "address_key": work_email,
                "is_primary": True,
                "position": 0,
            },
        )
        if rng.random() < 0.3:
            personal = self._unique(f"{first}{last[:1]}", "@mail.example.org")
            self.w.add(
                table_of(Email),
                {
                    "id": self.ids.take(table_of(Email)),
                    "contact_id": cid,
                    "label": "home",
                    "address": personal,
                    "address_key": personal,
                    "is_primary": False,
                    "position": 1,
                },
            )
        self._phone(cid, code, areas, "mobile", True, 0)
        if rng.random() < 0.5:
            self._phone(cid, code, areas, "work", False, 1)
        if rng.random() < 0.5:
            self.w.add(
                table_of(Address),
                {
                    "id": self.ids.take(table_of(Address)),
                    "contact_id": cid,
                    "label": "work",
                    "street": f"{rng.randint(1, 999)} Market Street",
                    "city": city,
                    "region": "",
                    "postal_code": f"{rng.randint(10000, 99999)}",
                    "country": country,
                    "is_primary": True,
                    "position": 0,
                },
            )
        if rng.random() < 0.6:
            self.w.add(
                table_of(WebLink),
                {
                    "id": self.ids.take(table_of(WebLink)),
                    "contact_id": cid,
                    "kind": "linkedin",
                    "url": f"https://www.linkedin.com/in/{first}-{last}-{cid}",
                    "label": "",
                    "is_primary": True,
                    "position": 0,
                },
            )
        tags = {"Clients" if rng.random() < 0.45 else "Prospects"}
        tags.update(t for t in TAGS if rng.random() < 0.08)
        if referred_by is not None:
            tags.add("Referral Sources")
        for tag in tags:
            self.w.add(contact_tags, {"contact_id": cid, "tag_id": self.tag_ids[tag]})
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
        self._interactions(cid, _CADENCE.get(tier, 365))
        if rng.random() < 0.1:
            due = self._days_ago(rng.randint(-30, 10))
            self.w.add(
                table_of(FollowUp),
                {
                    "id": self.ids.take(table_of(FollowUp)),
                    "contact_id": cid,
                    "title": rng.choice(
                        (
                            "Send proposal",
                            "Check on renewal",
                            "Call about referral",
                            "Quarterly check-in",
                        )
                    ),
                    "notes": "",
                    "due_date": due,
                    "rrule": "FREQ=MONTHLY" if rng.random() < 0.2 else "",
                    "done_at": None,
                    "snoozed_until": None,
                    "created_at": self.stamp,
                },
            )
        if referred_by is not None:
            self.w.add(
                table_of(Referral),
                {
                    "id": self.ids.take(table_of(Referral)),
                    "partner_id": referred_by,
                    "referred_id": cid,
                    "referred_on": self._days_ago(met_days),
                    "value_cents": rng.choice((None, 250000, 1200000, 5000000)),
                    "currency": "USD",
                    "notes": "",
                    "given": False,
                },
            )
        self._referral_given(cid)
        if self.main_ids and rng.random() < 0.05:
            self.w.add(
                table_of(Introduction),
                {
                    "id": self.ids.take(table_of(Introduction)),
                    "person_a_id": cid,
                    "person_b_id": rng.choice(self.main_ids),
                    "introduced_on": self._days_ago(rng.randint(1, 900)),
                    "reason": self.details.choice(_INTRODUCTION_REASONS),
                    "outcome": rng.choice(("", "They signed a pilot", "Met for lunch")),
                },
            )
        self.main_ids.append(cid)
        if self.w.pending >= _BATCH:
            self.w.flush()

    def _referral_given(self, cid: int) -> None:
        """Business you passed on: you sent this contact to someone already in the network (the
        details stream draws, so the rest of the demo stays what it was)."""
        extra = self.details
        if not self.main_ids or extra.random() >= 0.04:
            return
        self.w.add(
            table_of(Referral),
            {
                "id": self.ids.take(table_of(Referral)),
                "partner_id": extra.choice(self.main_ids),
                "referred_id": cid,
                "referred_on": self._days_ago(extra.randint(1, 1500)),
                "value_cents": extra.choice((None, None, 300000, 900000)),
                "currency": "USD",
                "notes": extra.choice(
                    ("", "Needed a lawyer for the lease", "Looking for an accountant")
                ),
                "given": True,
            },
        )

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
            spouse = self._contact(first_name(), family, is_light=True)
            self.light += 1
            self._relate(cid, spouse, "spouse")
            self._date(cid, "anniversary", born + rng.randint(22, 35), *self._month_day())
            if rng.random() < 0.7:
                self._birthday(spouse, born + rng.randint(-4, 4))
            if rng.random() < 0.5:
                self._preference(spouse)
        for _ in range(rng.choice((0, 0, 1, 2, 2, 3))):
            age = rng.randint(2, 26)
            kid = self._contact(first_name(), family, is_light=True)
            self.light += 1
            self._relate(cid, kid, "child")
            self._birthday(kid, self.today.year - age)
            if age in (17, 18, 21, 22):
                # High school or college, graduating this June or next: a month-only date.
                year = self.today.year + (0 if self.today.month <= 6 else 1)
                self._date(kid, "graduation", year, 6, None, recurrence="once")
        if rng.random() < 0.15:
            assistant = self._contact(
                rng.choice(givens),
                rng.choice(CULTURES)[1][0],
                is_light=True,
                title="Executive Assistant",
            )
            self.light += 1
            self._relate(cid, assistant, "assistant")

    def _gifts(self, cid: int) -> None:
        rng = self.rng
        for _ in range(rng.choice((0, 0, 1, 1, 2, 3))):
            description, occasion, cents = rng.choice(GIFTS)
            idea = rng.random() < 0.15
            self.w.add(
                table_of(Gift),
                {
                    "id": self.ids.take(table_of(Gift)),
                    "contact_id": cid,
                    "direction": "idea" if idea else "given",
                    "description": description,
                    "occasion": occasion,
                    "given_on": None if idea else self._days_ago(rng.randint(20, 1000)),
                    "amount_cents": cents,
                    "currency": "USD",
                    "status": "idea" if idea else "given",
                    "notes": "",
                },
            )
            self.gifts += 1

    def _interactions(self, cid: int, cadence: int) -> None:
        rng = self.rng
        moments = [self._moment(3 * 365) for _ in range(rng.randint(0, 8))]
        if rng.random() < 0.85:
            # A salesperson who uses Nurture keeps most people on track: a recent touch,
            # within the tier's cadence (the rest are going cold, as in real life).
            moments.append(self._moment(max(2, int(cadence * 0.95))))
        for moment in moments:
            iid = self.ids.take(table_of(Interaction))
            kind = rng.choices(_KINDS, weights=_KIND_WEIGHTS)[0]
            self.w.add(
                table_of(Interaction),
                {
                    "id": iid,
                    "kind": kind,
                    "occurred_at": moment,
                    "title": "",
                    "notes": rng.choice(INTERACTION_NOTES[kind]),
                    "import_batch_id": None,
                    "created_at": self.stamp,
                },
            )
            self.w.add(interaction_participants, {"interaction_id": iid, "contact_id": cid})
            if self.main_ids and rng.random() < 0.12:
                other = rng.choice(self.main_ids[-200:])
                self.w.add(interaction_participants, {"interaction_id": iid, "contact_id": other})
            self.interactions += 1


# Recipients of one demo campaign at most: a network of 100,000 gives to its best clients.
_CAMPAIGN_RECIPIENTS = 150


def _campaigns(connection: Connection, draw: random.Random, today: date, first: int) -> int:
    """Christmas campaigns of the last two years (given, most thanked for) and this year's (a
    few chosen, some bought, with buy-by and ship-by days), for the A and B clients: the
    Gifts page and Today's plan are never empty. Returns the gifts added."""
    clients = connection.exec_driver_sql(
        "SELECT id, tier FROM contacts WHERE id >= ? AND is_light = 0 AND tier IN ('A', 'B') "
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
            ids,
            _tag_ids(connection),
        )
        for _ in range(contacts):
            builder.person()
        builder.w.flush()
        builder.gifts += _campaigns(connection, builder.details, builder.today, first_contact)
        connection.execute(
            text(
                "UPDATE contacts SET last_interaction_at = (SELECT max(i.occurred_at) "
                "FROM interactions i JOIN interaction_participants p ON p.interaction_id = i.id "
                "WHERE p.contact_id = contacts.id) WHERE id >= :first"
            ),
            {"first": first_contact},
        )
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
