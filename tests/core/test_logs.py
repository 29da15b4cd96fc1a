"""A failure leaves a trace in the rotating log file, and a log folder that cannot be made
never stops Nurture."""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Iterator
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest

from nurture.logs import LOG_NAME, start_logging


@pytest.fixture
def fresh_root_logger() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
    root.handlers[:], root.level = handlers, level


@pytest.mark.usefixtures("fresh_root_logger")
def test_failures_go_to_a_rotating_file_in_the_log_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NURTURE_LOG_DIR", str(tmp_path / "logs"))
    path = start_logging("app")
    assert path == tmp_path / "logs" / LOG_NAME
    assert any(isinstance(h, RotatingFileHandler) for h in logging.getLogger().handlers)
    logging.getLogger("nurture.test").error("the reminder could not be delivered")
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "ERROR app[" in path.read_text(encoding="utf-8")
    assert "the reminder could not be delivered" in path.read_text(encoding="utf-8")
    assert start_logging("app") is None  # once per process


@pytest.mark.usefixtures("fresh_root_logger")
def test_an_impossible_log_folder_is_no_reason_to_stop(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("NURTURE_LOG_DIR", str(blocked / "logs"))
    assert start_logging("cli") is None


def test_a_command_line_bug_is_logged_with_its_traceback_and_told_in_one_line(
    tmp_path: Path,
) -> None:
    # A data "folder" that is a file where a folder should be is a known error; to provoke an
    # unknown one, break a file the command needs mid-way: the settings' JSON.
    from nurture.app import Nurture
    from nurture.db.driver import sqlite

    data = tmp_path / "data"
    Nurture.open(data).close()
    db = sqlite.connect(data / "nurture.sqlite3")
    db.execute("INSERT INTO settings (key, value) VALUES ('tier_cadence', 'not json')")
    db.commit()
    db.close()
    logs = tmp_path / "logs"
    done = subprocess.run(
        [sys.executable, "-m", "nurture", "--data-dir", str(data), "contacts"],
        capture_output=True,
        text=True,
        env={"NURTURE_LOG_DIR": str(logs), "PATH": "/usr/bin"},
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert str(logs) in done.stderr
    assert "Traceback" in (logs / LOG_NAME).read_text(encoding="utf-8")
