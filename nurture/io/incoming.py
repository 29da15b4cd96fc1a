"""One contact as read from a file, in a neutral form every reader produces and the importer
merges: what the file said, nothing decided yet."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

from nurture.contact_points import split_name
from nurture.domain.dates import PartialDate
from nurture.domain.dto import AddressValue, ContactDraft, EmailValue, PhoneValue, WebLinkValue
from nurture.domain.enums import DateKind, RelationshipKind, WebKind


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
    organization: str = ""
    title: str = ""
    department: str = ""
    notes: str = ""
    how_we_met: str = ""
    met_on: date | None = None
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
        return any((self.given_name, self.family_name, self.full_name, self.nickname,
                    self.organization))  # fmt: skip

    def is_empty(self) -> bool:
        return not (self.has_name() or self.emails or self.phones)

    def to_draft(self) -> ContactDraft:
        given, middle, family = self.given_name, self.middle_name, self.family_name
        if not (given or family) and self.full_name.strip():
            given, middle, family = split_name(self.full_name)
        return ContactDraft(
            given_name=given, middle_name=middle, family_name=family, prefix=self.prefix,
            suffix=self.suffix, nickname=self.nickname, organization=self.organization,
            title=self.title, department=self.department, notes=self.notes,
            how_we_met=self.how_we_met, met_on=self.met_on, starred=self.starred,
            emails=tuple(self.emails), phones=tuple(self.phones), addresses=tuple(self.addresses),
            web_links=tuple(self.web_links), tags=tuple(dict.fromkeys(self.tags)),
        )  # fmt: skip


_WEB_HOSTS = {"linkedin.com": WebKind.LINKEDIN, "twitter.com": WebKind.TWITTER,
              "x.com": WebKind.TWITTER, "facebook.com": WebKind.FACEBOOK,
              "instagram.com": WebKind.INSTAGRAM}  # fmt: skip
_RELATION_WORDS = {
    "spouse": RelationshipKind.SPOUSE, "wife": RelationshipKind.SPOUSE,
    "husband": RelationshipKind.SPOUSE, "partner": RelationshipKind.SPOUSE,
    "domestic partner": RelationshipKind.SPOUSE, "child": RelationshipKind.CHILD,
    "son": RelationshipKind.CHILD, "daughter": RelationshipKind.CHILD,
    "parent": RelationshipKind.PARENT, "mother": RelationshipKind.PARENT,
    "father": RelationshipKind.PARENT, "assistant": RelationshipKind.ASSISTANT,
    "manager": RelationshipKind.MANAGER, "friend": RelationshipKind.FRIEND,
    "colleague": RelationshipKind.COLLEAGUE, "business partner": RelationshipKind.BUSINESS_PARTNER,
    "competitor": RelationshipKind.COMPETITOR,
}  # fmt: skip


def web_kind(url: str) -> WebKind:
    """Which service a profile or website address belongs to, from its host."""
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    host = host.removeprefix("www.").lower()
    for known, kind in _WEB_HOSTS.items():
        if host == known or host.endswith("." + known):
            return kind
    return WebKind.WEBSITE


def relation_kind(label: str) -> RelationshipKind:
    """A relation's label ("Spouse", "daughter", "_$!<Assistant>!$_") as a relationship kind."""
    word = label.strip().strip("_$!<>").strip().lower()
    return _RELATION_WORDS.get(word, RelationshipKind.CUSTOM)


def event_kind(label: str) -> DateKind:
    """A dated event's label as a date kind; other labels are custom dates keeping the label."""
    word = label.strip().strip("_$!<>").strip().lower()
    if "work" in word and "anniversary" in word:
        return DateKind.WORK_ANNIVERSARY
    if "anniversary" in word:
        return DateKind.ANNIVERSARY
    if "graduat" in word:
        return DateKind.GRADUATION
    if "birthday" in word:
        return DateKind.BIRTHDAY
    return DateKind.CUSTOM
