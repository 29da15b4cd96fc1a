"""UI fixtures: a real core on a temp data dir, Qt offscreen, window state kept out of $HOME."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QStandardPaths  # noqa: E402

from nurture.app import Nurture  # noqa: E402

# QSettings go to a throw-away test location, never the developer's real window state.
QStandardPaths.setTestModeEnabled(True)

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


@pytest.fixture
def core(tmp_path: Path) -> Iterator[Nurture]:
    app = Nurture.open(tmp_path / "data")
    yield app
    app.close()


@pytest.fixture
def now() -> datetime:
    return NOW
