"""Frozen values handed to the UI and the command line. They never carry a session or ORM object."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from nurture.domain.dates import PartialDate
from nurture.domain.enums import (
    DateKind,
    GiftDirection,
    GiftStatus,
    InteractionKind,
    PreferenceCategory,
    Recurrence,
    RelationshipKind,
    WebKind,
)
from nurture.domain.keep_in_touch import KeepInTouch
from nurture.domain.upcoming import NextOccasion


@dataclass(frozen=True, slots=True)
class EmailValue:
    address: str
    label: str = ""
    primary: bool = False


@dataclass(frozen=True, slots=True)
class PhoneValue:
    """`raw` as the user typed it; `e164` when phonenumbers could parse it."""

    raw: str
    label: str = ""
    primary: bool = False
    e164: str = ""

    @property
    def value(self) -> str:
        return self.e164 or self.raw


@dataclass(frozen=True, slots=True)
class AddressValue:
    label: str = ""
    street: str = ""
    city: str = ""
    region: str = ""
    postal_code: str = ""
    country: str = ""
    primary: bool = False


@dataclass(frozen=True, slots=True)
class WebLinkValue:
    url: str
    kind: WebKind = WebKind.WEBSITE
    label: str = ""
    primary: bool = False


# The one-line text fields of a contact: its name parts and where it works.
NAME_AND_WORK_FIELDS = (
    "prefix",
    "given_name",
    "middle_name",
    "family_name",
    "suffix",
    "nickname",
    "shown_as",
    "organization",
    "title",
    "department",
)


@dataclass(frozen=True, slots=True)
class ContactDraft:
    """Everything a contact editor can set. `update` replaces the contact with the draft."""

    given_name: str = ""
    middle_name: str = ""
    family_name: str = ""
    prefix: str = ""
    suffix: str = ""
    nickname: str = ""
    # How they are shown when it is not their name parts ("Bob Kowalski (Acme)"); "" = the parts.
    shown_as: str = ""
    organization: str = ""
    title: str = ""
    department: str = ""
    notes: str = ""
    how_we_met: str = ""
    met_on: date | None = None
    referred_by_id: int | None = None
    time_zone: str = ""
    tier: str = ""
    keep_in_touch_days: int | None = None
    starred: bool = False
    archived: bool = False
    is_light: bool = False
    emails: tuple[EmailValue, ...] = ()
    phones: tuple[PhoneValue, ...] = ()
    addresses: tuple[AddressValue, ...] = ()
    web_links: tuple[WebLinkValue, ...] = ()
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ContactRef:
    id: int
    name: str


@dataclass(frozen=True, slots=True)
class JobChange:
    """Someone's company or title as a re-import says it changed (a LinkedIn export a month
    later): the card still has `old` until the user takes `new`."""

    contact: ContactRef
    line: int
    field: str  # "organization" or "title"
    old: str
    new: str

    @property
    def words(self) -> str:
        """'Maria Lopez moved from Acme to Globex — congratulate them'."""
        if self.field == "organization":
            return f"{self.contact.name} moved from {self.old} to {self.new} — congratulate them"
        return f"{self.contact.name} is now {self.new} (was {self.old}) — congratulate them"


@dataclass(frozen=True, slots=True)
class ContactSummary:
    """One row of the contacts list."""

    id: int
    name: str
    organization: str
    title: str
    emails: tuple[str, ...]
    phones: tuple[str, ...]  # E.164 where it parsed, primary first
    phone_as_entered: str  # the primary number as the user typed it
    tags: tuple[str, ...]
    last_interaction_at: datetime | None
    keep_in_touch: KeepInTouch | None
    starred: bool
    archived: bool
    is_light: bool
    tier: str = ""
    next_occasion: NextOccasion | None = None
    relative_of: str = ""  # a light contact: "Robert Hughes's spouse"
    found_by: str = ""  # in a search, what matched when not the name: "taste: … Valrhona …"

    @property
    def primary_email(self) -> str:
        return self.emails[0] if self.emails else ""


@dataclass(frozen=True, slots=True)
class ImportantDateValue:
    id: int
    kind: DateKind
    date: PartialDate
    label: str = ""
    recurrence: Recurrence = Recurrence.YEARLY
    lead_days: int | None = None
    # A yearly date's next occurrence as of the card's day (None for one-off dates).
    upcoming: NextOccasion | None = None


@dataclass(frozen=True, slots=True)
class RelationshipValue:
    """`other` is this contact's `kind` (already inverted when the row points the other way)."""

    id: int
    kind: RelationshipKind
    other: ContactRef
    label: str = ""


@dataclass(frozen=True, slots=True)
class InteractionValue:
    id: int
    kind: InteractionKind
    occurred_at: datetime
    participants: tuple[ContactRef, ...]
    title: str = ""
    notes: str = ""
    ask_about: str = ""  # left for next time


@dataclass(frozen=True, slots=True)
class FollowUpValue:
    id: int
    contact_id: int
    due_date: date
    title: str = ""
    notes: str = ""
    rrule: str = ""
    done_at: datetime | None = None
    snoozed_until: date | None = None
    completed_through: date | None = None
    next_due: date | None = None  # the first occurrence not yet done; None when all are


@dataclass(frozen=True, slots=True)
class PreferenceValue:
    id: int
    category: PreferenceCategory
    item: str
    detail: str = ""
    likes: bool = True


@dataclass(frozen=True, slots=True)
class GiftValue:
    id: int
    direction: GiftDirection
    description: str
    occasion: str = ""
    given_on: date | None = None
    amount_cents: int | None = None
    currency: str = ""
    status: GiftStatus = GiftStatus.IDEA
    notes: str = ""
    campaign_id: int | None = None  # a holiday campaign's gift
    buy_by: date | None = None
    ship_by: date | None = None


@dataclass(frozen=True, slots=True)
class IntroductionValue:
    id: int
    person_a: ContactRef
    person_b: ContactRef
    introduced_on: date
    reason: str = ""
    outcome: str = ""
    agreed: bool = False  # both said yes before the introduction


@dataclass(frozen=True, slots=True)
class ReferralValue:
    """Received: `partner` sent `referred` to you. Given: you sent `referred` to `partner`."""

    id: int
    partner: ContactRef
    referred: ContactRef
    referred_on: date
    value_cents: int | None = None
    currency: str = ""
    notes: str = ""
    given: bool = False


@dataclass(frozen=True, slots=True)
class ImportBatchValue:
    """One import as `nurture imports` lists it (its id is what undo-import takes)."""

    id: int
    source: str
    format: str
    created_at: datetime
    added: int
    merged: int
    skipped: int
    undone_at: datetime | None


@dataclass(frozen=True, slots=True)
class Relative:
    """Someone in the contact's household, as the card shows them under the contact: what
    they like and the last gift they were given."""

    person: ContactRef
    kind: RelationshipKind
    tastes: tuple[PreferenceValue, ...] = ()
    last_gift: GiftValue | None = None


@dataclass(frozen=True, slots=True)
class SetAsideValue:
    """A value a sync conflict set aside: both sides changed `field`; the newer one was kept."""

    field: str  # as the user reads it: "organization", "phones"
    set_aside: str  # the value, in words
    kept: str
    from_phone: bool  # the set-aside value was the server's (the phone's)
    at: datetime


@dataclass(frozen=True, slots=True)
class ContactCard:
    """Everything the core knows about one contact."""

    id: int
    uuid: str
    name: str
    draft: ContactDraft
    created_at: datetime
    last_interaction_at: datetime | None
    referred_by: ContactRef | None
    keep_in_touch: KeepInTouch | None = None  # None: no cadence (or not computed, in exports)
    today: date | None = None  # the user's day the card's countdowns were computed for
    dates: tuple[ImportantDateValue, ...] = ()
    relationships: tuple[RelationshipValue, ...] = ()
    preferences: tuple[PreferenceValue, ...] = ()
    gifts: tuple[GiftValue, ...] = ()
    interactions: tuple[InteractionValue, ...] = ()
    follow_ups: tuple[FollowUpValue, ...] = ()
    introductions: tuple[IntroductionValue, ...] = ()
    referrals: tuple[ReferralValue, ...] = ()
    # The dates of the people around them (a kid's birthday, a spouse's): (whose, what they
    # are to this contact, the date).
    family_dates: tuple[tuple[ContactRef, RelationshipKind, ImportantDateValue], ...] = ()
    household: tuple[Relative, ...] = ()  # spouse, children, parents: tastes and last gifts
    has_photo: bool = False
    set_aside: tuple[SetAsideValue, ...] = ()  # by sync conflicts, the newest first
