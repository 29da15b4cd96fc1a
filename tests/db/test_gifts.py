"""The repeat-gift rule: the same gift to the same person is caught wherever it is entered or
shown — the card and the command line ask the one rule in the core."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from nurture.app import Nurture
from nurture.domain.dto import ContactDraft
from nurture.domain.enums import GiftDirection
from nurture.domain.gifts import given_before, repeat_warning


def test_a_gift_given_before_is_found_by_its_words_not_its_spelling(app: Nurture) -> None:
    robert = app.contacts.create(ContactDraft(given_name="Robert", family_name="Miller")).value.id
    app.records.add_gift(
        robert,
        GiftDirection.GIVEN,
        "Dalwhinnie 15",
        occasion="Christmas",
        given_on=date(2025, 12, 20),
    )
    app.records.add_gift(robert, GiftDirection.RECEIVED, "Valrhona chocolate")
    gifts = app.contacts.card(robert).gifts
    earlier = given_before(gifts, "  dalwhinnie   15 ")
    assert earlier is not None
    assert repeat_warning("Robert Miller", earlier) == (
        "Robert Miller was already given Dalwhinnie 15 (December 2025, Christmas)."
    )
    assert given_before(gifts, "Valrhona chocolate") is None  # received, not given
    assert given_before(gifts, "Dalwhinnie 15", before=date(2025, 12, 1)) is None  # not yet then


def test_the_command_line_records_a_repeat_and_says_so(data_dir: Path) -> None:
    nurture = [sys.executable, "-m", "nurture", "--data-dir", str(data_dir)]

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*nurture, *args], capture_output=True, text=True)

    run("add", "Robert Miller")
    first = run("gift", "Robert Miller", "Dalwhinnie 15", "--on", "2025-12-20")
    assert (first.returncode, first.stderr) == (0, "")
    again = run("gift", "Robert Miller", "Dalwhinnie 15", "--kind", "idea", "--json")
    assert again.returncode == 0
    assert "already given Dalwhinnie 15 (December 2025)" in again.stderr
    assert json.loads(again.stdout)["repeats"] is not None
