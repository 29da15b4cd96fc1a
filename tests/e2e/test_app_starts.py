"""The real `nurture` process: the desktop app starts on a data folder, encrypts it on that
first start (the passphrase from the environment: tests/e2e/conftest.py), and keeps running."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path


def test_the_app_opens_on_a_demo_database_and_runs_until_closed(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    nurture = [sys.executable, "-m", "ui", "--data-dir", str(data)]  # the `nurture` program
    subprocess.run([*nurture, "demo", "--contacts", "50"], check=True, env=env, timeout=60)

    app = subprocess.Popen(nurture, env=env, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(4)
        still_running = app.poll() is None
        # The command line keeps working on the same database while the window is open.
        listed = subprocess.run(
            [*nurture, "contacts", "--json"], env=env, capture_output=True, text=True, timeout=60
        )
    finally:
        app.terminate()
        _, errors = app.communicate(timeout=20)
    assert still_running, errors
    assert "Traceback" not in errors
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) == 50
    assert not (data / "nurture.sqlite3").read_bytes().startswith(b"SQLite format 3")
    assert len(list((data / "backups").glob("*before-encryption*"))) == 1
