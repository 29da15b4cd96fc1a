"""Logging touches (calls, lunches, gifts...) with one or more people; each resets keep-in-touch."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, insert, select, text
from sqlalchemy.orm import Session

from nurture.db.engine import Database
from nurture.db.people import Contact
from nurture.db.touches import FollowUp, Interaction, interaction_participants
from nurture.domain.enums import Area, InteractionKind
from nurture.errors import NotFoundError, ValidationError
from nurture.services.editing import Fields, RecordKind, edit_record, remove_record
from nurture.services.records import FOLLOW_UP, member
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


def _interaction_columns(fields: Fields) -> Fields:
    occurred_at = fields["occurred_at"]
    if not isinstance(occurred_at, datetime) or occurred_at.tzinfo is None:
        raise ValidationError("The time of an interaction needs a date, a time and a time zone.")
    return {
        "kind": str(member(InteractionKind, fields["kind"], "kind of interaction")),
        "occurred_at": occurred_at,
        "title": str(fields["title"]).strip(),
        "notes": str(fields["notes"]).strip(),
        "ask_about": str(fields.get("ask_about", "")).strip(),
    }


def _participants(row: Interaction, session: Session) -> list[int]:
    return list(
        session.scalars(
            select(interaction_participants.c.contact_id).where(
                interaction_participants.c.interaction_id == row.id
            )
        )
    )


INTERACTION = RecordKind(
    "interaction",
    Area.INTERACTIONS,
    Interaction,
    ("kind", "occurred_at", "title", "notes", "ask_about"),
    _interaction_columns,
    people=_participants,
    after=refresh_last_touch,
)


def record_interaction(
    work: UnitOfWork,
    kind: InteractionKind,
    participant_ids: Sequence[int],
    occurred_at: datetime,
    title: str = "",
    notes: str = "",
    ask_about: str = "",
) -> int:
    """Add an interaction inside a unit of work; every participant's last touch follows."""
    people = list(dict.fromkeys(participant_ids))
    if not people:
        raise ValidationError("An interaction needs at least one person.")
    fields = {
        "kind": kind,
        "occurred_at": occurred_at,
        "title": title,
        "notes": notes,
        "ask_about": ask_about,
    }
    interaction = Interaction(**_interaction_columns(fields))
    session = work.session
    found = set(session.scalars(select(Contact.id).where(Contact.id.in_(people))))
    missing = [str(p) for p in people if p not in found]
    if missing:
        raise NotFoundError(f"There is no contact with id {', '.join(missing)}.")
    session.add(interaction)
    session.flush()
    session.execute(
        insert(interaction_participants),
        [{"interaction_id": interaction.id, "contact_id": p} for p in people],
    )
    refresh_last_touch(session, people)
    work.touch(Area.INTERACTIONS, *people)
    return interaction.id


@dataclass(frozen=True, slots=True)
class NextTime:
    """What a log leaves for next time: a follow-up on a day ("and remind me in 2 weeks") and
    what to ask about ("how Emma's graduation went")."""

    follow_up_on: date | None = None
    follow_up_title: str = ""
    ask_about: str = ""


# An interaction has happened (or is about to, in another time zone): one logged further ahead
# would keep its people from ever going cold.
_AHEAD = timedelta(days=1)


class InteractionsService:
    def __init__(self, database: Database, clock: Callable[[], datetime]) -> None:
        self._db = database
        self._clock = clock

    def _not_ahead(self, occurred_at: object) -> None:
        if not isinstance(occurred_at, datetime) or occurred_at.tzinfo is None:
            return  # the columns' check says what is wrong with it
        if occurred_at > self._clock() + _AHEAD:
            raise ValidationError(
                f"{occurred_at:%d %b %Y} has not happened yet: log an interaction once it has, "
                "or add a follow-up for that day."
            )

    def log(
        self,
        kind: InteractionKind,
        participant_ids: Sequence[int],
        occurred_at: datetime,
        title: str = "",
        notes: str = "",
        next_time: NextTime | None = None,
    ) -> Outcome[int]:
        """Record one interaction with everyone in it, and what it leaves for next time (a
        follow-up with the first person, something to ask about), as one step; its id."""
        nxt = next_time or NextTime()
        self._not_ahead(occurred_at)
        with unit_of_work(self._db, f"Log {str(kind).replace('_', ' ')}") as work:
            interaction_id = record_interaction(
                work, kind, participant_ids, occurred_at, title, notes, nxt.ask_about
            )
            if nxt.follow_up_on is not None:
                said = str(kind).replace("_", " ")
                reminder = nxt.follow_up_title or f"Follow up on the {said}"
                fields = FOLLOW_UP.check(
                    {"due_date": nxt.follow_up_on, "title": reminder, "notes": "", "rrule": ""}
                )
                work.session.add(FollowUp(contact_id=participant_ids[0], **fields))
                work.touch(Area.FOLLOW_UPS, participant_ids[0])
        return Outcome(interaction_id, work.changes)

    def update(self, interaction_id: int, **changes: Any) -> Outcome[None]:
        """Change an interaction's kind, occurred_at, title or notes (its people stay)."""
        self._not_ahead(changes.get("occurred_at"))
        return edit_record(self._db, INTERACTION, interaction_id, changes)

    def delete(self, interaction_id: int) -> Outcome[None]:
        return remove_record(self._db, INTERACTION, interaction_id)
