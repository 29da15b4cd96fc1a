"""How long ago, in the words a list shows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from nurture.humanize import ago

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("days", "phrase"),
    [
        (0, "today"),
        (1, "yesterday"),
        (2, "2 days ago"),
        (6, "6 days ago"),
        (7, "1 week ago"),
        (20, "2 weeks ago"),
        (30, "1 month ago"),
        (95, "3 months ago"),
        (364, "1 year ago"),
        (365, "1 year ago"),
        (800, "2 years ago"),
        (-3, "in the future"),
    ],
)
def test_ago(days: int, phrase: str) -> None:
    assert ago(NOW - timedelta(days=days), NOW) == phrase


def test_never_contacted() -> None:
    assert ago(None, NOW) == "never"
