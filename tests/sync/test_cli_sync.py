"""`nurture sync-account` and `nurture sync` as a user runs them, against a real Radicale."""

from __future__ import annotations

import json
from pathlib import Path

from tests.db.test_cli import failed, nurture, ok
from tests.radicale_server import Server

NO_KEYRING = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}


def test_connecting_then_syncing_from_the_command_line(data_dir: Path, radicale: Server) -> None:
    with_password = {**NO_KEYRING, "NURTURE_SYNC_PASSWORD": radicale.password}
    ok(nurture("add", "Robert Hughes", "--email", "robert@hughes.example", data_dir=data_dir))
    connected = nurture(
        "sync-account", radicale.url, radicale.user, data_dir=data_dir, env=with_password
    )
    assert "Syncing with the address book Nurture" in ok(connected)
    assert "the password is not kept" in connected.stderr

    planned = json.loads(
        ok(nurture("sync", "--dry-run", "--json", data_dir=data_dir, env=with_password))
    )
    assert (planned["dry_run"], planned["added_there"]) == (True, 1)
    assert ok(nurture("sync", data_dir=data_dir, env=with_password)) == "1 sent to the server.\n"
    again = ok(nurture("sync", data_dir=data_dir, env=with_password))
    assert again == "Everything was already in sync.\n"


def test_syncing_without_an_account_or_a_password_says_what_to_do(
    data_dir: Path, radicale: Server
) -> None:
    said = failed(nurture("sync", data_dir=data_dir, env=NO_KEYRING), 1)
    assert "nurture sync-account URL USER first" in said
    with_password = {**NO_KEYRING, "NURTURE_SYNC_PASSWORD": radicale.password}
    ok(nurture("sync-account", radicale.url, radicale.user, data_dir=data_dir, env=with_password))
    said = failed(nurture("sync", data_dir=data_dir, env=NO_KEYRING), 1)
    assert "set $NURTURE_SYNC_PASSWORD" in said
    wrong = {**NO_KEYRING, "NURTURE_SYNC_PASSWORD": "milk chocolate"}
    assert "refused the user name or password" in failed(
        nurture("sync", data_dir=data_dir, env=wrong), 1
    )
