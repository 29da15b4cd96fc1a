"""The year in review: what was given and spent, who was not seen (by tier), introductions
made, referrals received and their value, new contacts and the busiest months. Its numbers are
the Gifts and Network pages' numbers for that year."""

from __future__ import annotations

from dataclasses import dataclass

from nurture.domain.campaigns import YearSpend
from nurture.domain.dto import ContactRef


@dataclass(frozen=True, slots=True)
class YearReview:
    year: int
    gifts: YearSpend
    not_seen: dict[str, tuple[ContactRef, ...]]  # tier -> main contacts with no touch that year
    introductions: int
    introductions_with_outcome: int
    referrals: int  # received
    referral_cents: int  # their value, in the user's currency
    referrals_given: int
    new_contacts: int
    interactions_by_month: tuple[int, ...]  # January first, twelve counts

    @property
    def busiest_months(self) -> tuple[int, ...]:
        """The months (1-12) with the most interactions, the busiest first (at most three)."""
        ranked = sorted(range(12), key=lambda m: (-self.interactions_by_month[m], m))
        return tuple(m + 1 for m in ranked[:3] if self.interactions_by_month[m])
