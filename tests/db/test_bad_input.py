"""Input that used to hang, overflow or drive the terminal: refused with a clear message, or
made harmless, and the database left as it was."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from nurture.app import Nurture
from nurture.db.touches import FollowUp
from nurture.domain.dto import ContactDraft
from nurture.domain.enums import InteractionKind
from nurture.errors import ValidationError
from tests.db.test_cli import failed, nurture, ok

NOW = datetime(2026, 11, 27, 12, tzinfo=UTC)


def test_a_follow_up_repeats_at_most_daily_even_one_stored_before_the_check(app: Nurture) -> None:
    ann = app.contacts.create(ContactDraft(given_name="Ann", family_name="Lee")).value.id
    for rule in ("FREQ=SECONDLY", "FREQ=HOURLY", "FREQ=DAILY;BYHOUR=9,17"):
        with pytest.raises(ValidationError, match="at most once a day"):
            app.records.add_follow_up(ann, date(2026, 12, 1), "Call", rule)
    kept = app.records.add_follow_up(ann, date(2026, 12, 1), "Call", "FREQ=WEEKLY").value
    with app.database.write() as session:  # as an older version could have stored it
        session.execute(update(FollowUp).where(FollowUp.id == kept).values(rrule="FREQ=SECONDLY"))
    found = app.agenda.between(date(2026, 12, 1), date(2026, 12, 10), date(2026, 12, 1))
    calls = [o.day for o in found if o.title.startswith("Call")]
    assert calls == [date(2026, 12, d) for d in range(1, 11)]  # once a day, and it finished


def test_an_interaction_cannot_be_logged_in_the_future_nor_a_cadence_of_a_lifetime(
    data_dir: Path,
) -> None:
    app = Nurture.open(data_dir, clock=lambda: NOW)
    try:
        ann = app.contacts.create(ContactDraft(given_name="Ann", family_name="Lee")).value.id
        with pytest.raises(ValidationError, match="has not happened yet"):
            app.interactions.log(InteractionKind.CALL, [ann], NOW + timedelta(days=30))
        call = app.interactions.log(InteractionKind.CALL, [ann], NOW + timedelta(hours=20))
        with pytest.raises(ValidationError, match="has not happened yet"):
            app.interactions.update(call.value, occurred_at=datetime(9999, 12, 31, tzinfo=UTC))
        for days in (0, 3651, 10**21):
            with pytest.raises(ValidationError, match="from 1 to 3,650"):
                app.contacts.set_cadence([ann], days)
        assert app.contacts.card(ann).draft.keep_in_touch_days is None
    finally:
        app.close()


def test_the_command_line_refuses_far_dates_and_prints_names_harmlessly(data_dir: Path) -> None:
    ok(nurture("add", "Eve \x1b]8;;http://evil.example\x07Click\x1b[2J Mallory", data_dir=data_dir))
    listed = ok(nurture("contacts", data_dir=data_dir))
    assert "\x1b" not in listed
    assert "\x07" not in listed
    assert "Eve ]8;;http://evil.example" in listed  # shown, but as plain text
    shown = json.loads(ok(nurture("contacts", "--json", data_dir=data_dir)))
    assert "\x1b[2J" in shown[0]["name"]  # the data itself is kept whole, escaped in JSON
    for args in (
        ("due", "--now", "9999-12-31T23:00+00:00"),
        ("log", "Eve", "--kind", "call", "--when", "9999-12-31"),
    ):
        said = nurture(*args, data_dir=data_dir)
        assert said.returncode == 2
        assert "outside the years Nurture keeps" in said.stderr
        assert "Traceback" not in said.stderr
    lifetime = failed(nurture("add", "Zed Zulu", "--every", "1" + "0" * 21, data_dir=data_dir), 1)
    assert "from 1 to 3,650" in lifetime
    assert "unexpected" not in lifetime
