"""The Network page: referral sources with the cold ones marked, the referrals you gave,
introductions waiting to hear how they went, and a double-click that opens the card."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from nurture.app import Nurture
from nurture.domain.enums import InteractionKind
from tests.ui.driving import person, window


def text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def test_sources_and_introductions_are_listed_and_open_their_cards(
    qtbot: QtBot, core: Nurture, now: datetime, qtmodeltester: ModelTester
) -> None:
    core.settings.update(currency="USD")
    dana, eli = person(core, "Dana", "Fox"), person(core, "Eli", "Moss")
    ann, bo = person(core, "Ann", "Lee"), person(core, "Bo", "Roe")
    core.network.record_referral(dana, ann, now.date() - timedelta(days=30), 250_000)
    core.network.record_referral(eli, bo, date(2020, 5, 1))
    core.interactions.log(InteractionKind.CALL, [dana], now - timedelta(days=3))
    core.network.introduce(ann, bo, now.date() - timedelta(days=5), "both sail")
    gus = person(core, "Gus", "Hale")
    core.network.record_referral(gus, ann, now.date() - timedelta(days=9), given=True)
    main = window(qtbot, core, now)
    opened: list[int] = []
    main.network.open_contact.connect(opened.append)
    main.sidebar.setCurrentRow(4)
    page = main.network
    table, model = page.partners, page.rows
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    qtmodeltester.check(model)
    rows = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(3)]
    assert rows[0][:6] == ["Dana Fox", "1", "2,500.00 USD", "1", "2,500.00 USD", "—"]
    assert rows[1][0] == "Eli Moss"
    assert rows[1][6] == "gone cold · never"
    # Gus never sent you anyone: you sent him one, and he is not "gone cold" as a source.
    assert (rows[2][0], rows[2][3], rows[2][5], rows[2][6]) == ("Gus Hale", "—", "1", "never")
    assert "1 gone cold — thank them, catch up · 1 referral you gave" in page.summary.text()
    assert text(page.introductions, 0, 1) == "Ann Lee ↔ Bo Roe"
    assert text(page.introductions, 0, 3) == "how did it go?"
    table.activated.emit(model.index(1, 0))
    assert opened == [eli]
    # A header click sorts by the numbers, not their words: who you sent the most first.
    table.sortByColumn(5, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 0).data() == "Gus Hale"
    table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 0).data() == "Dana Fox"
    table.activated.emit(model.index(0, 0))  # the row under the click, after sorting
    assert opened == [eli, dana]
