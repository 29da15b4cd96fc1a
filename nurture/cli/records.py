"""The command line's commands about what is kept around a person: dates, relationships,
referrals, and removing any of those records by id."""

from __future__ import annotations

import argparse

from nurture.app import Nurture
from nurture.cli.parser import editable
from nurture.domain.enums import DateKind, Recurrence, RelationshipKind
from nurture.errors import ValidationError


def add_date(app: Nurture, args: argparse.Namespace) -> None:
    kind, when = args.date
    if kind is DateKind.CUSTOM and not args.label:
        args.label = "Special day"
    recurrence = Recurrence.ONCE if args.once else None
    date_id = app.records.add_date(
        app.contacts.resolve(args.contact), kind, when, args.label, recurrence
    ).value
    print(date_id)


def relate(app: Nurture, args: argparse.Namespace) -> None:
    contact, other = app.contacts.resolve(args.contact), app.contacts.resolve(args.other)
    print(app.network.relate(contact, RelationshipKind(args.kind), other).value)


def referral(app: Nurture, args: argparse.Namespace) -> None:
    partner, referred = app.contacts.resolve(args.partner), app.contacts.resolve(args.referred)
    on = args.on or app.clock().astimezone().date()
    cents = round(args.value * 100) if args.value is not None else None
    made = app.network.record_referral(
        partner, referred, on, cents, args.currency, args.note, args.given
    )
    print(made.value)


def remove(app: Nurture, args: argparse.Namespace) -> None:
    app.remove(args.what, args.id)
    print(f"Removed {args.what} {args.id} (nurture undo brings it back).")


def edit(app: Nurture, args: argparse.Namespace) -> None:
    options = editable()[args.what]
    changes = {
        field: getattr(args, field) for _, field, _ in options if getattr(args, field) is not None
    }
    if not changes:
        names = ", ".join(option for option, _, _ in options)
        raise ValidationError(f"Say what to change: {names}.")
    app.edit(args.what, args.id, **changes)
    print(f"Changed {args.what} {args.id} (nurture undo takes it back).")
