"""Merging two records of the same person: every related row moves to the kept contact."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.orm import Session

from nurture.db.engine import Database
from nurture.db.people import Contact
from nurture.domain.dto import NAME_AND_WORK_FIELDS, ContactCard
from nurture.domain.enums import Area
from nurture.errors import NotFoundError, ValidationError
from nurture.services.cadence import day_rules
from nurture.services.cards import load_card
from nurture.services.contacts import refresh_names
from nurture.services.interactions import refresh_last_touch
from nurture.services.settings import SettingsService
from nurture.services.unit_of_work import Outcome, unit_of_work

# Tables whose rows simply change owner.
_OWNED = (
    "emails",
    "phones",
    "addresses",
    "web_links",
    "important_dates",
    "follow_ups",
    "preferences",
    "gifts",
)

# (table, column) pairs that point at a contact and may collide once repointed; OR IGNORE skips
# the rows the kept contact already has (and self-relations), which then go with the duplicate.
_LINKS = (
    ("contact_tags", "contact_id"),
    ("interaction_participants", "contact_id"),
    ("relationships", "contact_id"),
    ("relationships", "related_id"),
)

# (table, expression) saying when two rows of a contact are the same thing.
_SAME_THING = (
    ("emails", "address_key"),
    ("phones", "CASE e164 WHEN '' THEN raw ELSE e164 END"),
    ("important_dates", "kind || '/' || ifnull(year, '') || '/' || month || '/' || ifnull(day, 0)"),
    ("preferences", "category || '/' || lower(item) || '/' || likes"),
)

# Text fields that are filled from the duplicate when the kept contact has none.
_FILLED = (*NAME_AND_WORK_FIELDS, "time_zone", "tier")
# The fields a merge lets the user pick from either side.
MERGEABLE_FIELDS = _FILLED


class MergeService:
    def __init__(
        self,
        database: Database,
        settings: SettingsService,
        clock: Callable[[], datetime],
        safeguard: Callable[[str], object],
    ) -> None:
        self._db = database
        self._settings = settings
        self._clock = clock
        self._safeguard = safeguard  # a backup before a merge, when anything changed

    def merge(
        self, keep_id: int, duplicate_id: int, theirs: Iterable[str] = ()
    ) -> Outcome[ContactCard]:
        """Fold `duplicate` into `keep`; nothing of the duplicate's is lost. `theirs` names the
        one-line fields (MERGEABLE_FIELDS) where the duplicate's value wins over the kept one."""
        if keep_id == duplicate_id:
            raise ValidationError("Choose two different contacts to merge.")
        self._safeguard("merge")
        with unit_of_work(self._db, "Merge") as work:
            session = work.session
            keep = session.get(Contact, keep_id)
            duplicate = session.get(Contact, duplicate_id)
            if keep is None or duplicate is None:
                raise NotFoundError("One of the contacts to merge no longer exists.")
            for name in theirs:
                if name not in MERGEABLE_FIELDS:
                    raise ValidationError(f"'{name}' cannot be chosen in a merge.")
                if getattr(duplicate, name):
                    setattr(keep, name, getattr(duplicate, name))
            _merge_fields(keep, duplicate)
            session.flush()
            _move_rows(session, keep_id, duplicate_id)
            session.delete(duplicate)
            session.flush()
            refresh_last_touch(session, [keep_id])
            for area in (
                Area.CONTACTS,
                Area.TAGS,
                Area.DATES,
                Area.INTERACTIONS,
                Area.NETWORK,
                Area.PREFERENCES,
                Area.GIFTS,
                Area.FOLLOW_UPS,
            ):
                work.touch(area, keep_id, duplicate_id)
        rules = day_rules(self._settings.get(), self._clock())
        with self._db.read() as session:
            return Outcome(load_card(session, keep_id, rules), work.changes)


def _merge_fields(keep: Contact, duplicate: Contact) -> None:
    for name in _FILLED:
        if not getattr(keep, name) and getattr(duplicate, name):
            setattr(keep, name, getattr(duplicate, name))
    for name in ("notes", "how_we_met"):
        mine, theirs = getattr(keep, name), getattr(duplicate, name)
        if theirs and theirs not in mine:
            setattr(keep, name, f"{mine}\n\n{theirs}" if mine else theirs)
    keep.met_on = keep.met_on or duplicate.met_on
    if keep.referred_by_id is None and duplicate.referred_by_id != keep.id:
        keep.referred_by_id = duplicate.referred_by_id
    if keep.keep_in_touch_days is None:
        keep.keep_in_touch_days = duplicate.keep_in_touch_days
    keep.photo = keep.photo or duplicate.photo
    keep.starred = keep.starred or duplicate.starred
    # A full contact absorbing a light one stays full; two light ones stay light.
    keep.is_light = keep.is_light and duplicate.is_light
    keep.archived = keep.archived and duplicate.archived
    if keep.import_batch_id != duplicate.import_batch_id:
        # It now holds what no single import brought: undoing an import must not delete it.
        keep.import_batch_id = None
    refresh_names(keep)


def _move_rows(session: Session, keep_id: int, duplicate_id: int) -> None:
    ids = {"keep": keep_id, "dup": duplicate_id}
    run = session.execute
    run(
        text(
            "DELETE FROM relationships WHERE (contact_id = :keep AND related_id = :dup) "
            "OR (contact_id = :dup AND related_id = :keep)"
        ),
        ids,
    )
    # What the kept contact already has wins: the duplicate's copies of the same email, phone,
    # date or taste go (the kept row keeps its label); everything else moves over.
    for table, key in _SAME_THING:
        run(
            text(
                f"DELETE FROM {table} WHERE contact_id = :dup AND {key} IN "
                f"(SELECT {key} FROM {table} WHERE contact_id = :keep)"
            ),
            ids,
        )
    for table in ("emails", "phones"):  # the kept contact's primary stays primary
        run(
            text(
                f"UPDATE {table} SET is_primary = 0 WHERE contact_id = :dup AND EXISTS "
                f"(SELECT 1 FROM {table} WHERE contact_id = :keep)"
            ),
            ids,
        )
    for table in _OWNED:
        run(text(f"UPDATE {table} SET contact_id = :keep WHERE contact_id = :dup"), ids)
    for table in ("emails", "phones"):
        run(
            text(
                f"UPDATE {table} SET is_primary = (id = (SELECT id FROM {table} WHERE "
                "contact_id = :keep ORDER BY is_primary DESC, position, id LIMIT 1)) "
                "WHERE contact_id = :keep"
            ),
            ids,
        )
    for table, column in _LINKS:
        run(text(f"UPDATE OR IGNORE {table} SET {column} = :keep WHERE {column} = :dup"), ids)
    for table, a, b in (
        ("introductions", "person_a_id", "person_b_id"),
        ("referrals", "partner_id", "referred_id"),
    ):
        run(text(f"UPDATE {table} SET {a} = :keep WHERE {a} = :dup"), ids)
        run(text(f"UPDATE {table} SET {b} = :keep WHERE {b} = :dup"), ids)
        # An introduction of a person to their own duplicate says nothing; it goes.
        run(text(f"DELETE FROM {table} WHERE {a} = {b}"))
    run(
        text(
            "UPDATE contacts SET referred_by_id = :keep WHERE referred_by_id = :dup AND id <> :keep"
        ),
        ids,
    )
