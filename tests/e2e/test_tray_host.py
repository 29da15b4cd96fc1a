"""Under Xvfb with a system tray host (Debian's trayer), Nurture puts an icon in the tray and
closing the window keeps it running; without a host it behaves as a normal window (tests/ui)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent


def test_with_a_tray_host_closing_the_window_keeps_nurture_in_the_tray_and_quit_quits(
    tmp_path: Path,
) -> None:
    missing = [tool for tool in ("xvfb-run", "trayer") if shutil.which(tool) is None]
    assert not missing, f"install {missing} (sudo apt install xvfb trayer)"
    script = (
        "trayer --edge top --align right --widthtype request & sleep 1; "
        f"exec {sys.executable} {HERE / 'tray_probe.py'} {tmp_path / 'data'}"
    )
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path), "QT_QPA_PLATFORM": "xcb"}
    done = subprocess.run(
        ["xvfb-run", "-a", "sh", "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert "tray True" in done.stdout, done.stdout + done.stderr
    assert "running after close True" in done.stdout
    assert "still alive" in done.stdout
    assert "quit ended the app 0" in done.stdout
