"""The real `nurture` command line, run as a process on a temporary data folder.

Each run costs about half a second, so the scenarios share runs where they can and check the
database in-process in between.
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

import pytest

from nurture import __version__
from nurture.app import Nurture
from nurture.cli.main import parse_args
from nurture.cli.parser import build_parser
from nurture.domain.dates import PartialDate
from nurture.domain.dto import ContactDraft
from nurture.domain.enums import RelationshipKind
from nurture.paths import ENV_DATA_DIR, backups_dir
from nurture.services.listing import ContactQuery

# Keys the JSON of `show --json` promises (a contract: outside scripts read it).
CARD_KEYS = {
    "id",
    "name",
    "given_name",
    "middle_name",
    "family_name",
    "nickname",
    "organization",
    "title",
    "emails",
    "phones",
    "addresses",
    "websites",
    "dates",
    "relationships",
    "preferences",
    "gifts",
    "interactions",
    "follow_ups",
    "tags",
    "notes",
    "starred",
    "referred_by",
}
SUMMARY_KEYS = {
    "id",
    "name",
    "organization",
    "emails",
    "phones",
    "tags",
    "last_interaction",
    "keep_in_touch",
}


def nurture(
    *args: str, data_dir: Path | None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != ENV_DATA_DIR}
    environment.update(env or {})
    prefix = ["--data-dir", str(data_dir)] if data_dir is not None else []
    return subprocess.run(
        [sys.executable, "-m", "nurture", *prefix, *args],
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


def failed(result: subprocess.CompletedProcess[str], code: int) -> str:
    assert result.returncode == code
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    return result.stderr


@contextmanager
def opened(data_dir: Path) -> Iterator[Nurture]:
    app = Nurture.open(data_dir)
    try:
        yield app
    finally:
        app.close()


def test_version(tmp_path: Path) -> None:
    assert ok(nurture("--version", data_dir=tmp_path)).strip() == f"nurture {__version__}"
    assert not any(tmp_path.iterdir())  # printing the version creates no database


def test_add_prints_an_id_and_show_json_has_the_documented_shape(tmp_path: Path) -> None:
    with opened(tmp_path) as app:
        pat = app.contacts.create(ContactDraft(given_name="Pat", family_name="Kim")).value.id

    out = ok(
        nurture(
            "add",
            "Ann Marie Lee",
            "--email",
            "ann@acme.com",
            "--email",
            "ann@home.org",
            "--phone",
            "(415) 555-0123",
            "--company",
            "Acme",
            "--title",
            "CFO",
            "--birthday=--02-29",
            "--date",
            "graduation=2027-06",
            "--tag",
            "Client",
            "--tag",
            "Golf",
            "--every",
            "30",
            "--referred-by",
            "Pat Kim",
            data_dir=tmp_path,
        )
    )
    ann = int(out.strip())

    with opened(tmp_path) as app:
        mia = app.network.add_related_person(
            ann, RelationshipKind.CHILD, ContactDraft(given_name="Mia")
        ).value
    card = json.loads(ok(nurture("show", str(ann), "--json", data_dir=tmp_path)))

    assert set(card) >= CARD_KEYS
    assert card["id"] == ann
    assert (card["name"], card["given_name"], card["middle_name"], card["family_name"]) == (
        "Ann Marie Lee",
        "Ann",
        "Marie",
        "Lee",
    )
    assert (card["organization"], card["title"], card["nickname"]) == ("Acme", "CFO", "")
    assert card["emails"] == [
        {"value": "ann@acme.com", "label": "", "primary": True},
        {"value": "ann@home.org", "label": "", "primary": False},
    ]
    assert [{k: p[k] for k in ("value", "label", "primary")} for p in card["phones"]] == [
        {"value": "+14155550123", "label": "", "primary": True}
    ]
    assert card["addresses"] == []
    assert card["websites"] == []
    assert sorted(
        ({k: d[k] for k in ("kind", "label", "year", "month", "day")} for d in card["dates"]),
        key=lambda d: d["kind"],
    ) == [
        {"kind": "birthday", "label": "", "year": None, "month": 2, "day": 29},
        {"kind": "graduation", "label": "", "year": 2027, "month": 6, "day": None},
    ]
    assert [{k: r[k] for k in ("kind", "id", "name")} for r in card["relationships"]] == [
        {"kind": "child", "id": mia, "name": "Mia"}
    ]
    assert card["tags"] == ["Client", "Golf"]
    assert card["referred_by"] == {"id": pat, "name": "Pat Kim"}
    assert card["keep_in_touch_days"] == 30
    assert (card["preferences"], card["gifts"], card["interactions"], card["follow_ups"]) == (
        [],
        [],
        [],
        [],
    )
    assert (card["notes"], card["starred"]) == ("", False)


def test_contacts_log_and_follow_up(tmp_path: Path) -> None:
    with opened(tmp_path) as app:
        ann = app.contacts.create(
            ContactDraft(given_name="Ann", family_name="Lee", organization="Acme")
        ).value.id
        bo = app.contacts.create(ContactDraft(given_name="Bo", family_name="Chen")).value.id
        app.network.add_related_person(ann, RelationshipKind.SPOUSE, ContactDraft("Sam"))

    logged = ok(
        nurture(
            "log",
            "Ann Lee",
            "--kind",
            "lunch",
            "--with",
            str(bo),
            "--when",
            "2024-05-01T12:30:00+00:00",
            "--note",
            "boats",
            "--json",
            data_dir=tmp_path,
        )
    )
    assert json.loads(logged)["participants"] == [ann, bo]
    follow = json.loads(
        ok(
            nurture(
                "follow-up",
                "ann",
                "--due",
                "2024-06-01",
                "--rrule",
                "FREQ=MONTHLY",
                "--title",
                "Check in",
                "--json",
                data_dir=tmp_path,
            )
        )
    )
    assert follow["contact_id"] == ann
    listed = json.loads(ok(nurture("contacts", "--json", data_dir=tmp_path)))

    when = datetime(2024, 5, 1, 12, 30, tzinfo=UTC)
    with opened(tmp_path) as app:
        for person in (ann, bo):
            assert app.contacts.card(person).last_interaction_at == when
        (follow_up,) = app.contacts.card(ann).follow_ups
        assert (follow_up.id, follow_up.rrule, follow_up.title) == (
            follow["id"],
            "FREQ=MONTHLY",
            "Check in",
        )
    assert all(set(row) == SUMMARY_KEYS for row in listed)
    # Sam is a light contact: not in the default list.
    assert [(row["id"], row["name"], row["organization"]) for row in listed] == [
        (bo, "Bo Chen", ""),
        (ann, "Ann Lee", "Acme"),
    ]
    assert {row["id"]: datetime.fromisoformat(row["last_interaction"]) for row in listed} == {
        ann: when,
        bo: when,
    }


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "Nobody Here"], "No contact is called 'Nobody Here'"),
        (["follow-up", "Ann", "--due", "2024-06-01", "--rrule", "FREQ=SOMETIMES"], "FREQ"),
    ],
)
def test_known_errors_are_one_line_and_exit_1(
    data_dir: Path, args: list[str], message: str
) -> None:
    with opened(data_dir) as app:
        app.contacts.create(ContactDraft(given_name="Ann"))
    stderr = failed(nurture(*args, data_dir=data_dir), 1)
    assert stderr.count("\n") == 1
    assert stderr.startswith("nurture: ")
    assert message in stderr
    with opened(data_dir) as app:  # nothing was written
        assert [c.name for c in app.listing.page(ContactQuery(include_light=True))] == ["Ann"]
        assert app.contacts.card(app.contacts.resolve("Ann")).follow_ups == ()


def test_a_bad_date_is_a_usage_error(tmp_path: Path) -> None:
    stderr = failed(nurture("add", "Ann", "--birthday", "2023-02-30", data_dir=tmp_path), 2)
    assert "--birthday" in stderr
    assert "2023-02-30" in stderr
    assert not (tmp_path / "nurture.sqlite3").exists()


def test_the_data_folder_comes_from_the_environment(tmp_path: Path) -> None:
    env_dir = tmp_path / "from-env"
    with opened(env_dir) as app:
        app.contacts.create(ContactDraft(given_name="Envy"))
    listed = json.loads(
        ok(nurture("contacts", "--json", data_dir=None, env={ENV_DATA_DIR: str(env_dir)}))
    )
    assert [row["name"] for row in listed] == ["Envy"]


def test_backup_writes_a_copy_into_the_backups_folder(data_dir: Path) -> None:
    printed = Path(ok(nurture("backup", data_dir=data_dir)).strip())
    assert printed.parent == backups_dir(data_dir)
    assert printed.is_file()


def test_date_options_read_the_documented_forms() -> None:
    args = build_parser().parse_args(
        ["add", "Ann", "--birthday", "1980-06-15", "--date", "Work-Anniversary=2010-09-01"]
    )
    assert args.birthday == PartialDate(1980, 6, 15)
    assert [(str(kind), when) for kind, when in args.date] == [
        ("work_anniversary", PartialDate(2010, 9, 1))
    ]


def test_a_year_less_birthday_can_follow_the_option() -> None:
    args = parse_args(["add", "Ann", "--birthday", "--02-29"])
    assert args.birthday == PartialDate(None, 2, 29)


def test_every_command_has_a_handler_and_importing_them_registers_nothing() -> None:
    import argparse
    import importlib

    from nurture.cli.main import handler
    from nurture.cli.parser import COMMANDS

    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert set(commands.choices) == set(COMMANDS)
    for name in COMMANDS:
        assert callable(handler(name)), name
    # Loading a command's module is the only way to reach it: the modules keep no registry.
    people = importlib.import_module("nurture.cli.people")
    assert not any(isinstance(v, dict) and "demo" in v for v in vars(people).values())


def test_dates_relationships_referrals_and_removals_from_the_command_line(data_dir: Path) -> None:
    def run(*args: str) -> str:
        done = nurture(*args, data_dir=data_dir)
        assert done.returncode == 0, done.stderr
        return done.stdout

    for name in ("Robert Miller", "Claire Miller", "Dana Fox"):
        run("add", name)
    run("date", "Robert Miller", "anniversary=2001-06-12")
    run("date", "Robert Miller", "graduation=2027-06", "--once")
    run("relate", "Robert Miller", "spouse", "Claire Miller")
    run(
        "referral",
        "Dana Fox",
        "Robert Miller",
        "--on",
        "2026-03-01",
        "--value",
        "12000",
        "--currency",
        "USD",
        "--note",
        "new account",
    )
    card = json.loads(run("show", "Robert Miller", "--json"))
    assert sorted(d["kind"] for d in card["dates"]) == ["anniversary", "graduation"]
    assert [(r["kind"], r["name"]) for r in card["relationships"]] == [("spouse", "Claire Miller")]
    (referral,) = card["referrals"]
    assert (referral["partner"]["name"], referral["value_cents"]) == ("Dana Fox", 1_200_000)
    claire = json.loads(run("show", "Claire Miller", "--json"))
    assert [(r["kind"], r["name"]) for r in claire["relationships"]] == [
        ("spouse", "Robert Miller")
    ]

    relationship = card["relationships"][0]["relationship_id"]
    assert "Removed relationship" in run("remove", "relationship", str(relationship))
    assert json.loads(run("show", "Robert Miller", "--json"))["relationships"] == []
    run("undo")
    assert len(json.loads(run("show", "Robert Miller", "--json"))["relationships"]) == 1
    negative = nurture("referral", "Dana Fox", "Claire Miller", "--value", "-5", data_dir=data_dir)
    assert (negative.returncode, negative.stderr.strip()) == (
        1,
        "nurture: A referral's value cannot be negative.",
    )
    assert len(json.loads(run("show", "Dana Fox", "--json"))["referrals"]) == 1  # unchanged
    missing = nurture("remove", "gift", "999", data_dir=data_dir)
    assert (missing.returncode, "no gift with id 999" in missing.stderr) == (1, True)


def test_imports_are_listed_with_the_batch_id_undo_import_takes(
    data_dir: Path, tmp_path: Path
) -> None:
    source = tmp_path / "friends.csv"
    source.write_text("Name,E-mail 1 - Value\nZed Zane,zed@example.org\n", encoding="utf-8")
    assert nurture("import", str(source), data_dir=data_dir).returncode == 0
    (batch,) = json.loads(nurture("imports", "--json", data_dir=data_dir).stdout)
    assert (batch["source"], batch["added"], batch["undone"]) == ("friends.csv", 1, False)
    assert nurture("undo-import", str(batch["batch"]), data_dir=data_dir).returncode == 0
    assert json.loads(nurture("imports", "--json", data_dir=data_dir).stdout)[0]["undone"]
    assert "(undone)" in nurture("imports", data_dir=data_dir).stdout
