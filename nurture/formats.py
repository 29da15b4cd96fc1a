"""The names of file formats and import choices, in a module light enough for the command line
to load at start-up (the import and export engines load only when a command needs them)."""

from __future__ import annotations

from enum import StrEnum


class CsvFormat(StrEnum):
    """The CSV layouts Nurture reads (each address book writes its own)."""

    GOOGLE = "google"
    GOOGLE_LEGACY = "google-legacy"
    OUTLOOK = "outlook"
    OUTLOOK_COM = "outlook-com"
    LINKEDIN = "linkedin"
    THUNDERBIRD = "thunderbird"
    YAHOO = "yahoo"
    GENERIC = "generic"


VCARD = "vcard"
IMPORT_FORMATS = ("auto", *[f.value for f in CsvFormat], VCARD)
# What a detected format is called where people read it (the import wizard).
FORMAT_NAMES = {
    CsvFormat.GOOGLE: "a Google Contacts CSV",
    CsvFormat.GOOGLE_LEGACY: "an older Google Contacts CSV",
    CsvFormat.OUTLOOK: "an Outlook CSV",
    CsvFormat.OUTLOOK_COM: "an Outlook.com CSV",
    CsvFormat.LINKEDIN: "a LinkedIn connections CSV",
    CsvFormat.THUNDERBIRD: "a Thunderbird CSV",
    CsvFormat.YAHOO: "a Yahoo CSV",
    CsvFormat.GENERIC: "a CSV file",
    VCARD: "vCards",
}


class ExportFormat(StrEnum):
    CSV = "csv"
    VCARD = "vcard"
    VCARD3 = "vcard3"
    ICS = "ics"


class OnDuplicate(StrEnum):
    MERGE = "merge"
    SKIP = "skip"
    ADD = "add"
