"""Delivering a reminder: freedesktop notifications over D-Bus (with Open / Snooze / Done where
the server has actions), else the tray's balloon, else a banner in the window. The first one that
works takes it; the Today page stays the source of truth either way."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import SLOT, QObject, Signal, Slot
from PySide6.QtDBus import QDBusConnection
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
    """freedesktop notifications. Sent with jeepney (it writes the exact D-Bus signature; Qt's
    binding would send the id as a 64-bit int, which servers refuse); clicks come back through
    QtDBus as the ActionInvoked signal."""

    def __init__(self, actions: Actions, app_name: str = "Nurture", icon: str = "nurture") -> None:
        super().__init__()
        self._actions = actions
        self._app, self._icon = app_name, icon
        self._sent: dict[int, Message] = {}
        self._connection: Any = None
        self._can_act = False
        try:
            from jeepney import DBusAddress
            from jeepney.io.blocking import open_dbus_connection

            self._address = DBusAddress(_PATH, bus_name=_SERVICE, interface=_SERVICE)
            self._connection = open_dbus_connection(bus="SESSION")
            self._can_act = "actions" in self._call("GetCapabilities", "", ())[0]
        except Exception:  # no session bus or no notification server: the next way is used
            self._connection = None
            return
        bus = QDBusConnection.sessionBus()
        if bus.isConnected():
            bus.connect(  # type: ignore[call-overload]  # (the stubs lack this overload)
                _SERVICE, _PATH, _SERVICE, "ActionInvoked", self, SLOT("_invoked(uint,QString)")
            )

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
        try:
            (notification_id,) = self._call(
                "Notify",
                "susssasa{sv}i",
                (self._app, 0, self._icon, message.title, message.body, actions, {}, -1),
            )
        except Exception:  # the server went away: the next way is used
            return False
        self._sent[int(notification_id)] = message
        return True

    # D-Bus delivers ActionInvoked as (uint32, string): the slot must say uint, or QtDBus
    # refuses the connection and no click on Open, Snooze or Done ever arrives.
    @Slot("uint", str)
    def _invoked(self, notification_id: int, action: str) -> None:
        message = self._sent.get(int(notification_id))
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
    """The last resort: a line at the top of the window (the window shows it when it can)."""

    def __init__(self, show: Callable[[str], None]) -> None:
        self._show = show

    def notify(self, message: Message) -> bool:
        self._show(f"{message.title} — {message.body}")
        return True


class ChainNotifier:
    def __init__(self, notifiers: Sequence[Notifier]) -> None:
        self.notifiers = list(notifiers)

    def notify(self, message: Message) -> bool:
        return any(notifier.notify(message) for notifier in self.notifiers)
