"""Start at login: an XDG autostart entry on Linux, the Run key on Windows, a LaunchAgent on
macOS — all written (or removed) by the same setting. Nurture then starts minimised to the tray."""

from __future__ import annotations

import contextlib
import importlib
import os
import shlex
import sys
from pathlib import Path
from typing import Any

from nurture.errors import StorageError

ENTRY = "nurture.desktop"
_LABEL = "app.nurture.Nurture"


def command() -> list[str]:
    """How this installation is started, minimised: the installed program when Nurture runs
    from its installer's bundle, else the `nurture` script or this Python."""
    if getattr(sys, "frozen", False):
        program = Path(sys.executable)
        if program.stem == "nurture-cli":  # Windows' console twin: log in without a console
            program = program.with_name("nurture" + program.suffix)
        return [str(program), "--minimized"]
    script = Path(sys.argv[0])
    if script.name == "nurture" and script.exists():
        return [str(script.resolve()), "--minimized"]
    return [sys.executable, "-m", "ui", "--minimized"]


def autostart_path() -> Path:
    if sys.platform == "darwin":
        return Path.home() / "Library" / "LaunchAgents" / f"{_LABEL}.plist"
    config = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return config / "autostart" / ENTRY


def set_start_at_login(enabled: bool, argv: list[str] | None = None) -> None:
    args = argv or command()
    try:
        if sys.platform == "win32":
            _windows(enabled, args)
            return
        path = autostart_path()
        if not enabled:
            path.unlink(missing_ok=True)
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            _plist(args) if sys.platform == "darwin" else _desktop(args), encoding="utf-8"
        )
    except OSError as error:
        raise StorageError(f"Nurture could not change its start-at-login entry: {error}") from error


def is_enabled() -> bool:
    return sys.platform != "win32" and autostart_path().exists()


def _desktop(args: list[str]) -> str:
    return (
        "[Desktop Entry]\nType=Application\nName=Nurture\n"
        "Comment=Keep every relationship warm\n"
        f"Exec={shlex.join(args)}\nIcon=nurture\nTerminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def _plist(args: list[str]) -> str:
    items = "".join(f"<string>{a}</string>" for a in args)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0"><dict>'
        f"<key>Label</key><string>{_LABEL}</string>"
        f"<key>ProgramArguments</key><array>{items}</array>"
        "<key>RunAtLoad</key><true/></dict></plist>\n"
    )


def _windows(enabled: bool, args: list[str]) -> None:  # pragma: no cover - Windows only
    winreg: Any = importlib.import_module("winreg")  # typeshed hides it off Windows

    key = winreg.OpenKey(
        winreg.HKEY_CURRENT_USER,
        r"Software\Microsoft\Windows\CurrentVersion\Run",
        0,
        winreg.KEY_SET_VALUE,
    )
    with key:
        if enabled:
            winreg.SetValueEx(
                key,
                "Nurture",
                0,
                winreg.REG_SZ,
                " ".join(f'"{a}"' for a in args),
            )
        else:
            with contextlib.suppress(FileNotFoundError):
                winreg.DeleteValue(key, "Nurture")
