"""The year in review on a small network computed by hand: its numbers match the Gifts and
Network pages' for the same year."""

from __future__ import annotations

from datetime import UTC, date, datetime

from nurture.app import Nurture
from nurture.domain.dto import ContactDraft
from nurture.domain.enums import GiftDirection, GiftStatus, InteractionKind


def test_the_year_in_review_matches_a_hand_count(app: Nurture) -> None:
    app.settings.update(currency="USD")

    def person(given: str, tier: str = "") -> int:
        draft = ContactDraft(given_name=given, family_name="Lee", tier=tier)
        return app.contacts.create(draft).value.id

    ann, bob, cy, di = person("Ann", "A"), person("Bob", "A"), person("Cy", "B"), person("Di")
    march, june = datetime(2026, 3, 10, 12, tzinfo=UTC), datetime(2026, 6, 2, 12, tzinfo=UTC)
    app.interactions.log(InteractionKind.CALL, [ann], march)
    app.interactions.log(InteractionKind.LUNCH, [ann, di], june)
    app.interactions.log(InteractionKind.CALL, [di], datetime(2026, 6, 20, 9, tzinfo=UTC))
    app.interactions.log(InteractionKind.CALL, [cy], datetime(2025, 6, 20, 9, tzinfo=UTC))
    given = GiftDirection.GIVEN
    app.records.add_gift(ann, given, "Wine", "", date(2026, 12, 1), 4000, "USD")
    app.records.add_gift(bob, given, "Tea", "", date(2026, 5, 1), 1500, "USD")
    app.records.add_gift(bob, given, "Plan", "", date(2026, 5, 1), 9900, "USD", GiftStatus.IDEA)
    app.network.introduce(ann, bob, date(2026, 4, 1), "both sail", "They met")
    app.network.introduce(cy, di, date(2026, 8, 1))
    app.network.introduce(cy, ann, date(2025, 8, 1))  # another year
    app.network.record_referral(di, cy, date(2026, 9, 1), 250_000)
    app.network.record_referral(di, bob, date(2026, 10, 1), 10_000, "EUR")  # counted, not summed
    app.network.record_referral(ann, di, date(2026, 7, 1), 90_000, given=True)  # you sent Di

    review = app.review.year(2026)

    assert review.gifts.total_cents == 5500 == app.campaigns.spend(2026).total_cents
    # Tiered contacts with no touch in 2026: Bob (A) and Cy (B, touched only in 2025).
    assert {t: [p.name for p in people] for t, people in review.not_seen.items()} == {
        "A": ["Bob Lee"],
        "B": ["Cy Lee"],
    }
    assert (review.introductions, review.introductions_with_outcome) == (2, 1)
    assert (review.referrals, review.referral_cents, review.referrals_given) == (2, 250_000, 1)
    # The four were added today (whatever year the test runs in).
    assert app.review.year(datetime.now(UTC).year).new_contacts == 4
    assert review.interactions_by_month[2:6] == (1, 0, 0, 2)
    assert review.busiest_months == (6, 3)
