"""Whether the desktop app runs on a data folder: its lock file (Qt's QLockFile, written by
`ui/single_instance.py`) names a process that is alive on this machine. Read without Qt, so
the command line can ask (a restore must not pull the file from under a running app)."""

from __future__ import annotations

import os
import socket
from pathlib import Path

LOCK_NAME = "nurture.lock"


def app_running(data_dir: Path) -> bool:
    try:
        lines = (data_dir / LOCK_NAME).read_text(errors="replace").splitlines()
    except OSError:
        return False
    if len(lines) < 3 or not lines[0].strip().isdigit():
        return False
    pid, host = int(lines[0]), lines[2].strip()
    if host and host != socket.gethostname():
        return True  # another machine's (a shared folder): assume it is alive
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
