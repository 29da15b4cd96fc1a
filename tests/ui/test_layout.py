"""The window fits a 13-inch laptop: at 1× its minimum width is at most 1,000 px on every page
(so 1280×720 at 1× and 1920×1080 at 1.5× both fit), and at 1280 px every card action is on
screen."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from nurture.app import Nurture
from tests.ui.driving import person, select, window


def test_every_page_fits_in_1000_pixels(qtbot: QtBot, core: Nurture, now: datetime) -> None:
    ann = person(core, "Ann", "Lee")
    core.contacts.add_tags([ann], ["Former colleagues from the Acme years", "Referral sources"])
    main = window(qtbot, core, now)
    qtbot.waitUntil(lambda: main.contacts.tag.count() == 3)
    for row in range(main.sidebar.count()):
        main.sidebar.setCurrentRow(row)
        if row == 1:
            select(main, ann)
            qtbot.waitUntil(lambda: main.contacts.card.card is not None)
        assert main.minimumSizeHint().width() <= 1000, main.sidebar.item(row).text()


def test_at_1280_pixels_every_card_action_is_on_screen(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    ann = person(core, "Ann", "Lee")
    main = window(qtbot, core, now)
    main.resize(1280, 720)
    main.sidebar.setCurrentRow(1)
    select(main, ann)
    qtbot.waitUntil(lambda: main.contacts.card.card is not None)
    for key, button in main.contacts.card.buttons.items():
        right = button.mapTo(main, QPoint(button.width(), 0)).x()
        assert button.isVisible(), key
        assert right <= main.width(), key


def test_the_name_stays_in_view_when_the_list_scrolls_sideways(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    person(core, "Ann", "Lee")
    main = window(qtbot, core, now)
    main.resize(1000, 700)
    main.sidebar.setCurrentRow(1)
    table = main.contacts.table
    qtbot.waitUntil(lambda: table.model().rowCount() == 1)
    # What a salesperson scans for comes first, before the contact details.
    headers = [table.model().headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert headers == ["Name", "Company", "Last touch", "Keep in touch", "Next occasion"]
    bar = table.horizontalScrollBar()
    bar.setValue(bar.maximum())
    assert bar.maximum() > 0
    assert table.frozen.isVisible()
    assert table.frozen.columnWidth(0) == table.columnWidth(0)
    assert table.frozen.geometry().left() <= table.frameWidth()
    assert table.frozen.model().index(0, 0).data() == "Ann Lee"


def test_every_menu_action_has_an_icon_and_a_key(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    main = window(qtbot, core, now)
    menus = main.menuBar().findChildren(QMenu)
    actions = [
        action
        for menu in menus
        for action in menu.actions()
        if not action.isSeparator() and action.menu() is None
    ]
    assert len(actions) >= 10
    assert [a.text() for a in actions if a.icon().isNull()] == []
    assert [a.text() for a in actions if "&" not in a.text() and a.shortcut().isEmpty()] == []
