"""One Nurture per data folder: a lock file says who runs (a stale one after a crash is taken
over), and a local socket lets a second launch ask the first to come to the front, then exit.
The command line is not affected: it works while the app runs.

The socket lives in a folder only the user can enter — the session's runtime folder
(XDG_RUNTIME_DIR), else the data folder — never under a predictable name in /tmp, where another
user could make it first and hear (or answer) the user's second launch."""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from nurture.instance import LOCK_NAME
from nurture.paths import private_folder

_WAIT_MS = 1500
_SOCKET_PATH_MAX = 100  # sockaddr_un holds 104-108 bytes


def socket_name(data_dir: Path) -> str:
    """Where this data folder's app listens: a path in a folder only the user can enter (or,
    on Windows, a pipe name, which is the user's already)."""
    digest = hashlib.sha1(str(data_dir.resolve()).encode()).hexdigest()[:12]
    if os.name != "posix":
        return f"nurture-{digest}"
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    for folder in (Path(runtime) / "nurture" if runtime else None, data_dir):
        if folder is None:
            continue
        path = folder / f"instance-{digest}.socket"
        if len(str(path)) <= _SOCKET_PATH_MAX:
            try:
                private_folder(folder)
            except OSError:
                continue
            return str(path)
    return ""  # nowhere safe: no second-launch call, the lock still keeps one app


class SingleInstance(QObject):
    raise_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        private_folder(data_dir)
        self.name = socket_name(data_dir)
        self._lock = QLockFile(str(data_dir / LOCK_NAME))
        self._lock.setStaleLockTime(0)  # only a dead owner makes it stale, never its age
        self._server: QLocalServer | None = None

    def claim(self) -> bool:
        """True when this process is the one; else the running one was asked to come forward."""
        if not self._lock.tryLock(100):
            socket = QLocalSocket()
            if self.name:
                socket.connectToServer(self.name)
            if self.name and socket.waitForConnected(_WAIT_MS):
                socket.write(b"raise\n")
                socket.waitForBytesWritten(_WAIT_MS)
                socket.disconnectFromServer()
            return False
        if not self.name:
            return True
        QLocalServer.removeServer(self.name)  # a socket file left by a crash
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._incoming)
        if not self._server.listen(self.name):
            # Not fatal: this app still runs alone; a second launch just cannot call it forward.
            logging.getLogger(__name__).warning(
                "cannot listen on %s: %s", self.name, self._server.errorString()
            )
        return True

    def release(self) -> None:
        """Let another Nurture run on this folder (this one is about to start it)."""
        if self._server is not None:
            self._server.close()
        self._lock.unlock()

    def _incoming(self) -> None:
        assert self._server is not None
        while (connection := self._server.nextPendingConnection()) is not None:
            connection.readyRead.connect(self.raise_requested.emit)
            connection.disconnected.connect(connection.deleteLater)
