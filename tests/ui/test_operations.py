"""The window's operations keep the core's promises: all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from nurture.app import Nurture
from nurture.errors import StorageError, ValidationError
from ui.autostart import is_enabled
from ui.operations.preferences import save_preferences


def test_preferences_are_not_saved_when_start_at_login_cannot_be_set(
    core: Nurture, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the config folder should be", encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(blocked))
    before = core.settings.get()
    with pytest.raises(StorageError, match="start-at-login"):
        save_preferences(core.settings, {"digest_time": "07:15", "start_at_login": True})
    assert core.settings.get() == before


def test_start_at_login_is_taken_back_when_the_preferences_cannot_be_saved(
    core: Nurture, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    with pytest.raises(ValidationError):
        save_preferences(core.settings, {"digest_time": "25:99", "start_at_login": True})
    assert not is_enabled()
    assert not core.settings.get().start_at_login
    save_preferences(core.settings, {"digest_time": "07:15", "start_at_login": True})
    assert is_enabled()
    assert core.settings.get().start_at_login
