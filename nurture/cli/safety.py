"""The command line's backups and checks: `nurture backup`, `backups`, `check`, and `restore`
(which works on the data folder with the database closed, so it runs even when the database
cannot be opened)."""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import UTC, datetime
from pathlib import Path

from nurture.app import Nurture
from nurture.cli.output import print_json
from nurture.db.backups import Backup, every_backup, restore
from nurture.db.encryption import (
    change_passphrase,
    encrypt,
    from_environment,
    recover,
    unlock,
)
from nurture.db.keys import recovery_text
from nurture.errors import NotFoundError, StorageError
from nurture.humanize import plural
from nurture.instance import app_running
from nurture.paths import resolve_data_dir


def backup(app: Nurture, args: argparse.Namespace) -> None:
    made = app.backups.make("manual")
    print(made.path)
    if app.backups.second_copy_failed:
        print(f"nurture: note: {app.backups.second_copy_failed}", file=sys.stderr)


def backups(app: Nurture, args: argparse.Namespace) -> None:
    found = app.backups.backups()
    if args.json:
        print_json([_backup_json(b) for b in found])
        return
    for b in found:
        print(
            f"{b.made.astimezone():%Y-%m-%d %H:%M}  {b.reason:<34} {b.size / 1e6:8.1f} MB  {b.path}"
        )
    print(plural(len(found), "backup"), file=sys.stderr)


def check(app: Nurture, args: argparse.Namespace) -> None:
    report = app.backups.check()
    if args.json:
        print_json(
            {
                "sound": report.sound,
                "integrity": report.integrity,
                "broken_references": report.foreign_keys,
                "search_index_rebuilt": report.search_rebuilt,
                "repaired_text": report.repaired_text,
            }
        )
    else:
        print("Integrity: " + ("ok" if not report.integrity else "; ".join(report.integrity)))
        print(f"References: {'ok' if not report.foreign_keys else report.foreign_keys}")
        print("Search index: " + ("rebuilt" if report.search_rebuilt else "ok"))
        if report.repaired_text:
            print(
                f"Damaged text repaired ({len(report.repaired_text)}): "
                + ", ".join(report.repaired_text[:10])
                + " — unreadable characters now show as �"
            )
    if not report.sound:
        raise StorageError(
            "The database is damaged beyond what a check can repair. Restore the newest good "
            "backup: nurture restore (File ▸ Restore from backup…)."
        )


def restore_backup(args: argparse.Namespace) -> None:
    """Run without opening the database: it may be the damaged thing."""
    data_dir = resolve_data_dir(args.data_dir)
    if app_running(data_dir):
        raise StorageError("Nurture is running on this data folder: quit it first, then restore.")
    chosen = _chosen(data_dir, args.backup) if args.backup else None
    restored, aside = restore(data_dir, chosen, key=unlock(data_dir, ask_passphrase))
    print(f"Restored {restored.path.name} ({restored.made.astimezone():%Y-%m-%d %H:%M}).")
    print(f"The file it replaced is kept in {aside}.")


def encrypt_folder(args: argparse.Namespace) -> None:
    """Run with the database closed: the plain file is replaced by an encrypted copy."""
    data_dir = resolve_data_dir(args.data_dir)
    if app_running(data_dir):
        raise StorageError("Nurture is running on this data folder: quit it first, then encrypt.")

    def show(key: bytes) -> None:
        print("Recovery key (print it or keep it somewhere safe; with it alone the data opens):")
        print(f"  {recovery_text(key)}", flush=True)

    _key, info = encrypt(data_dir, new_passphrase() if args.passphrase else None, show)
    kept = "in this computer's keyring" if info.mode == "keyring" else "behind your passphrase"
    print(f"Encrypted {data_dir}. Its key is kept {kept}.")
    plain = [b for b in every_backup(data_dir) if b.reason != "before-encryption"]
    print(
        f"The backup made just before, and {plural(len(plain), 'earlier backup')} in "
        f"{data_dir / 'backups'}, are not encrypted: delete them once you no longer need them."
    )


def new_passphrase() -> str:
    chosen = ask_passphrase("New passphrase")
    if chosen is None or ask_passphrase("Once more") != chosen:
        raise StorageError("The two passphrases differ (or none was given); nothing changed.")
    return chosen


def passphrase(args: argparse.Namespace) -> None:
    """A new passphrase for an encrypted folder (the current one asked first)."""
    data_dir = resolve_data_dir(args.data_dir)
    key = unlock(data_dir, ask_passphrase)
    if key is None:
        raise StorageError("This data folder is not encrypted: nurture encrypt --passphrase.")
    change_passphrase(data_dir, key, new_passphrase())
    print("The passphrase is changed; the recovery key stays the same.")


def recover_key(args: argparse.Namespace) -> None:
    """With the recovery key: the key back in the keyring, or behind a new passphrase."""
    data_dir = resolve_data_dir(args.data_dir)
    recovery = ask_passphrase("Recovery key")
    if recovery is None:
        raise StorageError("No recovery key was given; nothing changed.")
    chosen = new_passphrase() if args.passphrase else None
    info = recover(data_dir, recovery, chosen)
    kept = "in this computer's keyring" if info.mode == "keyring" else "behind the new passphrase"
    print(f"The data opens again; its key is kept {kept}.")


def ask_passphrase(prompt: str) -> str | None:
    """From the terminal (not echoed), else from the environment for scripts
    (`encryption.from_environment`); None if neither."""
    if sys.stdin.isatty():
        return getpass.getpass(f"{prompt}: ")
    return from_environment(prompt)


def _chosen(data_dir: Path, given: str) -> Backup:
    path = Path(given).expanduser()
    for b in every_backup(data_dir):
        if b.path.name == path.name or b.path == path:
            return b
    if path.is_file():
        return Backup(path, datetime.fromtimestamp(path.stat().st_mtime, UTC), "chosen")
    raise NotFoundError(f"There is no backup {given}: `nurture backups` lists them.")


def _backup_json(b: Backup) -> dict[str, object]:
    return {"path": str(b.path), "made": b.made.isoformat(), "reason": b.reason, "bytes": b.size}
