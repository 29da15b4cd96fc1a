"""The year in review as HTML: on screen in its dialog and printed to PDF, the same page."""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from html import escape

from nurture.domain.review import YearReview
from nurture.humanize import money, plural

_SHOWN = 40  # names per list on the page; the rest counted


def review_html(r: YearReview) -> str:
    currency = r.gifts.currency
    people = plural(len(r.gifts.people), "person", "people")
    busiest = ", ".join(calendar.month_name[m] for m in r.busiest_months) or "none"
    parts = [
        f"<h1>{r.year} in review</h1>",
        "<table cellspacing=0 cellpadding=3>",
        *(
            f"<tr><td>{label}</td><td align=right><b>{value}</b></td></tr>"
            for label, value in (
                ("Gifts given", f"{money(r.gifts.total_cents, currency)} to {people}"),
                ("Introductions made", f"{r.introductions:,} ({r.introductions_with_outcome:,} "
                 "with an outcome)"),
                ("Referrals received", f"{r.referrals:,}, {money(r.referral_cents, currency)}"),
                ("Referrals you gave", f"{r.referrals_given:,}"),
                ("New contacts", f"{r.new_contacts:,}"),
                ("Busiest months", busiest),
            )
        ),
        "</table>",
        "<h2>Gifts per person</h2>",
        _names(
            f"{escape(p.contact.name)} — {p.gifts} gift{'s' * (p.gifts != 1)}, "
            f"{money(p.cents, currency)}" + (" <b>(over the yearly limit)</b>" if p.over_limit
                                              else "")
            for p in r.gifts.people
        ),
    ]  # fmt: skip
    for tier, unseen in r.not_seen.items():
        parts.append(f"<h2>Not seen in {r.year}, tier {escape(tier)} ({len(unseen):,})</h2>")
        parts.append(_names(escape(p.name) for p in unseen))
    parts.append("<h2>Interactions per month</h2><table cellspacing=0 cellpadding=2>")
    for month, count in enumerate(r.interactions_by_month, start=1):
        parts.append(
            f"<tr><td>{calendar.month_name[month]}</td><td align=right>{count:,}</td></tr>"
        )
    parts.append("</table>")
    return "".join(parts)


def _names(lines: Iterable[str]) -> str:
    shown = list(lines)
    more = len(shown) - _SHOWN
    text = "<br>".join(shown[:_SHOWN]) or "—"
    return f"<p>{text}" + (f"<br><i>and {more:,} more</i>" if more > 0 else "") + "</p>"
