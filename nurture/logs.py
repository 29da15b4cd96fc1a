"""A rotating log file in the user's log folder (platformdirs), so a Nurture started at login
in the tray leaves a trace of every failure. Overridable with NURTURE_LOG_DIR. Only failures
and start-up facts are written: never contacts' data."""

from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

import platformdirs

from nurture.paths import APP_NAME, private_file, private_folder

LOG_NAME = "nurture.log"
ENV_LOG_DIR = "NURTURE_LOG_DIR"
_MAX_BYTES = 1_000_000
_KEPT = 5


def log_dir() -> Path:
    from_env = os.environ.get(ENV_LOG_DIR)
    if from_env:
        return Path(from_env).expanduser()
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def start_logging(role: str) -> Path | None:
    """Log to the file from now on (once per process); None when the folder cannot be made,
    which is no reason to stop the user's work."""
    root = logging.getLogger()
    if any(isinstance(h, RotatingFileHandler) for h in root.handlers):
        return None
    folder = log_dir()
    try:
        private_folder(folder)
        handler = RotatingFileHandler(
            folder / LOG_NAME, maxBytes=_MAX_BYTES, backupCount=_KEPT, encoding="utf-8"
        )
        private_file(folder / LOG_NAME)
    except OSError:
        return None
    handler.setFormatter(
        logging.Formatter(f"%(asctime)s %(levelname)s {role}[%(process)d] %(name)s: %(message)s")
    )
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return folder / LOG_NAME
