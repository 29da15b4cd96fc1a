"""The data key's keeping: wrapped by a passphrase (right and wrong ones told apart), shown as a
recovery key and read back, and the OS keyring used when one works — refused when none does."""

from __future__ import annotations

from pathlib import Path

import pytest

from nurture.db.keys import (
    key_from_recovery,
    keyring_get,
    keyring_put,
    load_info,
    new_key,
    recovery_text,
    save_info,
    unwrap,
    wrap,
)
from nurture.errors import ValidationError


def test_a_passphrase_wraps_the_key_and_only_it_unwraps_it(tmp_path: Path) -> None:
    key = new_key()
    info = wrap(key, "dark chocolate 70%")
    save_info(tmp_path, info)
    kept = load_info(tmp_path)
    assert kept == info
    assert unwrap(kept, "dark chocolate 70%") == key
    assert unwrap(kept, "dark chocolate 71%") is None
    assert wrap(key, "dark chocolate 70%").wrapped != info.wrapped  # a new salt every time
    assert key.hex() not in (tmp_path / "nurture.keyinfo").read_text()
    with pytest.raises(ValidationError, match="at least 8"):
        wrap(key, "short")


def test_the_recovery_key_reads_back_however_it_is_typed() -> None:
    key = new_key()
    text = recovery_text(key)
    assert len(text.replace("-", "")) == 52
    assert key_from_recovery(text) == key
    assert key_from_recovery(text.lower().replace("-", " ")) == key
    with pytest.raises(ValidationError, match="not a recovery key"):
        key_from_recovery("ABCD-EFGH")


def test_without_a_working_keyring_the_key_is_not_kept_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    import keyring.core

    keyring.core.init_backend()
    try:
        assert keyring_put(tmp_path, new_key()) is False
        assert keyring_get(tmp_path) is None
    finally:
        monkeypatch.delenv("PYTHON_KEYRING_BACKEND")
        keyring.core.init_backend()


def test_a_working_keyring_keeps_the_key_per_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    import keyring.core

    keyring.core.init_backend()
    try:
        # A keyring of plain files keeps the key nearly in the clear: refused...
        assert keyring_put(tmp_path / "one", new_key()) is False
        monkeypatch.setenv("NURTURE_TEST_KEYRING", "1")  # ...unless a test says it chose it
        first, second = new_key(), new_key()
        assert keyring_put(tmp_path / "one", first)
        assert keyring_put(tmp_path / "two", second)
        assert keyring_get(tmp_path / "one") == first
        assert keyring_get(tmp_path / "two") == second
    finally:
        monkeypatch.delenv("PYTHON_KEYRING_BACKEND")
        keyring.core.init_backend()
