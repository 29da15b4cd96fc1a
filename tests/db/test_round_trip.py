"""Nurture → vCard → Nurture: the demo network exported as vCard 4.0 and 3.0, imported into an
empty data folder, and every contact compared as `nurture show --json` prints it. Standard
fields and Nurture's own (X-NURTURE-*) come back exactly; what a vCard has no place for (gifts,
tastes, interactions, follow-ups…) is left out of the comparison, as it is out of the file."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from nurture.app import Nurture
from nurture.cli.shapes import card_json
from nurture.demo import generate
from nurture.paths import database_path
from nurture.services.importing import ImportOptions
from nurture.services.listing import ContactQuery

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
EVERYONE = ContactQuery(include_light=True, include_archived=True)
# What a vCard carries: the standard fields, and Nurture's own as X-NURTURE-* properties.
CARRIED = (
    "name", "prefix", "given_name", "middle_name", "family_name", "suffix", "nickname",
    "shown_as", "organization", "title", "department", "emails", "phones", "addresses",
    "websites", "dates", "relationships", "tags", "notes", "how_we_met", "met_on", "starred",
    "tier", "time_zone", "keep_in_touch_days", "referred_by",
)  # fmt: skip


def carried(card: dict[str, Any]) -> dict[str, Any]:
    """The card as the file carries it: records by what they say, not by their ids."""
    kept = {key: card[key] for key in CARRIED}
    kept["dates"] = sorted(
        (d["kind"], d["label"], d["year"], d["month"], d["day"], d["recurrence"])
        for d in card["dates"]
    )
    kept["relationships"] = sorted(
        (r["kind"], r["name"], r["label"]) for r in card["relationships"]
    )
    kept["referred_by"] = card["referred_by"]["name"] if card["referred_by"] else None
    return kept


def main_contacts(app: Nurture) -> dict[str, dict[str, Any]]:
    """Every main contact by name (light ones travel only as their relatives' RELATED)."""
    cards = [card_json(app.contacts.card(i)) for i in app.listing.ids(ContactQuery())]
    found = {c["name"] + " " + (c["emails"][0]["value"] if c["emails"] else ""): c for c in cards}
    assert len(found) == len(cards), "two main contacts with the same name and first email"
    return {key: carried(card) for key, card in found.items()}


@pytest.fixture(scope="module")
def network(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("network")
    app = Nurture.open(folder)
    try:
        generate(app.database, contacts=400, seed=13, now=NOW)
    finally:
        app.close()
    return folder


@pytest.mark.parametrize("version", ["vcard", "vcard3"])
def test_a_vcard_export_imported_into_an_empty_nurture_gives_the_same_contacts(
    network: Path, tmp_path: Path, template_database: Path, version: str
) -> None:
    source = Nurture.open(network)
    try:
        data = source.exporting.export(version)
        before = main_contacts(source)
    finally:
        source.close()
    target_dir = tmp_path / "empty"
    target_dir.mkdir()
    shutil.copyfile(template_database, database_path(target_dir))
    target = Nurture.open(target_dir)
    try:
        report = target.importing.run(
            target.importing.open(data, "network.vcf"), ImportOptions()
        ).value
        after = main_contacts(target)
    finally:
        target.close()

    # Every field compared is there to lose: the network has titles, zones, referrals...
    unused = [k for k in CARRIED if not any(card[k] for card in before.values())]
    assert unused == []
    assert report.errors == ()
    # Same-named people are kept apart and pointed out for review; nothing is left out.
    assert [n for n in report.notes if "may be the same person" not in n.message] == []
    assert sorted(after) == sorted(before)
    differences = {
        name: {
            k: (before[name][k], after[name][k])
            for k in CARRIED
            if before[name][k] != after[name][k]
        }
        for name in before
    }
    differences = {name: diff for name, diff in differences.items() if diff}
    assert differences == {}
