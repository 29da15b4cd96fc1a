"""The FTS5 index behind "find people by anything": one row per contact, keyed by its id.

The index is rebuilt for the contacts a unit of work touched, by one SQL statement that gathers
names, company, emails, phones, notes, preferences and tags, so bulk and single writes share it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy import Connection, text

CREATE_SQL = (
    "CREATE VIRTUAL TABLE contact_search USING fts5("
    "name, organization, emails, phones, notes, preferences, tags, "
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
)

# Phone digits without punctuation, so "4155550123" finds "(415) 555-0123".
_DIGITS = "replace(replace(replace(replace(replace(replace(raw, ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '+', '')"  # noqa: E501

_SELECT = f"""
SELECT c.id,
       c.display_name || ' ' || c.nickname || CASE WHEN c.shown_as = '' THEN ''
         ELSE ' ' || c.given_name || ' ' || c.middle_name || ' ' || c.family_name END,
       c.organization || ' ' || c.title || ' ' || c.department,
       (SELECT group_concat(address, ' ') FROM emails WHERE contact_id = c.id),
       (SELECT group_concat(raw || ' ' || e164 || ' ' || national || ' ' || {_DIGITS}, ' ')
          FROM phones WHERE contact_id = c.id),
       c.notes || ' ' || c.how_we_met,
       (SELECT group_concat(category || ' ' || item || ' ' || detail, ' ')
          FROM preferences WHERE contact_id = c.id),
       (SELECT group_concat(t.name, ' ') FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id
         WHERE ct.contact_id = c.id)
  FROM contacts c
"""
_INSERT = (
    "INSERT INTO contact_search"
    "(rowid, name, organization, emails, phones, notes, preferences, tags) "
)
_CHUNK = 500


def reindex(connection: Connection, contact_ids: Iterable[int]) -> None:
    """Bring the index up to date for these contacts (deleted ones simply drop out)."""
    ids = sorted(set(contact_ids))
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        in_list = ",".join(str(int(i)) for i in chunk)
        connection.execute(text(f"DELETE FROM contact_search WHERE rowid IN ({in_list})"))
        connection.execute(text(f"{_INSERT}{_SELECT} WHERE c.id IN ({in_list})"))


def index_new(connection: Connection, first_id: int) -> None:
    """Index contacts inserted in bulk with ids from `first_id` up (not yet in the index)."""
    connection.execute(text(f"{_INSERT}{_SELECT} WHERE c.id >= :first"), {"first": first_id})


def optimize(connection: Connection) -> None:
    """Merge the index into one segment (after a rebuild: the smallest, fastest index)."""
    connection.execute(text("INSERT INTO contact_search(contact_search) VALUES ('optimize')"))


_TOKEN = re.compile(r"\w+", re.UNICODE)


def match_expression(query: str) -> str | None:
    """An FTS5 MATCH for what the user typed: every word must match as a prefix, in any column.

    Words are quoted, so FTS5 syntax characters in the input are plain text. None for no words.
    """
    tokens = _TOKEN.findall(query)
    if not tokens:
        return None
    return " ".join(f'"{token}"*' for token in tokens)


# The index's columns, in order, with the words that say why a contact was found by one.
COLUMNS = (
    ("name", ""),
    ("organization", "work"),
    ("emails", "email"),
    ("phones", "phone"),
    ("notes", "note"),
    ("preferences", "taste"),
    ("tags", "tag"),
)
_OPEN, _CLOSE = "\x01", "\x02"


def reasons(connection: Connection, match: str, contact_ids: Iterable[int]) -> dict[int, str]:
    """Why each of these contacts matched: "taste: … Valrhona dark chocolate", "note: …";
    nothing for a contact found by its name (the name says it)."""
    ids = ",".join(str(int(i)) for i in contact_ids)
    if not ids:
        return {}
    snippets = ", ".join(
        f"snippet(contact_search, {i}, '{_OPEN}', '{_CLOSE}', '…', 6)" for i in range(len(COLUMNS))
    )
    rows = connection.execute(
        text(
            f"SELECT rowid, {snippets} FROM contact_search "
            f"WHERE contact_search MATCH :match AND rowid IN ({ids})"
        ),
        {"match": match},
    )
    found: dict[int, str] = {}
    for row in rows:
        for (_column, words), snippet in zip(COLUMNS, row[1:], strict=True):
            if snippet and _OPEN in snippet:
                clean = snippet.replace(_OPEN, "").replace(_CLOSE, "").strip()
                found[int(row[0])] = f"{words}: {clean}" if words else ""
                break
    return found
