"""`nurture review --year Y [--json]`: the year in review."""

from __future__ import annotations

import argparse
import calendar

from nurture.app import Nurture
from nurture.cli.output import print_json
from nurture.humanize import money, plural


def review(app: Nurture, args: argparse.Namespace) -> None:
    year = args.year or app.clock().astimezone().year
    r = app.review.year(year)
    currency = r.gifts.currency
    if args.json:
        print_json(
            {
                "year": r.year,
                "currency": currency,
                "gifts": {
                    "total_cents": r.gifts.total_cents,
                    "people": [
                        {"name": p.contact.name, "gifts": p.gifts, "cents": p.cents}
                        for p in r.gifts.people
                    ],
                    "over_limit": [p.contact.name for p in r.gifts.over_limit],
                },
                "not_seen": {tier: [p.name for p in people] for tier, people in r.not_seen.items()},
                "introductions": r.introductions,
                "introductions_with_outcome": r.introductions_with_outcome,
                "referrals": r.referrals,
                "referral_cents": r.referral_cents,
                "referrals_given": r.referrals_given,
                "new_contacts": r.new_contacts,
                "interactions_by_month": list(r.interactions_by_month),
                "busiest_months": list(r.busiest_months),
            }
        )
        return
    print(f"{year} in review")
    print(
        f"  Gifts: {money(r.gifts.total_cents, currency)} to "
        f"{plural(len(r.gifts.people), 'person', 'people')}"
    )
    for tier, people in r.not_seen.items():
        print(f"  Not seen this year, tier {tier}: {len(people):,}")
    print(
        f"  Introductions: {r.introductions:,} ({r.introductions_with_outcome:,} with an outcome)"
    )
    print(f"  Referrals received: {r.referrals:,}, {money(r.referral_cents, currency)}")
    print(f"  Referrals you gave: {r.referrals_given:,}")
    print(f"  New contacts: {r.new_contacts:,}")
    busiest = ", ".join(calendar.month_name[m] for m in r.busiest_months) or "none"
    print(f"  Busiest months: {busiest}")
