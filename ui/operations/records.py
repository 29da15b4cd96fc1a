"""Writes about what is kept on a card: dates, follow-ups, gifts, tastes, introductions and
referrals, and editing or deleting any of them (the core names the kinds: "gift", "date"...).
`fields` are what the record dialogs return, named as the core names them."""

from __future__ import annotations

from datetime import date
from typing import Any

from nurture.domain.dates import PartialDate
from nurture.domain.dto import ContactDraft, PreferenceValue
from nurture.domain.enums import DateKind, PreferenceCategory, RelationshipKind
from ui.workspace import Workspace

Fields = dict[str, Any]


def add_date(workspace: Workspace, contact_id: int, fields: Fields) -> None:
    records = workspace.core.records
    workspace.write(
        lambda: records.add_date(contact_id, fields["kind"], fields["date"], fields["label"])
    )


def add_follow_up(workspace: Workspace, contact_id: int, fields: Fields) -> None:
    records = workspace.core.records
    due, title, rule, notes = (fields[k] for k in ("due_date", "title", "rrule", "notes"))
    workspace.write(lambda: records.add_follow_up(contact_id, due, title, rule, notes))


def complete_follow_up(workspace: Workspace, follow_up_id: int, occurrence: date) -> None:
    records = workspace.core.records
    workspace.write(lambda: records.complete_follow_up(follow_up_id, occurrence))


def push_follow_up(workspace: Workspace, follow_up_id: int, until: date) -> None:
    records = workspace.core.records
    workspace.write(lambda: records.push_follow_up(follow_up_id, until))


def add_gift(workspace: Workspace, contact_id: int, fields: Fields) -> None:
    core = workspace.core
    currency = core.settings.get().currency if fields["amount_cents"] else ""
    workspace.write(lambda: core.records.add_gift(contact_id, currency=currency, **fields))


def add_taste(workspace: Workspace, contact_id: int, fields: Fields) -> None:
    records = workspace.core.records
    workspace.write(lambda: records.add_preference(contact_id, **fields))


def introduce(
    workspace: Workspace,
    contact_id: int,
    other_id: int,
    fields: Fields,
    ask_on: date | None = None,
) -> None:
    network = workspace.core.network
    on, reason, outcome = fields["introduced_on"], fields["reason"], fields["outcome"]
    agreed = bool(fields["agreed"])
    workspace.write(
        lambda: network.introduce(contact_id, other_id, on, reason, outcome, ask_on, agreed)
    )


def record_referral(
    workspace: Workspace, partner_id: int, referred_id: int, given: bool, fields: Fields
) -> None:
    network = workspace.core.network
    on, cents = fields["referred_on"], fields["value_cents"]
    currency, notes = fields["currency"], fields["notes"]
    workspace.write(
        lambda: network.record_referral(partner_id, referred_id, on, cents, currency, notes, given)
    )


def edit(workspace: Workspace, what: str, record_id: int, fields: Fields) -> None:
    core = workspace.core
    workspace.write(lambda: core.edit(what, record_id, **fields))


def remove(workspace: Workspace, what: str, record_id: int) -> None:
    core = workspace.core
    workspace.write(lambda: core.remove(what, record_id))


def relate(
    workspace: Workspace, contact_id: int, kind: RelationshipKind, other_id: int, label: str
) -> None:
    network = workspace.core.network
    workspace.write(lambda: network.relate(contact_id, kind, other_id, label))


def add_relative(
    workspace: Workspace,
    contact_id: int,
    kind: RelationshipKind,
    person: ContactDraft,
    label: str,
    birthday: PartialDate | None,
    likes: str,
) -> None:
    """A new light contact (a spouse, a child) with their birthday and a taste: one step."""
    network = workspace.core.network
    dates = [(DateKind.BIRTHDAY, birthday)] if birthday else []
    tastes = [PreferenceValue(0, PreferenceCategory.OTHER, likes)] if likes.strip() else []
    workspace.write(
        lambda: network.add_related_person(contact_id, kind, person, label, dates, tastes)
    )


def edit_relationship(
    workspace: Workspace, relationship_id: int, seen_from: int, kind: RelationshipKind, label: str
) -> None:
    network = workspace.core.network
    workspace.write(lambda: network.update_relationship(relationship_id, seen_from, kind, label))
