"""A contact card as HTML for a QTextBrowser: readable at a glance, every link clickable
(mailto:, tel:, profiles, and nurture://contact/ID for the people around them)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from html import escape

from nurture.domain.dto import ContactCard, GiftValue, ImportantDateValue, SetAsideValue
from nurture.domain.enums import GiftDirection
from nurture.domain.gifts import given_before
from nurture.domain.keep_in_touch import TouchState
from nurture.humanize import ago, money
from ui.theme import Colours, colours

CONTACT_SCHEME = "nurture"
_LIKES = '<span class="ok">✓</span> '
_DISLIKES = '<span class="warn">✗</span> '


def style(c: Colours) -> str:
    """The card's style sheet in the palette's colours (light and dark both readable)."""
    return f"""
body {{ font-size: 10pt; color: {c.text}; background: {c.background}; }}
h1 {{ font-size: 17pt; margin: 0; }}
h2 {{ font-size: 10pt; color: {c.muted}; margin-top: 14px; margin-bottom: 2px;
     text-transform: uppercase; letter-spacing: 1px; }}
.sub {{ color: {c.muted}; font-size: 10.5pt; }}
.muted {{ color: {c.muted}; }}
.tag {{ background: {c.tag_background}; color: {c.tag_text}; padding: 1px 6px; }}
.warn {{ color: {c.warn}; font-weight: bold; }}
.ok {{ color: {c.ok}; }}
.due {{ color: {c.warn}; }}
td {{ padding: 1px 8px 1px 0; vertical-align: top; }}
a {{ color: {c.link}; text-decoration: none; }}
.act {{ font-size: 8.5pt; white-space: nowrap; }}
"""


def _actions(what: str, record_id: int, editable: bool = True) -> str:
    """The row's own links: change it (its form, filled) and delete it (Undo brings it back)."""
    link = f"{CONTACT_SCHEME}://{{}}/{what}/{record_id}"
    edit = f'<a href="{link.format("edit")}">edit</a> · ' if editable else ""
    return f' <span class="act">{edit}<a href="{link.format("remove")}">remove</a></span>'


def contact_link(contact_id: int, name: str) -> str:
    return f'<a href="{CONTACT_SCHEME}://contact/{contact_id}">{escape(name)}</a>'


def card_html(
    card: ContactCard, now: datetime, palette: Colours | None = None, notice: str = ""
) -> str:
    """`notice`: a line under the name (that View ▸ Private hides part of the card)."""
    today = card.today or now.date()
    d = card.draft
    parts = [f"<html><head><style>{style(palette or colours())}</style></head><body>"]
    star = " ★" if d.starred else ""
    parts.append(f"<h1>{escape(card.name)}{star}</h1>")
    work = " at ".join(escape(x) for x in (d.title, d.organization) if x)
    if work or d.department:
        parts.append(
            f'<div class="sub">{work}{" · " + escape(d.department) if d.department else ""}</div>'
        )
    if d.tags:
        parts.append(
            "<p>" + " ".join(f'<span class="tag">{escape(t)}</span>' for t in d.tags) + "</p>"
        )
    parts.append(f"<p>{_touch(card, now)}</p>")
    if notice:
        parts.append(f'<p class="muted">{escape(notice)}</p>')

    rows = []
    for e in d.emails:
        rows.append(
            _row(
                e.label or "email",
                f'<a href="mailto:{escape(e.address)}">{escape(e.address)}</a>',
                e.primary,
            )
        )
    for p in d.phones:
        rows.append(
            _row(
                p.label or "phone",
                f'<a href="tel:{escape(p.value)}">{escape(p.raw)}</a>',
                p.primary,
            )
        )
    for a in d.addresses:
        text = ", ".join(
            escape(x) for x in (a.street, a.city, a.region, a.postal_code, a.country) if x
        )
        rows.append(_row(a.label or "address", text, a.primary))
    for w in d.web_links:
        url = w.url if "//" in w.url else f"https://{w.url}"
        rows.append(
            _row(w.label or w.kind.label, f'<a href="{escape(url)}">{escape(w.url)}</a>', False)
        )
    _section(parts, "Contact", rows)

    _section(
        parts,
        "Important dates",
        [
            *(_date_row(x, actions=_actions("date", x.id)) for x in card.dates),
            *(
                _date_row(x, f"{who.name}'s ({kind.label.lower()}) ")
                for who, kind, x in card.family_dates
            ),
        ],
    )
    _section(
        parts,
        "Family and relationships",
        [
            _row(
                r.label or r.kind.label,
                contact_link(r.other.id, r.other.name)
                + _household_line(card, r.other.id)
                + _actions("relationship", r.id),
                False,
            )
            for r in card.relationships
        ],
    )
    _section(
        parts,
        "Likes and dislikes",
        [
            _row(
                p.category.value,
                (_LIKES if p.likes else _DISLIKES)
                + escape(p.item)
                + (f' <span class="muted">— {escape(p.detail)}</span>' if p.detail else "")
                + _actions("taste", p.id),
                False,
            )
            for p in card.preferences
        ],
    )
    _section(parts, "Gifts", list(_gift_rows(card.gifts)))
    _section(parts, "Follow-ups", list(_follow_up_rows(card, today)))
    _section(parts, "Timeline", list(_timeline(card)))
    about = []
    if d.how_we_met:
        about.append(_row("how we met", escape(d.how_we_met), False))
    if d.met_on:
        about.append(_row("met on", f"{d.met_on:%d %B %Y}", False))
    if card.referred_by:
        about.append(
            _row("referred by", contact_link(card.referred_by.id, card.referred_by.name), False)
        )
    _section(parts, "How we met", about)
    if d.notes:
        parts.append("<h2>Notes</h2><p>" + escape(d.notes).replace("\n", "<br>") + "</p>")
    _section(parts, "Set aside by sync", [_set_aside_row(value) for value in card.set_aside])
    parts.append("</body></html>")
    return "".join(parts)


def _set_aside_row(value: SetAsideValue) -> str:
    """Both sides changed a field and the newer won: the other value, kept here to copy back."""
    whose = "the phone's" if value.from_phone else "Nurture's"
    said = (
        f"{escape(value.set_aside)} <span class='muted'>({whose}, {value.at.astimezone():%d %b %Y};"
        f" kept {escape(value.kept)})</span>"
    )
    return _row(value.field, said, False)


def _row(label: str, value: str, primary: bool) -> str:
    mark = " ★" if primary else ""
    return f'<tr><td class="muted">{escape(label)}{mark}</td><td>{value}</td></tr>'


def _section(parts: list[str], title: str, rows: Iterable[str]) -> None:
    rows = list(rows)
    if rows:
        parts.append(f"<h2>{escape(title)}</h2><table>{''.join(rows)}</table>")


def _touch(card: ContactCard, now: datetime) -> str:
    """Last touch, and the core's keep-in-touch state with where the cadence comes from."""
    text = f"Last touch: <b>{ago(card.last_interaction_at, now)}</b>"
    state = card.keep_in_touch
    if state is None:
        return text
    css = "ok" if state.state is TouchState.ON_TRACK else "warn"
    return f'{text} · <span class="{css}">{state.words}</span> · {state.cadence.describe()}'


def _household_line(card: ContactCard, person_id: int) -> str:
    """What a spouse's or child's card would tell you when choosing a gift: likes, last gift."""
    relative = next((r for r in card.household if r.person.id == person_id), None)
    if relative is None:
        return ""
    said = []
    likes = [t.item for t in relative.tastes if t.likes]
    if likes:
        said.append("likes " + ", ".join(escape(x) for x in likes[:4]))
    dislikes = [t.item for t in relative.tastes if not t.likes]
    if dislikes:
        said.append("dislikes " + ", ".join(escape(x) for x in dislikes[:3]))
    gift = relative.last_gift
    if gift is not None:
        when = f" ({gift.given_on:%b %Y})" if gift.given_on else ""
        said.append(f"last gift: {escape(gift.description)}{when}")
    return f' <span class="muted">— {"; ".join(said)}</span>' if said else ""


def _date_row(value: ImportantDateValue, whose: str = "", actions: str = "") -> str:
    kind = value.label or value.kind.label
    text = escape(value.date.display())
    if value.upcoming is not None:
        text += f' <span class="muted">({value.upcoming.countdown})</span>'
    return _row(whose + kind.lower() if whose else kind, text + actions, False)


def _follow_up_rows(card: ContactCard, today: date) -> Iterable[str]:
    for f in card.follow_ups:
        due = f.next_due
        if due is None:
            continue
        state = ' <span class="due">overdue</span>' if due < today else ""
        pushed = (
            f' <span class="muted">(from {f.snoozed_until:%d %b})</span>'
            if f.snoozed_until and f.snoozed_until > today
            else ""
        )
        repeats = ' <span class="muted">(repeats)</span>' if f.rrule else ""
        link = f"{CONTACT_SCHEME}://follow-up"
        actions = (
            f' · <a href="{link}-done/{f.id}/{due.isoformat()}">done</a>'
            f' · <a href="{link}-later/{f.id}">next week</a>'
        )
        actions += _actions("follow-up", f.id)
        yield _row(
            f"{due:%d %b %Y}",
            escape(f.title or "Follow up") + repeats + state + pushed + actions,
            False,
        )


def _gift_rows(gifts: Iterable[GiftValue]) -> Iterable[str]:
    gifts = list(gifts)
    for g in gifts:
        amount = f" · {money(g.amount_cents, g.currency)}" if g.amount_cents else ""
        when = f"{g.given_on:%b %Y}" if g.given_on else g.direction.value
        earlier = given_before(gifts, g.description, but=g.id, before=g.given_on)
        warn = ""
        if earlier is not None and g.direction is not GiftDirection.RECEIVED:
            since = f" ({earlier.given_on:%b %Y})" if earlier.given_on else ""
            warn = f' <span class="warn">given before{since}</span>'
        occasion = f' <span class="muted">({escape(g.occasion)})</span>' if g.occasion else ""
        actions = _actions("gift", g.id)
        yield _row(when, f"{escape(g.description)}{occasion}{amount}{warn}{actions}", False)


def _timeline(card: ContactCard) -> Iterable[str]:
    items: list[tuple[date, str]] = []
    for i in card.interactions:
        others = [p for p in i.participants if p.id != card.id]
        with_ = (" with " + ", ".join(contact_link(p.id, p.name) for p in others)) if others else ""
        note = f' <span class="muted">— {escape(i.notes)}</span>' if i.notes else ""
        kind = escape(i.kind.value.replace("_", " ").capitalize())
        items.append((i.occurred_at.date(), f"{kind}{with_}{note}{_actions('interaction', i.id)}"))
    for intro in card.introductions:
        other = intro.person_b if intro.person_a.id == card.id else intro.person_a
        items.append(
            (
                intro.introduced_on,
                f"Introduced to {contact_link(other.id, other.name)}"
                + (f' <span class="muted">— {escape(intro.reason)}</span>' if intro.reason else "")
                + (' <span class="muted">(both agreed first)</span>' if intro.agreed else "")
                + (f" · <b>{escape(intro.outcome)}</b>" if intro.outcome else "")
                + _actions("introduction", intro.id),
            )
        )
    for ref in card.referrals:
        partner = contact_link(ref.partner.id, ref.partner.name)
        referred = contact_link(ref.referred.id, ref.referred.name)
        if ref.given:
            text = (
                f"You referred {referred} to them"
                if ref.partner.id == card.id
                else f"You referred them to {partner}"
            )
        elif ref.partner.id == card.id:
            text = f"Referred {referred} to you"
        else:
            text = f"Was referred by {partner}"
        if ref.value_cents:
            text += f" · <b>{money(ref.value_cents, ref.currency)}</b> of business"
        if ref.notes:
            text += f' <span class="muted">— {escape(ref.notes)}</span>'
        items.append((ref.referred_on, text + _actions("referral", ref.id)))
    for when, text in sorted(items, key=lambda item: item[0], reverse=True)[:40]:
        yield _row(f"{when:%d %b %Y}", text, False)
