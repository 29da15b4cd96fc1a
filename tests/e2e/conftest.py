"""The real program started by these tests encrypts its data folder on its first start; with no
Secret Service here, it would ask for a passphrase in a dialog nobody answers. The environment
answers instead, as for any automated start (see ui/dialogs/encryption.py)."""

from __future__ import annotations

import pytest

PASSPHRASE = "end-to-end tests 2026"


@pytest.fixture(autouse=True)
def passphrase_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NURTURE_NEW_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("NURTURE_PASSPHRASE", PASSPHRASE)
