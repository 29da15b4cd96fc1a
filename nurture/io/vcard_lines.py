"""The text level of vCard files: physical lines into logical ones (folding, quoted-printable
soft breaks, CRLF/LF/CR), logical lines into cards by BEGIN:VCARD ... END:VCARD, and each card
made ready for vobject, which then parses it alone."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class CardError:
    """A card that could not be imported: `line` is where it starts in the file (1-based)."""

    line: int
    message: str


@dataclass(slots=True)
class RawCard:
    line: int
    lines: list[tuple[int, str]] = field(default_factory=list)  # (file line, logical line)


_BREAK = re.compile(r"\r\n|\r|\n")
_QP_COMMA = re.compile(r"=2C", re.IGNORECASE)


def split_cards(text: str) -> Iterator[RawCard | CardError]:
    """The cards of a file in order, each with the line it starts on; junk between them is
    skipped, and a card never closed is an error."""
    return _cards(_logical_lines(text.removeprefix("\ufeff")))


def _logical_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, line) with folded lines joined and quoted-printable soft breaks removed."""
    pending: str | None = None
    start = 0
    soft_break = False
    for number, physical in enumerate(_BREAK.split(text), start=1):
        if pending is not None and soft_break and not _is_edge(physical):
            pending = pending[:-1] + physical
        elif pending is not None and physical[:1] in (" ", "\t"):
            pending += physical[1:]
        else:
            if pending is not None:
                yield start, pending
            pending, start = (physical, number) if physical.strip() else (None, number)
            if pending is None:
                soft_break = False
                continue
        soft_break = pending.endswith("=") and "QUOTED-PRINTABLE" in _head(pending).upper()
    if pending is not None:
        yield start, pending


def _cards(lines: Iterator[tuple[int, str]]) -> Iterator[RawCard | CardError]:
    card: RawCard | None = None
    for number, line in lines:
        key = line.strip().upper().replace(" ", "")
        if key == "BEGIN:VCARD":
            if card is not None:
                yield CardError(card.line, "This card has no END:VCARD before the next card.")
            card = RawCard(number)
        elif card is None:
            continue  # text between cards
        elif key == "END:VCARD":
            yield card
            card = None
        else:
            card.lines.append((number, line))
    if card is not None:
        yield CardError(card.line, "This card has no END:VCARD: the file seems to be cut short.")


def _is_edge(line: str) -> bool:
    return line.strip().upper() in ("BEGIN:VCARD", "END:VCARD")


def _head(line: str) -> str:
    """The name and parameters of a content line (before the first ':' outside quotes)."""
    colon = line.find(":")
    if colon < 0 or '"' not in line[:colon]:
        return line if colon < 0 else line[:colon]
    quoted = False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            return line[:index]
    return line


def _escape_commas(line: str) -> str:
    """vobject keeps only the text before the first bare comma of a value, but vCard 2.1 (and
    sloppy 3.0) writers leave commas bare in notes, titles and names: escape them, except where
    commas do separate values (CATEGORIES). Google's `https\\://` loses its stray backslash."""
    head = _head(line)
    if head == line:
        return line
    value = line[len(head) + 1 :]
    if "," not in value and "\\:" not in value and "=2C" not in value.upper():
        return line
    listed = _property(head) == "CATEGORIES"
    out: list[str] = []
    escaped = False
    for char in value:
        if escaped and char == ":":
            out[-1] = ":"
        else:
            out.append("\\," if char == "," and not escaped and not listed else char)
        escaped = char == "\\" and not escaped
    value = "".join(out)
    if "QUOTED-PRINTABLE" in head.upper() and not listed:
        value = _QP_COMMA.sub(r"\\,", value)
    return f"{head}:{value}"


def card_text(lines: list[str]) -> str:
    """The card as vobject reads it best: CRLF lines, bare commas escaped."""
    body = "\r\n".join(map(_escape_commas, lines))
    return f"BEGIN:VCARD\r\n{body}\r\nEND:VCARD\r\n"


def _property(head: str) -> str:
    """The property's name: "X-ABDATE" for "item1.X-ABDATE;type=pref"."""
    return head.split(";", 1)[0].rsplit(".", 1)[-1].strip().upper()


def repaired(lines: list[tuple[int, str]], error: ValueError) -> tuple[list[str], str]:
    """The card's lines for a second try, and what that try leaves out: quoted-printable text
    that is not UTF-8 is read as Windows-1252 (Outlook), a damaged photo is dropped."""
    if isinstance(error, UnicodeDecodeError):
        out = []
        for _, line in lines:
            head = _head(line)
            upper = head.upper()
            if "QUOTED-PRINTABLE" in upper and "CHARSET" not in upper and head != line:
                line = f"{head};CHARSET=windows-1252{line[len(head) :]}"
            out.append(line)
        return out, ""
    kept = [line for _, line in lines if _property(_head(line)) not in ("PHOTO", "LOGO")]
    return kept, "The photo could not be read and was left out." if len(kept) < len(lines) else ""
