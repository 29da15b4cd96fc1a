"""Saved searches: a list filter kept under a name ("Clients in India going cold"), to open the
list with it again or to fill a gift campaign with it. Kept among the settings, so saving one is
undoable and travels with the database."""

from __future__ import annotations

from dataclasses import asdict, fields
from typing import Any

from nurture.errors import NotFoundError, ValidationError
from nurture.services.listing import ContactQuery
from nurture.services.settings import SettingsService
from nurture.services.unit_of_work import Outcome

# What a saved search keeps: what to find, not how the list is sorted.
_KEPT = ("search", "tag", "tier", "country", "starred_only", "going_cold", "include_archived")


class SavedSearchService:
    def __init__(self, settings: SettingsService) -> None:
        self._settings = settings

    def names(self) -> list[str]:
        return sorted(self._settings.get().saved_searches, key=str.casefold)

    def query(self, name: str) -> ContactQuery:
        kept = self._find(name)
        known = {f.name for f in fields(ContactQuery)}
        return ContactQuery(**{k: v for k, v in kept.items() if k in known})

    def save(self, name: str, query: ContactQuery) -> Outcome[None]:
        """Keep `query` under `name` (replacing a search of that name)."""
        name = name.strip()
        if not name:
            raise ValidationError("Name the search (Clients in India).")
        kept = {k: v for k, v in asdict(query).items() if k in _KEPT and v}
        if not kept:
            raise ValidationError("There is nothing to save: search or filter the list first.")
        searches = dict(self._settings.get().saved_searches)
        if (same := _stored_name(name, searches)) is not None:  # renamed in its new case
            del searches[same]
        searches[name] = kept
        return Outcome(None, self._settings.update(saved_searches=searches).changes)

    def forget(self, name: str) -> Outcome[None]:
        searches = dict(self._settings.get().saved_searches)
        del searches[_existing(name, searches)]
        return Outcome(None, self._settings.update(saved_searches=searches).changes)

    def _find(self, name: str) -> dict[str, Any]:
        searches = self._settings.get().saved_searches
        return dict(searches[_existing(name, searches)])


def _stored_name(name: str, searches: dict[str, Any]) -> str | None:
    """The stored name that `name` means, whatever its case."""
    wanted = name.strip().casefold()
    return next((k for k in searches if k.casefold() == wanted), None)


def _existing(name: str, searches: dict[str, Any]) -> str:
    found = _stored_name(name, searches)
    if found is None:
        raise NotFoundError(f"There is no saved search named {name.strip()!r}.")
    return found
