"""Delivering a reminder: freedesktop notifications over D-Bus (with Open / Snooze / Done where
the server has actions), else the tray's balloon, else a banner in the window. The first one that
works takes it; the Today page stays the source of truth either way."""

from __future__ import annotations

import html
import select
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from jeepney import HeaderFields
from PySide6.QtCore import QObject, QSocketNotifier, Signal
from PySide6.QtWidgets import QSystemTrayIcon

_SERVICE = "org.freedesktop.Notifications"
_PATH = "/org/freedesktop/Notifications"
_TIMEOUT_S = 2


@dataclass(frozen=True, slots=True)
class Message:
    title: str
    body: str
    contact_id: int | None = None
    key: object = None  # what Snooze / Done act on (an Occurrence), if anything


class Notifier(Protocol):
    def notify(self, message: Message) -> bool:
        """Show it; False when this way cannot (so the next one in the chain tries)."""
        ...


class Actions(QObject):
    """What the user clicked in a notification."""

    open_contact = Signal(int)
    snooze = Signal(object)
    done = Signal(object)


class DBusNotifier(QObject):
    """freedesktop notifications over jeepney (it writes the exact D-Bus signature; Qt's
    binding would send the id as a 64-bit int, which servers refuse). Clicks come back as the
    server's ActionInvoked signal on a second connection, read when its socket has data (a Qt
    socket notifier: no thread, no blocking). Names typed into Nurture are escaped where the
    server renders markup, so a name cannot bring a link or an image into the notification."""

    def __init__(self, actions: Actions, app_name: str = "Nurture", icon: str = "nurture") -> None:
        super().__init__()
        self._actions = actions
        self._app, self._icon = app_name, icon
        self._sent: dict[int, Message] = {}
        self._connection: Any = None
        self._signals: Any = None
        self._can_act = self._markup = False
        try:
            from jeepney import DBusAddress
            from jeepney.io.blocking import open_dbus_connection

            self._address = DBusAddress(_PATH, bus_name=_SERVICE, interface=_SERVICE)
            self._connection = open_dbus_connection(bus="SESSION")
            capabilities = self._call("GetCapabilities", "", ())[0]
        except Exception:  # no session bus or no notification server: the next way is used
            self.close()
            return
        self._can_act = "actions" in capabilities
        self._markup = "body-markup" in capabilities
        if self._can_act:
            self._listen()

    def _listen(self) -> None:
        from jeepney import MatchRule, message_bus
        from jeepney.io.blocking import open_dbus_connection

        try:
            self._signals = open_dbus_connection(bus="SESSION")
            rule = MatchRule(type="signal", interface=_SERVICE, member="ActionInvoked", path=_PATH)
            self._signals.send_and_get_reply(message_bus.AddMatch(rule), timeout=_TIMEOUT_S)
        except Exception:  # clicks cannot come back: notifications still show, without buttons
            self._signals = None
            self._can_act = False
            return
        self._reader = QSocketNotifier(self._signals.sock.fileno(), QSocketNotifier.Type.Read)
        self._reader.activated.connect(self._readable)

    def close(self) -> None:
        for connection in (self._connection, self._signals):
            if connection is not None:
                connection.close()
        self._connection = self._signals = None

    def _call(self, method: str, signature: str, body: tuple[Any, ...]) -> tuple[Any, ...]:
        from jeepney import new_method_call
        from jeepney.wrappers import unwrap_msg

        reply = self._connection.send_and_get_reply(
            new_method_call(self._address, method, signature, body), timeout=_TIMEOUT_S
        )
        # An error reply (no notification server on this bus) raises DBusErrorResponse.
        return tuple(unwrap_msg(reply))

    def notify(self, message: Message) -> bool:
        if self._connection is None:
            return False
        actions: list[str] = []
        if self._can_act:
            actions = ["default", "Open"]
            if message.key is not None:
                actions += ["snooze", "Snooze until tomorrow", "done", "Done"]
        body = html.escape(message.body, quote=False) if self._markup else message.body
        try:
            (notification_id,) = self._call(
                "Notify",
                "susssasa{sv}i",
                (self._app, 0, self._icon, message.title, body, actions, {}, -1),
            )
        except Exception:  # the server went away: the next way is used
            return False
        self._sent[int(notification_id)] = message
        return True

    def _readable(self) -> None:
        """Every message waiting on the signal connection (never blocking for more)."""
        from jeepney import MessageType

        while self._signals is not None:
            ready, _w, _x = select.select([self._signals.sock], [], [], 0)
            if not ready:
                return
            try:
                incoming = self._signals.receive(timeout=_TIMEOUT_S)
            except Exception:  # the bus went away: no more clicks
                self._reader.setEnabled(False)
                return
            header = incoming.header
            if (
                header.message_type is MessageType.signal
                and header.fields.get(HeaderFields.member) == "ActionInvoked"
            ):
                notification_id, action = incoming.body
                self.invoked(int(notification_id), str(action))

    def invoked(self, notification_id: int, action: str) -> None:
        message = self._sent.get(notification_id)
        if message is None:
            return
        if action in ("default", "open") and message.contact_id is not None:
            self._actions.open_contact.emit(message.contact_id)
        elif action == "snooze" and message.key is not None:
            self._actions.snooze.emit(message.key)
        elif action == "done" and message.key is not None:
            self._actions.done.emit(message.key)


class TrayNotifier:
    def __init__(self, tray: Callable[[], QSystemTrayIcon | None]) -> None:
        self._tray = tray

    def notify(self, message: Message) -> bool:
        tray = self._tray()
        if tray is None or not tray.isVisible() or not QSystemTrayIcon.supportsMessages():
            return False
        tray.showMessage(message.title, message.body, QSystemTrayIcon.MessageIcon.Information)
        return True


class BannerNotifier:
    """The last resort: a line at the foot of the window — delivered only when the window is
    on screen to show it (else the reminder waits, unmarked, for the next tick)."""

    def __init__(self, show: Callable[[str], bool]) -> None:
        self._show = show

    def notify(self, message: Message) -> bool:
        return self._show(f"{message.title} — {message.body}")


class ChainNotifier:
    def __init__(self, notifiers: Sequence[Notifier]) -> None:
        self.notifiers = list(notifiers)

    def notify(self, message: Message) -> bool:
        return any(notifier.notify(message) for notifier in self.notifiers)
