"""One contact as read from a file, in a neutral form every reader produces and the importer
merges: what the file said, nothing decided yet."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from nurture.contact_points import split_name
from nurture.domain.dates import PartialDate
from nurture.domain.dto import AddressValue, ContactDraft, EmailValue, PhoneValue, WebLinkValue
from nurture.domain.enums import DateKind, RelationshipKind


@dataclass(frozen=True, slots=True)
class Problem:
    """A record that could not be read, and why, by the line it starts on."""

    line: int
    message: str


@dataclass(slots=True)
class IncomingDate:
    kind: DateKind
    date: PartialDate
    label: str = ""


@dataclass(slots=True)
class IncomingRelation:
    """A person named in the file (spouse, child, assistant...) who becomes a light contact."""

    kind: RelationshipKind
    name: str
    label: str = ""


@dataclass(slots=True)
class IncomingContact:
    line: int  # where it starts in the file (1-based), for messages
    given_name: str = ""
    middle_name: str = ""
    family_name: str = ""
    prefix: str = ""
    suffix: str = ""
    nickname: str = ""
    full_name: str = ""  # a formatted name, used when the parts are missing
    shown_as: str = ""  # a formatted name with more than the parts say
    uid: str = ""  # the card's UID when it is a UUID: a new contact keeps it
    referred_by: tuple[str, str] = ("", "")  # (uuid, name) of who referred them
    organization: str = ""
    title: str = ""
    department: str = ""
    notes: str = ""
    how_we_met: str = ""
    met_on: date | None = None
    # Nurture's own fields, carried by its vCards as X-NURTURE-* properties.
    tier: str = ""
    keep_in_touch_days: int | None = None
    time_zone: str = ""
    starred: bool = False
    emails: list[EmailValue] = field(default_factory=list)
    phones: list[PhoneValue] = field(default_factory=list)
    addresses: list[AddressValue] = field(default_factory=list)
    web_links: list[WebLinkValue] = field(default_factory=list)
    dates: list[IncomingDate] = field(default_factory=list)
    relations: list[IncomingRelation] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    photo: bytes | None = None
    warnings: list[str] = field(default_factory=list)  # kept, but something was left out

    def has_name(self) -> bool:
        return any(
            (self.given_name, self.family_name, self.full_name, self.nickname, self.organization)
        )

    def is_empty(self) -> bool:
        return not (self.has_name() or self.emails or self.phones)

    def add_group(self, name: str) -> None:
        """A group or category from the file as a tag; Google's and Apple's system groups
        ("* starred", "starred", "My Contacts", "* friends") are not tags."""
        name = name.strip()
        key = name.lstrip("* ").lower().replace(" ", "")
        if key == "starred":
            self.starred = True
        elif name and not name.startswith("* ") and key != "mycontacts":  # "*VIP" is a tag
            self.tags.append(name)

    def shown_name(self) -> str:
        """How the import wizard names the row before anything is stored."""
        parts = " ".join(p for p in (self.given_name, self.family_name) if p)
        fallback = self.emails[0].address if self.emails else ""
        return parts or self.full_name or self.nickname or self.organization or fallback

    def name_parts(self) -> tuple[str, str, str]:
        """(given, middle, family): the parts, else the formatted name split."""
        given, middle, family = self.given_name, self.middle_name, self.family_name
        if not (given or family) and self.full_name.strip():
            return split_name(self.full_name)
        return given, middle, family

    def to_draft(self) -> ContactDraft:
        given, middle, family = self.name_parts()
        return ContactDraft(
            given_name=given,
            middle_name=middle,
            family_name=family,
            prefix=self.prefix,
            suffix=self.suffix,
            nickname=self.nickname,
            shown_as=self.shown_as,
            organization=self.organization,
            title=self.title,
            department=self.department,
            notes=self.notes,
            how_we_met=self.how_we_met,
            met_on=self.met_on,
            tier=self.tier,
            keep_in_touch_days=self.keep_in_touch_days,
            time_zone=self.time_zone,
            starred=self.starred,
            emails=tuple(self.emails),
            phones=tuple(self.phones),
            addresses=tuple(self.addresses),
            web_links=tuple(self.web_links),
            tags=tuple(dict.fromkeys(self.tags)),
        )
