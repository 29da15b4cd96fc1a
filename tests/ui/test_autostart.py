"""Start at login writes (and removes) the desktop's autostart entry, starting minimised."""

from __future__ import annotations

from pathlib import Path

import pytest

from ui.autostart import autostart_path, command, is_enabled, set_start_at_login


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


@pytest.mark.parametrize(
    ("running", "started_at_login"),
    [
        ("/opt/nurture/nurture", "/opt/nurture/nurture"),
        (r"C:/Users/ann/AppData/Local/Programs/Nurture/nurture.exe", "nurture.exe"),
        # Started once from the console twin, Nurture still logs in without a console window.
        (r"C:/Users/ann/AppData/Local/Programs/Nurture/nurture-cli.exe", "nurture.exe"),
        ("/Applications/Nurture.app/Contents/MacOS/nurture", "/Applications/Nurture.app"),
    ],
)
def test_an_installed_nurture_starts_its_own_program_at_login(
    monkeypatch: pytest.MonkeyPatch, running: str, started_at_login: str
) -> None:
    monkeypatch.setattr("sys.frozen", True, raising=False)
    monkeypatch.setattr("sys.executable", running)
    program, *options = command()
    assert options == ["--minimized"]
    assert Path(program).parent == Path(running).parent
    assert started_at_login in program
