"""The words vCards label things with, both ways: TYPE values, Apple's built-in `_$!<Spouse>!$_`
labels, the properties each producer names relations and dates with, vCard 4.0 RELATED types,
and the labels written back. The words themselves are the one vocabulary of
nurture.domain.vocabulary."""

from __future__ import annotations

from nurture.domain.enums import DateKind, RelationshipKind
from nurture.domain.vocabulary import date_kind, relation_kind

# Reading: TYPE words and Apple labels of phones, emails and addresses, in order of precedence.
PHONE_TYPES = (
    ("fax", "fax"),
    ("cell", "mobile"),
    ("mobile", "mobile"),
    ("iphone", "mobile"),
    ("main", "main"),
    ("x-main", "main"),
    ("work", "work"),
    ("home", "home"),
    ("other", "other"),
    ("pager", "other"),
)
PLACE_TYPES = (("work", "work"), ("home", "home"), ("other", "other"))
KNOWN_LABELS = {
    "mobile": "mobile",
    "cell": "mobile",
    "iphone": "mobile",
    "main": "main",
    "homefax": "fax",
    "workfax": "fax",
    "otherfax": "fax",
    "fax": "fax",
    "home": "home",
    "work": "work",
    "other": "other",
    "pager": "other",
}
# Properties naming one kind of relation (the children ones hold a comma-separated list).
RELATION_PROPERTIES: dict[str, RelationshipKind] = {
    **dict.fromkeys(
        ("X-SPOUSE", "X-MS-SPOUSE", "X-EVOLUTION-SPOUSE", "X-KADDRESSBOOK-X-SPOUSENAME"),
        RelationshipKind.SPOUSE,
    ),
    **dict.fromkeys(
        (
            "X-ASSISTANT",
            "X-MS-ASSISTANT",
            "X-EVOLUTION-ASSISTANT",
            "X-KADDRESSBOOK-X-ASSISTANTSNAME",
        ),
        RelationshipKind.ASSISTANT,
    ),
    **dict.fromkeys(
        ("X-MANAGER", "X-MS-MANAGER", "X-EVOLUTION-MANAGER", "X-KADDRESSBOOK-X-MANAGERSNAME"),
        RelationshipKind.MANAGER,
    ),
    **dict.fromkeys(
        ("X-MS-CHILD", "X-MS-CHILDREN", "X-CHILDREN", "X-CHILD"), RelationshipKind.CHILD
    ),
}
ANNIVERSARY_PROPERTIES = {
    "ANNIVERSARY",
    "X-ANNIVERSARY",
    "X-MS-ANNIVERSARY",
    "X-EVOLUTION-ANNIVERSARY",
    "X-KADDRESSBOOK-X-ANNIVERSARY",
}
# Android's X-ANDROID-CUSTOM relation and event type numbers (ContactsContract).
ANDROID_RELATIONS = {
    "1": "assistant",
    "3": "child",
    "4": "partner",
    "5": "father",
    "6": "friend",
    "7": "manager",
    "8": "mother",
    "9": "parent",
    "10": "partner",
    "14": "spouse",
}
ANDROID_EVENTS = {"1": "anniversary", "3": "birthday"}
_R = RelationshipKind


# Writing: vCard 4.0 RELATED types (RFC 6350) and Apple's built-in labels for each kind.
RELATED_TYPES = {
    _R.SPOUSE: "spouse",
    _R.CHILD: "child",
    _R.PARENT: "parent",
    _R.FRIEND: "friend",
    _R.COLLEAGUE: "colleague",
}
APPLE_RELATION_LABELS = {
    _R.SPOUSE: "_$!<Spouse>!$_",
    _R.CHILD: "_$!<Child>!$_",
    _R.PARENT: "_$!<Parent>!$_",
    _R.ASSISTANT: "_$!<Assistant>!$_",
    _R.MANAGER: "_$!<Manager>!$_",
    _R.FRIEND: "_$!<Friend>!$_",
    _R.CUSTOM: "_$!<Other>!$_",
}
APPLE_DATE_LABELS = {
    DateKind.ANNIVERSARY: "_$!<Anniversary>!$_",
    DateKind.CUSTOM: "_$!<Other>!$_",
    DateKind.BIRTHDAY: "Birthday",
    DateKind.GRADUATION: "Graduation",
    DateKind.WORK_ANNIVERSARY: "Work anniversary",
}


def relation_label(kind: RelationshipKind, label: str) -> str:
    """The label to write for a relation: its own when it reads back as the same kind."""
    if label and relation_kind(label)[0] is kind:
        return label
    return APPLE_RELATION_LABELS.get(kind, kind.label)


def date_label(kind: DateKind, label: str) -> str:
    """The label to write for a date: its own when it reads back as the same kind."""
    if label and date_kind(label)[0] is kind:
        return label
    return APPLE_DATE_LABELS[kind]
