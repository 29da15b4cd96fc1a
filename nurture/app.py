"""The composition root: every service, built from a data folder on first use.

Services are created (and their modules imported) when first asked for, so the window's first
paint pays only for the listing it shows.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nurture.db.engine import Database
from nurture.db.migrate import open_database
from nurture.errors import ValidationError
from nurture.paths import resolve_data_dir

if TYPE_CHECKING:
    from nurture.services.agenda import AgendaService
    from nurture.services.backups import BackupService
    from nurture.services.campaigns import CampaignsService
    from nurture.services.contacts import ContactsService
    from nurture.services.deletion import DeletionService
    from nurture.services.duplicates import DuplicatesService
    from nurture.services.exporting import ExportService
    from nurture.services.history import HistoryService
    from nurture.services.importing import ImportService
    from nurture.services.insights import InsightsService
    from nurture.services.interactions import InteractionsService
    from nurture.services.listing import ListingService
    from nurture.services.merging import MergeService
    from nurture.services.network import NetworkService
    from nurture.services.plan import PlanService
    from nurture.services.records import RecordsService
    from nurture.services.reminders import ReminderService
    from nurture.services.review import ReviewService
    from nurture.services.saved_searches import SavedSearchService
    from nurture.services.settings import SettingsService
    from nurture.services.unit_of_work import Outcome
    from nurture.sync.engine import SyncEngine

    Editor = Callable[..., Outcome[None]]
    Remover = Callable[[int], Outcome[None]]


class Nurture:
    """The core as the UI and the command line see it."""

    def __init__(
        self, database: Database, data_dir: Path, clock: Callable[[], datetime] | None = None
    ) -> None:
        self.data_dir = data_dir
        self.database = database
        # The one clock of the core: every "today" and "now" a service needs comes from it.
        self.clock: Callable[[], datetime] = clock or _utc_now

    @classmethod
    def open(
        cls,
        data_dir: str | Path | None = None,
        clock: Callable[[], datetime] | None = None,
        key: bytes | None = None,
    ) -> Nurture:
        """Open (creating or migrating) the database in `data_dir` or the default folder;
        `key`: the raw key of an encrypted file."""
        folder = resolve_data_dir(data_dir)
        return cls(open_database(folder, key), folder, clock)

    @cached_property
    def listing(self) -> ListingService:
        from nurture.services.listing import ListingService

        return ListingService(self.database, self.clock)

    @cached_property
    def agenda(self) -> AgendaService:
        from nurture.services.agenda import AgendaService

        return AgendaService(self.database, self.settings, self.clock)

    @cached_property
    def reminders(self) -> ReminderService:
        from nurture.services.reminders import ReminderService

        return ReminderService(self.database, self.agenda, self.settings)

    @cached_property
    def insights(self) -> InsightsService:
        from nurture.services.insights import InsightsService

        return InsightsService(self.database, self.settings)

    @cached_property
    def plan(self) -> PlanService:
        from nurture.services.plan import PlanService

        return PlanService(
            self.database,
            self.settings,
            self.agenda,
            self.reminders,
            self.contacts,
            self.insights,
            self.clock,
        )

    @cached_property
    def campaigns(self) -> CampaignsService:
        from nurture.services.campaigns import CampaignsService

        return CampaignsService(self.database, self.settings, self.listing, self.clock)

    @cached_property
    def review(self) -> ReviewService:
        from nurture.services.review import ReviewService

        return ReviewService(self.database, self.settings, self.campaigns)

    @cached_property
    def history(self) -> HistoryService:
        from nurture.services.history import HistoryService

        return HistoryService(self.database, lambda: self.importing)

    @cached_property
    def importing(self) -> ImportService:
        from nurture.services.importing import ImportService

        return ImportService(self.database, self.settings, self.clock, self.backups.before)

    @cached_property
    def exporting(self) -> ExportService:
        from nurture.services.exporting import ExportService

        return ExportService(self.database, self.clock)

    @cached_property
    def duplicates(self) -> DuplicatesService:
        from nurture.services.duplicates import DuplicatesService

        return DuplicatesService(self.database)

    @cached_property
    def deletion(self) -> DeletionService:
        from nurture.services.deletion import DeletionService

        return DeletionService(self.database, self.backups.before)

    @cached_property
    def backups(self) -> BackupService:
        from nurture.services.backups import BackupService

        return BackupService(self.database, self.data_dir, self.settings, self.clock)

    @cached_property
    def saved_searches(self) -> SavedSearchService:
        from nurture.services.saved_searches import SavedSearchService

        return SavedSearchService(self.settings)

    @cached_property
    def sync(self) -> SyncEngine:
        from nurture.sync.engine import SyncEngine

        return SyncEngine(self.database, self.settings, self.clock, self.exporting.events)

    @cached_property
    def settings(self) -> SettingsService:
        from nurture.services.settings import SettingsService

        return SettingsService(self.database)

    @cached_property
    def contacts(self) -> ContactsService:
        from nurture.services.contacts import ContactsService

        return ContactsService(self.database, self.settings, self.clock)

    @cached_property
    def interactions(self) -> InteractionsService:
        from nurture.services.interactions import InteractionsService

        return InteractionsService(self.database, self.clock)

    @cached_property
    def records(self) -> RecordsService:
        from nurture.services.records import RecordsService

        return RecordsService(self.database, self.clock)

    @cached_property
    def network(self) -> NetworkService:
        from nurture.services.network import NetworkService

        return NetworkService(self.database, self.settings)

    @cached_property
    def merging(self) -> MergeService:
        from nurture.services.merging import MergeService

        return MergeService(self.database, self.settings, self.clock, self.backups.before)

    def record_kinds(self) -> dict[str, tuple[Editor | None, Remover]]:
        """Each kind of record kept about people, by the name the user sees ("gift"), with the
        operations that edit (only the fields named) and delete one by its id."""
        records, network = self.records, self.network
        return {
            "date": (records.update_date, records.remove_date),
            "follow-up": (records.update_follow_up, records.remove_follow_up),
            "gift": (records.update_gift, records.remove_gift),
            "taste": (records.update_preference, records.remove_preference),
            "interaction": (self.interactions.update, self.interactions.delete),
            "introduction": (network.update_introduction, network.remove_introduction),
            "referral": (network.update_referral, network.remove_referral),
            "relationship": (None, network.unrelate),
        }

    def edit(self, what: str, record_id: int, **changes: Any) -> Outcome[None]:
        editor = self.record_kinds()[what][0]
        if editor is None:
            raise ValidationError(f"A {what} cannot be changed; delete it and add it again.")
        return editor(record_id, **changes)

    def remove(self, what: str, record_id: int) -> Outcome[None]:
        return self.record_kinds()[what][1](record_id)

    def close(self) -> None:
        self.database.close()

    def __enter__(self) -> Nurture:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def _utc_now() -> datetime:
    return datetime.now(UTC)
