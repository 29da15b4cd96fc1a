"""The command line's referral network: `nurture introduce` and `nurture network`."""

from __future__ import annotations

import argparse

from nurture.app import Nurture
from nurture.cli.output import print_json
from nurture.humanize import ago, money


def introduce(app: Nurture, args: argparse.Namespace) -> None:
    """You introduced A to B (and, with --ask-on, a follow-up with A to ask how it went)."""
    a, b = app.contacts.resolve(args.person_a), app.contacts.resolve(args.person_b)
    on = args.on or app.clock().astimezone().date()
    made = app.network.introduce(a, b, on, args.reason, args.outcome, args.ask_on, args.agreed)
    print(made.value)


def network(app: Nurture, args: argparse.Namespace) -> None:
    now = app.clock()
    view = app.network.overview(now)
    if args.json:
        print_json(
            {
                "currency": view.currency,
                "sources": [
                    {
                        "contact_id": s.contact.id,
                        "name": s.contact.name,
                        "last_12_months": s.recent,
                        "last_12_months_cents": s.recent_cents,
                        "all_time": s.total,
                        "all_time_cents": s.total_cents,
                        "last_touch": s.last_touch.isoformat() if s.last_touch else None,
                        "gone_cold": s.cold,
                    }
                    for s in view.sources
                ],
                "introductions": [
                    {
                        "id": i.id,
                        "people": [i.person_a.name, i.person_b.name],
                        "date": i.introduced_on.isoformat(),
                        "reason": i.reason,
                        "outcome": i.outcome,
                        "agreed": i.agreed,
                    }
                    for i in view.introductions
                ],
                "introductions_waiting": view.introductions_waiting,
            }
        )
        return
    print("Referral sources (last 12 months / all time):")
    for s in view.sources:
        cold = f"  — gone cold, last touch {ago(s.last_touch, now)}" if s.cold else ""
        recent, total = money(s.recent_cents, view.currency), money(s.total_cents, view.currency)
        print(f"  {s.contact.name:<28} {s.recent:>3} {recent:>14} / {s.total:>3} {total:>14}{cold}")
    print(f"Introductions: {len(view.introductions)} shown, {view.introductions_waiting} waiting")
    for i in view.introductions[:10]:
        outcome = i.outcome or "how did it go?"
        print(f"  {i.introduced_on}  {i.person_a.name} ↔ {i.person_b.name}: {outcome}")
