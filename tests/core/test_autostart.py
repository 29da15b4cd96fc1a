"""Start at login writes (and removes) the desktop's autostart entry, starting minimised."""

from __future__ import annotations

from pathlib import Path

import pytest

from nurture.autostart import autostart_path, is_enabled, set_start_at_login


def test_the_xdg_autostart_entry_is_written_and_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    set_start_at_login(True, ["/opt/nurture/nurture", "--minimized"])
    entry = tmp_path / "autostart" / "nurture.desktop"
    assert autostart_path() == entry
    text = entry.read_text(encoding="utf-8")
    assert "Exec=/opt/nurture/nurture --minimized" in text
    assert "[Desktop Entry]" in text
    assert is_enabled()
    set_start_at_login(False)
    assert not entry.exists()
    assert not is_enabled()
