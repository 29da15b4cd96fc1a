"""Logging touches (calls, lunches, gifts...) with one or more people; each resets keep-in-touch."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import bindparam, delete, insert, select, text
from sqlalchemy.orm import Session

from nurture.db.engine import Database
from nurture.db.people import Contact
from nurture.db.touches import Interaction, interaction_participants
from nurture.domain.enums import Area, InteractionKind
from nurture.errors import NotFoundError, ValidationError
from nurture.services.unit_of_work import Outcome, UnitOfWork, unit_of_work

# Recomputed rather than bumped, so deleting or back-dating an interaction stays right.
_REFRESH_LAST_TOUCH = text(
    "UPDATE contacts SET last_interaction_at = ("
    " SELECT max(i.occurred_at) FROM interactions i"
    " JOIN interaction_participants p ON p.interaction_id = i.id"
    " WHERE p.contact_id = contacts.id) "
    "WHERE id IN :ids"
).bindparams(bindparam("ids", expanding=True))


def refresh_last_touch(session: Session, contact_ids: Sequence[int]) -> None:
    if contact_ids:
        session.execute(_REFRESH_LAST_TOUCH, {"ids": list(contact_ids)})


def record_interaction(
    work: UnitOfWork,
    kind: InteractionKind,
    participant_ids: Sequence[int],
    occurred_at: datetime,
    title: str = "",
    notes: str = "",
) -> int:
    """Add an interaction inside a unit of work; every participant's last touch follows."""
    people = list(dict.fromkeys(participant_ids))
    if not people:
        raise ValidationError("An interaction needs at least one person.")
    if occurred_at.tzinfo is None:
        raise ValidationError("The time of an interaction needs a time zone.")
    try:
        kind = InteractionKind(kind)
    except ValueError as error:
        raise ValidationError(f"'{kind}' is not a kind of interaction.") from error
    session = work.session
    found = set(session.scalars(select(Contact.id).where(Contact.id.in_(people))))
    missing = [str(p) for p in people if p not in found]
    if missing:
        raise NotFoundError(f"There is no contact with id {', '.join(missing)}.")
    interaction = Interaction(
        kind=kind.value, occurred_at=occurred_at, title=title.strip(), notes=notes.strip()
    )
    session.add(interaction)
    session.flush()
    session.execute(
        insert(interaction_participants),
        [{"interaction_id": interaction.id, "contact_id": p} for p in people],
    )
    refresh_last_touch(session, people)
    work.touch(Area.INTERACTIONS, *people)
    return interaction.id


class InteractionsService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def log(
        self,
        kind: InteractionKind,
        participant_ids: Sequence[int],
        occurred_at: datetime,
        title: str = "",
        notes: str = "",
    ) -> Outcome[int]:
        """Record one interaction with everyone in it; returns its id."""
        with unit_of_work(self._db, f"Log {str(kind).replace('_', ' ')}") as work:
            interaction_id = record_interaction(
                work, kind, participant_ids, occurred_at, title, notes
            )
        return Outcome(interaction_id, work.changes)

    def delete(self, interaction_id: int) -> Outcome[None]:
        with unit_of_work(self._db, "Delete an interaction") as work:
            people = list(
                work.session.scalars(
                    select(interaction_participants.c.contact_id).where(
                        interaction_participants.c.interaction_id == interaction_id
                    )
                )
            )
            deleted = work.session.execute(
                delete(Interaction).where(Interaction.id == interaction_id)
            )
            if not deleted.rowcount:  # type: ignore[attr-defined]
                raise NotFoundError(f"There is no interaction with id {interaction_id}.")
            refresh_last_touch(work.session, people)
            work.touch(Area.INTERACTIONS, *people)
        return Outcome(None, work.changes)
