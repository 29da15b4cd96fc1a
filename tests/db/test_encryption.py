"""An encrypted data file, on real files: nothing of a contact can be read in the database or
in its backups without the key; with it, everything works as before — search, backups, checks
and restore."""

from __future__ import annotations

from pathlib import Path

import pytest

from nurture.app import Nurture
from nurture.db.backups import quick_check, restore
from nurture.db.keys import new_key
from nurture.domain.dto import ContactDraft, EmailValue
from nurture.errors import DatabaseCorruptError
from nurture.paths import database_path
from nurture.services.listing import ContactQuery


def recovery_of(said: str) -> str:
    """The recovery key `nurture encrypt` printed (the line after its heading)."""
    lines = said.splitlines()
    return next(lines[i + 1] for i, line in enumerate(lines) if line.startswith("Recovery key"))


def test_an_encrypted_file_and_its_backups_say_nothing_without_the_key(tmp_path: Path) -> None:
    key, data = new_key(), tmp_path / "data"
    app = Nurture.open(data, key=key)
    app.contacts.create(
        ContactDraft(
            given_name="Quillon",
            family_name="Vexhart",
            notes="Highland single malt",
            emails=(EmailValue("quillon@vexhart.example"),),
        )
    )
    assert app.listing.ids(ContactQuery(search="highland")) != []
    made = app.backups.make("manual")
    assert app.backups.check().sound
    app.close()
    for path in (database_path(data), made.path):
        stored = path.read_bytes()
        assert not stored.startswith(b"SQLite format 3")
        for word in (b"Quillon", b"Vexhart", b"Highland", b"vexhart.example"):
            assert word not in stored, (path.name, word)
    assert quick_check(made.path, key) == ""
    assert quick_check(made.path) != ""  # without the key it is not a database at all
    with pytest.raises(DatabaseCorruptError):
        Nurture.open(data)

    restore(data, None, key=key)
    again = Nurture.open(data, key=key)
    try:
        assert [s.name for s in again.listing.page(ContactQuery())] == ["Quillon Vexhart"]
    finally:
        again.close()


def test_the_command_line_encrypts_once_and_unlocks_with_the_passphrase(data_dir: Path) -> None:
    from tests.db.test_cli import failed, nurture, ok

    ok(nurture("add", "Quillon Vexhart", "--email", "quillon@vexhart.example", data_dir=data_dir))
    secret = {"NURTURE_PASSPHRASE": "dark chocolate 70%"}
    chosen = {"NURTURE_NEW_PASSPHRASE": "dark chocolate 70%"}
    said = ok(nurture("encrypt", "--passphrase", data_dir=data_dir, env=chosen))
    recovery = recovery_of(said).strip()
    assert len(recovery.replace("-", "")) == 52
    stored = b"".join(p.read_bytes() for p in data_dir.glob("nurture.sqlite3*"))
    assert b"Quillon" not in stored
    assert "Quillon Vexhart" in ok(nurture("contacts", data_dir=data_dir, env=secret))
    locked = failed(nurture("contacts", data_dir=data_dir), 1)
    assert "encrypted and the passphrase was not given" in locked
    wrong = failed(nurture("contacts", data_dir=data_dir, env={"NURTURE_PASSPHRASE": "milk"}), 1)
    assert "Nothing was opened" in wrong
    again = failed(nurture("encrypt", data_dir=data_dir, env=secret), 1)
    assert "encrypted already" in again
    plain_copy = list((data_dir / "backups").glob("*before-encryption*"))
    assert len(plain_copy) == 1  # the plain file, backed up before

    # A new passphrase: the old one no longer opens it, the new one does, the file unchanged.
    before = database_path(data_dir).read_bytes()
    renewed = {**secret, "NURTURE_NEW_PASSPHRASE": "single malt, Highland"}
    assert "passphrase is changed" in ok(nurture("passphrase", data_dir=data_dir, env=renewed))
    assert database_path(data_dir).read_bytes() == before
    failed(nurture("contacts", data_dir=data_dir, env=secret), 1)
    newer = {"NURTURE_PASSPHRASE": "single malt, Highland"}
    assert "Quillon Vexhart" in ok(nurture("contacts", data_dir=data_dir, env=newer))

    # Both forgotten: the recovery key, and a passphrase chosen anew.
    lost = {"NURTURE_RECOVERY_KEY": recovery, "NURTURE_NEW_PASSPHRASE": "a fresh start 2027"}
    assert "opens again" in ok(nurture("recover", "--passphrase", data_dir=data_dir, env=lost))
    fresh = {"NURTURE_PASSPHRASE": "a fresh start 2027"}
    assert "Quillon Vexhart" in ok(nurture("contacts", data_dir=data_dir, env=fresh))
    reversed_key = {
        "NURTURE_RECOVERY_KEY": recovery[::-1],
        "NURTURE_NEW_PASSPHRASE": "whatever 2027",
    }
    refused = failed(nurture("recover", "--passphrase", data_dir=data_dir, env=reversed_key), 1)
    assert "recovery key" in refused


def test_with_a_working_keyring_nothing_is_asked(data_dir: Path, tmp_path: Path) -> None:
    from tests.db.test_cli import nurture, ok

    keyring = {
        "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
        "XDG_DATA_HOME": str(tmp_path / "share"),
        "NURTURE_TEST_KEYRING": "1",  # a file keyring, trusted for this test only
    }
    ok(nurture("add", "Ann Lee", data_dir=data_dir, env=keyring))
    assert "kept in this computer's keyring" in ok(
        nurture("encrypt", data_dir=data_dir, env=keyring)
    )
    assert "Ann Lee" in ok(nurture("contacts", data_dir=data_dir, env=keyring))
    assert not database_path(data_dir).read_bytes().startswith(b"SQLite format 3")


def test_a_key_missing_from_the_keyring_names_the_way_back(data_dir: Path, tmp_path: Path) -> None:
    from tests.db.test_cli import failed, nurture, ok

    keyring = {
        "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
        "XDG_DATA_HOME": str(tmp_path / "share"),
        "NURTURE_TEST_KEYRING": "1",  # a file keyring, trusted for this test only
    }
    said = ok(nurture("encrypt", data_dir=data_dir, env=keyring))
    recovery = recovery_of(said).strip()
    elsewhere = {**keyring, "XDG_DATA_HOME": str(tmp_path / "another-computer")}
    locked = failed(nurture("contacts", data_dir=data_dir, env=elsewhere), 1)
    assert "not in this computer's keyring" in locked
    assert "nurture recover" in locked
    back = {**elsewhere, "NURTURE_RECOVERY_KEY": recovery}
    assert "kept in this computer's keyring" in ok(nurture("recover", data_dir=data_dir, env=back))
    assert ok(nurture("contacts", data_dir=data_dir, env=elsewhere)) == ""  # opens: no one yet


def test_an_encryption_cut_short_after_the_rename_keeps_its_key(data_dir: Path) -> None:
    from nurture.db.encryption import PENDING, is_encrypted, unlock
    from nurture.db.keys import INFO_NAME

    app = Nurture.open(data_dir)
    app.contacts.create(ContactDraft(given_name="Ann", family_name="Lee"))
    app.close()
    from nurture.db.encryption import encrypt

    encrypt(data_dir, "dark chocolate 70%")
    (data_dir / INFO_NAME).replace(data_dir / PENDING)  # as if cut short before the last rename
    assert is_encrypted(data_dir)  # finished on the next look
    key = unlock(data_dir, lambda _prompt: "dark chocolate 70%")
    assert key is not None


def test_a_damaged_search_index_is_rebuilt_by_check(app: Nurture) -> None:
    app.contacts.create(ContactDraft(given_name="Ann", family_name="Lee", notes="sailing"))
    with app.database.write() as session:  # a page of the index, garbled
        session.connection().exec_driver_sql(
            "UPDATE contact_search_data SET block = zeroblob(length(block)) WHERE id > 1"
        )
    report = app.backups.check()
    assert report.search_rebuilt
    assert app.listing.ids(ContactQuery(search="sailing")) != []
