"""Saving Preferences, with their one side effect outside the database: start at login."""

from __future__ import annotations

from typing import Any

from nurture.services.settings import Settings, SettingsService
from nurture.services.unit_of_work import Outcome
from ui import autostart


def save_preferences(settings: SettingsService, changes: dict[str, Any]) -> Outcome[Settings]:
    """The settings and the start-at-login entry change together or not at all: the entry is
    written first (the likelier to fail: a read-only config folder), and put back if the
    settings cannot be saved."""
    was_enabled = autostart.is_enabled()
    wanted = bool(changes.get("start_at_login", was_enabled))
    if wanted != was_enabled:
        autostart.set_start_at_login(wanted)
    try:
        return settings.update(**changes)
    except Exception:
        if wanted != was_enabled:
            autostart.set_start_at_login(was_enabled)
        raise
