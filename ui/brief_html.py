"""The pre-call brief as HTML beside the plan: how to reach them (tel:, mailto:, their profile),
what to ask about, the last talks, open loops, family, tastes and last gifts. Only shows what the
core's `Brief` and plan row say."""

from __future__ import annotations

from html import escape

from nurture.domain.dto import PreferenceValue
from nurture.domain.plan import Brief, PlanRow
from ui.theme import Colours


def _tastes_words(tastes: tuple[PreferenceValue, ...]) -> list[str]:
    """'likes sailing, opera', 'not nuts' for one line about a relative."""
    liked = [escape(t.item) for t in tastes if t.likes]
    disliked = [escape(t.item) for t in tastes if not t.likes]
    return [
        *([f"likes {', '.join(liked)}"] if liked else []),
        *([f"not {', '.join(disliked)}"] if disliked else []),
    ]


def brief_html(brief: Brief, row: PlanRow | None, c: Colours) -> str:
    muted = f'style="color:{c.muted}"'
    who = ", ".join(escape(x) for x in (brief.title, brief.company) if x)
    parts = [
        f'<h2 style="margin-bottom:0"><a href="contact:{brief.contact.id}" '
        f'style="color:{c.text};text-decoration:none">{escape(brief.contact.name)}</a></h2>',
        f"<div {muted}>{who}</div>" if who else "",
    ]
    if row is not None:
        link = f'style="color:{c.link}"'  # the palette's link blue is unreadable on dark
        links = [
            f'Call <a {link} href="tel:{escape(row.dial)}">{escape(row.phone)}</a>'
            if row.phone
            else "",
            f'Email <a {link} href="mailto:{escape(row.email)}">{escape(row.email)}</a>'
            if row.email
            else "",
            f'<a {link} href="{escape(row.profile)}">Profile</a>' if row.profile else "",
        ]
        parts.append(f"<p>{' &nbsp;·&nbsp; '.join(x for x in links if x)}</p>")
        parts.append(f"<p><b>Why today:</b> {escape(row.why)}</p>")
    if brief.ask_about:
        parts.append(
            f'<p style="background:{c.banner_background};color:{c.banner_text};padding:4px">'
            f"<b>Ask about:</b> {escape(brief.ask_about)}</p>"
        )
    talks = [
        f"<b>{i.occurred_at.astimezone():%d %b %Y}</b> {escape(i.kind.value.replace('_', ' '))}"
        + (f": {escape(i.title or i.notes)}" if i.title or i.notes else "")
        for i in brief.interactions
    ]
    loops = [
        *(
            f"Follow-up {f.next_due or f.due_date:%d %b}: {escape(f.title)}"
            for f in brief.follow_ups
        ),
        *(
            f"Introduced {escape(i.person_a.name)} and {escape(i.person_b.name)}: how did it go?"
            for i in brief.introductions
        ),
        *(f"Gift idea: {escape(g.description)}" for g in brief.gift_ideas),
    ]
    family = [
        f"<b>{escape(m.person.name)}</b> <span {muted}>({escape(m.kind.label.lower())})</span>"
        + (f" — {escape(m.next_date)}" if m.next_date else "")
        + "".join(f"; {words}" for words in _tastes_words(m.tastes))
        for m in brief.family
    ]
    tastes = [
        f"{'Likes' if t.likes else 'Dislikes'} <b>{escape(t.item)}</b>"
        + (f" <span {muted}>({escape(t.detail)})</span>" if t.detail else "")
        for t in brief.tastes
    ]
    gifts = [
        (f"{g.given_on:%b %Y} " if g.given_on else "") + escape(g.description)
        for g in brief.last_gifts
    ]
    for title, items in (
        ("Last talks", talks),
        ("Open loops", loops),
        ("Family", family),
        ("Tastes", tastes),
        ("Last gifts", gifts),
    ):
        if items:
            parts.append(f"<h4 style='margin-bottom:2px'>{title}</h4>")
            parts.append("<br>".join(items))
    if len(parts) <= 4 and not brief.interactions:
        parts.append(f"<p {muted}>Nothing logged yet: this call starts the history.</p>")
    return "".join(parts)
