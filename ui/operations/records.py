"""Writes about what is kept on a card: follow-ups, gifts and tastes."""

from __future__ import annotations

from datetime import date

from nurture.domain.enums import GiftDirection, PreferenceCategory
from ui.workspace import Workspace


def add_follow_up(workspace: Workspace, contact_id: int, due: date, title: str, rule: str) -> None:
    records = workspace.core.records
    workspace.write(lambda: records.add_follow_up(contact_id, due, title, rule))


def complete_follow_up(workspace: Workspace, follow_up_id: int, occurrence: date) -> None:
    records = workspace.core.records
    workspace.write(lambda: records.complete_follow_up(follow_up_id, occurrence))


def push_follow_up(workspace: Workspace, follow_up_id: int, until: date) -> None:
    records = workspace.core.records
    workspace.write(lambda: records.push_follow_up(follow_up_id, until))


def add_gift(
    workspace: Workspace,
    contact_id: int,
    direction: GiftDirection,
    description: str,
    occasion: str,
    given_on: date | None,
    amount_cents: int | None,
) -> None:
    records, currency = workspace.core.records, "USD" if amount_cents else ""
    workspace.write(
        lambda: records.add_gift(
            contact_id, direction, description, occasion, given_on, amount_cents, currency
        )
    )


def add_taste(
    workspace: Workspace,
    contact_id: int,
    category: PreferenceCategory,
    item: str,
    detail: str,
    likes: bool,
) -> None:
    records = workspace.core.records
    workspace.write(lambda: records.add_preference(contact_id, category, item, detail, likes))
