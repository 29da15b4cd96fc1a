"""Undo and redo belong to the core: every write the product offers is one step of a history in
the database, undone and redone exactly (every row, search included), several steps deep."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from nurture.app import Nurture
from nurture.db import history
from nurture.db.driver import sqlite
from nurture.domain.dates import PartialDate
from nurture.domain.dto import ContactDraft, EmailValue
from nurture.domain.enums import (
    DateKind,
    GiftDirection,
    InteractionKind,
    PreferenceCategory,
    RelationshipKind,
)
from nurture.errors import ValidationError
from nurture.paths import database_path
from nurture.services.listing import ContactQuery

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


def _everything(app: Nurture) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table the history covers, and what a search finds."""
    db = sqlite.connect(database_path(app.data_dir))
    try:
        tables = history.tracked_tables(db)
        rows = {
            t: db.execute(f'SELECT rowid, * FROM "{t}" ORDER BY rowid').fetchall() for t in tables
        }
    finally:
        db.close()
    rows["search: lee"] = [(s.id,) for s in app.listing.page(ContactQuery(search="lee"))]
    rows["search: valrhona"] = [
        (s.id,) for s in app.listing.page(ContactQuery(search="valrhona", include_light=True))
    ]
    return rows


@pytest.fixture
def people(app: Nurture) -> dict[str, int]:
    def person(given: str, **fields: Any) -> int:
        return app.contacts.create(
            ContactDraft(given_name=given, family_name="Lee", **fields),
            dates=[(DateKind.BIRTHDAY, PartialDate(1980, 5, 1))],
        ).value.id

    made = {
        "ann": person("Ann", emails=(EmailValue("ann@acme.example"),), tags=("Clients",)),
        "bob": person("Bob", tags=("Clients", "Golf")),
        "cy": person("Cy"),
    }
    app.interactions.log(InteractionKind.LUNCH, [made["ann"], made["bob"]], NOW)
    app.records.add_preference(made["ann"], PreferenceCategory.FOOD, "Valrhona", "dark", True)
    app.settings.update(time_zone="UTC")
    made["call back"] = app.records.add_follow_up(made["cy"], date(2026, 11, 20), "Call").value
    return made


Operation = Callable[[Nurture, dict[str, int]], object]
OPERATIONS: dict[str, Operation] = {
    "new contact": lambda a, p: a.contacts.create(ContactDraft(given_name="Di", family_name="Lee")),
    "edit": lambda a, p: a.contacts.update(
        p["ann"],
        ContactDraft(given_name="Anna", family_name="Lee-Smith", title="CFO"),
        dates=[(DateKind.BIRTHDAY, PartialDate(None, 5, 2))],
    ),
    "delete": lambda a, p: a.deletion.delete([p["ann"], p["bob"]]),
    "log": lambda a, p: a.interactions.log(InteractionKind.CALL, [p["cy"], p["bob"]], NOW),
    "delete an interaction": lambda a, p: a.interactions.delete(
        a.contacts.card(p["ann"]).interactions[0].id
    ),
    "tag": lambda a, p: a.contacts.add_tags([p["cy"], p["ann"]], ["Board"]),
    "untag": lambda a, p: a.contacts.remove_tags([p["bob"]], ["Golf"]),
    "archive": lambda a, p: a.contacts.set_archived([p["cy"]], True),
    "cadence": lambda a, p: a.contacts.set_cadence([p["cy"]], 30),
    "tag cadence": lambda a, p: a.contacts.set_tag_cadence("Clients", 45),
    "date": lambda a, p: a.records.add_date(
        p["cy"], DateKind.GRADUATION, PartialDate(2027, 6, None)
    ),
    "follow-up": lambda a, p: a.records.add_follow_up(p["cy"], date(2026, 12, 1), "Proposal"),
    "taste": lambda a, p: a.records.add_preference(
        p["bob"], PreferenceCategory.DRINK, "Scotch", "Highland single malt", True
    ),
    "gift": lambda a, p: a.records.add_gift(
        p["ann"],
        GiftDirection.GIVEN,
        "Dalwhinnie 15",
        occasion="Christmas",
        given_on=date(2025, 12, 20),
    ),
    "remove a taste": lambda a, p: a.records.remove_preference(
        a.contacts.card(p["ann"]).preferences[0].id
    ),
    "edit a taste": lambda a, p: a.edit(
        "taste", a.contacts.card(p["ann"]).preferences[0].id, item="Valrhona 70%", likes=False
    ),
    "edit an interaction": lambda a, p: a.edit(
        "interaction",
        a.contacts.card(p["bob"]).interactions[0].id,
        occurred_at=NOW - timedelta(days=1),
    ),
    "edit a follow-up": lambda a, p: a.edit("follow-up", p["call back"], rrule="FREQ=MONTHLY"),
    "relate": lambda a, p: a.network.relate(p["ann"], RelationshipKind.SPOUSE, p["bob"]),
    "family": lambda a, p: a.network.add_related_person(
        p["ann"], RelationshipKind.CHILD, ContactDraft(given_name="Emma", family_name="Lee")
    ),
    "follow-up done": lambda a, p: a.records.complete_follow_up(p["call back"], date(2026, 11, 20)),
    "follow-up snoozed": lambda a, p: a.records.push_follow_up(p["call back"], date(2026, 12, 5)),
    "introduce": lambda a, p: a.network.introduce(p["ann"], p["cy"], date(2026, 11, 1), "golf"),
    "merge": lambda a, p: a.merging.merge(p["ann"], p["cy"]),
    "preferences": lambda a, p: a.settings.update(digest_time="07:30", tier_cadence={"A": 14}),
}


@pytest.mark.parametrize("name", OPERATIONS)
def test_each_change_is_undone_and_redone_exactly(
    app: Nurture, people: dict[str, int], name: str
) -> None:
    before = _everything(app)
    OPERATIONS[name](app, people)
    after = _everything(app)
    assert after != before, "the operation changed nothing"
    assert app.history.state().undo is not None
    app.history.undo()
    assert _everything(app) == before
    assert app.history.state().redo is not None
    app.history.redo()
    assert _everything(app) == after


def test_several_steps_deep_newest_first_and_a_new_change_ends_redo(
    app: Nurture, people: dict[str, int]
) -> None:
    start = _everything(app)
    app.contacts.add_tags([people["cy"]], ["Board"])
    app.interactions.log(InteractionKind.CALL, [people["cy"]], NOW)
    app.deletion.delete([people["bob"]])
    assert app.history.state().undo == "Delete"
    assert [app.history.undo().value for _ in range(3)] == ["Delete", "Log call", "Tag"]
    assert _everything(app) == start
    assert app.history.state().redo == "Tag"
    app.history.redo()
    app.contacts.set_archived([people["ann"]], True)  # a new change: the rest is not redoable
    assert app.history.state().redo is None
    with pytest.raises(ValidationError, match="nothing to redo"):
        app.history.redo()


def test_reads_exports_and_the_reminder_engines_ticks_leave_the_history_alone(
    app: Nurture, people: dict[str, int], tmp_path: Path
) -> None:
    state = app.history.state()
    app.listing.page(ContactQuery())
    app.contacts.card(people["ann"])
    app.exporting.export_to("csv", tmp_path / "all.csv")
    app.reminders.due(NOW)
    assert app.history.state() == state


def test_an_import_is_one_step_and_undoing_it_removes_what_it_brought(
    app: Nurture, people: dict[str, int], tmp_path: Path
) -> None:
    from nurture.services.importing import ImportOptions

    before = {s.name for s in app.listing.page(ContactQuery())}
    source = tmp_path / "friends.csv"
    source.write_text("Name,E-mail 1 - Value\nZed Zane,zed@example.org\n", encoding="utf-8")
    app.importing.run(app.importing.open(source.read_bytes(), source.name), ImportOptions())
    assert app.history.state().undo == "Import friends.csv"
    app.history.undo()
    assert {s.name for s in app.listing.page(ContactQuery())} == before
    assert app.history.state().undo == "Add a follow-up"  # the step before the import


def test_every_table_but_the_search_index_is_recorded_with_all_its_columns(app: Nurture) -> None:
    # The triggers are made from the live schema when a step begins: a new table or column is
    # covered without anyone remembering to. Only the search index (rebuilt from the rows),
    # Alembic's and the history's own tables, and the sync's record of the server, stay out.
    db = sqlite.connect(database_path(app.data_dir))
    try:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        tracked = history.tracked_tables(db)
        for table in tracked:
            sql = " ".join(history.trigger_sql(table, history.columns(db, table), step=1))
            for column in history.columns(db, table):
                assert f'"{column}"' in sql, f"{table}.{column} is not recorded"
    finally:
        db.close()
    untracked = {t for t in tables - set(tracked) if not t.startswith("contact_search")}
    assert untracked == {
        "alembic_version",
        "history_steps",
        "history_rows",
        "sync_books",
        "sync_cards",
        "sync_conflicts",
        "sync_events",
    }


def test_a_failed_write_records_nothing_and_leaves_no_trigger(app: Nurture) -> None:
    state = app.history.state()
    with pytest.raises(ValidationError):
        app.records.add_preference(1, PreferenceCategory.FOOD, "   ")  # no contact 1, no item
    assert app.history.state() == state
    app.contacts.create(ContactDraft(given_name="Ann"))
    db = sqlite.connect(database_path(app.data_dir))
    try:
        assert db.execute("SELECT count(*) FROM history_steps").fetchone()[0] == 1
    finally:
        db.close()


def test_the_command_line_undoes_and_redoes(data_dir: Path) -> None:
    nurture = [sys.executable, "-m", "nurture", "--data-dir", str(data_dir)]

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*nurture, *args], capture_output=True, text=True)

    run("add", "Ann Lee")
    run("log", "Ann Lee", "--kind", "lunch")
    assert run("undo").stdout.strip() == "Undone: Log lunch."
    assert run("undo").stdout.strip() == "Undone: New contact."
    nothing = run("undo")
    assert (nothing.returncode, nothing.stderr.strip()) == (1, "nurture: There is nothing to undo.")
    assert run("redo").stdout.strip() == "Redone: New contact."
    assert "Ann Lee" in run("contacts").stdout
