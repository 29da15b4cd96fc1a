"""The closed vocabularies of the domain. Values are stored in the database as these strings."""

from __future__ import annotations

from enum import StrEnum


class DateKind(StrEnum):
    BIRTHDAY = "birthday"
    ANNIVERSARY = "anniversary"
    GRADUATION = "graduation"
    WORK_ANNIVERSARY = "work_anniversary"
    CUSTOM = "custom"

    @property
    def label(self) -> str:
        """'Birthday', 'Work anniversary', 'Date' (a custom date without a label of its own)."""
        return "Date" if self is DateKind.CUSTOM else self.value.replace("_", " ").capitalize()


class Recurrence(StrEnum):
    YEARLY = "yearly"
    ONCE = "once"


class RelationshipKind(StrEnum):
    """Read a stored row (A, B, kind) as "B is A's <kind>"."""

    SPOUSE = "spouse"
    PARENT = "parent"
    CHILD = "child"
    ASSISTANT = "assistant"
    MANAGER = "manager"
    BUSINESS_PARTNER = "business_partner"
    COLLEAGUE = "colleague"
    COMPETITOR = "competitor"
    FRIEND = "friend"
    CUSTOM = "custom"

    @property
    def inverse(self) -> RelationshipKind:
        return _INVERSE.get(self, self)

    @property
    def label(self) -> str:
        return _RELATIONSHIP_LABELS[self]


_INVERSE = {
    RelationshipKind.PARENT: RelationshipKind.CHILD,
    RelationshipKind.CHILD: RelationshipKind.PARENT,
    RelationshipKind.ASSISTANT: RelationshipKind.MANAGER,
    RelationshipKind.MANAGER: RelationshipKind.ASSISTANT,
}

_RELATIONSHIP_LABELS = {
    RelationshipKind.SPOUSE: "Spouse/partner",
    RelationshipKind.PARENT: "Parent",
    RelationshipKind.CHILD: "Child",
    RelationshipKind.ASSISTANT: "Assistant",
    RelationshipKind.MANAGER: "Manager",
    RelationshipKind.BUSINESS_PARTNER: "Business partner",
    RelationshipKind.COLLEAGUE: "Colleague",
    RelationshipKind.COMPETITOR: "Competitor",
    RelationshipKind.FRIEND: "Friend",
    RelationshipKind.CUSTOM: "Related",
}


class InteractionKind(StrEnum):
    CALL = "call"
    EMAIL = "email"
    MEETING = "meeting"
    LUNCH = "lunch"
    SALES_CALL = "sales_call"
    MESSAGE = "message"
    SOCIAL = "social"
    GIFT = "gift"
    INTRODUCTION = "introduction"


class PreferenceCategory(StrEnum):
    FOOD = "food"
    DRINK = "drink"
    HOBBY = "hobby"
    SPORT = "sport"
    GIFT = "gift"
    ALLERGY = "allergy"
    DISLIKE = "dislike"
    OTHER = "other"


class GiftDirection(StrEnum):
    GIVEN = "given"
    RECEIVED = "received"
    IDEA = "idea"


class GiftStatus(StrEnum):
    IDEA = "idea"
    BOUGHT = "bought"
    SHIPPED = "shipped"
    GIVEN = "given"
    THANKED = "thanked"


class WebKind(StrEnum):
    WEBSITE = "website"
    LINKEDIN = "linkedin"
    TWITTER = "twitter"
    FACEBOOK = "facebook"
    INSTAGRAM = "instagram"
    OTHER = "other"

    @property
    def label(self) -> str:
        """The service's own spelling: 'LinkedIn', 'X' (Twitter's name now)."""
        return {WebKind.LINKEDIN: "LinkedIn", WebKind.TWITTER: "X"}.get(
            self, self.value.capitalize()
        )


class ContactSort(StrEnum):
    NAME = "name"
    ORGANIZATION = "organization"
    TITLE = "title"
    LAST_INTERACTION = "last_interaction"
    CREATED = "created"


class Area(StrEnum):
    """What a write touched, so each page refreshes only what it shows."""

    CONTACTS = "contacts"
    TAGS = "tags"
    DATES = "dates"
    INTERACTIONS = "interactions"
    FOLLOW_UPS = "follow_ups"
    PREFERENCES = "preferences"
    GIFTS = "gifts"
    NETWORK = "network"
    SETTINGS = "settings"
    REMINDERS = "reminders"
    IMPORTS = "imports"
