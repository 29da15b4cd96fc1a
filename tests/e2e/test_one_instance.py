"""One Nurture per data folder: a second launch brings the first forward and exits quickly."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path


def test_a_second_launch_exits_quickly_and_leaves_the_first_running(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    nurture = [sys.executable, "-m", "ui", "--data-dir", str(tmp_path / "data")]
    first = subprocess.Popen(nurture, env=env, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 20
        while not (tmp_path / "data" / "nurture.lock").exists():
            assert time.monotonic() < deadline, "the first Nurture never started"
            assert first.poll() is None, first.stderr.read() if first.stderr else ""
            time.sleep(0.1)
        started = time.monotonic()
        second = subprocess.run(nurture, env=env, capture_output=True, text=True, timeout=30)
        took = time.monotonic() - started
        assert second.returncode == 0, second.stderr
        assert took < 10
        assert first.poll() is None  # the first one is still there
    finally:
        first.terminate()
        first.communicate(timeout=20)
