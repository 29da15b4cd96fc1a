"""The vCard a sync sends: Nurture's own writer for the fields it owns, and every other line of
the server's last copy carried over as it was (as DAVx5 does), so a phone's ringtone, its
relation names or its social profiles Nurture has no field for are never stripped.

vCard 3.0, the version iOS writes and every server and phone reads; a year-less birthday goes
as Apple's 1604 year with X-APPLE-OMIT-YEAR, which our reader and Apple's understand.
"""

from __future__ import annotations

import base64
import re

from nurture.domain.dto import ContactCard
from nurture.io.vcard_labels import ANNIVERSARY_PROPERTIES
from nurture.io.vcard_lines import RawCard, split_cards
from nurture.io.vcard_write import fold, write_vcards

# Properties whose content Nurture's synced fields hold: written from Nurture, never carried
# over (also those the reader folds into them: ROLE into the title, IMPP into the links...).
_OWNED = frozenset(
    {
        "BEGIN", "END", "VERSION", "PRODID", "UID", "REV", "FN", "N", "KIND", "X-ABSHOWAS",
        "NICKNAME", "TITLE", "ROLE", "NOTE", "ORG", "EMAIL", "TEL", "ADR", "LABEL", "URL",
        "X-SOCIALPROFILE", "IMPP", "X-AIM", "X-ICQ", "X-JABBER", "X-MSN", "X-YAHOO", "X-SKYPE",
        "X-SKYPE-USERNAME", "X-GOOGLE-TALK", "X-GTALK", "X-QQ", "BDAY", "X-ABDATE", "CATEGORIES",
        *ANNIVERSARY_PROPERTIES,
    }
)  # fmt: skip
# Nurture writes these only on a card's first upload; after that the server's are kept.
_FIRST_UPLOAD_ONLY = frozenset({"X-ABRELATEDNAMES", "RELATED"})
_GROUP = re.compile(r"^([A-Za-z0-9-]+)\.")


def card_text(card: ContactCard, photo: bytes | None, server_copy: str | None, extras: bool) -> str:
    """The card to send for `card`: `server_copy` is the server's last text ("" or None for a
    card new to the server); `extras` sends Nurture's own fields as X-NURTURE-* properties."""
    ours = [
        line
        for line in _lines(write_vcards([card], "3.0"))
        if extras or not _name(line).startswith("X-NURTURE-")
    ]
    if photo:
        ours.append(_photo_line(photo))
    if not server_copy:  # the bare UUID: Radicale names a card of a whole-book upload by it
        return _joined([line.replace("UID:urn:uuid:", "UID:", 1) for line in ours])
    theirs = _lines(server_copy)
    uid = next((line for line in theirs if _name(line) == "UID"), "")
    if uid:  # the server's card keeps the UID it was given, whoever gave it
        ours = [uid if _name(line) == "UID" else line for line in ours]
    owned = _OWNED | ({"PHOTO"} if photo else set())
    if extras:
        owned |= {_name(line) for line in theirs if _name(line).startswith("X-NURTURE-")}
    ours = [line for line in ours if _name(line) not in _FIRST_UPLOAD_ONLY]
    owned_groups = {_group(line) for line in theirs if _name(line) in owned} - {""}
    kept = [
        line
        for line in theirs
        if _name(line) not in owned
        and not (_name(line) == "X-ABLABEL" and _group(line) in owned_groups)
    ]
    return _joined(ours + _regrouped(kept, {_group(line) for line in ours}))


def _lines(text: str) -> list[str]:
    """The logical (unfolded) lines of the first card in `text`."""
    for card in split_cards(text):
        if isinstance(card, RawCard):
            return [line for _, line in card.lines]
    return []


def _joined(lines: list[str]) -> str:
    body = [line for line in lines if _name(line) not in ("BEGIN", "END")]
    return "".join(f"{fold(line)}\r\n" for line in ["BEGIN:VCARD", *body, "END:VCARD"])


def _name(line: str) -> str:
    head = re.split(r"[;:]", line, maxsplit=1)[0]
    return head.rsplit(".", 1)[-1].strip().upper()


def _group(line: str) -> str:
    found = _GROUP.match(line)
    return found.group(1).lower() if found else ""


def _regrouped(lines: list[str], taken: set[str]) -> list[str]:
    """The server's kept lines with any group our own lines use renamed, so Apple's
    `itemN.X-ABLabel` labels stay with their own property."""
    renames: dict[str, str] = {}
    number = 0
    for group in dict.fromkeys(_group(line) for line in lines):
        if group and group in taken:
            while f"item{number}" in taken or f"item{number}" in renames.values():
                number += 1
            renames[group] = f"item{number}"
    if not renames:
        return lines
    return [
        renames[_group(line)] + line[len(_group(line)) :] if _group(line) in renames else line
        for line in lines
    ]


def _photo_line(photo: bytes) -> str:
    kind = "PNG" if photo.startswith(b"\x89PNG") else "JPEG"
    return f"PHOTO;ENCODING=b;TYPE={kind}:{base64.b64encode(photo).decode('ascii')}"
