"""User settings stored in the database (they travel with backups), typed with defaults."""

from __future__ import annotations

import json
import locale
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

from sqlalchemy import select

from nurture.db.activity import Setting
from nurture.db.engine import Database
from nurture.domain.enums import Area
from nurture.errors import ValidationError
from nurture.services.unit_of_work import Outcome, unit_of_work


def system_region() -> str:
    """The country of the desktop's locale (en_GB -> GB), else US."""
    language = locale.getlocale()[0] or ""
    _, _, region = language.partition("_")
    return region.upper() if len(region) == 2 and region.isalpha() else "US"


@dataclass(frozen=True, slots=True)
class Settings:
    # ISO 3166 region used to read phone numbers typed without a country code.
    phone_region: str = field(default_factory=system_region)


class SettingsService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def get(self) -> Settings:
        with self._db.read() as session:
            stored = {row.key: row.value for row in session.scalars(select(Setting))}
        values: dict[str, Any] = {}
        for spec in fields(Settings):
            if spec.name in stored:
                values[spec.name] = json.loads(stored[spec.name])
        return Settings(**values)

    def update(self, **changes: Any) -> Outcome[Settings]:
        known = {spec.name for spec in fields(Settings)}
        unknown = set(changes) - known
        if unknown:
            raise ValidationError(f"Unknown setting(s): {', '.join(sorted(unknown))}.")
        new = replace(self.get(), **changes)
        with unit_of_work(self._db) as work:
            for key, value in asdict(new).items():
                work.session.merge(Setting(key=key, value=json.dumps(value)))
            work.touch(Area.SETTINGS)
        return Outcome(new, work.changes)
