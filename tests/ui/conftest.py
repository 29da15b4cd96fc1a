"""UI fixtures: a real core on a temp data dir, Qt offscreen, window state kept out of $HOME."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QStandardPaths

from nurture.app import Nurture

# QSettings go to a throw-away test location, never the developer's real window state.
QStandardPaths.setTestModeEnabled(True)

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def fresh_window_state(tmp_path: Path) -> None:
    """Each test starts with no saved geometry, columns or sort order."""
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))


@pytest.fixture
def core(tmp_path: Path) -> Iterator[Nurture]:
    app = Nurture.open(tmp_path / "data", clock=lambda: NOW)  # the window's clock too
    yield app
    app.close()


@pytest.fixture
def now() -> datetime:
    return NOW
