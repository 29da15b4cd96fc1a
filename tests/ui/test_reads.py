"""Reads (Today, the calendar, tag counts, reading a file to import) run on their own worker:
a long write — a 100,000-row import — never keeps them waiting."""

from __future__ import annotations

import threading
from datetime import datetime

from pytestqt.qtbot import QtBot

from nurture.app import Nurture
from nurture.domain.dto import ContactDraft
from ui.application import app_icon
from ui.views.main_window import MainWindow


def test_today_and_the_calendar_load_while_a_long_write_holds_the_writer(
    qtbot: QtBot, core: Nurture, now: datetime
) -> None:
    core.contacts.create(ContactDraft(given_name="Ann", family_name="Lee"))
    window = MainWindow(core, app_icon(), lambda: now)
    qtbot.addWidget(window)
    release = threading.Event()
    writes_done: list[object] = []
    window.workspace.tasks.run(lambda: release.wait(20), writes_done.append, writes_done.append)
    try:
        window.today.reload()
        qtbot.waitUntil(lambda: window.day_plan.current() is not None)  # Today's plan is read
        window.sidebar.setCurrentRow(2)
        qtbot.waitUntil(lambda: window.calendar.grid.month == now.month)
        assert writes_done == []  # the long write is still running
    finally:
        release.set()
    qtbot.waitUntil(lambda: writes_done == [True])
