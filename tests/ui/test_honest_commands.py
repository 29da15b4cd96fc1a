"""Commands do what they say: Export writes what and whom was chosen with the right extension,
an empty search leaves no stale card, a filter is visible and clearable, and sample data shows
up on Today at once. (Quit quits even with a tray: tests/e2e/test_tray_host.py.)"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from nurture.app import Nurture
from nurture.domain.dates import PartialDate
from nurture.domain.dto import ContactDraft
from nurture.domain.enums import DateKind
from tests.ui.driving import on_next_dialog, person, select, window
from ui.dialogs.export import ExportDialog


def test_export_writes_the_chosen_kind_for_the_chosen_people_with_its_extension(
    qtbot: QtBot, core: Nurture, now: datetime, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ann, _bob = person(core, "Ann", "Lee"), person(core, "Bob", "Stone")
    main = window(qtbot, core, now)
    main.sidebar.setCurrentRow(1)
    select(main, ann)
    typed = tmp_path / "for-my-phone"  # no extension typed

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, ExportDialog)
        dialog.kind.button(1).setChecked(True)  # vCards
        next(b for b in dialog.whom.buttons() if b.property("scope") == "selected").setChecked(True)
        dialog.accept()

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(typed), ""))
    on_next_dialog(answer)
    failures: list[str] = []
    monkeypatch.setattr(main.workspace, "fail", failures.append)
    main.export_file()
    qtbot.waitUntil(lambda: bool(failures) or (tmp_path / "for-my-phone.vcf").exists())
    assert failures == []
    written = tmp_path / "for-my-phone.vcf"
    qtbot.waitUntil(written.exists)
    text = written.read_text(encoding="utf-8")
    assert text.count("BEGIN:VCARD") == 1
    assert "FN:Ann Lee" in text
    assert "Bob" not in text


def test_an_empty_search_clears_the_card_and_a_filter_says_it_is_on(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    ann = person(core, "Ann", "Lee")
    core.contacts.add_tags([ann], ["Clients"])
    person(core, "Bob", "Stone")
    main = window(qtbot, core, now)
    main.sidebar.setCurrentRow(1)
    page = main.contacts
    qtbot.waitUntil(lambda: page.tag.count() == 2)
    page.tag.setCurrentIndex(page.tag.findData("Clients"))
    assert page.clear_filters.isVisible()
    select(main, ann)
    qtbot.waitUntil(lambda: page.card.card is not None)
    page.set_search("Bob")
    assert page.model.rowCount() == 0
    assert page.card.card is None
    assert not page.card.buttons["edit"].isEnabled()
    assert page.empty.text() == (
        "No one matches “Bob” with tag Clients. Clear filters to look at everyone."
    )
    page.clear_filters.click()
    assert page.model.rowCount() == 1
    assert not page.clear_filters.isVisible()
    assert not page.empty.isVisible()


def test_sample_data_shows_on_today_without_leaving_the_page(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    main = window(qtbot, core, now)
    assert main.root.currentWidget() is main.welcome
    main.welcome.try_sample_data.emit()
    qtbot.waitUntil(lambda: main.root.currentWidget() is main.body, timeout=60_000)
    # The page read the empty database first; the sample data's plan replaces it unasked.
    qtbot.waitUntil(lambda: main.today.rows.rowCount() > 10, timeout=10_000)
    assert "follow-ups" in main.today.summary.text()


def test_a_birthday_added_while_today_is_hidden_is_there_when_it_is_shown(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    ann = core.contacts.create(ContactDraft(given_name="Ann", family_name="Lee", starred=True))
    ann_id = ann.value.id
    main = window(qtbot, core, now)
    main.sidebar.setCurrentRow(1)  # Contacts: Today is hidden
    core_birthday = PartialDate(1980, now.month, now.day)
    main.workspace.write(lambda: core.records.add_date(ann_id, DateKind.BIRTHDAY, core_birthday))
    qtbot.waitUntil(lambda: main.day_plan.latest is None)  # the change made it old
    qtbot.wait(300)
    assert main.day_plan.latest is None  # no tray, Today hidden: not computed for nobody
    main.pages.setCurrentWidget(main.today)
    qtbot.waitUntil(lambda: "1 occasion" in main.today.summary.text())
