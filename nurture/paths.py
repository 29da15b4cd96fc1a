"""Where the data lives: `--data-dir`, else `NURTURE_DATA_DIR`, else the platform's data dir."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Nurture"
DATABASE_NAME = "nurture.sqlite3"
ENV_DATA_DIR = "NURTURE_DATA_DIR"


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(ENV_DATA_DIR)
    if from_env:
        return Path(from_env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def database_path(data_dir: Path) -> Path:
    return data_dir / DATABASE_NAME


def backups_dir(data_dir: Path) -> Path:
    return data_dir / "backups"
