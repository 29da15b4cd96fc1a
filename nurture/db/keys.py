"""The key that encrypts the data file: a random 256-bit data key, used raw by SQLCipher (no
key derivation on every connection), kept in the OS keyring — or, where no keyring works,
wrapped by a passphrase the user chose, so changing the passphrase never re-encrypts the file.

Wrapping: scrypt(passphrase, salt) gives 64 bytes; the first 32 are XORed with the data key
(a one-time pad: a new salt, so a new pad, at every change), the last 32 key an HMAC of the data
key that says whether a passphrase is right. Only the salt, the wrapped key and the check are
stored, in `nurture.keyinfo` beside the database (0600, written whole).

The recovery key is the data key itself, in groups of base32 letters the user prints or keeps:
with it, and nothing else, the file opens again.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from nurture.errors import ValidationError
from nurture.io.files import write_whole

KEY_BYTES = 32
INFO_NAME = "nurture.keyinfo"
KEYRING_SERVICE = "Nurture"
_SCRYPT = {"n": 2**15, "r": 8, "p": 1}  # ~0.1 s and 32 MB: once per unlock, not per query


@dataclass(frozen=True, slots=True)
class KeyInfo:
    """How this data folder's key is kept: "keyring", or "passphrase" with its wrapping."""

    mode: str
    salt: bytes = b""
    wrapped: bytes = b""
    check: bytes = b""


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def sqlcipher_key(key: bytes) -> str:
    """The PRAGMA key value for a raw key: SQLCipher skips its own key derivation."""
    return f"\"x'{key.hex()}'\""


def recovery_text(key: bytes) -> str:
    """'ABCD-EFGH-…': the data key as the user keeps it (52 letters and digits)."""
    letters = base64.b32encode(key).decode("ascii").rstrip("=")
    return "-".join(letters[i : i + 4] for i in range(0, len(letters), 4))


def key_from_recovery(text: str) -> bytes:
    letters = "".join(ch for ch in text.upper() if ch.isalnum())
    try:
        key = base64.b32decode(letters + "=" * (-len(letters) % 8))
    except ValueError as error:
        raise ValidationError("That is not a recovery key (52 letters and digits).") from error
    if len(key) != KEY_BYTES:
        raise ValidationError("That is not a recovery key (52 letters and digits).")
    return key


def _pad(passphrase: str, salt: bytes) -> bytes:
    return hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, dklen=64, maxmem=2**26, **_SCRYPT)


def wrap(key: bytes, passphrase: str) -> KeyInfo:
    if len(passphrase) < 8:
        raise ValidationError("Choose a passphrase of at least 8 characters.")
    salt = secrets.token_bytes(16)
    pad = _pad(passphrase, salt)
    wrapped = bytes(a ^ b for a, b in zip(key, pad[:KEY_BYTES], strict=True))
    check = hmac.new(pad[KEY_BYTES:], key, hashlib.sha256).digest()
    return KeyInfo("passphrase", salt, wrapped, check)


def unwrap(info: KeyInfo, passphrase: str) -> bytes | None:
    """The data key, or None when the passphrase is not the one it was wrapped with."""
    pad = _pad(passphrase, info.salt)
    key = bytes(a ^ b for a, b in zip(info.wrapped, pad[:KEY_BYTES], strict=True))
    check = hmac.new(pad[KEY_BYTES:], key, hashlib.sha256).digest()
    return key if hmac.compare_digest(check, info.check) else None


def load_info(data_dir: Path) -> KeyInfo | None:
    """How the key is kept; None for a folder whose file is not encrypted."""
    path = data_dir / INFO_NAME
    if not path.exists():
        return None
    stored = json.loads(path.read_text(encoding="utf-8"))
    raw = {k: base64.b64decode(stored.get(k, "")) for k in ("salt", "wrapped", "check")}
    return KeyInfo(stored["mode"], **raw)


def save_info(data_dir: Path, info: KeyInfo, name: str = INFO_NAME) -> None:
    stored = {
        "version": 1,
        "mode": info.mode,
        **{k: base64.b64encode(getattr(info, k)).decode() for k in ("salt", "wrapped", "check")},
    }
    write_whole(data_dir / name, json.dumps(stored, indent=2).encode("utf-8"))


def _account(data_dir: Path) -> str:
    return f"database:{data_dir.resolve()}"


def trusted(backend: object) -> bool:
    """A keyring that keeps secrets as secrets (Secret Service, Keychain, Windows' Credential
    Locker: priority 1 and up). keyrings.alt's files (priority below 1) keep them nearly in
    the clear: refused, unless $NURTURE_TEST_KEYRING says a test chose it."""
    priority = float(getattr(backend, "priority", 0))
    return priority >= 1 or os.environ.get("NURTURE_TEST_KEYRING") == "1"


def keyring_get(data_dir: Path) -> bytes | None:
    """The key from the OS keyring; None when it holds none or no keyring works."""
    import keyring
    from keyring.errors import KeyringError

    try:
        stored = keyring.get_password(KEYRING_SERVICE, _account(data_dir))
    except (KeyringError, RuntimeError):
        return None
    return bytes.fromhex(stored) if stored else None


def keyring_put(data_dir: Path, key: bytes) -> bool:
    """Keep the key in the OS keyring and read it back; False when no keyring works here."""
    import keyring
    from keyring.errors import KeyringError

    if not trusted(keyring.get_keyring()):
        return False
    try:
        keyring.set_password(KEYRING_SERVICE, _account(data_dir), key.hex())
    except (KeyringError, RuntimeError):
        return False
    return keyring_get(data_dir) == key
