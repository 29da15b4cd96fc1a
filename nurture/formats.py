"""The names of file formats and import choices, in a module light enough for the command line
to load at start-up (the import and export engines load only when a command needs them)."""

from __future__ import annotations

from enum import StrEnum

from nurture.io.csv_formats import CsvFormat

VCARD = "vcard"
IMPORT_FORMATS = ("auto", *[f.value for f in CsvFormat], VCARD)


class ExportFormat(StrEnum):
    CSV = "csv"
    VCARD = "vcard"
    VCARD3 = "vcard3"
    ICS = "ics"


class OnDuplicate(StrEnum):
    MERGE = "merge"
    SKIP = "skip"
    ADD = "add"
