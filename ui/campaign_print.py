"""A campaign's shopping list and mailing labels as printable HTML (for `ui.printing`)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from nurture.domain.campaigns import CampaignView, MailingLabel
from nurture.humanize import money

LABELS_ACROSS = 3


def shopping_list_html(view: CampaignView) -> str:
    rows = "".join(
        f"<tr><td>{escape(r.contact.name)}</td><td>{escape(r.gift.description)}</td>"
        f"<td align=right>{money(r.gift.amount_cents or 0, view.currency)}</td>"
        f"<td>{escape(r.gift.status.value)}</td>"
        f"<td>{r.gift.buy_by or ''}</td><td>{r.gift.ship_by or ''}</td></tr>"
        for r in view.recipients
        if r.gift is not None
    )
    return (
        f"<h1>{escape(view.name)}: shopping list</h1>"
        f"<p>{view.on_day:%A %d %B %Y} · {money(view.planned_cents, view.currency)} in all</p>"
        "<table border=1 cellspacing=0 cellpadding=4 width=100%>"
        "<tr><th>For</th><th>Gift</th><th>Cost</th><th>Status</th><th>Buy by</th>"
        f"<th>Ship by</th></tr>{rows}</table>"
    )


def labels_html(labels: Sequence[MailingLabel]) -> str:
    """Labels three across, each one's lines as on the envelope."""
    cells = [
        "<td width=33% valign=top style='padding:10px'>"
        + "<br>".join(escape(line) for line in label.lines)
        + "</td>"
        for label in labels
    ]
    rows = "".join(
        "<tr>" + "".join(cells[i : i + LABELS_ACROSS]) + "</tr>"
        for i in range(0, len(cells), LABELS_ACROSS)
    )
    return f"<table cellspacing=0 cellpadding=0 width=100%>{rows}</table>"
