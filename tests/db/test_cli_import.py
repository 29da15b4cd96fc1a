"""The import, undo-import, duplicates, merge and export commands, run as real processes.

A run costs about half a second, so each scenario chains the commands a user would type and
checks the database in-process in between.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from nurture.app import Nurture
from nurture.domain.dto import ContactDraft, EmailValue
from nurture.domain.enums import InteractionKind
from nurture.io.reader import parse
from nurture.paths import ENV_DATA_DIR
from nurture.services.importing import ImportOptions
from nurture.services.listing import ContactQuery

CSV = Path(__file__).parent.parent / "fixtures" / "csv"
EVERYONE = ContactQuery(include_light=True, include_archived=True)
REPORT_KEYS = {"batch", "format", "rows", "created", "merged", "skipped", "errors"}


def nurture(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != ENV_DATA_DIR}
    return subprocess.run(
        [sys.executable, "-m", "nurture", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
        check=False,
    )


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def report(result: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    value: dict[str, Any] = json.loads(ok(result))
    assert set(value) >= REPORT_KEYS
    return value


@contextmanager
def opened(data_dir: Path) -> Iterator[Nurture]:
    app = Nurture.open(data_dir)
    try:
        yield app
    finally:
        app.close()


@pytest.fixture
def folder(data_dir: Path) -> Path:
    """A data folder whose phone numbers without a country code are US numbers."""
    with opened(data_dir) as app:
        app.settings.update(phone_region="US")
    return data_dir


def counts(data_dir: Path) -> tuple[int, int]:
    with opened(data_dir) as app:
        return app.listing.count(EVERYONE), len(app.importing.batches())


def test_dry_run_import_skip_duplicates_and_undo(folder: Path) -> None:
    google = str(CSV / "google_current.csv")

    dry = report(nurture(folder, "import", google, "--dry-run", "--json"))

    assert dry == dry | {
        "batch": None,
        "format": "google",
        "rows": 4,
        "created": 4,
        "merged": 0,
        "skipped": 0,
        "errors": [],
    }
    assert counts(folder) == (0, 0)

    done = report(nurture(folder, "import", google, "--json"))

    assert (done["batch"], done["created"], done["errors"]) == (1, 4, [])
    with opened(folder) as app:
        assert app.listing.count(ContactQuery()) == 4
        assert app.listing.count(EVERYONE) == 6  # Priya's spouse and child
        tom = app.contacts.card(app.contacts.resolve("Tom Becker"))
        assert [p.value for p in tom.draft.phones] == ["+16505550199"]

    again = report(nurture(folder, "import", google, "--on-duplicate", "skip", "--json"))

    assert (again["batch"], again["created"], again["merged"], again["skipped"]) == (2, 0, 0, 4)
    assert counts(folder) == (6, 2)

    undone = ok(nurture(folder, "undo-import", "1"))

    assert "Import 1 undone" in undone
    assert counts(folder)[0] == 0


def test_map_reads_a_column_nurture_does_not_know(folder: Path) -> None:
    odd = str(CSV / "generic_odd_headers.csv")

    done = report(
        nurture(
            folder, "import", odd, "--map", "Cell=phone", "--map", "Employer=organization", "--json"
        )
    )

    assert (done["format"], done["created"]) == ("generic", 2)
    with opened(folder) as app:
        farah = app.contacts.card(app.contacts.resolve("Farah Aziz")).draft
        assert [p.value for p in farah.phones] == ["+13125550155"]
        assert farah.organization == "Lakeside Dental"


def test_rows_that_could_not_be_read_are_listed_with_their_line(folder: Path) -> None:
    done = report(nurture(folder, "import", str(CSV / "unclosed_quote.csv"), "--json"))

    assert done["created"] == 2
    [error] = done["errors"]
    assert error["line"] == 4
    assert "never closed" in error["message"]


def test_duplicates_then_merge(folder: Path) -> None:
    with opened(folder) as app:
        john = app.contacts.create(
            ContactDraft(
                given_name="John",
                family_name="Smith",
                emails=(EmailValue("john@smith.example"),),
            )
        ).value.id
        jon = app.contacts.create(ContactDraft(given_name="Jon", family_name="Smith")).value.id
        app.interactions.log(InteractionKind.CALL, [john], datetime(2024, 1, 5, tzinfo=UTC))
        app.interactions.log(InteractionKind.LUNCH, [jon], datetime(2024, 2, 6, tzinfo=UTC))

    found = json.loads(ok(nurture(folder, "duplicates", "--json")))

    assert found == [
        {
            "a": {"id": john, "name": "John Smith"},
            "b": {"id": jon, "name": "Jon Smith"},
            "reason": "similar name",
        }
    ]

    merged = ok(nurture(folder, "merge", str(john), str(jon)))

    assert f"Merged {jon} into {john}" in merged
    with opened(folder) as app:
        assert app.listing.count(EVERYONE) == 1
        kept = app.contacts.card(john)
        assert sorted(i.kind.value for i in kept.interactions) == ["call", "lunch"]


def test_export_writes_a_file_that_reads_back(folder: Path, tmp_path: Path) -> None:
    with opened(folder) as app:
        source = app.importing.open((CSV / "outlook.csv").read_bytes(), "outlook.csv")
        app.importing.run(source, ImportOptions())
    target = tmp_path / "out" / "contacts.csv"
    target.parent.mkdir()

    result = nurture(folder, "export", "--format", "csv", "-o", str(target))

    assert ok(result) == ""
    assert "Exported to" in result.stderr
    assert "not encrypted: anyone with this file can read it" in result.stderr
    assert not list(target.parent.glob("*.part"))
    back = parse(target.read_bytes(), target.name)
    assert back.format == "google"
    assert sorted(c.given_name for c in back.contacts) == ["Daniel", "Hannah"]


def test_a_missing_file_is_one_line_on_stderr(folder: Path) -> None:
    result = nurture(folder, "import", str(CSV / "no-such-file.csv"), "--json")

    assert result.returncode == 1
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith("nurture: Cannot read ")
    assert "no-such-file.csv" in line
    assert counts(folder) == (0, 0)


def test_a_guessed_encoding_is_said_and_can_be_chosen(folder: Path) -> None:
    outlook = str(CSV.parent / "shapes" / "class2_outlook_cp1252.csv")
    unknown = nurture(folder, "import", outlook, "--encoding", "klingon")
    assert unknown.returncode == 1
    assert unknown.stderr == "nurture: 'klingon' is not an encoding Nurture knows.\n"
    assert counts(folder) == (0, 0)

    guessed = report(nurture(folder, "import", outlook, "--json", "--dry-run"))
    assert guessed["encoding"] == "cp1252"
    [notice] = guessed["notices"]
    assert "a guess" in notice
    assert "--encoding" in notice

    chosen = report(nurture(folder, "import", outlook, "--json", "--encoding", "windows-1252"))
    assert (chosen["encoding"], chosen["notices"], chosen["created"]) == ("cp1252", [], 2)
    with opened(folder) as app:
        assert app.contacts.resolve("José Peña")
