"""The address book is the user's alone on a shared machine: every folder 0700 and every file
0600 whatever the umask, no file written through a planted symlink, and the second-launch
socket in a folder nobody else can enter."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from nurture.db.driver import sqlite
from nurture.io.files import write_whole
from nurture.paths import private_folder


def _modes(folder: Path) -> dict[str, int]:
    found = {".": stat.S_IMODE(folder.stat().st_mode)}
    for path in folder.rglob("*"):
        found[str(path.relative_to(folder))] = stat.S_IMODE(path.stat().st_mode)
    return found


def test_data_folder_files_and_backups_are_private_under_a_lax_umask(tmp_path: Path) -> None:
    data = tmp_path / "data"
    script = (
        "import os, sys\n"
        "os.umask(0o022)\n"
        "from nurture.__main__ import main\n"
        "for args in (['add', 'Ann Lee', '--email', 'ann@example.com'], ['backup'],\n"
        "             ['log', 'Ann Lee', '--kind', 'call']):\n"
        "    assert main(['--data-dir', sys.argv[1], *args]) == 0\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(data)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    modes = _modes(data)
    assert any(name.startswith("backups/") for name in modes)
    assert {name: mode for name, mode in modes.items() if (data / name).is_dir()} == {
        name: 0o700 for name in modes if (data / name).is_dir()
    }
    files = {name: mode for name, mode in modes.items() if (data / name).is_file()}
    assert "nurture.sqlite3" in files
    assert files == dict.fromkeys(files, 384)


def test_an_older_install_s_open_files_are_made_private(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    (data / "nurture.sqlite3").touch(mode=0o644)
    (data / "nurture.sqlite3").chmod(0o644)
    data.chmod(0o755)
    from nurture.app import Nurture

    Nurture.open(data).close()
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    assert stat.S_IMODE((data / "nurture.sqlite3").stat().st_mode) == 0o600


def test_a_planted_symlink_is_not_followed_by_an_export(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    target = tmp_path / "contacts.vcf"
    (tmp_path / "contacts.vcf.part").symlink_to(victim)  # the old, predictable name
    write_whole(target, b"BEGIN:VCARD\r\n")
    assert victim.read_text() == "keep me"
    assert target.read_bytes() == b"BEGIN:VCARD\r\n"
    assert not target.is_symlink()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == [
        "contacts.vcf.part"  # only the planted one: ours was renamed into place
    ]


def test_a_folder_someone_else_owns_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    planted = tmp_path / "runtime"
    planted.mkdir(mode=0o777)
    monkeypatch.setattr(os, "getuid", lambda: planted.stat().st_uid + 1)  # as seen by another
    with pytest.raises(PermissionError, match="belongs to another user"):
        private_folder(planted)


def test_a_deleted_contact_leaves_no_words_in_the_search_index(data_dir: Path) -> None:
    from nurture.app import Nurture
    from nurture.domain.dto import ContactDraft

    app = Nurture.open(data_dir)
    for i in range(30):
        app.contacts.create(ContactDraft(given_name=f"P{i}", family_name="Lee", notes="usual"))
    gone = app.contacts.create(
        ContactDraft(given_name="Quillon", family_name="Vexhart", notes="Zanzibarian pearls")
    ).value.id
    for i in range(5):
        app.contacts.create(ContactDraft(given_name=f"Q{i}", family_name="Roe"))
    app.deletion.delete([gone])
    app.close()
    # The index's own pages, as stored (words are kept lower-case, prefix-compressed). Edit ▸
    # Undo keeps the deleted row in its history until trimmed: that is what undo is for.
    with sqlite.connect(data_dir / "nurture.sqlite3") as db:
        pages = b"".join(r[0] for r in db.execute("SELECT block FROM contact_search_data") if r[0])
    assert b"usual" in pages  # the right pages were read
    for word in (b"uillon", b"exhart", b"zibarian", b"earls"):
        assert word not in pages, word
