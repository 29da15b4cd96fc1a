"""The referral network as the Network page and `nurture network` show it: who sends you
business (count and value, the last twelve months and all time), who of them has gone cold,
and the introductions you made with what came of them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from nurture.domain.dto import ContactRef, IntroductionValue


@dataclass(frozen=True, slots=True)
class ReferralSource:
    contact: ContactRef
    recent: int  # referrals in the last twelve months
    recent_cents: int
    total: int
    total_cents: int
    last_touch: datetime | None
    cold: bool  # not touched for the reconnect period: thank them, catch up


@dataclass(frozen=True, slots=True)
class NetworkOverview:
    currency: str
    sources: tuple[ReferralSource, ...]  # the most value first, then the most referrals
    introductions: tuple[IntroductionValue, ...]  # the latest first

    @property
    def gone_cold(self) -> tuple[ReferralSource, ...]:
        return tuple(s for s in self.sources if s.cold)

    @property
    def introductions_waiting(self) -> int:
        """Introductions with no outcome yet: ask how they went."""
        return sum(1 for i in self.introductions if not i.outcome.strip())
