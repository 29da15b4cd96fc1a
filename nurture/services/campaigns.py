"""Gift campaigns: an occasion (Christmas 2026, or each recipient's own birthday), its
recipients (picked by tag, tier, country, a search or by hand), each one's gift with its status
(idea → bought → shipped → given → thanked) and buy-by / ship-by days, budgets per tier, and
what was given before."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from nurture.calendar.gift_days import gift_days
from nurture.calendar.occasions import LeapDayPolicy, next_on
from nurture.db.engine import Database
from nurture.db.gifts import Campaign, CampaignRecipient, Gift
from nurture.db.people import Contact, ImportantDate
from nurture.domain.campaigns import (
    AVOID,
    SPENT,
    CampaignView,
    Earlier,
    MailingLabel,
    Occasion,
    PersonSpend,
    Recipient,
    YearSpend,
    suggestion,
)
from nurture.domain.dto import ContactRef, GiftValue
from nurture.domain.enums import Area, DateKind, GiftDirection, GiftStatus, RelationshipKind
from nurture.domain.gifts import repeat_in_household
from nurture.errors import NotFoundError, ValidationError
from nurture.services.campaign_people import RecipientFacts, postal_addresses, read_recipients
from nurture.services.countries import contacts_per_country
from nurture.services.listing import ContactQuery, ListingService
from nurture.services.records import GIFT
from nurture.services.settings import SettingsService
from nurture.services.unit_of_work import Outcome, unit_of_work

_EARLIER_SHOWN = 5
_SPOUSE = RelationshipKind.SPOUSE  # whose tastes are shown beside the recipient's
_COUNTRIES_ASKED = 20  # the countries most contacts live in: their holidays are offered too
# Public holidays people give gifts on, by the names the `holidays` package uses.
CAMPAIGN_HOLIDAYS = ("Thanksgiving", "Diwali", "Deepavali", "Eid al-Fitr", "Chinese New Year",
                     "Lunar New Year", "Hanukkah", "Boxing Day")  # fmt: skip


class CampaignsService:
    def __init__(
        self,
        database: Database,
        settings: SettingsService,
        listing: ListingService,
        clock: Callable[[], datetime],
    ) -> None:
        self._db = database
        self._settings = settings
        self._listing = listing
        self._clock = clock

    def create(
        self,
        name: str,
        on_day: date,
        occasion: str = "",
        budgets: Mapping[str, int] | None = None,
        on_birthdays: bool = False,
    ) -> Outcome[int]:
        """A new campaign; `budgets` per recipient by tier in minor units ("" for no tier).
        `on_birthdays`: each recipient's gift is for their own birthday, the first one from
        `on_day` on (the occasion is then "Birthday")."""
        if not name.strip():
            raise ValidationError("Name the campaign (Christmas 2026).")
        budgets = dict(budgets or {})
        if any(cents < 0 for cents in budgets.values()):
            raise ValidationError("A budget cannot be negative.")
        currency = self._settings.get().currency
        with unit_of_work(self._db, f"New campaign {name.strip()}") as work:
            campaign = Campaign(
                name=name.strip(),
                occasion=("Birthday" if on_birthdays else occasion or name).strip(),
                on_day=on_day,
                currency=currency,
                budgets=json.dumps(budgets),
                on_birthdays=on_birthdays,
            )
            work.session.add(campaign)
            work.session.flush()
            work.touch(Area.GIFTS)
        return Outcome(campaign.id, work.changes)

    def occasions(self, today: date) -> list[Occasion]:
        """The gift days of the next twelve months to start a campaign for, in date order: the
        user's gift holidays and the gift-giving public holidays (Thanksgiving, Diwali, Eid,
        the Lunar New Year…, from the `holidays` package) of the user's country and of the
        countries their contacts live in, each with the countries keeping it that day (Eid a
        day apart in two countries is two lines)."""
        settings = self._settings.get()
        own = settings.holiday_country.upper()
        with self._db.read() as session:
            living = contacts_per_country(session)
        abroad = [code for code, _n in living.most_common() if code != own][:_COUNTRIES_ASKED]
        end = today + timedelta(days=365)
        kept: dict[tuple[str, date], dict[str, int]] = {}
        for country in (own, *abroad):
            keys = [*settings.gift_holidays, *CAMPAIGN_HOLIDAYS] if country == own else []
            first: dict[tuple[str, int], tuple[str, date]] = {}
            for gift_day in gift_days(keys or CAMPAIGN_HOLIDAYS, country, today, end):
                # A two-day holiday, or its "observed" day: its first day.
                first.setdefault((gift_day.key, gift_day.day.year), (gift_day.name, gift_day.day))
            for name_day in first.values():
                kept.setdefault(name_day, {})[country] = living[country]
        found = [
            Occasion(name, day, tuple(sorted(countries.items(), key=lambda c: -c[1])))
            for (name, day), countries in kept.items()
        ]
        return sorted(found, key=lambda o: (o.day, o.name))

    def countries(self) -> list[tuple[str, int]]:
        """The countries main contacts live in (ISO code, how many), the most first."""
        with self._db.read() as session:
            return contacts_per_country(session).most_common()

    def campaigns(self) -> list[tuple[int, str, date, int]]:
        """(id, name, day, recipients), the latest first."""
        count = (
            select(func.count())
            .where(CampaignRecipient.campaign_id == Campaign.id)
            .scalar_subquery()
        )
        with self._db.read() as session:
            rows = session.execute(
                select(Campaign.id, Campaign.name, Campaign.on_day, count).order_by(
                    Campaign.on_day.desc(), Campaign.id.desc()
                )
            )
            return [(cid, name, day, int(n)) for cid, name, day, n in rows]

    def add_recipients(
        self,
        campaign_id: int,
        contact_ids: Sequence[int] = (),
        query: ContactQuery | None = None,
    ) -> Outcome[int]:
        """Add people by hand and/or everyone a query finds (a tag, a tier, a search): how many
        were new to the campaign."""
        wanted = list(dict.fromkeys([*contact_ids, *(self._listing.ids(query) if query else [])]))
        with unit_of_work(self._db, "Add to the campaign") as work:
            _campaign(work.session, campaign_id)
            have = set(
                work.session.scalars(
                    select(CampaignRecipient.contact_id).where(
                        CampaignRecipient.campaign_id == campaign_id
                    )
                )
            )
            known = set(work.session.scalars(select(Contact.id).where(Contact.id.in_(wanted))))
            missing = [str(i) for i in wanted if i not in known]
            if missing:
                raise NotFoundError(f"There is no contact with id {', '.join(missing)}.")
            new = [i for i in wanted if i not in have]
            work.session.add_all(
                CampaignRecipient(campaign_id=campaign_id, contact_id=i) for i in new
            )
            work.touch(Area.GIFTS, *new)
        return Outcome(len(new), work.changes)

    def remove_recipient(self, campaign_id: int, contact_id: int) -> Outcome[None]:
        """Off the campaign; a gift already chosen for them stays on their card."""
        with unit_of_work(self._db, "Remove from the campaign") as work:
            work.session.execute(
                delete(CampaignRecipient).where(
                    CampaignRecipient.campaign_id == campaign_id,
                    CampaignRecipient.contact_id == contact_id,
                )
            )
            work.touch(Area.GIFTS, contact_id)
        return Outcome(None, work.changes)

    def choose(
        self,
        campaign_id: int,
        contact_id: int,
        description: str,
        amount_cents: int | None = None,
        buy_by: date | None = None,
        ship_by: date | None = None,
    ) -> Outcome[int]:
        """This campaign's gift for them (replacing the one chosen before): an idea until it is
        bought; given on the campaign's day. Its id."""
        with unit_of_work(self._db, "Choose a gift") as work:
            campaign = _campaign(work.session, campaign_id)
            recipient = work.session.get(CampaignRecipient, (campaign_id, contact_id))
            if recipient is None:
                raise NotFoundError("That person is not in the campaign.")
            gift = _chosen(work.session, campaign_id, contact_id)
            birthdays = work.session.execute(
                select(ImportantDate.month, ImportantDate.day).where(
                    ImportantDate.contact_id == contact_id,
                    ImportantDate.kind == DateKind.BIRTHDAY.value,
                )
            ).all()
            known = [(m, d) for m, d in birthdays if d is not None]
            day = _gift_day(campaign, known, self._leap_day())
            if day is None:
                who = work.session.get(Contact, contact_id)
                raise ValidationError(
                    f"Nurture has no birthday for {who.display_name if who else 'them'}: "
                    "add it on their card, then choose their gift."
                )
            fields = GIFT.check(
                {
                    "direction": GiftDirection.GIVEN,
                    "description": description,
                    "occasion": campaign.occasion,
                    "given_on": day,
                    "amount_cents": amount_cents,
                    "currency": campaign.currency,
                    "status": gift.status if gift else GiftStatus.IDEA,
                    "notes": gift.notes if gift else "",
                    "buy_by": buy_by,
                    "ship_by": ship_by,
                }
            )
            if gift is None:
                gift = Gift(contact_id=contact_id, campaign_id=campaign_id, **fields)
                work.session.add(gift)
            else:
                for name, value in fields.items():
                    setattr(gift, name, value)
            work.session.flush()
            work.touch(Area.GIFTS, contact_id)
        return Outcome(gift.id, work.changes)

    def spend(self, year: int) -> YearSpend:
        """Gifts given (bought, shipped, given or thanked for) dated in `year`: per person (the
        ones past the yearly limit flagged), per tier, per campaign."""
        settings = self._settings.get()
        currency, limit = settings.currency, settings.gift_limit_cents
        spent = [s.value for s in SPENT]
        with self._db.read() as session:
            rows = session.execute(
                select(
                    Contact.id,
                    Contact.display_name,
                    Contact.tier,
                    Gift.amount_cents,
                    Gift.currency,
                    Campaign.name,
                )
                .join(Contact, Contact.id == Gift.contact_id)
                .outerjoin(Campaign, Campaign.id == Gift.campaign_id)
                .where(
                    Gift.direction == GiftDirection.GIVEN.value,
                    Gift.status.in_(spent),
                    Gift.given_on >= date(year, 1, 1),
                    Gift.given_on <= date(year, 12, 31),
                )
            ).all()
        people: dict[int, list[Any]] = {}
        by_tier: Counter[str] = Counter()
        by_campaign: Counter[str] = Counter()
        other = 0
        for cid, name, tier, cents, gift_currency, campaign in rows:
            if cents and gift_currency and gift_currency != currency:
                other += 1
                continue
            entry = people.setdefault(cid, [ContactRef(cid, name), tier, 0, 0])
            entry[2] += 1
            entry[3] += cents or 0
            by_tier[tier] += cents or 0
            by_campaign[campaign or ""] += cents or 0
        ranked = sorted(people.values(), key=lambda e: (-e[3], e[0].name))
        return YearSpend(
            year,
            currency,
            limit,
            tuple(
                PersonSpend(ref, tier, n, c, bool(limit) and c > limit)
                for ref, tier, n, c in ranked
            ),
            dict(by_tier),
            dict(by_campaign),
            other,
        )

    def labels(self, campaign_id: int) -> tuple[list[MailingLabel], list[ContactRef]]:
        """Each recipient's postal address (their primary, else home, else the first) as a
        label, and who has none to send to."""
        labels: list[MailingLabel] = []
        missing: list[ContactRef] = []
        with self._db.read() as session:
            _campaign(session, campaign_id)
            found = postal_addresses(session, campaign_id)
        for person, addresses in found:
            places = sorted(addresses, key=lambda a: (not a.primary, a.label.lower() != "home"))
            if not places:
                missing.append(person)
                continue
            a = places[0]
            labels.append(
                MailingLabel(person.name, a.street, a.city, a.region, a.postal_code, a.country)
            )
        return labels, missing

    def view(self, campaign_id: int) -> CampaignView:
        with self._db.read() as session:
            campaign = _campaign(session, campaign_id)
            budgets: dict[str, int] = json.loads(campaign.budgets)
            leap_day = self._leap_day()
            recipients = tuple(
                _recipient(person, campaign, budgets, leap_day)
                for person in read_recipients(session, campaign_id)
            )
            if campaign.on_birthdays:  # whose birthday comes next first; unknown ones last
                recipients = tuple(
                    sorted(recipients, key=lambda r: (r.day is None, r.day or date.min))
                )
            head = (campaign.id, campaign.name, campaign.occasion, campaign.on_day)
            return CampaignView(
                *head, campaign.currency, budgets, recipients, campaign.on_birthdays
            )

    def _leap_day(self) -> LeapDayPolicy:
        return self._settings.get().leap_day_policy


def _recipient(
    person: RecipientFacts, campaign: Campaign, budgets: dict[str, int], leap_day: LeapDayPolicy
) -> Recipient:
    mine = next((g for g in person.gifts if g.campaign_id == campaign.id), None)
    household = [(who.name, gifts) for who, _kind, gifts, _tastes in person.household]
    earlier = sorted(
        [
            *(Earlier("", g) for g in person.gifts if g is not mine and _given(g)),
            *(Earlier(name, g) for name, gifts in household for g in gifts if _given(g)),
        ],
        key=lambda e: e.gift.given_on or date.min,
        reverse=True,
    )[:_EARLIER_SHOWN]
    everyone = [
        ("", person.tastes),
        *((who.name, found) for who, kind, _g, found in person.household if kind is _SPOUSE),
    ]
    tastes = tuple((who, t) for who, found in everyone for t in found if t.category not in AVOID)
    avoid = tuple((who, t) for who, found in everyone for t in found if t.category in AVOID)
    name = person.contact.name
    warning = (
        repeat_in_household(mine.description, name, person.gifts, household, mine.id)
        if mine
        else ""
    )
    return Recipient(
        person.contact,
        _gift_day(campaign, person.birthdays, leap_day),
        person.tier,
        budgets.get(person.tier, budgets.get("")),
        mine,
        tuple(earlier),
        tastes,
        avoid,
        suggestion(campaign.occasion, tuple(earlier), tastes),
        warning,
    )


def _gift_day(
    campaign: Campaign, birthdays: Sequence[tuple[int, int]], leap_day: LeapDayPolicy
) -> date | None:
    """The day a recipient's gift is for: the campaign's, or for a birthday campaign their
    first birthday from the campaign's day on (None when Nurture knows no birthday)."""
    if not campaign.on_birthdays:
        return campaign.on_day
    found = [next_on(DateKind.BIRTHDAY, m, d, campaign.on_day, leap_day).day for m, d in birthdays]
    return min(found, default=None)


def _given(gift: GiftValue) -> bool:
    return gift.direction is GiftDirection.GIVEN and gift.status is not GiftStatus.IDEA


def _campaign(session: Session, campaign_id: int) -> Campaign:
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        raise NotFoundError(f"There is no campaign with id {campaign_id}.")
    return campaign


def _chosen(session: Session, campaign_id: int, contact_id: int) -> Gift | None:
    return session.scalar(
        select(Gift).where(Gift.campaign_id == campaign_id, Gift.contact_id == contact_id)
    )
