"""A contacts file of any supported format, read into incoming contacts and problems by line."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from nurture.errors import ValidationError
from nurture.formats import IMPORT_FORMATS, VCARD, CsvFormat
from nurture.gc_pause import cycle_collection_paused
from nurture.io.csv_formats import Field, detect, looks_like_header, mapping
from nurture.io.csv_read import CsvRow, read_table
from nurture.io.csv_rows import build
from nurture.io.dates import as_day_first, slash_date_order
from nurture.io.decoding import Decoded, decode
from nurture.io.incoming import IncomingContact, Problem

_SAMPLE_ROWS = 20
_VCARD_START = re.compile(r"\s*BEGIN:VCARD", re.IGNORECASE)  # not upper() of the whole file


@dataclass(frozen=True, slots=True)
class Column:
    """A CSV column as the wizard shows it: its name, a sample value and where it goes."""

    name: str
    sample: str
    target: str  # a field of csv_formats.FIELDS, a Google group part, or "" (not imported)


@dataclass(slots=True)
class ParsedFile:
    format: str
    encoding: str
    columns: list[Column] = field(default_factory=list)
    contacts: list[IncomingContact] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # About the whole file (how its dates were read): shown with the report.
    notices: list[str] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return len(self.contacts) + len(self.problems)


@dataclass(slots=True)
class ContactsFile:
    """A contacts file read once: decoded, and split into cards (vCard) or rows (CSV). Applying
    a column mapping (`parsed`) uses the rows already read, so the wizard's columns, its
    preview and the import itself never read the file again."""

    name: str
    decoded: Decoded
    csv_format: CsvFormat | None = None  # None for vCard
    header: list[str] = field(default_factory=list)
    rows: list[CsvRow | Problem] = field(default_factory=list)
    _parsed: dict[tuple[tuple[str, str], ...], ParsedFile] = field(default_factory=dict)

    def parsed(self, chosen: Mapping[str, str] | None = None) -> ParsedFile:
        """The contacts and problems with this mapping (chosen column -> field); ValidationError
        when no column maps to a field Nurture knows."""
        key = tuple(sorted((chosen or {}).items()))
        if key not in self._parsed:
            with cycle_collection_paused():
                self._parsed[key] = _csv(self, chosen)  # a vCard file was parsed when read
        return self._parsed[key]


def read(
    data: bytes, name: str = "The file", fmt: str = "auto", encoding: str | None = None
) -> ContactsFile:
    """Decode (in `encoding` when the user chose one) and split the file; ValidationError when
    the file as a whole cannot be read."""
    if fmt not in IMPORT_FORMATS:
        raise ValidationError(f"Unknown format '{fmt}': choose one of {', '.join(IMPORT_FORMATS)}.")
    with cycle_collection_paused():
        return _read(data, name, fmt, encoding)


def _read(data: bytes, name: str, fmt: str, encoding: str | None) -> ContactsFile:
    decoded = decode(data, name, encoding)
    text = decoded.text
    if fmt == VCARD or (fmt == "auto" and _VCARD_START.match(text)):
        opened = ContactsFile(name, decoded)
        opened._parsed[()] = _vcards(decoded)
        return opened
    table = read_table(text, looks_like_header)
    csv_format = detect(table.header) if fmt == "auto" else CsvFormat(fmt)
    return ContactsFile(name, decoded, csv_format, table.header, list(table.rows()))


def parse(
    data: bytes,
    name: str = "The file",
    fmt: str = "auto",
    chosen: Mapping[str, str] | None = None,
) -> ParsedFile:
    """Everything in the file, with this column mapping (for CSV)."""
    return read(data, name, fmt).parsed(chosen)


def _vcards(decoded: Decoded) -> ParsedFile:
    from nurture.io.vcard import CardError, read_vcards

    parsed = ParsedFile(VCARD, decoded.encoding)
    if decoded.notice():
        parsed.notices.append(decoded.notice())
    for item in read_vcards(decoded.text):
        if isinstance(item, CardError):
            parsed.problems.append(Problem(item.line, item.message))
        else:
            parsed.contacts.append(item)
    if not parsed.contacts and not parsed.problems:
        raise ValidationError("The file holds no vCards (no BEGIN:VCARD ... END:VCARD).")
    return parsed


def _csv(opened: ContactsFile, chosen: Mapping[str, str] | None) -> ParsedFile:
    header, csv_format = opened.header, opened.csv_format
    assert csv_format is not None
    fields = mapping(header, csv_format, chosen)
    if not any(fields):
        raise ValidationError(
            "None of the columns is one Nurture knows "
            f"({', '.join(header[:6])}...). Map them by hand (--map COLUMN=FIELD)."
        )
    parsed = ParsedFile(csv_format.value, opened.decoded.encoding)
    if opened.decoded.notice():
        parsed.notices.append(opened.decoded.notice())
    samples: list[str] = [""] * len(header)
    dated = [i for i, f in enumerate(fields) if f is not None and f.target in _DATE_TARGETS]
    day_first = _date_order(opened, dated, parsed)
    for item in opened.rows:
        if isinstance(item, Problem):
            parsed.problems.append(item)
            continue
        if day_first:
            item = CsvRow(
                item.line, [as_day_first(c) if i in dated else c for i, c in enumerate(item.cells)]
            )
        if len(parsed.contacts) < _SAMPLE_ROWS:
            for i, cell in enumerate(item.cells[: len(samples)]):
                samples[i] = samples[i] or cell.strip()[:80]
        _add(parsed, item, header, fields, csv_format)
    parsed.columns = [
        Column(column, sample, f.target if f else "")
        for column, sample, f in zip(header, samples, fields, strict=True)
    ]
    unused = [c.name for c in parsed.columns if not c.target and c.sample and c.name.strip()]
    if unused:
        parsed.notices.append(
            f"Not imported (no field to put them in; map them by hand to keep them): "
            f"{', '.join(unused)}."
        )
    return parsed


# Columns that hold dates people write with slashes (05/04/1980).
_DATE_TARGETS = frozenset({"birthday", "anniversary", "event.value", "connected_on"})


def _date_order(opened: ContactsFile, dated: list[int], parsed: ParsedFile) -> bool:
    """Whether this file writes its dates day first, decided from every date in it; an
    undecidable file is read month first and says so in the report."""
    cells = [
        item.cells[i]
        for item in opened.rows
        if isinstance(item, CsvRow)
        for i in dated
        if i < len(item.cells)
    ]
    day_first, sure = slash_date_order(cells)
    if not sure and any("/" in c for c in cells):
        parsed.notices.append(
            "Dates like 05/04/1980 were read month first (April 5), as Outlook and Yahoo write "
            "them: no date in the file has a day over 12 to tell."
        )
    return day_first


def _add(
    parsed: ParsedFile,
    row: CsvRow,
    header: list[str],
    fields: list[Field | None],
    fmt: CsvFormat,
) -> None:
    contact = build(row, fields, fmt)
    beyond = [c.strip() for c in row.cells[len(fields) :] if c.strip()]
    if beyond:
        contact.warnings.append(
            f"{len(beyond)} cell{'s' * (len(beyond) > 1)} beyond the last column left out: "
            + ", ".join(f'"{c[:40]}"' for c in beyond)
        )
    elif len(row.cells) < len(header):
        missing = header[len(row.cells) :]
        contact.warnings.append(
            f"only {len(row.cells)} of the {len(header)} columns (a line broken in two?): "
            f"{', '.join(missing[:5])}{', …' * (len(missing) > 5)} read as empty"
        )
    if contact.is_empty():
        parsed.problems.append(Problem(row.line, "no name, email or phone"))
    else:
        parsed.contacts.append(contact)
