"""Fixtures shared by every test: a real Nurture core on a fresh data folder.

Creating and migrating a database costs tens of milliseconds, so one migrated file is made per
session and copied into each test's own folder; `Nurture.open` then finds it at the head revision.
Nothing here imports Qt: the UI tests add their own fixtures.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from nurture.app import Nurture
from nurture.contact_points import split_name
from nurture.domain.dto import ContactCard, ContactDraft, EmailValue, PhoneValue
from nurture.paths import database_path
from tests.radicale_server import Server

MakeContact = Callable[..., ContactCard]


@pytest.fixture(scope="session", autouse=True)
def log_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Logs of the app and command line under test (subprocesses too) stay out of $HOME."""
    folder = tmp_path_factory.mktemp("logs")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NURTURE_LOG_DIR", str(folder))
        yield folder


@pytest.fixture(scope="session")
def template_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A freshly created and migrated database file, to be copied, never opened by tests."""
    folder = tmp_path_factory.mktemp("template")
    Nurture.open(folder).close()  # closing the last connection checkpoints the WAL
    return database_path(folder)


@pytest.fixture
def data_dir(tmp_path: Path, template_database: Path) -> Path:
    """A data folder holding an empty, up-to-date database."""
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(template_database, database_path(folder))
    return folder


@pytest.fixture
def app(data_dir: Path) -> Iterator[Nurture]:
    nurture = Nurture.open(data_dir)
    yield nurture
    nurture.close()


@pytest.fixture
def make_contact(app: Nurture) -> MakeContact:
    """`make_contact("Ann Lee", emails=["ann@x.com"], organization="Acme")` -> its card.

    The name is split like the command line does; `emails` and `phones` take plain strings;
    every other keyword is a `ContactDraft` field.
    """

    def make(
        name: str = "",
        *,
        emails: tuple[str, ...] | list[str] = (),
        phones: tuple[str, ...] | list[str] = (),
        **fields: object,
    ) -> ContactCard:
        given, middle, family = split_name(name) if name else ("", "", "")
        draft = ContactDraft(
            given_name=given,
            middle_name=middle,
            family_name=family,
            emails=tuple(EmailValue(e) for e in emails),
            phones=tuple(PhoneValue(p) for p in phones),
            **fields,  # type: ignore[arg-type]
        )
        return app.contacts.create(draft).value

    return make


@pytest.fixture
def radicale(tmp_path: Path) -> Iterator[Server]:
    """A CardDAV/CalDAV server of the test's own, started and stopped around it."""
    server = Server(tmp_path)
    server.start()
    try:
        yield server
    finally:
        server.stop()
