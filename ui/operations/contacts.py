"""Writes about people: new, edit, tags, cadence, archive, delete, family, introductions, and
the interactions logged with them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from nurture.domain.dto import ContactCard, ContactDraft, ImportantDateValue
from nurture.domain.enums import InteractionKind
from nurture.services.interactions import NextTime
from nurture.services.listing import ContactQuery
from ui.workspace import Workspace


def create_contact(
    workspace: Workspace,
    draft: ContactDraft,
    dates: Sequence[ImportantDateValue],
    done: Callable[[ContactCard], None],
) -> None:
    contacts = workspace.core.contacts
    workspace.write(lambda: contacts.create(draft, dates=dates), done)


def update_contact(
    workspace: Workspace,
    contact_id: int,
    draft: ContactDraft,
    dates: Sequence[ImportantDateValue],
) -> None:
    contacts = workspace.core.contacts
    workspace.write(lambda: contacts.update(contact_id, draft, dates=dates))


def tag(workspace: Workspace, ids: Sequence[int], name: str, add: bool) -> None:
    contacts, chosen = workspace.core.contacts, list(ids)
    if add:
        workspace.write(lambda: contacts.add_tags(chosen, [name]))
    else:
        workspace.write(lambda: contacts.remove_tags(chosen, [name]))


def set_cadence(workspace: Workspace, ids: Sequence[int], days: int | None) -> None:
    contacts, chosen = workspace.core.contacts, list(ids)
    workspace.write(lambda: contacts.set_cadence(chosen, days))


def add_to_campaign(workspace: Workspace, campaign_id: int, ids: Sequence[int]) -> None:
    campaigns, chosen = workspace.core.campaigns, list(ids)
    workspace.write(lambda: campaigns.add_recipients(campaign_id, chosen))


def save_search(workspace: Workspace, name: str, query: ContactQuery) -> None:
    searches = workspace.core.saved_searches
    workspace.write(lambda: searches.save(name, query))


def forget_search(workspace: Workspace, name: str) -> None:
    searches = workspace.core.saved_searches
    workspace.write(lambda: searches.forget(name))


def archive(workspace: Workspace, ids: Sequence[int]) -> None:
    contacts, chosen = workspace.core.contacts, list(ids)
    workspace.write(lambda: contacts.set_archived(chosen, True))


def delete(workspace: Workspace, ids: Sequence[int]) -> None:
    deletion, chosen = workspace.core.deletion, list(ids)
    workspace.write(lambda: deletion.delete(chosen))


def log_interaction(
    workspace: Workspace,
    kind: InteractionKind,
    ids: Sequence[int],
    when: datetime,
    note: str,
    next_time: NextTime | None = None,
) -> None:
    interactions, people = workspace.core.interactions, list(ids)
    workspace.write(lambda: interactions.log(kind, people, when, notes=note, next_time=next_time))


def merge(workspace: Workspace, keep: int, other: int, theirs: Sequence[str]) -> None:
    merging, fields = workspace.core.merging, list(theirs)
    workspace.write(lambda: merging.merge(keep, other, fields))


def not_duplicates(workspace: Workspace, first_id: int, second_id: int) -> None:
    duplicates = workspace.core.duplicates
    workspace.write(lambda: duplicates.not_duplicates(first_id, second_id))
