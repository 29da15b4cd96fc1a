"""Deleting contacts and everything that is only theirs, in one transaction. Undo comes from
the history like any other write (the triggers keep every row that goes, cascades included)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from nurture.db.engine import Database
from nurture.domain.enums import Area
from nurture.services.interactions import refresh_last_touch
from nurture.services.unit_of_work import Outcome, unit_of_work

# Who else a deleted contact is linked to: their last touch or network may change.
_LINKED = """
SELECT contact_id FROM interaction_participants WHERE interaction_id IN
       (SELECT interaction_id FROM interaction_participants WHERE contact_id IN ({ids}))
UNION SELECT related_id FROM relationships WHERE contact_id IN ({ids})
UNION SELECT contact_id FROM relationships WHERE related_id IN ({ids})
UNION SELECT person_a_id FROM introductions WHERE person_b_id IN ({ids})
UNION SELECT person_b_id FROM introductions WHERE person_a_id IN ({ids})
UNION SELECT partner_id FROM referrals WHERE referred_id IN ({ids})
UNION SELECT referred_id FROM referrals WHERE partner_id IN ({ids})
UNION SELECT id FROM contacts WHERE referred_by_id IN ({ids})
"""


# Deleting this many at once is a bulk delete: a backup first (when anything changed since).
BULK = 10


class DeletionService:
    def __init__(self, database: Database, safeguard: Callable[[str], object]) -> None:
        self._db = database
        self._safeguard = safeguard

    def delete(self, contact_ids: Sequence[int]) -> Outcome[int]:
        """Delete contacts (and what is only theirs); returns how many were deleted. Their
        words leave the search index at once too (its secure-delete option, migration 0013)."""
        ids = tuple(dict.fromkeys(int(i) for i in contact_ids))
        listed = ",".join(str(i) for i in ids) or "NULL"
        if len(ids) >= BULK:
            self._safeguard("bulk-delete")
        with unit_of_work(self._db, "Delete") as work:
            connection = work.session.connection()
            linked = {int(row[0]) for row in connection.exec_driver_sql(_LINKED.format(ids=listed))}
            deleted = connection.exec_driver_sql(
                f"DELETE FROM contacts WHERE id IN ({listed})"
            ).rowcount
            connection.exec_driver_sql(
                "DELETE FROM interactions WHERE NOT EXISTS (SELECT 1 FROM "
                "interaction_participants p WHERE p.interaction_id = interactions.id)"
            )
            survivors = sorted(linked - set(ids))
            refresh_last_touch(work.session, survivors)
            work.touch(Area.CONTACTS, *ids, *survivors)
            work.touch(Area.NETWORK, *survivors)
            work.touch(Area.INTERACTIONS, *survivors)
        return Outcome(int(deleted), work.changes)
