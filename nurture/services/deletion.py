"""Deleting contacts so it can be undone: a snapshot of every row that goes with them (and of
shared rows that point at them), restored as it was, ids and all."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from nurture.db.engine import Database
from nurture.domain.enums import Area
from nurture.errors import ValidationError
from nurture.services.interactions import refresh_last_touch
from nurture.services.unit_of_work import Outcome, unit_of_work

# (table, the WHERE that finds its rows for the contacts in :ids), parents first.
_ROWS = (
    ("contacts", "id IN ({ids})"),
    ("emails", "contact_id IN ({ids})"),
    ("phones", "contact_id IN ({ids})"),
    ("addresses", "contact_id IN ({ids})"),
    ("web_links", "contact_id IN ({ids})"),
    ("contact_tags", "contact_id IN ({ids})"),
    ("important_dates", "contact_id IN ({ids})"),
    ("relationships", "contact_id IN ({ids}) OR related_id IN ({ids})"),
    ("interactions", "id IN (SELECT interaction_id FROM interaction_participants "
                     "WHERE contact_id IN ({ids}))"),
    ("interaction_participants", "contact_id IN ({ids})"),
    ("follow_ups", "contact_id IN ({ids})"),
    ("preferences", "contact_id IN ({ids})"),
    ("gifts", "contact_id IN ({ids})"),
    ("introductions", "person_a_id IN ({ids}) OR person_b_id IN ({ids})"),
    ("referrals", "referrer_id IN ({ids}) OR referred_id IN ({ids})"),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class DeletedContacts:
    """Enough to put deleted contacts back exactly: their rows and who they had referred."""

    contact_ids: tuple[int, ...]
    rows: tuple[tuple[str, tuple[str, ...], tuple[tuple[Any, ...], ...]], ...]
    referred: tuple[tuple[int, int], ...]  # (other contact, deleted referrer)


class DeletionService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def delete(self, contact_ids: Sequence[int]) -> Outcome[DeletedContacts]:
        """Delete contacts (and what is only theirs) in one transaction; keep what undo needs."""
        ids = tuple(dict.fromkeys(int(i) for i in contact_ids))
        listed = ",".join(str(i) for i in ids) or "NULL"
        with unit_of_work(self._db) as work:
            connection = work.session.connection()
            rows = tuple(_snapshot(connection, table, where.format(ids=listed))
                         for table, where in _ROWS)  # fmt: skip
            referred = tuple((int(a), int(b)) for a, b in connection.exec_driver_sql(
                f"SELECT id, referred_by_id FROM contacts WHERE referred_by_id IN ({listed}) "
                f"AND id NOT IN ({listed})"
            ))  # fmt: skip
            linked = {r[0] for r in referred}
            for table, columns, values in rows:
                for column in ("contact_id", "related_id", "person_a_id", "person_b_id",
                               "referrer_id", "referred_id"):  # fmt: skip
                    if column in columns and table != "contacts":
                        at = columns.index(column)
                        linked.update(v[at] for v in values)
            connection.exec_driver_sql(f"DELETE FROM contacts WHERE id IN ({listed})")
            connection.exec_driver_sql(
                "DELETE FROM interactions WHERE NOT EXISTS (SELECT 1 FROM "
                "interaction_participants p WHERE p.interaction_id = interactions.id)"
            )
            survivors = sorted(linked - set(ids))
            refresh_last_touch(work.session, survivors)
            work.touch(Area.CONTACTS, *ids, *survivors)
            work.touch(Area.NETWORK, *survivors)
            work.touch(Area.INTERACTIONS, *survivors)
        return Outcome(DeletedContacts(ids, rows, referred), work.changes)

    def restore(self, deleted: DeletedContacts) -> Outcome[None]:
        """Undo a delete: every row back with its own id."""
        with unit_of_work(self._db) as work:
            connection = work.session.connection()
            listed = ",".join(str(i) for i in deleted.contact_ids) or "NULL"
            taken = connection.exec_driver_sql(
                f"SELECT count(*) FROM contacts WHERE id IN ({listed})"
            ).scalar()
            if taken:
                raise ValidationError(
                    "That delete can no longer be undone: new contacts were added since."
                )
            people: set[int] = set(deleted.contact_ids)
            for table, columns, values in deleted.rows:
                if values:
                    marks = ", ".join("?" for _ in columns)
                    connection.exec_driver_sql(
                        f"INSERT OR IGNORE INTO {table} ({', '.join(columns)}) VALUES ({marks})",
                        list(values),
                    )
                if table == "interaction_participants":
                    people.update(v[columns.index("contact_id")] for v in values)
            for other, referrer in deleted.referred:
                connection.exec_driver_sql(
                    "UPDATE contacts SET referred_by_id = ? WHERE id = ?", (referrer, other)
                )
                people.add(other)
            refresh_last_touch(work.session, sorted(people))
            for area in (Area.CONTACTS, Area.TAGS, Area.NETWORK, Area.INTERACTIONS, Area.DATES):
                work.touch(area, *people)
        return Outcome(None, work.changes)


def _snapshot(
    connection: Connection, table: str, where: str
) -> tuple[str, tuple[str, ...], tuple[tuple[Any, ...], ...]]:
    result = connection.exec_driver_sql(f"SELECT * FROM {table} WHERE {where}")
    return table, tuple(result.keys()), tuple(tuple(row) for row in result)
