"""The referral network as the Network page and `nurture network` show it: who sends you
business (count and value, the last twelve months and all time) beside the business you sent
them, who of them has gone cold, and the introductions you made with what came of them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from nurture.domain.dto import ContactRef, IntroductionValue


@dataclass(frozen=True, slots=True)
class ReferralPartner:
    """Someone business goes between: referrals received from them, and given to them."""

    contact: ContactRef
    recent: int  # referrals they sent you in the last twelve months
    recent_cents: int
    total: int  # ... and all time
    total_cents: int
    given: int  # referrals you sent them, all time
    last_touch: datetime | None
    cold: bool  # not touched for the reconnect period: thank them, catch up

    @property
    def sends_you_business(self) -> bool:
        return self.total > 0


@dataclass(frozen=True, slots=True)
class NetworkOverview:
    currency: str
    # The most value received first, then the most referrals received, then given.
    partners: tuple[ReferralPartner, ...]
    introductions: tuple[IntroductionValue, ...]  # the latest first

    @property
    def sources(self) -> tuple[ReferralPartner, ...]:
        """The people who have sent you business."""
        return tuple(p for p in self.partners if p.sends_you_business)

    @property
    def gone_cold(self) -> tuple[ReferralPartner, ...]:
        """Referral sources you have not been in touch with for the reconnect period."""
        return tuple(s for s in self.sources if s.cold)

    @property
    def given(self) -> int:
        """Referrals you sent to others, all time."""
        return sum(p.given for p in self.partners)

    @property
    def introductions_waiting(self) -> int:
        """Introductions with no outcome yet: ask how they went."""
        return sum(1 for i in self.introductions if not i.outcome.strip())
