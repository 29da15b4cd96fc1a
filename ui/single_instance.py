"""One Nurture per data folder: a lock file says who runs (a stale one after a crash is taken
over), and a local socket lets a second launch ask the first to come to the front, then exit.
The command line is not affected: it works while the app runs."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

_WAIT_MS = 1500


class SingleInstance(QObject):
    raise_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        data_dir.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha1(str(data_dir.resolve()).encode()).hexdigest()[:12]
        self.name = f"nurture-{digest}"
        self._lock = QLockFile(str(data_dir / "nurture.lock"))
        self._lock.setStaleLockTime(0)  # only a dead owner makes it stale, never its age
        self._server: QLocalServer | None = None

    def claim(self) -> bool:
        """True when this process is the one; else the running one was asked to come forward."""
        if not self._lock.tryLock(100):
            socket = QLocalSocket()
            socket.connectToServer(self.name)
            if socket.waitForConnected(_WAIT_MS):
                socket.write(b"raise\n")
                socket.waitForBytesWritten(_WAIT_MS)
                socket.disconnectFromServer()
            return False
        QLocalServer.removeServer(self.name)  # a socket file left by a crash
        self._server = QLocalServer(self)
        self._server.newConnection.connect(self._incoming)
        self._server.listen(self.name)
        return True

    def _incoming(self) -> None:
        assert self._server is not None
        while (connection := self._server.nextPendingConnection()) is not None:
            connection.readyRead.connect(self.raise_requested.emit)
            connection.disconnected.connect(connection.deleteLater)
