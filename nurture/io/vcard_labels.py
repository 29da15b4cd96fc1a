"""The words vCards label things with, both ways: TYPE values, Apple's built-in `_$!<Spouse>!$_`
labels, the properties each producer names relations and dates with, vCard 4.0 RELATED types,
and the social sites told apart by host."""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Collection

from nurture.domain.enums import DateKind, RelationshipKind, WebKind

# Reading: TYPE words and Apple labels of phones, emails and addresses, in order of precedence.
PHONE_TYPES = (("fax", "fax"), ("cell", "mobile"), ("mobile", "mobile"), ("iphone", "mobile"),
               ("main", "main"), ("x-main", "main"), ("work", "work"), ("home", "home"),
               ("other", "other"), ("pager", "other"))  # fmt: skip
PLACE_TYPES = (("work", "work"), ("home", "home"), ("other", "other"))
KNOWN_LABELS = {"mobile": "mobile", "cell": "mobile", "iphone": "mobile", "main": "main",
                "homefax": "fax", "workfax": "fax", "otherfax": "fax", "fax": "fax",
                "home": "home", "work": "work", "other": "other", "pager": "other"}  # fmt: skip
# Properties naming one kind of relation (the children ones hold a comma-separated list).
RELATION_PROPERTIES: dict[str, RelationshipKind] = {
    **dict.fromkeys(("X-SPOUSE", "X-MS-SPOUSE", "X-EVOLUTION-SPOUSE",
                     "X-KADDRESSBOOK-X-SPOUSENAME"), RelationshipKind.SPOUSE),
    **dict.fromkeys(("X-ASSISTANT", "X-MS-ASSISTANT", "X-EVOLUTION-ASSISTANT",
                     "X-KADDRESSBOOK-X-ASSISTANTSNAME"), RelationshipKind.ASSISTANT),
    **dict.fromkeys(("X-MANAGER", "X-MS-MANAGER", "X-EVOLUTION-MANAGER",
                     "X-KADDRESSBOOK-X-MANAGERSNAME"), RelationshipKind.MANAGER),
    **dict.fromkeys(("X-MS-CHILD", "X-MS-CHILDREN", "X-CHILDREN", "X-CHILD"),
                    RelationshipKind.CHILD),
}  # fmt: skip
ANNIVERSARY_PROPERTIES = {"ANNIVERSARY", "X-ANNIVERSARY", "X-MS-ANNIVERSARY",
                          "X-EVOLUTION-ANNIVERSARY", "X-KADDRESSBOOK-X-ANNIVERSARY"}  # fmt: skip
# Android's X-ANDROID-CUSTOM relation and event type numbers (ContactsContract).
ANDROID_RELATIONS = {"1": "assistant", "3": "child", "4": "partner", "5": "father", "6": "friend",
                     "7": "manager", "8": "mother", "9": "parent", "10": "partner",
                     "14": "spouse"}  # fmt: skip
ANDROID_EVENTS = {"1": "anniversary", "3": "birthday"}
_APPLE_LABEL = re.compile(r"^_\$!<(.*)>!\$_$")
_R = RelationshipKind
RELATION_WORDS: dict[str, RelationshipKind] = {
    **dict.fromkeys(("spouse", "partner", "husband", "wife", "domestic partner", "sweetheart",
                     "boyfriend", "girlfriend", "fiance", "fiancé", "fiancée"), _R.SPOUSE),
    **dict.fromkeys(("child", "son", "daughter"), _R.CHILD),
    **dict.fromkeys(("parent", "mother", "father", "mom", "mum", "dad"), _R.PARENT),
    "assistant": _R.ASSISTANT, "manager": _R.MANAGER, "boss": _R.MANAGER, "friend": _R.FRIEND,
    **dict.fromkeys(("colleague", "co-worker", "coworker"), _R.COLLEAGUE),
    **dict.fromkeys(("business partner", "business-partner"), _R.BUSINESS_PARTNER),
    "competitor": _R.COMPETITOR,
}  # fmt: skip
_SOCIAL = {"linkedin.com": WebKind.LINKEDIN, "twitter.com": WebKind.TWITTER,
           "x.com": WebKind.TWITTER, "facebook.com": WebKind.FACEBOOK, "fb.com": WebKind.FACEBOOK,
           "instagram.com": WebKind.INSTAGRAM}  # fmt: skip


def clean_label(label: str) -> str:
    """Apple's built-in labels (`_$!<Anniversary>!$_`) as plain words."""
    match = _APPLE_LABEL.match(label.strip())
    return (match[1] if match else label).strip()


def relation_kind(label: str) -> tuple[RelationshipKind, str]:
    """The kind a relation label names, and the label worth keeping beside it."""
    text = clean_label(label)
    key = text.lower().removeprefix("x-")
    kind = RELATION_WORDS.get(key, _R.CUSTOM)
    generic = key in ("", "other", kind.value, kind.label.lower())
    return kind, "" if generic else text


def date_kind(label: str) -> tuple[DateKind, str]:
    """The kind a date label names ("graduation" in it: a graduation), and the label to keep."""
    text = clean_label(label)
    key = text.lower()
    if "graduat" in key:
        kind = DateKind.GRADUATION
    elif "work anniversary" in key:
        kind = DateKind.WORK_ANNIVERSARY
    elif "anniversary" in key:
        kind = DateKind.ANNIVERSARY
    else:
        kind = DateKind.BIRTHDAY if key == "birthday" else DateKind.CUSTOM
    return kind, "" if key in ("", "other", kind.value.replace("_", " ")) else text


def web_kind(url: str, types: Collection[str] = ()) -> WebKind:
    """LinkedIn, Twitter/X, Facebook or Instagram from the address's host, else a website."""
    try:
        host = (urllib.parse.urlsplit(url if "://" in url else "//" + url).hostname or "").lower()
    except ValueError:
        host = ""
    for domain, kind in _SOCIAL.items():
        if host == domain or host.endswith("." + domain):
            return kind
    return next((kind for kind in _SOCIAL.values() if kind.value in types), WebKind.WEBSITE)


# Writing: vCard 4.0 RELATED types (RFC 6350) and Apple's built-in labels for each kind.
RELATED_TYPES = {_R.SPOUSE: "spouse", _R.CHILD: "child", _R.PARENT: "parent",
                 _R.FRIEND: "friend", _R.COLLEAGUE: "colleague"}  # fmt: skip
APPLE_RELATION_LABELS = {_R.SPOUSE: "_$!<Spouse>!$_", _R.CHILD: "_$!<Child>!$_",
                         _R.PARENT: "_$!<Parent>!$_", _R.ASSISTANT: "_$!<Assistant>!$_",
                         _R.MANAGER: "_$!<Manager>!$_", _R.FRIEND: "_$!<Friend>!$_",
                         _R.CUSTOM: "_$!<Other>!$_"}  # fmt: skip
APPLE_DATE_LABELS = {DateKind.ANNIVERSARY: "_$!<Anniversary>!$_", DateKind.CUSTOM: "_$!<Other>!$_",
                     DateKind.BIRTHDAY: "Birthday", DateKind.GRADUATION: "Graduation",
                     DateKind.WORK_ANNIVERSARY: "Work anniversary"}  # fmt: skip


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
