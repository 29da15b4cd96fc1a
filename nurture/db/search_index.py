"""The FTS5 index behind "find people by anything": one row per contact, keyed by its id.

The index is rebuilt for the contacts a unit of work touched, by one SQL statement that gathers
names, company, emails, phones, notes, preferences and tags, so bulk and single writes share it.
"""

from __future__ import annotations

import re
import unicodedata
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
# Words of context either side of the matched word in a reason (as FTS5's snippet() would).
_BEFORE, _AFTER = 2, 4


def _folded(words: str) -> str:
    """Text as the index compares it: case and accents aside (unicode61 remove_diacritics)."""
    if words.isascii():
        return words.lower()
    decomposed = unicodedata.normalize("NFKD", words.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def reasons(connection: Connection, search: str, contact_ids: Iterable[int]) -> dict[int, str]:
    """Why each of these contacts matched `search`: "taste: food Valrhona dark chocolate",
    "note: …"; nothing for a contact found by its name (the name says it).

    The indexed text is read by rowid and the first column holding a word that starts with one
    of the searched words gives the reason: asking FTS5 for snippets would evaluate the whole
    prefix search again (every match of "referral*" among 100,000), 50–100 ms per page."""
    words = [_folded(word) for word in _TOKEN.findall(search)]
    ids = ",".join(str(int(i)) for i in contact_ids)
    if not words or not ids:
        return {}
    columns = ", ".join(name for name, _words in COLUMNS)
    rows = connection.execute(
        text(f"SELECT rowid, {columns} FROM contact_search WHERE rowid IN ({ids})")
    )
    found: dict[int, str] = {}
    for rowid, *texts in rows:
        for (_column, label), value in zip(COLUMNS, texts, strict=True):
            snippet = _snippet(value or "", words)
            if snippet is not None:
                found[int(rowid)] = f"{label}: {snippet}" if label else ""
                break
    return found


def _snippet(value: str, words: list[str]) -> str | None:
    """The few words around the first one that starts with a searched word; None if none."""
    folded = _folded(value)
    if not any(word in folded for word in words):
        return None  # most columns: no word even inside another
    tokens = list(_TOKEN.finditer(value))
    for i, token in enumerate(tokens):
        if any(_folded(token.group()).startswith(word) for word in words):
            shown = tokens[max(0, i - _BEFORE) : i + _AFTER]
            start, end = shown[0].start(), shown[-1].end()
            lead = "…" if start > 0 and value[:start].strip() else ""
            tail = "…" if value[end:].strip() else ""
            return lead + " ".join(value[start:end].split()) + tail
    return None
