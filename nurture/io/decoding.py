"""Bytes to text the way address-book exports need, deciding in bytes before characters:
a BOM; UTF-16 without one (its zero bytes tell the order); UTF-8, once vCard folds that split a
character are mended; else the legacy encoding whose text of the *whole* file reads most like
names (charset-normalizer proposes, Western Windows wins a tie, as Outlook writes). A guess that
other encodings read just as well is said, with them, so the user can switch (wizard, --encoding).
"""

from __future__ import annotations

import codecs
import locale
import re
import unicodedata
from dataclasses import dataclass

from nurture.errors import ValidationError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Signatures of files people pick by mistake.
_NOT_TEXT = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or an Excel/Word file)",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"SQLite format 3": "a database file",
}
# The encodings address books write, by the names people know them by (the wizard's list).
ENCODINGS = {
    "utf-8": "Unicode (UTF-8)",
    "utf-16-le": "Unicode (UTF-16 LE)",
    "utf-16-be": "Unicode (UTF-16 BE)",
    "cp1252": "Western European (Windows-1252)",
    "iso8859-15": "Western European (ISO 8859-15)",
    "mac-roman": "Western European (Mac OS Roman)",
    "cp1250": "Central European (Windows-1250)",
    "iso8859-2": "Central European (ISO 8859-2)",
    "cp1251": "Cyrillic (Windows-1251)",
    "koi8-r": "Cyrillic (KOI8-R)",
    "cp1253": "Greek (Windows-1253)",
    "cp1254": "Turkish (Windows-1254)",
    "cp1257": "Baltic (Windows-1257)",
    "cp1255": "Hebrew (Windows-1255)",
    "cp1256": "Arabic (Windows-1256)",
    "cp874": "Thai (Windows-874)",
    "cp1258": "Vietnamese (Windows-1258)",
    "cp932": "Japanese (Shift-JIS)",
    "euc-jp": "Japanese (EUC-JP)",
    "cp949": "Korean (EUC-KR)",
    "gb18030": "Chinese Simplified (GB18030)",
    "big5": "Chinese Traditional (Big5)",
}
_WESTERN = "cp1252"
# The legacy encoding a desktop in this language most likely wrote: it wins a tie.
_BY_LANGUAGE = {
    "ja": "cp932",
    "ko": "cp949",
    "zh": "gb18030",
    "ru": "cp1251",
    "uk": "cp1251",
    "bg": "cp1251",
    "pl": "cp1250",
    "cs": "cp1250",
    "sk": "cp1250",
    "hu": "cp1250",
    "hr": "cp1250",
    "sl": "cp1250",
    "ro": "cp1250",
    "el": "cp1253",
    "tr": "cp1254",
    "he": "cp1255",
    "ar": "cp1256",
    "th": "cp874",
    "vi": "cp1258",
    "lt": "cp1257",
    "lv": "cp1257",
    "et": "cp1257",
}
# A vCard line folded inside a UTF-8 character: lead byte(s), the fold, the rest of the character.
_SPLIT_CHARACTER = re.compile(
    rb"([\xc2-\xf4][\x80-\xbf]{0,2})(\r\n[ \t]|\n[ \t]|\r[ \t])([\x80-\xbf]{1,3})"
)
_NON_ASCII_WORD = re.compile(r"[^\s,;]*[^\x00-\x7f][^\s,;]*")
# Punctuation names and notes do hold.
_PUNCTUATION = frozenset("€£¥°–—‘’“”•…«»¿¡·\u00a0")
# Scripts one word may mix: Japanese writes kanji with kana.
_SCRIPT_FAMILY = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HALFWIDTH": "CJK", "FULLWIDTH": "CJK"}
_WORDS = re.compile(r"[\s,;:\"']+")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # a Python codec name
    # Other encodings that read every byte as plausibly, into different text: the pick is a guess.
    alternatives: tuple[str, ...] = ()
    # The first word read differently by the first alternative: ('Peña', 'Peńa').
    example: tuple[str, str] = ("", "")

    def notice(self) -> str:
        """What the report says about a guessed encoding; '' when the reading is sure."""
        if not self.alternatives:
            return ""
        others = " or ".join(label(a) for a in self.alternatives[:3])
        ours, theirs = self.example
        return (
            f"The file is not Unicode: it was read as {label(self.encoding)}, a guess. "
            f'{others} would read it differently ("{ours}" as "{theirs}"). If names look '
            "wrong, choose another encoding (Text encoding in the import wizard, --encoding "
            "on the command line)."
        )


def label(encoding: str) -> str:
    """'Western European (Windows-1252)' for 'cp1252'."""
    return ENCODINGS.get(_canonical(encoding), encoding)


def decode(data: bytes, name: str = "The file", encoding: str | None = None) -> Decoded:
    """The file's text: in `encoding` when the user chose one, else as detected. ValidationError
    for binary files (with what they look like) and for text the chosen encoding cannot read."""
    for signature, kind in _NOT_TEXT.items():
        if data.startswith(signature):
            raise ValidationError(f"{name} is {kind}, not a contacts file (CSV or vCard).")
    if encoding:
        return Decoded(_decode_as(data, name, encoding), _canonical(encoding))
    for bom, with_bom in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(with_bom), with_bom)
            except UnicodeDecodeError as error:
                raise ValidationError(f"{name} says it is {with_bom} but is not.") from error
    wide = _utf16_without_bom(data)
    if wide is not None:
        return wide
    if b"\x00" in data[:4096]:
        raise ValidationError(f"{name} holds binary data, not a contacts file (CSV or vCard).")
    if b"BEGIN:VCARD" in data[:4096].upper():
        data = _SPLIT_CHARACTER.sub(rb"\1\3\2", data)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        return _guess(data)


def _canonical(encoding: str) -> str:
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return encoding
    return {"shift_jis": "cp932", "euc_kr": "cp949", "big5hkscs": "big5"}.get(name, name)


def _decode_as(data: bytes, name: str, encoding: str) -> str:
    codec = _canonical(encoding)
    if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
        codec = "utf-8-sig"
    try:
        return data.decode(codec)
    except LookupError as error:
        raise ValidationError(f"'{encoding}' is not an encoding Nurture knows.") from error
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ValidationError(
            f"{name} cannot be read as {label(codec)}: line {line} holds bytes that are not "
            "text in it. Choose another encoding."
        ) from error


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 with no BOM, told by the zero high bytes of its Latin letters."""
    sample = data[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if even > half * 0.3 and odd == 0:
        codec = "utf-16-be"
    elif odd > half * 0.3 and even == 0:
        codec = "utf-16-le"
    else:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    return None if "\x00" in text else Decoded(text, codec)


def _guess(data: bytes) -> Decoded:
    """The legacy encoding that reads the whole file most like names, then most like a language
    (charset-normalizer's coherence); a tie goes to the desktop's language, then to Western
    Windows. Encodings that tie on both are named as alternatives."""
    from charset_normalizer import from_bytes

    coherence: dict[str, float] = {}
    for match in from_bytes(data[:1_000_000]):
        coherence.setdefault(_canonical(match.encoding), round(match.coherence, 1))
    preferred = [p for p in (_language_encoding(), _WESTERN) if p]
    readings = _readings(data, [*preferred, *coherence, *ENCODINGS], coherence)
    if not readings:
        return Decoded(data.decode(_WESTERN, errors="replace"), _WESTERN)
    text = readings[0][-1]
    # Encodings that give this very text: name the one the user's desktop would have written.
    best = min((r for r in readings if r[-1] == text), key=lambda r: r[2])[3]
    equals = tuple(
        codec
        for *score, codec, other in readings[1:]
        if score[:2] == list(readings[0][:2]) and other != text and codec in ENCODINGS
    )
    if not equals:
        return Decoded(text, best)
    other = next(r[-1] for r in readings if r[3] == equals[0])
    return Decoded(text, best, equals, _first_difference(text, other))


def _first_difference(text: str, other: str) -> tuple[str, str]:
    for ours, theirs in zip(_WORDS.split(text), _WORDS.split(other), strict=False):
        if ours != theirs:
            return ours[:40], theirs[:40]
    return "", ""


def _readings(
    data: bytes, codecs_: list[str], coherence: dict[str, float]
) -> list[tuple[int, float, int, str, str]]:
    """(implausible characters, -coherence, rank, codec, text) of every codec that reads every
    byte, best first."""
    readings = []
    for rank, codec in enumerate(dict.fromkeys(codecs_)):
        if codec.startswith("utf"):
            continue
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        readings.append((_implausible(text), -coherence.get(codec, 0.0), rank, codec, text))
    return sorted(readings)


def _implausible(text: str) -> int:
    """How many characters of the file's words a name, address or note would hardly hold:
    symbols and controls among letters ('£ukasz', 'Ma³gorzata'), words that mix scripts
    ('Jьrgen' for 'Jürgen'), capitals after small letters ('иВАН'), and accented Latin
    letters three or more in a row ('Èâàí' for 'Иван'; names have 'Dvořák', not 'Čāąķ')."""
    score = 0
    for word in _NON_ASCII_WORD.findall(text):
        scripts = set()
        latin_run = 0
        lower_before = False
        for char in word:
            if char.isascii():
                latin_run, lower_before = 0, char.islower()
                if char.isalpha():
                    scripts.add("LATIN")
                continue
            if unicodedata.category(char)[0] not in "LM":
                score += char not in _PUNCTUATION
                latin_run = 0
                continue
            script = unicodedata.name(char, "?").split()[0]
            scripts.add(_SCRIPT_FAMILY.get(script, script))
            latin_run = latin_run + 1 if script == "LATIN" else 0
            score += latin_run >= 3
            # 'иВАН' (KOI8-R read as Windows-1251): a capital after a small letter.
            score += lower_before and char.isupper()
            lower_before = char.islower()
        if len(scripts) > 1:
            score += sum(1 for char in word if not char.isascii())
    return score


def _language_encoding() -> str | None:
    language = (locale.getlocale()[0] or "").split("_")[0].lower()
    return _BY_LANGUAGE.get(language)
