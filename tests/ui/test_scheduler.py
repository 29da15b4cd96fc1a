"""Reminders arrive once, on time, after a restart, after a sleep, after a snooze or a pause —
with an injected clock and a notifier that records what it was given."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from nurture.app import Nurture
from nurture.domain.dates import PartialDate
from nurture.domain.dto import ContactDraft
from nurture.domain.enums import DateKind
from ui.notifications import Message
from ui.scheduler import ReminderScheduler
from ui.workspace import Workspace

START = datetime(2026, 6, 1, 7, 0, tzinfo=UTC)  # birthdays below are June 8 and later


class Recorder:
    def __init__(self) -> None:
        self.messages: list[Message] = []

    def notify(self, message: Message) -> bool:
        self.messages.append(message)
        return True


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def data(tmp_path: Path) -> Path:
    core = Nurture.open(tmp_path / "data")
    core.settings.update(time_zone="UTC", digest_time="08:00", gift_holidays=[])
    ann = core.contacts.create(ContactDraft(given_name="Ann", family_name="Lee")).value.id
    core.records.add_date(ann, DateKind.BIRTHDAY, PartialDate(1980, 6, 8))  # 7 days ahead
    core.close()
    return tmp_path / "data"


def _scheduler(qtbot: QtBot, folder: Path, clock: Clock, recorder: Recorder) -> ReminderScheduler:
    core = Nurture.open(folder)
    workspace = Workspace(core, clock)
    return ReminderScheduler(workspace, recorder, clock, tick_ms=3_600_000)


def _check(qtbot: QtBot, scheduler: ReminderScheduler) -> None:
    """One tick's check, waited for (it runs on the worker)."""
    scheduler.check()
    qtbot.waitUntil(lambda: not scheduler._busy, timeout=10_000)


def test_a_birthday_a_week_ahead_fires_once_at_the_digest_time_and_not_after_a_restart(
    qtbot: QtBot, data: Path
) -> None:
    clock, recorder = Clock(), Recorder()
    scheduler = _scheduler(qtbot, data, clock, recorder)
    _check(qtbot, scheduler)
    assert recorder.messages == []  # 07:00: not yet
    clock.now = START.replace(hour=8)
    _check(qtbot, scheduler)
    assert [m.title for m in recorder.messages] == ["Ann Lee turns 46"]
    clock.now += timedelta(minutes=1)
    _check(qtbot, scheduler)
    assert len(recorder.messages) == 1  # once
    scheduler.workspace.core.close()

    restarted = _scheduler(qtbot, data, clock, recorder)
    clock.now += timedelta(hours=2)
    _check(qtbot, restarted)
    assert len(recorder.messages) == 1  # not again after a restart
    restarted.workspace.core.close()


def test_three_days_asleep_come_back_as_one_digest(qtbot: QtBot, data: Path) -> None:
    core = Nurture.open(data)
    ann = core.contacts.resolve("Ann Lee")
    core.records.add_date(ann, DateKind.ANNIVERSARY, PartialDate(2005, 6, 9))
    core.records.add_follow_up(ann, START.date() + timedelta(days=1), "Send the proposal")
    core.close()
    clock, recorder = Clock(), Recorder()
    scheduler = _scheduler(qtbot, data, clock, recorder)
    _check(qtbot, scheduler)  # 07:00 on day 0: nothing yet; the engine has checked
    clock.now = START + timedelta(days=3, hours=2)  # the laptop slept three days
    _check(qtbot, scheduler)
    assert len(recorder.messages) == 1
    digest = recorder.messages[0]
    assert digest.title.startswith("While you were away:")
    assert "Ann Lee turns 46" in digest.body
    assert "Send the proposal with Ann Lee" in digest.body
    scheduler.workspace.core.close()


def test_snooze_from_a_notification_brings_it_back_on_time(qtbot: QtBot, data: Path) -> None:
    clock, recorder = Clock(), Recorder()
    scheduler = _scheduler(qtbot, data, clock, recorder)
    clock.now = START.replace(hour=8)
    _check(qtbot, scheduler)
    birthday = recorder.messages[0].key
    core = scheduler.workspace.core
    core.reminders.snooze(birthday, clock.now + timedelta(hours=1))  # type: ignore[arg-type]
    clock.now += timedelta(minutes=59)
    _check(qtbot, scheduler)
    assert len(recorder.messages) == 1
    clock.now += timedelta(minutes=2)
    _check(qtbot, scheduler)
    assert [m.title for m in recorder.messages] == ["Ann Lee turns 46", "Ann Lee turns 46"]
    core.close()


def test_pausing_suppresses_and_then_resumes(qtbot: QtBot, data: Path) -> None:
    clock, recorder = Clock(), Recorder()
    scheduler = _scheduler(qtbot, data, clock, recorder)
    scheduler.pause(START + timedelta(hours=3))
    clock.now = START.replace(hour=8)
    _check(qtbot, scheduler)
    assert recorder.messages == []  # paused
    clock.now = START + timedelta(hours=3, minutes=1)
    _check(qtbot, scheduler)
    assert [m.title for m in recorder.messages] == ["Ann Lee turns 46"]
    scheduler.workspace.core.close()


class Unseen(Recorder):
    """A notifier that cannot show anything (no server, no tray, the window hidden)."""

    def __init__(self) -> None:
        super().__init__()
        self.seen = False

    def notify(self, message: Message) -> bool:
        if self.seen:
            self.messages.append(message)
        return self.seen


def test_a_reminder_nobody_could_show_is_not_marked_and_comes_when_it_can(
    qtbot: QtBot, data: Path
) -> None:
    clock, notifier = Clock(), Unseen()
    scheduler = _scheduler(qtbot, data, clock, notifier)
    clock.now = START.replace(hour=8)
    _check(qtbot, scheduler)
    assert notifier.messages == []
    clock.now += timedelta(minutes=1)
    notifier.seen = True  # the window came up
    _check(qtbot, scheduler)
    assert [m.title for m in notifier.messages] == ["Ann Lee turns 46"]
    clock.now += timedelta(minutes=1)
    _check(qtbot, scheduler)
    assert len(notifier.messages) == 1  # and then only once


def test_a_clock_that_ran_ahead_and_came_back_fires_on_the_real_day(
    qtbot: QtBot, data: Path
) -> None:
    clock, recorder = Clock(), Recorder()
    scheduler = _scheduler(qtbot, data, clock, recorder)
    _check(qtbot, scheduler)  # 07:00 on June 1: nothing yet
    clock.now = START + timedelta(days=10)  # one tick with a clock ten days ahead
    _check(qtbot, scheduler)
    assert recorder.messages  # the birthday went out in the wrong-clock digest
    recorder.messages.clear()
    clock.now = START  # corrected
    _check(qtbot, scheduler)
    assert recorder.messages == []  # not yet: 07:00 on June 1
    clock.now = START.replace(hour=8)  # the birthday's real reminder time
    _check(qtbot, scheduler)
    assert [m.title for m in recorder.messages] == ["Ann Lee turns 46"]


def test_while_another_program_writes_a_shown_reminder_is_recorded_later_not_shown_twice(
    qtbot: QtBot, data: Path
) -> None:
    from nurture.db.driver import sqlite
    from nurture.paths import database_path

    clock, recorder = Clock(), Recorder()
    scheduler = _scheduler(qtbot, data, clock, recorder)
    failures: list[str] = []
    scheduler.workspace.fail = failures.append  # type: ignore[assignment]
    clock.now = START.replace(hour=8)
    other = sqlite.connect(database_path(data), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # a long import elsewhere
    try:
        _check(qtbot, scheduler)
    finally:
        other.execute("COMMIT")
        other.close()
    assert [m.title for m in recorder.messages] == ["Ann Lee turns 46"]
    assert failures == []  # no "database is busy" for work the user did not ask for
    clock.now += timedelta(minutes=1)
    _check(qtbot, scheduler)  # recorded now
    clock.now += timedelta(minutes=1)
    _check(qtbot, scheduler)
    assert len(recorder.messages) == 1
    assert scheduler._unmarked == []
