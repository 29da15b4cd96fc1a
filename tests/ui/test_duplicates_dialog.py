"""File ▸ Find duplicates: the pairs and each pair's cards come from the read worker, and the
window shows the pair the user picked last, however fast they pick."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from nurture.app import Nurture
from tests.ui.driving import on_next_dialog, person, window
from ui.dialogs.duplicates import DuplicatesDialog


def test_the_menu_opens_the_dialog_and_the_pairs_come_in(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    first, second = person(core, "Ann", "Lee"), person(core, "ann", "lee")
    main = window(qtbot, core, now)
    seen: list[set[int]] = []

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, DuplicatesDialog)
        qtbot.waitUntil(lambda: dialog.right is not None)
        assert dialog.left is not None
        assert dialog.right is not None
        assert dialog.names.stringList() == ["Ann Lee  ~  ann lee   (same name)"]
        seen.append({dialog.left.id, dialog.right.id})
        dialog.close()

    on_next_dialog(look)
    main.find_duplicates()  # modal, as from the menu: returns once the dialog is closed

    assert seen == [{first, second}]


def test_the_pair_picked_last_is_the_one_shown(qtbot: QtBot, core: Nurture, now: datetime) -> None:
    pairs = [(person(core, "Sam", f"Lee{n}"), person(core, "Sam", f"Lee{n}")) for n in range(3)]
    main = window(qtbot, core, now)
    dialog = DuplicatesDialog(main, main.workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.left is not None)

    for row in (1, 2, 0, 2):  # faster than the worker reads the cards
        dialog.list.setCurrentIndex(dialog.names.index(row, 0))
    qtbot.waitUntil(lambda: dialog.right is not None)
    main.workspace.reads.wait()  # every card asked for is in
    qtbot.wait(50)

    assert dialog.left is not None
    assert dialog.right is not None
    assert {dialog.left.id, dialog.right.id} == set(pairs[2])
    assert dialog.merge_button.isEnabled()
