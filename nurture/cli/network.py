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
                "partners": [
                    {
                        "contact_id": p.contact.id,
                        "name": p.contact.name,
                        "last_12_months": p.recent,
                        "last_12_months_cents": p.recent_cents,
                        "all_time": p.total,
                        "all_time_cents": p.total_cents,
                        "given": p.given,
                        "last_touch": p.last_touch.isoformat() if p.last_touch else None,
                        "gone_cold": p.sends_you_business and p.cold,
                    }
                    for p in view.partners
                ],
                "referrals_given": view.given,
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
    print("Referrals received (last 12 months / all time) and given:")
    for p in view.partners:
        cold = f"  — gone cold, last touch {ago(p.last_touch, now)}" if p in view.gone_cold else ""
        recent, total = money(p.recent_cents, view.currency), money(p.total_cents, view.currency)
        print(
            f"  {p.contact.name:<28} {p.recent:>3} {recent:>14} / {p.total:>3} {total:>14}"
            f"   gave {p.given:>3}{cold}"
        )
    print(f"Introductions: {len(view.introductions)} shown, {view.introductions_waiting} waiting")
    for i in view.introductions[:10]:
        outcome = i.outcome or "how did it go?"
        print(f"  {i.introduced_on}  {i.person_a.name} ↔ {i.person_b.name}: {outcome}")
