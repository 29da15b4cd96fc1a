"""The one vocabulary of labels: the words address books use for relations and dates, and the
social sites told apart by host. CSV and vCard import, exports and the window all read them
here, so "Mom", "Boss" or "fb.com/ann" mean the same whichever file they came from."""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Collection

from nurture.domain.enums import DateKind, RelationshipKind, WebKind

_R = RelationshipKind
RELATION_WORDS: dict[str, RelationshipKind] = {
    **dict.fromkeys(
        (
            "spouse",
            "partner",
            "husband",
            "wife",
            "domestic partner",
            "sweetheart",
            "boyfriend",
            "girlfriend",
            "fiance",
            "fiancé",
            "fiancée",
        ),
        _R.SPOUSE,
    ),
    **dict.fromkeys(("child", "children", "son", "daughter"), _R.CHILD),
    **dict.fromkeys(("parent", "mother", "father", "mom", "mum", "dad"), _R.PARENT),
    **dict.fromkeys(("assistant", "secretary"), _R.ASSISTANT),
    **dict.fromkeys(("manager", "boss"), _R.MANAGER),
    "friend": _R.FRIEND,
    **dict.fromkeys(("colleague", "co-worker", "coworker"), _R.COLLEAGUE),
    **dict.fromkeys(("business partner", "business-partner"), _R.BUSINESS_PARTNER),
    "competitor": _R.COMPETITOR,
}
SOCIAL_HOSTS = {
    "linkedin.com": WebKind.LINKEDIN,
    "twitter.com": WebKind.TWITTER,
    "x.com": WebKind.TWITTER,
    "facebook.com": WebKind.FACEBOOK,
    "fb.com": WebKind.FACEBOOK,
    "instagram.com": WebKind.INSTAGRAM,
}
_APPLE_LABEL = re.compile(r"^_\$!<(.*)>!\$_$")


def clean_label(label: str) -> str:
    """Apple's built-in labels (`_$!<Anniversary>!$_`) as plain words."""
    match = _APPLE_LABEL.match(label.strip())
    return (match[1] if match else label).strip()


def relation_kind(label: str) -> tuple[RelationshipKind, str]:
    """The kind a relation label names, and the label worth keeping beside it ("Mom": a
    parent, kept as "Mom"; "Spouse": a spouse, nothing to keep)."""
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
    elif "work" in key and "anniversary" in key:
        kind = DateKind.WORK_ANNIVERSARY
    elif "anniversary" in key:
        kind = DateKind.ANNIVERSARY
    elif "birthday" in key:
        kind = DateKind.BIRTHDAY
    else:
        kind = DateKind.CUSTOM
    return kind, "" if key in ("", "other", kind.value.replace("_", " ")) else text


def web_kind(url: str, types: Collection[str] = ()) -> WebKind:
    """LinkedIn, Twitter/X, Facebook or Instagram from the address's host (else from a vCard's
    TYPE words), else a website."""
    try:
        host = (urllib.parse.urlsplit(url if "://" in url else "//" + url).hostname or "").lower()
    except ValueError:
        host = ""
    host = host.removeprefix("www.")
    for domain, kind in SOCIAL_HOSTS.items():
        if host == domain or host.endswith("." + domain):
            return kind
    return next((kind for kind in SOCIAL_HOSTS.values() if kind.value in types), WebKind.WEBSITE)


def tier_rank(tier: str) -> tuple[int, str]:
    """Tiers in the order they matter: A before B before C, any tier before none."""
    return (0, tier.upper()) if tier.strip() else (1, "")
