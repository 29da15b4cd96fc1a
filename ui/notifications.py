"""Delivering a reminder: freedesktop notifications over D-Bus (with Open / Snooze / Done where
the server has actions), else the tray's balloon, else a banner in the window. The first one that
works takes it; the Today page stays the source of truth either way."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import SLOT, QObject, Signal, Slot
from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage
from PySide6.QtWidgets import QSystemTrayIcon

_SERVICE = "org.freedesktop.Notifications"
_PATH = "/org/freedesktop/Notifications"


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
    def __init__(self, actions: Actions, app_name: str = "Nurture", icon: str = "nurture") -> None:
        super().__init__()
        self._actions = actions
        self._app, self._icon = app_name, icon
        self._bus = QDBusConnection.sessionBus()
        self._sent: dict[int, Message] = {}
        self._interface: QDBusInterface | None = None
        self._can_act = False
        if self._bus.isConnected():
            interface = QDBusInterface(_SERVICE, _PATH, _SERVICE, self._bus)
            if interface.isValid():
                self._interface = interface
                reply = interface.call("GetCapabilities")
                capabilities = reply.arguments()[0] if reply.arguments() else []
                self._can_act = "actions" in (capabilities or [])
                self._bus.connect(  # type: ignore[call-overload]  # (the stubs lack this one)
                    _SERVICE, _PATH, _SERVICE, "ActionInvoked", self,
                    SLOT("_invoked(uint,QString)"),
                )  # fmt: skip

    @property
    def available(self) -> bool:
        return self._interface is not None

    def notify(self, message: Message) -> bool:
        if self._interface is None:
            return False
        actions: list[str] = []
        if self._can_act:
            actions = ["default", "Open", "open", "Open"]
            if message.key is not None:
                actions += ["snooze", "Snooze until tomorrow", "done", "Done"]
        call = QDBusMessage.createMethodCall(_SERVICE, _PATH, _SERVICE, "Notify")
        call.setArguments([self._app, 0, self._icon, message.title, message.body, actions, {},
                           -1])  # fmt: skip
        reply = self._bus.call(call)
        if reply.type() == QDBusMessage.MessageType.ErrorMessage or not reply.arguments():
            return False
        self._sent[int(reply.arguments()[0])] = message
        return True

    @Slot(int, str)
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
