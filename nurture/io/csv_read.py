"""Reading a CSV export: its delimiter, its header row (found by content: LinkedIn writes notes
above it), and its records with the line each starts on. Ragged rows, quoted multi-line cells and
huge cells are fine; a quote left open stops the reading with a message naming its line."""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from nurture.errors import ValidationError
from nurture.io.incoming import Problem

# Address books put multi-megabyte photos and notes in cells.
csv.field_size_limit(sys.maxsize)

_DELIMITERS = (",", ";", "\t")
_SCAN_ROWS = 25


@dataclass(frozen=True, slots=True)
class CsvRow:
    line: int  # where the record starts, 1-based
    cells: list[str]


@dataclass(frozen=True, slots=True)
class CsvTable:
    delimiter: str
    header: list[str]
    skip: int  # records up to and including the header
    text: str

    def rows(self) -> Iterator[CsvRow | Problem]:
        """The records after the header; a Problem (then nothing more) for a quote that is
        never closed."""
        reader = csv.reader(
            io.StringIO(self.text, newline=""), delimiter=self.delimiter, strict=True
        )
        previous = 0
        for _ in range(self.skip):
            next(reader)
            previous = reader.line_num
        while True:
            start = previous + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                yield Problem(
                    start, f"a quoted cell is never closed ({error}); nothing after it was read"
                )
                return
            previous = reader.line_num
            if any(cell.strip() for cell in cells):
                yield CsvRow(start, cells)


def read_table(text: str, is_header: Callable[[list[str]], bool]) -> CsvTable:
    """Find the delimiter and the header row (the first row `is_header` accepts, else the first
    row with two or more non-empty cells)."""
    if not text.strip():
        raise ValidationError("The file is empty.")
    delimiter = _delimiter(text)
    rows = _first_rows(text, delimiter)
    chosen = next((i for i, row in enumerate(rows) if is_header(row)), None)
    if chosen is None:
        chosen = next(
            (i for i, row in enumerate(rows) if sum(bool(c.strip()) for c in row) > 1), None
        )
    if chosen is None:
        raise ValidationError("No header row was found: this does not look like a contacts CSV.")
    header = [cell.strip().strip("\ufeff") for cell in rows[chosen]]
    return CsvTable(delimiter, header, chosen + 1, text)


def _first_rows(text: str, delimiter: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[str]] = []
    try:
        for row in reader:
            rows.append(row)
            if len(rows) >= _SCAN_ROWS:
                break
    except csv.Error:
        pass  # an open quote further down is reported when the rows are read
    return rows


def _delimiter(text: str) -> str:
    """The candidate that splits the first lines most consistently into the most columns."""
    sample = text[:20_000]
    best, best_score = ",", 0
    for candidate in _DELIMITERS:
        widths = [len(row) for row in _first_rows(sample, candidate) if any(row)]
        if not widths:
            continue
        widest = max(widths)
        score = widest * sum(width == widest for width in widths) if widest > 1 else 0
        if score > best_score:
            best, best_score = candidate, score
    return best
