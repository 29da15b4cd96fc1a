"""Another program's long write is waited for, and said, not failed after five seconds; the
window's own background bookkeeping gives up at once and tries again later."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from nurture.app import Nurture
from nurture.errors import DatabaseLockedError
from nurture.paths import database_path
from tests.db.test_cli import nurture

_HOLD = """
import sqlite3, sys, time
from pathlib import Path
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
Path(sys.argv[2]).write_text("999999\\nthe import of clients.csv\\n")
print("holding", flush=True)
time.sleep(float(sys.argv[3]))
db.execute("COMMIT")
"""


def _hold(data_dir: Path, seconds: float) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(database_path(data_dir)), str(data_dir / "activity"),
         str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "holding"
    return holder


def test_a_change_waits_for_a_long_import_elsewhere_and_says_so(data_dir: Path) -> None:
    holder = _hold(data_dir, 6.5)  # longer than the old five-second give-up
    try:
        started = time.monotonic()
        added = nurture("add", "Ann Lee", data_dir=data_dir)
        waited = time.monotonic() - started
    finally:
        holder.wait(timeout=30)
        assert holder.stdout is not None
        holder.stdout.close()
    assert added.returncode == 0, added.stderr
    assert "waiting for the import of clients.csv to finish" in added.stderr
    assert waited > 5
    listed = nurture("contacts", data_dir=data_dir)
    assert "Ann Lee" in listed.stdout


def test_background_bookkeeping_does_not_wait(data_dir: Path) -> None:
    app = Nurture.open(data_dir)
    holder = _hold(data_dir, 3)
    try:
        started = time.monotonic()
        with pytest.raises(DatabaseLockedError):
            app.reminders.fired([], datetime(2026, 11, 27, 12, tzinfo=UTC), wait=False)
        assert time.monotonic() - started < 2
    finally:
        holder.wait(timeout=30)
        assert holder.stdout is not None
        holder.stdout.close()
        app.close()


def test_ctrl_c_stops_the_wait_at_once_and_changes_nothing(data_dir: Path) -> None:
    import signal

    holder = _hold(data_dir, 12)
    try:
        adding = subprocess.Popen(
            [sys.executable, "-m", "nurture", "--data-dir", str(data_dir), "add", "Ann Lee"],
            stderr=subprocess.PIPE,
            text=True,
        )
        assert adding.stderr is not None
        assert "waiting for the import of clients.csv" in adding.stderr.readline()
        pressed = time.monotonic()
        adding.send_signal(signal.SIGINT)
        said = adding.communicate(timeout=10)[1]
        assert time.monotonic() - pressed < 5  # not after the other program's 12 seconds
        assert adding.returncode == 1
        assert "interrupted; nothing was changed" in said
    finally:
        holder.kill()
        holder.wait(timeout=10)
        assert holder.stdout is not None
        holder.stdout.close()
    assert "Ann Lee" not in nurture("contacts", data_dir=data_dir).stdout
