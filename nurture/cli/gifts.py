"""The command line's gift campaigns: `nurture campaign new|list|add|remove|choose|show`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from nurture.app import Nurture
from nurture.cli.filters import chosen_query
from nurture.cli.output import print_json
from nurture.domain.campaigns import CampaignView, Recipient
from nurture.domain.countries import country_name
from nurture.errors import ValidationError
from nurture.humanize import money, plural
from nurture.io.campaign_export import labels_csv, shopping_list_csv
from nurture.io.files import csv_bytes, write_whole


def campaign(app: Nurture, args: argparse.Namespace) -> None:
    service = app.campaigns
    if args.action == "new":
        budgets = dict(args.budget)
        if args.date is None and not args.birthdays:
            raise ValidationError("Say the occasion's day: --date 2026-12-25.")
        on_day = args.date or app.clock().astimezone().date()
        made = service.create(args.name, on_day, args.occasion, budgets, args.birthdays)
        print(made.value)
    elif args.action == "list":
        found = service.campaigns()
        if args.json:
            print_json(
                [
                    {"id": i, "name": n, "date": d.isoformat(), "recipients": r}
                    for i, n, d, r in found
                ]
            )
        for cid, name, day, recipients in [] if args.json else found:
            print(f"{cid:>5}  {day}  {name}  ({recipients} recipients)")
    elif args.action == "add":
        ids = [app.contacts.resolve(ref) for ref in args.contact]
        added = service.add_recipients(args.id, ids, chosen_query(app, args)).value
        print(f"{added} added.")
    elif args.action == "remove":
        service.remove_recipient(args.id, app.contacts.resolve(args.contact))
    elif args.action == "export":
        _export(app, args)
    elif args.action == "holidays":
        for occasion in service.occasions(app.clock().astimezone().date()):
            where = ", ".join(f"{country_name(c)} ({n:,})" for c, n in occasion.countries)
            print(f"{occasion.day}  {occasion.name:<22} {where}")
    elif args.action == "choose":
        contact_id = app.contacts.resolve(args.contact)
        gift_id = service.choose(
            args.id, contact_id, args.description, args.amount, args.buy_by, args.ship_by
        ).value
        warning = app.contacts.gift_repeats(contact_id, args.description, but=gift_id)
        if warning:
            print(f"nurture: note: {warning}", file=sys.stderr)
        print(gift_id)
    else:
        view = service.view(args.id)
        if args.json:
            print_json(_view_json(view))
        else:
            _print_view(view)


def _print_view(view: CampaignView) -> None:
    spent = money(view.spent_cents, view.currency)
    planned = money(view.planned_cents, view.currency)
    counts = ", ".join(f"{n} {status}" for status, n in view.by_status.items())
    when = f"birthdays from {view.on_day}" if view.on_birthdays else str(view.on_day)
    print(f"{view.name} ({when}): {len(view.recipients)} recipients — {counts}")
    print(f"Spent {spent} of {planned} chosen.")
    for r in view.recipients:
        gift = r.gift.description if r.gift else "—"
        day = str(r.day) if r.day else "no birthday known"
        day = f"{day:<18}" if view.on_birthdays else ""
        print(f"  {r.contact.name:<28} {day}{r.status:<9} {gift}")
        for line in filter(None, (r.warning, r.suggestion if not r.gift else "")):
            print(f"      {line}")


def _recipient_json(r: Recipient) -> dict[str, Any]:
    return {
        "contact_id": r.contact.id,
        "name": r.contact.name,
        "date": r.day.isoformat() if r.day else None,
        "tier": r.tier,
        "budget_cents": r.budget_cents,
        "status": r.status,
        "gift": None
        if r.gift is None
        else {
            "id": r.gift.id,
            "description": r.gift.description,
            "amount_cents": r.gift.amount_cents,
            "buy_by": r.gift.buy_by.isoformat() if r.gift.buy_by else None,
            "ship_by": r.gift.ship_by.isoformat() if r.gift.ship_by else None,
        },
        "earlier": [
            {
                "whose": e.whose or r.contact.name,
                "description": e.gift.description,
                "date": e.gift.given_on.isoformat() if e.gift.given_on else None,
            }
            for e in r.earlier
        ],
        "tastes": [{"whose": w or r.contact.name, "item": t.item} for w, t in r.tastes],
        "avoid": [{"whose": w or r.contact.name, "item": t.item} for w, t in r.avoid],
        "suggestion": r.suggestion,
        "warning": r.warning or None,
    }


def _view_json(view: CampaignView) -> dict[str, Any]:
    return {
        "id": view.id,
        "name": view.name,
        "occasion": view.occasion,
        "date": view.on_day.isoformat(),
        "on_birthdays": view.on_birthdays,
        "currency": view.currency,
        "budgets_cents": view.budgets,
        "spent_cents": view.spent_cents,
        "planned_cents": view.planned_cents,
        "by_status": view.by_status,
        "recipients": [_recipient_json(r) for r in view.recipients],
    }


def gifts(app: Nurture, args: argparse.Namespace) -> None:
    """What was spent on gifts in a year: per person (past the limit flagged), tier, campaign."""
    year = args.year or app.clock().astimezone().year
    spend = app.campaigns.spend(year)
    if args.json:
        print_json(
            {
                "year": spend.year,
                "currency": spend.currency,
                "total_cents": spend.total_cents,
                "limit_cents": spend.limit_cents or None,
                "people": [
                    {
                        "contact_id": p.contact.id,
                        "name": p.contact.name,
                        "tier": p.tier,
                        "gifts": p.gifts,
                        "cents": p.cents,
                        "over_limit": p.over_limit,
                    }
                    for p in spend.people
                ],
                "by_tier_cents": spend.by_tier,
                "by_campaign_cents": spend.by_campaign,
                "other_currency_gifts": spend.other_currency,
            }
        )
        return
    total = money(spend.total_cents, spend.currency)
    people = plural(len(spend.people), "person", "people")
    print(f"Gifts given in {year}: {total} to {people}.")
    for p in spend.people:
        flag = "  (over the yearly limit)" if p.over_limit else ""
        print(f"  {p.contact.name:<28} {p.gifts:>3}  {money(p.cents, spend.currency):>14}{flag}")
    for title, totals in (("By tier", spend.by_tier), ("By campaign", spend.by_campaign)):
        named = {k or "(none)": v for k, v in totals.items()}
        print(f"{title}: " + ", ".join(f"{k} {money(v, spend.currency)}" for k, v in named.items()))
    if spend.other_currency:
        print(f"({spend.other_currency} gifts in another currency are not added in.)")


def _export(app: Nurture, args: argparse.Namespace) -> None:
    """A campaign's shopping list or mailing labels as CSV, whole or not at all."""
    service = app.campaigns
    missing: list[str] = []
    if args.what == "labels":
        labels, nobody = service.labels(args.id)
        text, missing = labels_csv(labels), [p.name for p in nobody]
    else:
        text = shopping_list_csv(service.view(args.id))
    target = write_whole(Path(args.output), csv_bytes(text))
    print(f"Exported to {target}")
    if missing:
        print(f"nurture: note: no postal address for {', '.join(missing)}", file=sys.stderr)
