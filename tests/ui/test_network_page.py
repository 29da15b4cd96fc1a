"""The Network page: referral sources with the cold ones marked, introductions waiting to hear
how they went, and a double-click that opens the card."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from nurture.app import Nurture
from nurture.domain.enums import InteractionKind
from tests.ui.driving import person, window


def text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def test_sources_and_introductions_are_listed_and_open_their_cards(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    core.settings.update(currency="USD")
    dana, eli = person(core, "Dana", "Fox"), person(core, "Eli", "Moss")
    ann, bo = person(core, "Ann", "Lee"), person(core, "Bo", "Roe")
    core.network.record_referral(dana, ann, now.date() - timedelta(days=30), 250_000)
    core.network.record_referral(eli, bo, date(2020, 5, 1))
    core.interactions.log(InteractionKind.CALL, [dana], now - timedelta(days=3))
    core.network.introduce(ann, bo, now.date() - timedelta(days=5), "both sail")
    main = window(qtbot, core, now)
    opened: list[int] = []
    main.network.open_contact.connect(opened.append)
    main.sidebar.setCurrentRow(4)
    page = main.network
    qtbot.waitUntil(lambda: page.sources.rowCount() == 2)
    rows = [[text(page.sources, r, c) for c in range(page.sources.columnCount())] for r in range(2)]
    assert rows[0][:5] == ["Dana Fox", "1", "2,500.00 USD", "1", "2,500.00 USD"]
    assert rows[1][0] == "Eli Moss"
    assert rows[1][5] == "gone cold · never"
    assert "2 referral sources, 1 gone cold" in page.summary.text()
    assert text(page.introductions, 0, 1) == "Ann Lee ↔ Bo Roe"
    assert text(page.introductions, 0, 3) == "how did it go?"
    page.sources.itemActivated.emit(page.sources.item(1, 0))
    assert opened == [eli]
