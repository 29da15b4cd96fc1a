"""The composition root: every service, built once from a data folder."""

from __future__ import annotations

from pathlib import Path

from nurture.db.engine import Database
from nurture.db.migrate import open_database
from nurture.paths import resolve_data_dir
from nurture.services.contacts import ContactsService
from nurture.services.interactions import InteractionsService
from nurture.services.listing import ListingService
from nurture.services.merging import MergeService
from nurture.services.network import NetworkService
from nurture.services.records import RecordsService
from nurture.services.settings import SettingsService


class Nurture:
    """The core as the UI and the command line see it."""

    def __init__(self, database: Database, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.database = database
        self.settings = SettingsService(database)
        self.contacts = ContactsService(database, self.settings)
        self.listing = ListingService(database)
        self.interactions = InteractionsService(database)
        self.records = RecordsService(database)
        self.network = NetworkService(database, self.settings)
        self.merging = MergeService(database)

    @classmethod
    def open(cls, data_dir: str | Path | None = None) -> Nurture:
        """Open (creating or migrating) the database in `data_dir` or the default folder."""
        folder = resolve_data_dir(data_dir)
        return cls(open_database(folder), folder)

    def close(self) -> None:
        self.database.close()
