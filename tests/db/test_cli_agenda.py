"""`nurture agenda` and `nurture due`, run as real processes on a temporary data folder.

Their JSON is a contract for outside scripts. The windows and times are given on the command line
(`--from`, `--now`) and lie in the past, so the real clock never changes what they print.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from nurture.cli.main import parse_args
from nurture.domain.dates import PartialDate
from nurture.domain.dto import ContactDraft
from nurture.domain.enums import DateKind, InteractionKind, RelationshipKind
from tests.db.test_cli import failed, nurture, ok, opened

AGENDA_KEYS = {"date", "kind", "contact_id", "contact", "title", "years", "due"}
KINDS = {
    "birthday",
    "anniversary",
    "graduation",
    "work_anniversary",
    "custom",
    "follow_up",
    "keep_in_touch",
    "holiday",
    "gift_deadline",
}
BERLIN = ZoneInfo("Europe/Berlin")


def _network(data_dir: Path) -> dict[str, int]:
    """One of every kind of occurrence between May 1 and Jun 14, 2025."""
    with opened(data_dir) as app:
        app.settings.update(
            time_zone="Europe/Berlin",
            holiday_country="US",
            gift_holidays=["mothers_day"],
            gift_lead_days=7,
        )
        jane = app.contacts.create(
            ContactDraft(given_name="Jane", family_name="Doe", organization="Acme")
        ).value.id
        tim = app.network.add_related_person(
            jane, RelationshipKind.CHILD, ContactDraft(given_name="Tim")
        ).value
        bo = app.contacts.create(
            ContactDraft(given_name="Bo", family_name="Berg", keep_in_touch_days=30)
        ).value.id
        app.records.add_date(tim, DateKind.BIRTHDAY, PartialDate(2007, 5, 10))
        app.records.add_date(tim, DateKind.GRADUATION, PartialDate(2025, 6, None))
        app.records.add_date(jane, DateKind.BIRTHDAY, PartialDate(1985, 5, 12))
        app.records.add_date(jane, DateKind.WORK_ANNIVERSARY, PartialDate(2020, 5, 13))
        app.records.add_date(jane, DateKind.ANNIVERSARY, PartialDate(2015, 5, 14))
        app.records.add_date(jane, DateKind.CUSTOM, PartialDate(None, 5, 15), label="Name day")
        app.records.add_follow_up(jane, date(2025, 5, 5), "Review", "FREQ=MONTHLY")
        app.interactions.log(
            InteractionKind.CALL, [bo], datetime.combine(date(2025, 4, 20), time(12), BERLIN)
        )
    return {"jane": jane, "bo": bo}


def test_agenda_json_is_the_documented_list(data_dir: Path) -> None:
    ids = _network(data_dir)

    rows = json.loads(
        ok(nurture("agenda", "--from", "2025-05-01", "--days", "45", "--json", data_dir=data_dir))
    )

    assert isinstance(rows, list)
    assert all(set(row) == AGENDA_KEYS for row in rows)
    assert {row["kind"] for row in rows} == KINDS  # one of each, nothing else
    assert [row["date"] for row in rows] == sorted(row["date"] for row in rows)
    assert all("2025-05-01" <= row["date"] <= "2025-06-14" for row in rows)
    by_title = {row["title"]: row for row in rows}
    assert by_title["Tim (Jane Doe's child) turns 18"] == {
        "date": "2025-05-10",
        "kind": "birthday",
        "contact_id": ids["jane"],
        "contact": "Jane Doe",
        "title": "Tim (Jane Doe's child) turns 18",
        "years": 18,
        "due": "2025-05-10",
    }
    assert by_title["Jane Doe turns 40"]["years"] == 40
    assert by_title["Jane Doe: 10th anniversary"]["years"] == 10
    assert by_title["Jane Doe: 5 years at Acme"]["kind"] == "work_anniversary"
    assert by_title["Jane Doe: Name day"]["years"] is None
    graduation = by_title["Tim (Jane Doe's child) graduates (June 2025)"]
    assert (graduation["date"], graduation["years"]) == ("2025-06-01", None)
    assert [r["date"] for r in rows if r["kind"] == "follow_up"] == ["2025-05-05", "2025-06-05"]
    cold = by_title["Keep in touch with Bo Berg"]
    assert (cold["date"], cold["contact_id"]) == ("2025-05-20", ids["bo"])
    assert by_title["Mother's Day"] == {
        "date": "2025-05-11",
        "kind": "holiday",
        "contact_id": None,
        "contact": None,
        "title": "Mother's Day",
        "years": None,
        "due": "2025-05-11",
    }
    assert by_title["Buy gifts for Mother's Day (May 11)"]["date"] == "2025-05-04"


def test_agenda_text_lists_one_line_per_item(data_dir: Path) -> None:
    _network(data_dir)

    result = nurture("agenda", "--from", "2025-05-10", "--days", "3", data_dir=data_dir)

    assert ok(result).splitlines() == [
        "Sat 10 May 2025  birthday          Tim (Jane Doe's child) turns 18",
        "Sun 11 May 2025  holiday           Mother's Day",
        "Mon 12 May 2025  birthday          Jane Doe turns 40",
    ]
    assert "3 item(s)" in result.stderr


def test_due_fires_once_and_dry_run_does_not_mark(data_dir: Path) -> None:
    with opened(data_dir) as app:
        app.settings.update(time_zone="Europe/Berlin", digest_time="08:00", gift_holidays=[])
        ann = app.contacts.create(ContactDraft(given_name="Ann", family_name="Lee")).value.id
        app.records.add_date(ann, DateKind.BIRTHDAY, PartialDate(1990, 6, 15))
    now = ("--now", "2025-06-08T08:00:00+02:00")

    def run(*extra: str) -> dict[str, object]:
        out: dict[str, object] = json.loads(
            ok(nurture("due", *now, "--json", *extra, data_dir=data_dir))
        )
        assert set(out) == {"digest", "summary", "reminders"}
        return out

    text = ok(nurture("due", *now, "--dry-run", data_dir=data_dir))
    preview = run("--dry-run")
    fired = run()
    again = run()

    assert text.splitlines() == ["1 birthday", "  Sun 15 Jun  Ann Lee turns 35"]
    expected = {
        "date": "2025-06-15",
        "kind": "birthday",
        "contact_id": ann,
        "contact": "Ann Lee",
        "title": "Ann Lee turns 35",
        "years": 35,
        "due": "2025-06-15",
        "fire_at": "2025-06-08T06:00:00+00:00",
    }
    assert preview == fired == {"digest": False, "summary": "1 birthday", "reminders": [expected]}
    assert again["reminders"] == []


def test_a_bad_from_date_is_a_usage_error(tmp_path: Path) -> None:
    message = failed(nurture("agenda", "--from", "2025-13-01", data_dir=tmp_path), 2)

    assert "usage:" in message
    assert "'2025-13-01' is not a date (YYYY-MM-DD)" in message
    assert not any(tmp_path.iterdir())  # a usage error opens no database


@pytest.mark.parametrize(
    "args",
    [
        ["agenda", "--from", "next week"],
        ["agenda", "--from", "2025-02-29"],
        ["agenda", "--days", "0"],
        ["agenda", "--days", "-3"],
        ["due", "--now", "soon"],
    ],
)
def test_other_bad_arguments_are_usage_errors(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        parse_args(args)
    assert exit_info.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_due_reads_a_time_with_its_offset() -> None:
    args = parse_args(["due", "--now", "2025-06-08T08:00:00+02:00", "--dry-run"])
    assert args.now == datetime(2025, 6, 8, 6, 0, tzinfo=UTC)
    assert args.dry_run


def test_plan_and_brief_from_the_command_line(tmp_path: Path) -> None:
    folder = tmp_path / "data"

    def run(*args: str) -> str:
        return ok(nurture(*args, data_dir=folder))

    run("add", "Omar Said", "--company", "Said & Co", "--phone", "+1 415 555 0177", "--every", "30")
    run("log", "Omar Said", "--kind", "call", "--when", "2026-10-01T10:00:00+00:00")
    plan = json.loads(run("plan", "--date", "2026-11-30", "--json"))
    [row] = plan["rows"]
    assert (row["name"], row["section"], row["dial"]) == (
        "Omar Said",
        "keep_in_touch",
        "+14155550177",
    )
    assert row["reasons"] == [
        {"section": "keep_in_touch", "text": "overdue 30 days, every 30 days"}
    ]
    assert plan["summary"].startswith("0 follow-ups, 0 occasions, 1 person to keep in touch with")

    later = ("--follow-up", "2026-12-14", "--ask-about", "the regatta")
    run("log", "Omar Said", "--kind", "lunch", "--note", "Talked boats", *later)
    brief = json.loads(run("brief", "Omar Said", "--json"))
    assert brief["ask_about"] == "the regatta"
    assert [f["due"] for f in brief["follow_ups"]] == ["2026-12-14"]
    assert [i["notes"] for i in brief["interactions"]] == ["Talked boats", ""]
    assert run("brief", "Omar Said").splitlines()[:2] == [
        "Omar Said, Said & Co",
        "Ask about: the regatta",
    ]


def test_a_gift_campaign_from_the_command_line(tmp_path: Path) -> None:
    folder = tmp_path / "data"

    def run(*args: str) -> str:
        return ok(nurture(*args, data_dir=folder))

    run("add", "Robert Hale", "--tag", "Clients")
    run("add", "Ann Lee", "--tag", "Clients")
    run("gift", "Robert Hale", "Dalwhinnie 15", "--occasion", "Christmas", "--on", "2025-12-20")
    campaign = run("campaign", "new", "Christmas 2026", "--date", "2026-12-25", "--budget", "=50")
    campaign = campaign.strip()
    assert run("campaign", "add", campaign, "--tag", "Clients") == "2 added.\n"
    chosen = nurture("campaign", "choose", campaign, "Robert Hale", "dalwhinnie 15",
                     "--amount", "89.90", data_dir=folder)  # fmt: skip
    assert "Robert Hale was already given Dalwhinnie 15 (December 2025" in chosen.stderr
    shown = json.loads(run("campaign", "show", campaign, "--json"))
    assert (shown["planned_cents"], shown["by_status"]) == (8990, {"to choose": 1, "idea": 1})
    robert = shown["recipients"][0]
    assert (robert["name"], robert["budget_cents"], robert["gift"]["description"]) == (
        "Robert Hale",
        5000,
        "dalwhinnie 15",
    )
    assert robert["earlier"] == [
        {"whose": "Robert Hale", "description": "Dalwhinnie 15", "date": "2025-12-20"}
    ]
    listed = tmp_path / "list.csv"
    run("campaign", "export", campaign, "shopping", "--output", str(listed))
    assert (
        listed.read_text(encoding="utf-8-sig")
        .splitlines()[1]
        .startswith("Robert Hale,dalwhinnie 15,89.90,")
    )
    labels = nurture("campaign", "export", campaign, "labels", "--output", str(tmp_path / "l.csv"),
                     data_dir=folder)  # fmt: skip
    assert "no postal address for Robert Hale, Ann Lee" in labels.stderr
