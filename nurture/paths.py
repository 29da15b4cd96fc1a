"""Where the data lives: `--data-dir`, else `NURTURE_DATA_DIR`, else the platform's data dir.
Its folders are the user's alone (0700) and its files too (0600), whatever the umask: an
address book is nobody else's to read on a shared machine."""

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


FOLDER_MODE = 0o700
FILE_MODE = 0o600


def private_folder(path: Path) -> Path:
    """`path` made (with its parents) and readable by the user alone. A folder someone else
    owns is refused: it could be one planted to catch the user's files."""
    path.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    if os.name == "posix":
        if path.stat().st_uid != os.getuid():
            raise PermissionError(f"{path} belongs to another user; Nurture will not use it.")
        path.chmod(FOLDER_MODE)
    return path


def private_file(path: Path) -> None:
    """An existing file made readable by the user alone (a missing one is left missing)."""
    if os.name == "posix" and path.exists():
        path.chmod(FILE_MODE)
