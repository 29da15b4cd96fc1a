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
