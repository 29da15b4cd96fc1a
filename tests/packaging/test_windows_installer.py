"""The Windows installer script compiles with makensis (as Debian ships it) into a per-user
setup program, without a single warning."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.packaging.scripts import PACKAGING


def _bundle(folder: Path) -> Path:
    """The shape of PyInstaller's Windows output, with stand-in files."""
    (folder / "_internal").mkdir(parents=True)
    for name in ("nurture.exe", "nurture-cli.exe"):
        (folder / name).write_bytes(b"MZ stand-in for " + name.encode())
    (folder / "_internal" / "base_library.zip").write_bytes(b"PK\x05\x06" + bytes(18))
    return folder


def test_the_installer_script_compiles_into_a_windows_program(tmp_path: Path) -> None:
    bundle = _bundle(tmp_path / "nurture")
    setup = tmp_path / "nurture-0.1.0-windows-setup.exe"
    done = subprocess.run(
        [
            "makensis",
            "-V2",
            "-WX",
            "-DVERSION=0.1.0",
            f"-DBUNDLE={bundle}",
            f"-DOUTFILE={setup}",
            str(PACKAGING / "windows" / "nurture.nsi"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    program = setup.read_bytes()
    assert program[:2] == b"MZ"
    assert b"Nullsoft" in program


def test_the_installer_needs_no_administrator_and_keeps_the_data_folder() -> None:
    script = (PACKAGING / "windows" / "nurture.nsi").read_text(encoding="utf-8")
    assert "RequestExecutionLevel user" in script
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\${APP}"' in script
    uninstall = script[script.index('Section "Uninstall"') :]
    # Nurture's data lives in %LOCALAPPDATA%\Nurture: the uninstaller never names it.
    assert "$LOCALAPPDATA" not in uninstall
    assert 'RMDir /r "$INSTDIR"' not in uninstall
