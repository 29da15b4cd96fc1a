"""The labels vCard writers use for relations, dates and links, both ways: Apple's built-in
`_$!<Spouse>!$_` words, vCard 4.0 RELATED types, and the social sites told apart by host."""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Collection

from nurture.domain.enums import DateKind, RelationshipKind, WebKind

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
