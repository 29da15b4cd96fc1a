"""The command line's commands about people and their calendar: demo, add, log, follow-up,
contacts, show, agenda, due, undo, redo, tag, gift."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from datetime import timedelta

from nurture.app import Nurture
from nurture.calendar.timing import local_day
from nurture.cli.filters import chosen_query
from nurture.cli.output import print_json
from nurture.cli.shapes import card_json, occurrence_json, summary_json
from nurture.contact_points import split_name
from nurture.domain.dto import ContactDraft, EmailValue, PhoneValue
from nurture.domain.enums import DateKind, GiftDirection, InteractionKind
from nurture.services.interactions import NextTime
from nurture.services.listing import ContactQuery


def demo(app: Nurture, args: argparse.Namespace) -> None:
    from nurture.demo import generate

    report = generate(app.database, contacts=args.contacts, seed=args.seed).value
    print(
        f"Created {report.contacts} contacts ({report.light_contacts} family members and "
        f"assistants), {report.interactions} interactions and {report.gifts} gifts "
        f"in {report.seconds:.1f} s."
    )


def add(app: Nurture, args: argparse.Namespace) -> None:
    given, middle, family = split_name(args.name)
    referred_by = app.contacts.resolve(args.referred_by) if args.referred_by else None
    draft = ContactDraft(
        given_name=given,
        middle_name=middle,
        family_name=family,
        organization=args.company,
        title=args.title,
        keep_in_touch_days=args.every,
        referred_by_id=referred_by,
        emails=tuple(EmailValue(e) for e in args.email),
        phones=tuple(PhoneValue(p) for p in args.phone),
        tags=tuple(args.tag),
    )
    dates = list(args.date)
    if args.birthday:
        dates.insert(0, (DateKind.BIRTHDAY, args.birthday))
    # One transaction for the contact and its dates: a bad date leaves nothing behind.
    card = app.contacts.create(draft, dates=dates).value
    if args.json:
        print_json({"id": card.id, "name": card.name})
    else:
        print(card.id)


def undo(app: Nurture, args: argparse.Namespace) -> None:
    print(f"Undone: {app.history.undo().value}.")


def redo(app: Nurture, args: argparse.Namespace) -> None:
    print(f"Redone: {app.history.redo().value}.")


def tag(app: Nurture, args: argparse.Namespace) -> None:
    tagged = app.contacts.set_tag_cadence(args.tag, args.days).value
    every = f"every {args.days} days" if args.days else "no cadence of the tag"
    print(f"{args.tag}: {every} ({tagged} tagged; a contact's own cadence still comes first).")


def gift(app: Nurture, args: argparse.Namespace) -> None:
    """A gift; warns (on stderr, still recorded) when the same was already given to them."""
    contact_id = app.contacts.resolve(args.contact)
    kind = GiftDirection(args.kind)
    warning = (
        app.contacts.gift_repeats(contact_id, args.description, before=args.on)
        if kind is not GiftDirection.RECEIVED
        else ""
    )
    gift_id = app.records.add_gift(
        contact_id, kind, args.description, occasion=args.occasion, given_on=args.on
    ).value
    if warning:
        print(f"nurture: note: {warning}", file=sys.stderr)
    if args.json:
        print_json({"id": gift_id, "repeats": warning or None})
    else:
        print(gift_id)


def log(app: Nurture, args: argparse.Namespace) -> None:
    people = [app.contacts.resolve(ref) for ref in [args.contact, *args.others]]
    when = args.when or app.clock().astimezone()
    next_time = NextTime(args.follow_up, "", args.ask_about)
    interaction_id = app.interactions.log(
        InteractionKind(args.kind), people, when, notes=args.note, next_time=next_time
    ).value
    if args.json:
        print_json({"id": interaction_id, "participants": people})
    else:
        print(interaction_id)


def follow_up(app: Nurture, args: argparse.Namespace) -> None:
    contact_id = app.contacts.resolve(args.contact)
    follow_up_id = app.records.add_follow_up(
        contact_id, args.due, title=args.title, rrule=args.rrule
    ).value
    if args.json:
        print_json({"id": follow_up_id, "contact_id": contact_id})
    else:
        print(follow_up_id)


def contacts(app: Nurture, args: argparse.Namespace) -> None:
    if args.forget:
        app.saved_searches.forget(args.forget)
    if args.searches or args.forget:
        for name in app.saved_searches.names():
            print(name)
        return
    chosen = chosen_query(app, args) or ContactQuery()
    if args.save_as:
        app.saved_searches.save(args.save_as, chosen)
    query = replace(
        chosen, include_light=args.all, include_archived=args.all or chosen.include_archived
    )
    summaries = app.listing.summaries(app.listing.ids(query))
    if args.json:
        print_json([summary_json(s) for s in summaries])
        return
    for s in summaries:
        touched = s.last_interaction_at.date().isoformat() if s.last_interaction_at else "never"
        print(f"{s.id:>7}  {s.name[:32]:<32}  {s.organization[:28]:<28}  {touched}")
    print(f"{len(summaries)} contact(s)", file=sys.stderr)


def show(app: Nurture, args: argparse.Namespace) -> None:
    card = app.contacts.card(app.contacts.resolve(args.contact))
    data = card_json(card)
    if args.json:
        print_json(data)
        return
    for key, value in data.items():
        if value not in ("", [], None, False):
            print(f"{key}: {json.dumps(value, ensure_ascii=False)}")


def agenda(app: Nurture, args: argparse.Namespace) -> None:
    today = local_day(app.clock(), app.settings.get().time_zone)
    start = args.start or today
    occurrences = app.agenda.between(start, start + timedelta(days=args.days - 1), today)
    if args.json:
        print_json([occurrence_json(o) for o in occurrences])
        return
    for o in occurrences:
        print(f"{o.day:%a %d %b %Y}  {o.kind.value:<16}  {o.title}")
    print(f"{len(occurrences)} item(s)", file=sys.stderr)


def due(app: Nurture, args: argparse.Namespace) -> None:
    now = args.now or app.clock()
    due = app.reminders.due(now, dry_run=args.dry_run).value
    if args.json:
        print_json(
            {
                "digest": due.digest,
                "summary": due.summary,
                "reminders": [
                    {**occurrence_json(r.occurrence), "fire_at": r.fire_at.isoformat()}
                    for r in due.reminders
                ],
            }
        )
        return
    if not due.reminders:
        print("Nothing is due.")
        return
    print(due.summary)
    for r in due.reminders:
        print(f"  {r.occurrence.day:%a %d %b}  {r.occurrence.title}")
