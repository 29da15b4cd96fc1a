"""How a reminder reaches the user: the first way that works in the chain (desktop
notification, tray balloon, banner in the window) — tried end to end on a private D-Bus session
with a notification server of our own — what a notification's buttons do, and names that cannot
bring markup into a notification."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

import pytest
from jeepney import DBusAddress, MessageType, new_method_return, new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection
from pytestqt.qtbot import QtBot

from nurture.app import Nurture
from nurture.domain.occurrence import Occurrence, OccurrenceKind, Source
from ui.application import app_icon
from ui.notifications import (
    Actions,
    BannerNotifier,
    ChainNotifier,
    DBusNotifier,
    Message,
    TrayNotifier,
)
from ui.views.main_window import MainWindow

_NAME = "org.freedesktop.Notifications"
_PATH = "/org/freedesktop/Notifications"


def _birthday() -> Occurrence:
    day = date(2026, 11, 22)
    return Occurrence(
        day, OccurrenceKind.BIRTHDAY, 7, "Ann Lee", "Ann Lee", 40, Source.DATE, 3, day
    )


@pytest.fixture
def session_bus(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A D-Bus session of this test's own (dbus-daemon, as every Linux desktop runs)."""
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert daemon.stdout is not None
    address = daemon.stdout.readline().strip()
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
    yield address
    daemon.send_signal(signal.SIGTERM)
    daemon.wait(timeout=5)
    daemon.stdout.close()


class FakeServer(threading.Thread):
    """A notification server: says what it can, keeps what it was sent, and clicks a button
    of the first notification when asked to."""

    def __init__(self, capabilities: list[str]) -> None:
        super().__init__(daemon=True)
        self.capabilities = capabilities
        self.received: list[tuple[Any, ...]] = []
        self.connection = open_dbus_connection(bus="SESSION")
        self.connection.send_and_get_reply(message_bus.RequestName(_NAME))
        self.stopped = False

    def run(self) -> None:
        while not self.stopped:
            try:
                incoming = self.connection.receive(timeout=0.2)
            except TimeoutError:
                continue
            except Exception:  # the bus went away at the end of the test
                return
            if incoming.header.message_type is not MessageType.method_call:
                continue
            member = incoming.header.fields.get(3)  # HeaderFields.member
            if member == "GetCapabilities":
                self.connection.send(new_method_return(incoming, "as", (self.capabilities,)))
            elif member == "Notify":
                self.received.append(incoming.body)
                self.connection.send(new_method_return(incoming, "u", (len(self.received),)))

    def press(self, notification_id: int, action: str) -> None:
        sender = DBusAddress(_PATH, interface=_NAME)
        self.connection.send(new_signal(sender, "ActionInvoked", "us", (notification_id, action)))


def test_a_notification_is_sent_and_its_buttons_act_end_to_end(
    qtbot: QtBot, session_bus: str
) -> None:
    server = FakeServer(["actions", "body", "body-markup"])
    server.start()
    actions = Actions()
    notifier = DBusNotifier(actions)
    birthday = _birthday()
    assert notifier.notify(
        Message("Ann <b>Lee</b> turns 40", "<a href='x'>today</a> & <img src=y>", 7, birthday)
    )
    qtbot.waitUntil(lambda: bool(server.received))
    app, _id, _icon, title, body, buttons, _hints, _timeout = server.received[0]
    assert app == "Nurture"
    assert title == "Ann <b>Lee</b> turns 40"  # a summary is plain text for every server
    assert body == "&lt;a href='x'&gt;today&lt;/a&gt; &amp; &lt;img src=y&gt;"  # shown, not run
    assert buttons == ["default", "Open", "snooze", "Snooze until tomorrow", "done", "Done"]
    with qtbot.waitSignal(actions.done, timeout=5000) as clicked:
        server.press(1, "done")
    assert clicked.args == [birthday]
    with qtbot.waitSignal(actions.open_contact, timeout=5000) as opened:
        server.press(1, "default")
    assert opened.args == [7]
    notifier.close()
    server.stopped = True
    server.join(timeout=5)
    server.connection.close()


def test_a_session_without_a_notification_server_falls_through_to_the_banner(
    qtbot: QtBot, core: Nurture, now: datetime, session_bus: str
) -> None:
    window = MainWindow(core, app_icon(), lambda: now)
    qtbot.addWidget(window)
    chain = ChainNotifier(
        [DBusNotifier(Actions()), TrayNotifier(lambda: None), BannerNotifier(window.banner_if_seen)]
    )
    assert not chain.notify(Message("Ann Lee turns 40", "today"))  # the window is hidden
    window.show()
    assert chain.notify(Message("Ann Lee turns 40", "today"))
    assert window.banner.isVisible()
    assert window.banner.text() == "Ann Lee turns 40 — today"


def test_without_any_session_bus_the_notifier_steps_aside(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
    assert not DBusNotifier(Actions()).notify(Message("Ann Lee turns 40", "today"))
    assert os.environ["DBUS_SESSION_BUS_ADDRESS"].endswith("/nonexistent/bus")
