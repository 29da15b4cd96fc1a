"""The Today page's questions: what is on this week, who is going cold, whom to reconnect with."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import exists, func, or_, select

from nurture.calendar.timing import local_day
from nurture.db.engine import Database
from nurture.db.network import Referral
from nurture.db.people import Contact, Tag, contact_tags
from nurture.db.touches import PlanSkip, interaction_participants
from nurture.domain.dto import ContactRef
from nurture.domain.occurrence import Occurrence, OccurrenceKind
from nurture.domain.vocabulary import tier_rank
from nurture.services.agenda import AgendaService
from nurture.services.reminders import ReminderService
from nurture.services.settings import SettingsService

WEEK_DAYS = 7
# The longest untouched candidates ranked for reconnecting (ranking all at 100,000 would scan).
_RECONNECT_CANDIDATES = 300
_OCCASIONS = frozenset(
    {
        OccurrenceKind.BIRTHDAY,
        OccurrenceKind.ANNIVERSARY,
        OccurrenceKind.GRADUATION,
        OccurrenceKind.WORK_ANNIVERSARY,
        OccurrenceKind.CUSTOM,
    }
)


@dataclass(frozen=True, slots=True)
class Week:
    """Today and the next six days, without what the user already dealt with."""

    today: date
    occasions: tuple[Occurrence, ...]
    follow_ups: tuple[Occurrence, ...]  # due or overdue, the most overdue first
    going_cold: tuple[Occurrence, ...]  # overdue first, the longest overdue first
    gift_deadlines: tuple[Occurrence, ...]
    holidays: tuple[Occurrence, ...]

    @property
    def for_today(self) -> tuple[Occurrence, ...]:
        """What needs attention today (overdue items are listed on today), in display order."""
        sections = (
            self.follow_ups,
            self.occasions,
            self.going_cold,
            self.gift_deadlines,
            self.holidays,
        )
        return tuple(o for section in sections for o in section if o.day == self.today)

    @property
    def summary(self) -> str:
        """'4 birthdays this week, 7 people overdue'."""
        birthdays = sum(o.kind is OccurrenceKind.BIRTHDAY for o in self.occasions)
        overdue = sum(o.overdue_days > 0 for o in self.going_cold)
        follow_ups = sum(o.day <= self.today for o in self.follow_ups)
        parts = [
            _count(birthdays, "birthday", "birthdays") + " this week",
            _count(overdue, "person", "people") + " overdue",
            _count(follow_ups, "follow-up", "follow-ups") + " due",
        ]
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class Reconnect:
    contact: ContactRef
    last_interaction_at: datetime | None
    reason: str
    tier: str = ""
    talks: int = 0  # the shared history: interactions with them


def _count(number: int, one: str, many: str) -> str:
    return f"{number:,} {one if number == 1 else many}"


class InsightsService:
    def __init__(
        self,
        database: Database,
        agenda: AgendaService,
        reminders: ReminderService,
        settings: SettingsService,
    ) -> None:
        self._db = database
        self._agenda = agenda
        self._reminders = reminders
        self._settings = settings

    def week(self, now: datetime) -> Week:
        today = local_day(now, self._settings.get().time_zone)
        settled = self._reminders.settled(now)
        found = [
            o
            for o in self._agenda.between(today, today + timedelta(days=WEEK_DAYS - 1), today)
            if o.key not in settled
        ]

        def of(*kinds: OccurrenceKind) -> list[Occurrence]:
            return [o for o in found if o.kind in kinds]

        most_overdue_first = lambda o: (o.due, o.day)  # noqa: E731
        return Week(
            today=today,
            occasions=tuple(o for o in found if o.kind in _OCCASIONS),
            follow_ups=tuple(sorted(of(OccurrenceKind.FOLLOW_UP), key=most_overdue_first)),
            going_cold=tuple(sorted(of(OccurrenceKind.KEEP_IN_TOUCH), key=most_overdue_first)),
            gift_deadlines=tuple(of(OccurrenceKind.GIFT_DEADLINE)),
            holidays=tuple(of(OccurrenceKind.HOLIDAY)),
        )

    def reconnect(self, now: datetime, limit: int = 10, day: date | None = None) -> list[Reconnect]:
        """Former colleagues, clients and referral sources (by tag, or who referred somebody)
        not touched for `reconnect_after_days` and not put off on the plan: the best tier
        first, then the longest shared history, then the longest untouched. `day`: the day
        planned (today by default)."""
        settings = self._settings.get()
        cutoff = now - timedelta(days=settings.reconnect_after_days)
        tag_names = [t.casefold() for t in settings.reconnect_tags]
        tagged = (
            select(func.group_concat(Tag.name, ", "))
            .join(contact_tags, contact_tags.c.tag_id == Tag.id)
            .where(contact_tags.c.contact_id == Contact.id, func.lower(Tag.name).in_(tag_names))
            .scalar_subquery()
        )
        referred = exists().where(Referral.referrer_id == Contact.id)
        talks = (
            select(func.count())
            .where(interaction_participants.c.contact_id == Contact.id)
            .scalar_subquery()
        )
        day = day or local_day(now, settings.time_zone)
        put_off = exists().where(PlanSkip.contact_id == Contact.id, PlanSkip.until > day)
        stmt = (
            select(
                Contact.id,
                Contact.display_name,
                Contact.last_interaction_at,
                tagged,
                referred,
                Contact.tier,
                talks,
            )
            .where(Contact.is_light.is_(False), Contact.archived.is_(False), ~put_off)
            .where(or_(Contact.last_interaction_at.is_(None), Contact.last_interaction_at < cutoff))
            .where(or_(tagged.is_not(None), referred))
            .order_by(Contact.last_interaction_at.asc().nulls_first(), Contact.sort_name)
            .limit(_RECONNECT_CANDIDATES)
        )
        with self._db.read() as session:
            rows = session.execute(stmt).all()
        found = [
            Reconnect(
                ContactRef(cid, name),
                last,
                ", ".join(filter(None, [tags, "referred business to you" if gave else ""])),
                tier,
                count,
            )
            for cid, name, last, tags, gave, tier, count in rows
        ]
        found.sort(key=lambda r: (tier_rank(r.tier), -r.talks))  # stable: the oldest first
        return found[:limit]
