"""A second launch finds the running app through a socket in a folder only the user can enter
(the session's runtime folder, else the data folder), never a guessable name in /tmp."""

from __future__ import annotations

import shutil
import stat
import tempfile
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ui.single_instance import SingleInstance, socket_name


def test_a_second_launch_asks_the_first_to_come_forward(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run = Path(tempfile.mkdtemp(prefix="run-"))  # short, as /run/user/1000 is
    try:
        monkeypatch.setenv("XDG_RUNTIME_DIR", str(run))
        data = tmp_path / "data"
        first, second = SingleInstance(data), SingleInstance(data)
        assert Path(first.name).parent == run / "nurture"
        assert stat.S_IMODE((run / "nurture").stat().st_mode) == 0o700
        assert first.claim()
        with qtbot.waitSignal(first.raise_requested, timeout=3000):
            assert not second.claim()
    finally:
        shutil.rmtree(run)


def test_without_a_runtime_folder_the_socket_lives_in_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    data = tmp_path / "data"
    name = socket_name(data)
    assert Path(name).parent == data
    assert not name.startswith("/tmp/nurture")
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
