"""The contacts list: filter, search (FTS5), sort and page, all in SQL.

The UI's lazy model asks for the ordered ids once (cheap: one covering index scan) and for
summaries page by page; the command line asks for pages directly.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Integer, Select, column, exists, func, literal_column, select, text
from sqlalchemy.orm import Session, aliased

from nurture.calendar.occasions import next_yearly
from nurture.db import search_index
from nurture.db.engine import Database
from nurture.db.network import Relationship
from nurture.db.people import Contact, Email, ImportantDate, Phone, Tag, contact_tags
from nurture.domain.dto import ContactSummary
from nurture.domain.enums import ContactSort, RelationshipKind
from nurture.services.cadence import (
    DayRules,
    cadence_sql,
    day_rules,
    due_day_sql,
    offset_parameter,
    touch_rules,
)
from nurture.services.countries import lives_in

if TYPE_CHECKING:
    from nurture.services.settings import Settings

# Below this many search matches, looking each one up beats walking the list index.
_FEW_MATCHES = 3000
_BOUNDED_MATCHES = text(
    "SELECT count(*) FROM (SELECT rowid FROM contact_search WHERE contact_search MATCH :match "
    f"LIMIT {_FEW_MATCHES})"
)
_SEARCH_IDS = text("SELECT rowid FROM contact_search WHERE contact_search MATCH :match").columns(
    column("rowid", Integer)
)


# Ids per IN (...) list, well under SQLite's limit on bound variables.
_CHUNK = 2000


@dataclass(frozen=True, slots=True)
class ContactQuery:
    search: str = ""
    tag: str = ""
    include_light: bool = False
    include_archived: bool = False
    starred_only: bool = False
    tier: str = ""
    going_cold: bool = False  # overdue for their keep-in-touch cadence
    country: str = ""  # ISO code of the country they live in (`services.countries`)
    sort: ContactSort = ContactSort.NAME
    descending: bool = False


def _unindexed(column: Any) -> Any:
    """`+contacts.x`: the same value, but SQLite may not use an index for it (its documented
    way to steer the planner), so a search drives the query from the FTS matches."""
    return literal_column(f"+{column.table.name}.{column.name}")


def _filtered(
    query: ContactQuery, columns: Sequence[object], from_matches: bool = True
) -> Select[Any] | None:
    """The query's filters. With `from_matches`, a search is answered by looking up each
    matching contact (best when few match); without, by walking the list index in order and
    keeping the matches (best for a page of a broad search: it stops after one page)."""
    stmt = select(*columns)  # type: ignore[call-overload]
    searching = bool(query.search.strip()) and from_matches
    flag = _unindexed if searching else (lambda column: column)
    # A search that finds few people reaches the family too ("Claire", "Valrhona"); a broad
    # one ("smith") walks the main list's index in order, which only holds main contacts.
    if not query.include_light and not searching:
        stmt = stmt.where(flag(Contact.is_light).is_(False))
    if not query.include_archived:
        stmt = stmt.where(flag(Contact.archived).is_(False))
    if query.starred_only:
        stmt = stmt.where(Contact.starred.is_(True))
    if query.tier:
        stmt = stmt.where(Contact.tier == query.tier)
    if query.country:
        stmt = stmt.where(lives_in(query.country))
    if query.tag:
        stmt = stmt.where(
            exists()
            .where(contact_tags.c.contact_id == Contact.id)
            .where(contact_tags.c.tag_id == Tag.id)
            .where(Tag.name.collate("NOCASE") == query.tag.strip())
        )
    if query.search.strip():
        match = search_index.match_expression(query.search)
        if match is None:
            return None  # only punctuation: nothing can match
        stmt = stmt.where(Contact.id.in_(_SEARCH_IDS.bindparams(match=match)))
    return stmt  # type: ignore[no-any-return]


def _ordered(stmt: Select[Any], query: ContactQuery) -> Select[Any]:
    key = {
        ContactSort.NAME: Contact.sort_name,
        ContactSort.ORGANIZATION: Contact.organization.collate("NOCASE"),
        ContactSort.TITLE: Contact.title.collate("NOCASE"),
        ContactSort.LAST_INTERACTION: Contact.last_interaction_at,
        ContactSort.CREATED: Contact.created_at,
    }[query.sort]
    if query.descending:
        return stmt.order_by(key.desc().nulls_last(), Contact.id.desc())
    return stmt.order_by(key.asc().nulls_last(), Contact.id)


def _few_matches(session: Session, query: ContactQuery) -> bool:
    match = search_index.match_expression(query.search)
    if match is None:
        return True
    found = session.execute(_BOUNDED_MATCHES, {"match": match}).scalar_one()
    return int(found) < _FEW_MATCHES


class ListingService:
    def __init__(self, database: Database, clock: Callable[[], datetime]) -> None:
        self._db = database
        self._clock = clock

    def count(self, query: ContactQuery, at_most: int | None = None) -> int:
        """How many match; with `at_most`, counting stops there (a broad search typed into the
        list needs "2,000+" at once, not the exact number)."""
        with self._db.read() as session:
            if at_most is None:
                stmt = _filtered(query, [func.count()])
                if stmt is None:
                    return 0
                stmt = self._cold(session, stmt, query)
                return int(session.execute(stmt.select_from(Contact)).scalar_one())
            few = not query.search.strip() or _few_matches(session, query)
            ids = _filtered(query, [Contact.id], from_matches=few)
            if ids is None:
                return 0
            bounded = self._cold(session, ids, query).limit(at_most).subquery()
            return int(session.execute(select(func.count()).select_from(bounded)).scalar_one())

    def ids(self, query: ContactQuery) -> list[int]:
        """Every matching id in display order."""
        stmt = _filtered(query, [Contact.id])
        if stmt is None:
            return []
        with self._db.read() as session:
            return list(session.scalars(_ordered(self._cold(session, stmt, query), query)))

    def page(self, query: ContactQuery, offset: int = 0, limit: int = 100) -> list[ContactSummary]:
        rules = self._rules()
        with self._db.read() as session:
            few = not query.search.strip() or _few_matches(session, query)
            stmt = _filtered(query, [Contact.id], from_matches=few)
            if stmt is None:
                return []
            stmt = _ordered(self._cold(session, stmt, query), query)
            ids = list(session.scalars(stmt.offset(offset).limit(limit)))
            return _summaries(session, ids, rules, query.search)

    def _cold(self, session: Session, stmt: Select[Any], query: ContactQuery) -> Select[Any]:
        """Only contacts whose next touch was due before today (the agenda's rule)."""
        if not query.going_cold:
            return stmt
        settings = self._settings()
        rules = touch_rules(settings, self._clock())
        cadence, params = cadence_sql(session, settings, "contacts")
        params["offset"] = offset_parameter(rules.offset)
        params["today"] = rules.today.isoformat()
        due = due_day_sql("contacts.last_interaction_at", "contacts.created_at", cadence)
        condition = text(f"{cadence} IS NOT NULL AND {due} < :today").bindparams(**params)
        return stmt.where(condition)

    def _rules(self) -> DayRules:
        settings = self._settings()
        return day_rules(settings, self._clock())

    def _settings(self) -> Settings:
        from nurture.services.settings import SettingsService

        return SettingsService(self._db).get()

    def tags(self) -> list[tuple[str, int]]:
        """Every tag with how many contacts carry it, by name."""
        with self._db.read() as session:
            rows = session.execute(
                select(Tag.name, func.count(contact_tags.c.contact_id))
                .outerjoin(contact_tags, contact_tags.c.tag_id == Tag.id)
                .group_by(Tag.id)
                .order_by(Tag.name.collate("NOCASE"))
            )
            return [(name, int(count)) for name, count in rows]

    def summaries(self, ids: Sequence[int], search: str = "") -> list[ContactSummary]:
        """Rows for these ids, in the same order (ids that vanished are left out); with the
        search that listed them, each says why it was found."""
        found: list[ContactSummary] = []
        rules = self._rules()
        with self._db.read() as session:
            for start in range(0, len(ids), _CHUNK):
                found.extend(_summaries(session, ids[start : start + _CHUNK], rules, search))
        return found


def _summaries(
    session: Session, ids: Sequence[int], rules: DayRules, search: str = ""
) -> list[ContactSummary]:
    if not ids:
        return []
    wanted = list(ids)
    found_by = search_index.reasons(session.connection(), search, wanted)
    tags: dict[int, list[tuple[str, int | None]]] = defaultdict(list)
    for contact_id, name, days in session.execute(
        select(contact_tags.c.contact_id, Tag.name, Tag.keep_in_touch_days)
        .join(Tag, Tag.id == contact_tags.c.tag_id)
        .where(contact_tags.c.contact_id.in_(wanted))
        .order_by(Tag.name)
    ):
        tags[contact_id].append((name, days))
    emails: dict[int, list[str]] = defaultdict(list)
    for contact_id, address in session.execute(
        select(Email.contact_id, Email.address)
        .where(Email.contact_id.in_(wanted))
        .order_by(Email.is_primary.desc(), Email.position)
    ):
        emails[contact_id].append(address)
    phones: dict[int, list[str]] = defaultdict(list)
    typed: dict[int, str] = {}
    for contact_id, raw, e164 in session.execute(
        select(Phone.contact_id, Phone.raw, Phone.e164)
        .where(Phone.contact_id.in_(wanted))
        .order_by(Phone.is_primary.desc(), Phone.position)
    ):
        phones[contact_id].append(e164 or raw)
        typed.setdefault(contact_id, raw)
    yearly: dict[int, list[tuple[str, int, int]]] = defaultdict(list)
    for contact_id, kind, month, day in session.execute(
        select(
            ImportantDate.contact_id, ImportantDate.kind, ImportantDate.month, ImportantDate.day
        ).where(
            ImportantDate.contact_id.in_(wanted),
            ImportantDate.recurrence == "yearly",
            ImportantDate.day.is_not(None),
        )
    ):
        yearly[contact_id].append((kind, month, day or 1))
    rows = {
        c.id: c
        for c in session.execute(
            select(
                Contact.id,
                Contact.display_name,
                Contact.organization,
                Contact.title,
                Contact.last_interaction_at,
                Contact.keep_in_touch_days,
                Contact.starred,
                Contact.archived,
                Contact.is_light,
                Contact.tier,
                Contact.created_at,
            ).where(Contact.id.in_(wanted))
        )
    }
    light = [r.id for r in rows.values() if r.is_light]
    relatives = _relatives_of(session, light) if light else {}
    return [
        ContactSummary(
            id=r.id,
            name=r.display_name,
            organization=r.organization,
            title=r.title,
            emails=tuple(emails[r.id]),
            phones=tuple(phones[r.id]),
            phone_as_entered=typed.get(r.id, ""),
            tags=tuple(name for name, _ in tags[r.id]),
            last_interaction_at=r.last_interaction_at,
            keep_in_touch=rules.touch.state(
                r.keep_in_touch_days, tags[r.id], r.tier, r.last_interaction_at, r.created_at
            ),
            starred=r.starred,
            archived=r.archived,
            is_light=r.is_light,
            tier=r.tier,
            next_occasion=next_yearly(yearly[r.id], rules.touch.today, rules.leap_day),
            relative_of=relatives.get(r.id, ""),
            found_by=found_by.get(r.id, ""),
        )
        for contact_id in wanted
        if (r := rows.get(contact_id)) is not None
    ]


def _relatives_of(session: Session, light_ids: list[int]) -> dict[int, str]:
    """Whose family a light contact is: "Robert Hughes's spouse" (the first main contact).
    One indexed query per direction the row may have been stored in."""
    other = aliased(Contact)
    found: dict[int, str] = {}
    for light_side, other_side, inverted in (
        (Relationship.related_id, Relationship.contact_id, False),
        (Relationship.contact_id, Relationship.related_id, True),
    ):
        # Main contacts are kept in Python: a condition on them would steer SQLite into
        # walking every contact instead of these few relationships.
        rows = session.execute(
            select(light_side, Relationship.kind, other.display_name, other.is_light)
            .join(other, other.id == other_side)
            .where(light_side.in_(light_ids))
            .order_by(Relationship.id)
        )
        for light, kind, name, other_is_light in rows:
            if other_is_light:
                continue
            relation = RelationshipKind(kind)
            words = (relation.inverse if inverted else relation).label.lower()
            found.setdefault(int(light), f"{name}'s {words}")
    return found
