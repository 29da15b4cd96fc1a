"""A campaign's shopping list and mailing labels as CSV (for a spreadsheet or a label
printer's mail merge), every cell guarded against spreadsheet formulas."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from nurture.domain.campaigns import CampaignView, MailingLabel
from nurture.io.formulas import neutralise


def _csv(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([neutralise(cell) for cell in row] for row in rows)
    return out.getvalue()


def shopping_list_csv(view: CampaignView) -> str:
    """Each chosen gift: for whom, what, the cost, its status and its days."""
    rows = [
        (
            r.contact.name,
            r.gift.description,
            f"{r.gift.amount_cents / 100:.2f}" if r.gift.amount_cents is not None else "",
            view.currency,
            r.gift.status.value,
            r.gift.buy_by.isoformat() if r.gift.buy_by else "",
            r.gift.ship_by.isoformat() if r.gift.ship_by else "",
        )
        for r in view.recipients
        if r.gift is not None
    ]
    return _csv(("Name", "Gift", "Cost", "Currency", "Status", "Buy by", "Ship by"), rows)


def labels_csv(labels: Sequence[MailingLabel]) -> str:
    """One row per label, the address as its lines (what mail-merge templates expect)."""
    rows = [
        (label.name, label.street, label.city, label.region, label.postal_code, label.country)
        for label in labels
    ]
    return _csv(("Name", "Street", "City", "Region", "Postal code", "Country"), rows)
