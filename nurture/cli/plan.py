"""The command line's day: `plan` (whom to touch today and why), `brief` (what to know before
the call) and `skip` (off today's plan until a later day)."""

from __future__ import annotations

import argparse
from typing import Any

from nurture.app import Nurture
from nurture.cli.output import print_json
from nurture.domain.plan import Brief, PlanRow, Section


def plan(app: Nurture, args: argparse.Namespace) -> None:
    day = app.plan.plan(day=args.date)
    section = Section(args.kind) if args.kind else None
    day = day.only(tier=args.tier, tag=args.tag, section=section)
    if args.json:
        print_json(
            {
                "date": day.day.isoformat(),
                "summary": day.summary,
                "per_day": day.per_day,
                "automatic": day.automatic,
                "backlog": day.backlog,
                "backlog_done": day.backlog_done.isoformat() if day.backlog_done else None,
                "rows": [_row_json(r) for r in day.rows],
            }
        )
        return
    print(f"{day.day:%A %d %B %Y}: {day.summary}")
    shown = None
    for row in day.rows:
        heading = "Touched today" if row.done else row.section.label
        if heading != shown:
            print(f"\n{heading}")
            shown = heading
        where = f" ({row.company})" if row.company else ""
        reach = "  ".join(filter(None, (row.phone, row.email)))
        print(f"  {row.contact.name}{where}: {row.why}")
        for line in filter(None, (reach, row.last_touch and f"last: {row.last_touch}")):
            print(f"      {line}")


def _row_json(row: PlanRow) -> dict[str, Any]:
    return {
        "contact_id": row.contact.id,
        "name": row.contact.name,
        "company": row.company,
        "tier": row.tier,
        "tags": list(row.tags),
        "section": row.section.value,
        "reasons": [{"section": r.section.value, "text": r.text} for r in row.reasons],
        "last_touch": row.last_touch,
        "phone": row.phone,
        "dial": row.dial,
        "email": row.email,
        "profile": row.profile,
        "done": row.done,
    }


def brief(app: Nurture, args: argparse.Namespace) -> None:
    found = app.plan.brief(app.contacts.resolve(args.contact))
    if args.json:
        print_json(_brief_json(found))
        return
    for line in brief_lines(found):
        print(line)


def brief_lines(b: Brief) -> list[str]:
    lines = [", ".join(filter(None, (b.contact.name, b.title, b.company)))]
    if b.ask_about:
        lines.append(f"Ask about: {b.ask_about}")
    sections = (
        (
            "Last talks",
            [
                f"{i.occurred_at:%d %b %Y} {i.kind.value}: {i.title or i.notes}"
                for i in b.interactions
            ],
        ),
        (
            "Open loops",
            [
                *(f"follow-up {f.next_due or f.due_date}: {f.title}" for f in b.follow_ups),
                *(
                    f"introduced {i.person_a.name} and {i.person_b.name}: how did it go?"
                    for i in b.introductions
                ),
                *(f"gift idea: {g.description}" for g in b.gift_ideas),
            ],
        ),
        (
            "Family",
            [
                f"{m.person.name} ({m.kind.label})"
                + "".join(f", {x}" for x in (m.next_date, ", ".join(t.item for t in m.tastes)) if x)
                for m in b.family
            ],
        ),
        (
            "Tastes",
            [
                f"{'likes' if t.likes else 'dislikes'} {t.item}"
                + (f" ({t.detail})" if t.detail else "")
                for t in b.tastes
            ],
        ),
        ("Last gifts", [f"{g.given_on or ''} {g.description}".strip() for g in b.last_gifts]),
    )
    for title, items in sections:
        if items:
            lines.append(f"{title}:")
            lines.extend(f"  {item}" for item in items)
    return lines


def _brief_json(b: Brief) -> dict[str, Any]:
    return {
        "contact_id": b.contact.id,
        "name": b.contact.name,
        "company": b.company,
        "title": b.title,
        "ask_about": b.ask_about,
        "interactions": [
            {
                "when": i.occurred_at.isoformat(),
                "kind": i.kind.value,
                "title": i.title,
                "notes": i.notes,
            }
            for i in b.interactions
        ],
        "follow_ups": [
            {"id": f.id, "due": (f.next_due or f.due_date).isoformat(), "title": f.title}
            for f in b.follow_ups
        ],
        "introductions": [
            {"id": i.id, "people": [i.person_a.name, i.person_b.name], "reason": i.reason}
            for i in b.introductions
        ],
        "gift_ideas": [g.description for g in b.gift_ideas],
        "family": [
            {
                "id": m.person.id,
                "name": m.person.name,
                "relation": m.kind.value,
                "next_date": m.next_date,
                "tastes": [t.item for t in m.tastes],
            }
            for m in b.family
        ],
        "tastes": [{"item": t.item, "detail": t.detail, "likes": t.likes} for t in b.tastes],
        "last_gifts": [
            {"description": g.description, "date": g.given_on.isoformat() if g.given_on else None}
            for g in b.last_gifts
        ],
    }


def skip(app: Nurture, args: argparse.Namespace) -> None:
    contact_id = app.contacts.resolve(args.contact)
    until = app.plan.skip(contact_id, args.until).value
    print(f"Off the plan until {until:%A %d %B}.")
