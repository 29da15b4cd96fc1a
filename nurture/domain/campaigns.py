"""Gift campaigns (a holiday, or each recipient's own birthday) as the Gifts page and
`nurture campaign` show them: each recipient with the day of their gift, their budget, this
campaign's gift and its status, the gifts of earlier years (theirs and their household's),
their and their partner's tastes, what to avoid, and a suggestion."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from nurture.domain.dto import ContactRef, GiftValue, PreferenceValue
from nurture.domain.enums import GiftStatus, PreferenceCategory

# Spent: bought, on its way, given or thanked for (an idea is only planned).
SPENT = frozenset({GiftStatus.BOUGHT, GiftStatus.SHIPPED, GiftStatus.GIVEN, GiftStatus.THANKED})
AVOID = frozenset({PreferenceCategory.ALLERGY, PreferenceCategory.DISLIKE})


@dataclass(frozen=True, slots=True)
class Occasion:
    """A gift day to start a campaign for, and where it is kept: the user's own country and the
    countries their contacts live in, with how many of them live there."""

    name: str
    day: date
    countries: tuple[tuple[str, int], ...]  # (ISO code, contacts living there), the most first

    @property
    def people(self) -> int:
        return sum(n for _code, n in self.countries)


@dataclass(frozen=True, slots=True)
class Earlier:
    """A gift of an earlier year: to them, or to someone in their household (`whose`)."""

    whose: str
    gift: GiftValue


@dataclass(frozen=True, slots=True)
class Recipient:
    contact: ContactRef
    day: date | None  # the day their gift is for (a birthday campaign: theirs; None: unknown)
    tier: str
    budget_cents: int | None
    gift: GiftValue | None  # this campaign's, once chosen
    earlier: tuple[Earlier, ...]  # newest first
    tastes: tuple[tuple[str, PreferenceValue], ...]  # (whose, taste): theirs and their partner's
    avoid: tuple[tuple[str, PreferenceValue], ...]  # allergies and dislikes
    suggestion: str
    warning: str = ""  # the chosen gift repeats an earlier one

    @property
    def status(self) -> str:
        return self.gift.status.value if self.gift else "to choose"


@dataclass(frozen=True, slots=True)
class CampaignView:
    id: int
    name: str
    occasion: str
    on_day: date
    currency: str
    budgets: dict[str, int]
    recipients: tuple[Recipient, ...]
    on_birthdays: bool = False  # each gift is for the recipient's own birthday

    @property
    def spent_cents(self) -> int:
        return sum(
            r.gift.amount_cents or 0 for r in self.recipients if r.gift and r.gift.status in SPENT
        )

    @property
    def planned_cents(self) -> int:
        """What the chosen gifts cost in all, bought or not."""
        return sum(r.gift.amount_cents or 0 for r in self.recipients if r.gift)

    @property
    def by_status(self) -> dict[str, int]:
        """'to choose', 'idea', 'bought', 'shipped', 'given', 'thanked' and how many each."""
        counts = Counter(r.status for r in self.recipients)
        order = ["to choose", *(s.value for s in GiftStatus)]
        return {status: counts[status] for status in order if counts[status]}


def suggestion(
    occasion: str, earlier: tuple[Earlier, ...], tastes: tuple[tuple[str, PreferenceValue], ...]
) -> str:
    """'Same as last year? Dalwhinnie 15' when last time's gift for this occasion went to them
    alone; else something from what they (or their partner) like."""
    own = [e for e in earlier if not e.whose]
    last = next((e for e in own if e.gift.occasion.casefold() == occasion.casefold()), None)
    liked = [
        (whose, t)
        for whose, t in tastes
        if t.likes and t.category not in AVOID and t.category is not PreferenceCategory.OTHER
    ]
    idea = ""
    if liked:
        whose, taste = liked[0]
        idea = f"{taste.item}" + (f" (for {whose})" if whose else "")
    if last is not None:
        text = f"Same as last year? {last.gift.description}"
        return f"{text} — or different: {idea}" if idea else text
    return f"From their tastes: {idea}" if idea else ""


@dataclass(frozen=True, slots=True)
class MailingLabel:
    name: str
    street: str
    city: str
    region: str
    postal_code: str
    country: str

    @property
    def lines(self) -> tuple[str, ...]:
        """As it goes on the envelope."""
        town = " ".join(p for p in (self.postal_code, self.city) if p)
        place = ", ".join(p for p in (town, self.region) if p)
        return tuple(p for p in (self.name, *self.street.splitlines(), place, self.country) if p)


@dataclass(frozen=True, slots=True)
class PersonSpend:
    contact: ContactRef
    tier: str
    gifts: int
    cents: int
    over_limit: bool  # past the yearly limit per recipient the user set


@dataclass(frozen=True, slots=True)
class YearSpend:
    """What was spent on gifts given in one year, in the user's currency (gifts in another
    currency are counted, not added)."""

    year: int
    currency: str
    limit_cents: int  # 0: no limit set
    people: tuple[PersonSpend, ...]  # the most spent on first
    by_tier: dict[str, int]
    by_campaign: dict[str, int]
    other_currency: int  # gifts whose amount is in another currency

    @property
    def total_cents(self) -> int:
        return sum(p.cents for p in self.people)

    @property
    def over_limit(self) -> tuple[PersonSpend, ...]:
        return tuple(p for p in self.people if p.over_limit)
