"""Encryption at rest for a data folder: unlocking its file (the key from the OS keyring, or a
passphrase, or the recovery key) and turning a plain file into an encrypted one — once, after a
backup, into a copy that is checked before it replaces the original.

The command line and the window decide when to ask; this module only needs a way to ask
(`Ask`: a prompt in, the user's answer out, or None when nobody can answer)."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from nurture.db.backups import make_backup, quick_check
from nurture.db.driver import connect, sqlite
from nurture.db.in_use import alone
from nurture.db.keys import (
    INFO_NAME,
    KeyInfo,
    key_from_recovery,
    keyring_get,
    keyring_put,
    load_info,
    new_key,
    save_info,
    unwrap,
    wrap,
)
from nurture.errors import StorageError
from nurture.paths import FILE_MODE, backups_dir, database_path, private_file

Ask = Callable[[str], str | None]
_TRIES = 3


# An automated start (a script, a test, the installer's smoke test) answers these questions
# through the environment instead of a person.
_ANSWERS = {
    "Passphrase": "NURTURE_PASSPHRASE",
    "New passphrase": "NURTURE_NEW_PASSPHRASE",
    "Once more": "NURTURE_NEW_PASSPHRASE",
    "Recovery key": "NURTURE_RECOVERY_KEY",
}


def from_environment(prompt: str) -> str | None:
    """The answer to a question asked by `prompt` ("Passphrase", "New passphrase", "Once
    more", "Recovery key") given in the environment, if any."""
    name = _ANSWERS.get(prompt)
    return os.environ.get(name) or None if name else None


class LockedError(StorageError):
    """The file is encrypted and its key could not be had: nothing was opened."""


def is_encrypted(data_dir: Path) -> bool:
    _finish(data_dir)
    return load_info(data_dir) is not None


def unlock(data_dir: Path, ask: Ask | None) -> bytes | None:
    """The key of the folder's file; None for a plain file. From the keyring, else from the
    passphrase `ask` is given (three tries)."""
    _finish(data_dir)
    info = load_info(data_dir)
    if info is None:
        return None
    if info.mode == "keyring":
        key = keyring_get(data_dir)
        if key is None or not _opens(data_dir, key):
            raise LockedError(
                f"The key of {database_path(data_dir)} is not in this computer's keyring. "
                "Open it with its recovery key: nurture recover."
            )
        return key
    for attempt in range(_TRIES):
        answer = ask("Passphrase" if attempt == 0 else "Not that one. Passphrase") if ask else None
        if answer is None:
            break
        key = unwrap(info, answer)
        if key is not None:
            return key
    raise LockedError(
        f"{database_path(data_dir)} is encrypted and the passphrase was not given. "
        "Nothing was opened."
    )


def _opens(data_dir: Path, key: bytes) -> bool:
    """Whether `key` opens the folder's file (a wrong key reads as "not a database")."""
    try:
        connection = connect(database_path(data_dir), key, readonly=True)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            connection.close()
    except sqlite.DatabaseError:
        return False
    return True


def encrypt(
    data_dir: Path,
    passphrase: str | None = None,
    show_recovery: Callable[[bytes], object] = lambda _key: None,
) -> tuple[bytes, KeyInfo]:
    """Encrypt the folder's plain file once: a backup first, then an encrypted copy checked
    and renamed over it. The key goes to the OS keyring, or is wrapped by `passphrase` (given,
    or required when no keyring works). `show_recovery` is given the key to show as the
    recovery key before the file is replaced (so a crash after cannot lose it). Returns the
    key and how it is kept. Nurture must not be running on the folder."""
    if is_encrypted(data_dir):
        raise StorageError("This data folder is encrypted already.")
    if passphrase is None and keyring_get(data_dir) is not None:
        raise StorageError(
            "The keyring already holds a key for this folder (an encryption cut short?): "
            "open it with its recovery key (nurture recover), or remove that keyring entry."
        )
    with alone(data_dir, "encrypt"):
        return _seal(data_dir, passphrase, show_recovery)


def _seal(
    data_dir: Path, passphrase: str | None, show_recovery: Callable[[bytes], object]
) -> tuple[bytes, KeyInfo]:
    path = database_path(data_dir)
    key = new_key()
    if passphrase is not None:
        info = wrap(key, passphrase)
    elif keyring_put(data_dir, key):
        info = KeyInfo("keyring")
    else:
        raise LockedError(
            "No keyring works on this computer: choose a passphrase to encrypt with "
            "(nurture encrypt --passphrase)."
        )
    make_backup(path, backups_dir(data_dir), "before-encryption", datetime.now(UTC))
    part = path.with_name(f".{path.name}.encrypting")
    part.unlink(missing_ok=True)
    os.close(os.open(part, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE))
    source = connect(path)
    try:
        source.execute(f"ATTACH DATABASE ? AS sealed KEY \"x'{key.hex()}'\"", (str(part),))
        source.execute("SELECT sqlcipher_export('sealed')")
        source.execute("DETACH DATABASE sealed")
    finally:
        source.close()
    if quick_check(part, key):
        part.unlink()
        raise StorageError("The encrypted copy did not read back whole; the file is unchanged.")
    show_recovery(key)
    for journal in ("-wal", "-shm"):  # the plain file's, checkpointed by the close above
        path.with_name(path.name + journal).unlink(missing_ok=True)
    # The key's keeping is written aside first and put in place after the file: a crash in
    # between is finished (or undone) by the next unlock, never a file without its key.
    save_info(data_dir, info, PENDING)
    part.replace(path)
    private_file(path)
    _finish(data_dir)
    return key, info


PENDING = "nurture.keyinfo.pending"


def _finish(data_dir: Path) -> None:
    """An encryption interrupted between its two renames: keep the key's keeping when the
    file is the encrypted one, drop it when the file is still plain."""
    pending = data_dir / PENDING
    if not pending.exists():
        return
    with database_path(data_dir).open("rb") as file:
        plain = file.read(16) == b"SQLite format 3\0"
    if plain:
        pending.unlink()
    else:
        pending.replace(data_dir / INFO_NAME)


def change_passphrase(data_dir: Path, key: bytes, passphrase: str) -> None:
    """Wrap the (unchanged) key with a new passphrase: the file is not re-encrypted."""
    save_info(data_dir, wrap(key, passphrase))


def recover(data_dir: Path, recovery: str, passphrase: str | None = None) -> KeyInfo:
    """Open the file again with its recovery key: the key goes back to the keyring, or behind
    a new `passphrase` (required when no keyring works)."""
    key = key_from_recovery(recovery)
    if quick_check(database_path(data_dir), key):
        raise LockedError("That recovery key does not open this data folder's file.")
    if passphrase is not None:
        info = wrap(key, passphrase)
    elif keyring_put(data_dir, key):
        info = KeyInfo("keyring")
    else:
        raise LockedError("No keyring works on this computer: choose a passphrase as well.")
    save_info(data_dir, info)
    return info
