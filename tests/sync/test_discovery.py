"""Finding the user's address books and calendars on a real server, and saying plainly why not."""

from __future__ import annotations

import pytest

from nurture.sync.dav import SyncError, discover
from tests.radicale_server import Server


def test_the_homes_are_found_from_the_server_address(radicale: Server) -> None:
    homes = discover(radicale.url, radicale.user, radicale.password)
    assert homes.principal == f"{radicale.url}{radicale.user}/"
    assert homes.addressbooks == f"{radicale.url}{radicale.user}/"
    assert homes.calendars == f"{radicale.url}{radicale.user}/"


def test_a_wrong_password_says_so(radicale: Server) -> None:
    with pytest.raises(SyncError, match="refused the user name or password"):
        discover(radicale.url, radicale.user, "milk chocolate")


def test_a_server_that_is_not_there_says_so() -> None:
    with pytest.raises(SyncError, match="Could not reach"):
        discover("http://127.0.0.1:9/", "sam", "whatever")
