"""One vocabulary: a Google CSV and a vCard holding the same person with the same words give
the same relations, dates and profiles."""

from __future__ import annotations

from nurture.domain.enums import DateKind, RelationshipKind, WebKind
from nurture.io.incoming import IncomingContact
from nurture.io.reader import parse

GOOGLE_CSV = (
    "First Name,Last Name,Relation 1 - Label,Relation 1 - Value,Relation 2 - Label,"
    "Relation 2 - Value,Relation 3 - Label,Relation 3 - Value,Website 1 - Label,"
    "Website 1 - Value,Event 1 - Label,Event 1 - Value\r\n"
    "Ann,Lee,Mom,Mary Lee,Boss,Bob Roe,Sweetheart,Sam Poe,Profile,fb.com/ann,"
    "Graduation day,2027-06-15\r\n"
)
VCARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lee;Ann;;;\r\nFN:Ann Lee\r\n"
    "item1.X-ABRELATEDNAMES:Mary Lee\r\nitem1.X-ABLabel:Mom\r\n"
    "item2.X-ABRELATEDNAMES:Bob Roe\r\nitem2.X-ABLabel:Boss\r\n"
    "item3.X-ABRELATEDNAMES:Sam Poe\r\nitem3.X-ABLabel:Sweetheart\r\n"
    "item4.URL:fb.com/ann\r\n"
    "item5.X-ABDATE:2027-06-15\r\nitem5.X-ABLabel:Graduation day\r\n"
    "END:VCARD\r\n"
)


def _read(data: str, name: str) -> IncomingContact:
    (contact,) = parse(data.encode("utf-8"), name).contacts
    return contact


def _words(contact: IncomingContact) -> dict[str, object]:
    return {
        "relations": sorted((r.kind, r.name, r.label) for r in contact.relations),
        "dates": sorted((d.kind, d.label) for d in contact.dates),
        "web": sorted((w.url, w.kind) for w in contact.web_links),
    }


def test_a_csv_and_a_vcard_say_the_same_with_the_same_words() -> None:
    from_csv, from_vcard = _read(GOOGLE_CSV, "google.csv"), _read(VCARD, "apple.vcf")
    assert _words(from_csv) == _words(from_vcard)
    assert _words(from_csv) == {
        "relations": [
            (RelationshipKind.MANAGER, "Bob Roe", "Boss"),
            (RelationshipKind.PARENT, "Mary Lee", "Mom"),
            (RelationshipKind.SPOUSE, "Sam Poe", "Sweetheart"),
        ],
        "dates": [(DateKind.GRADUATION, "Graduation day")],
        "web": [("fb.com/ann", WebKind.FACEBOOK)],
    }
