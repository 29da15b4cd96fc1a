"""Keep-in-touch is one rule: the contacts list, the card, the "going cold" filter, the agenda
(Today) and the command line give the same cadence, due day and state for the same person."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from nurture.app import Nurture
from nurture.domain.dto import ContactDraft
from nurture.domain.enums import InteractionKind
from nurture.domain.keep_in_touch import CadenceSource, KeepInTouch, TouchState
from nurture.domain.occurrence import Occurrence, OccurrenceKind
from nurture.errors import NotFoundError, ValidationError
from nurture.services.listing import ContactQuery


def _later(data_dir: Path, days: int, hour: int = 12) -> Nurture:
    """The same data `days` from now, as the core sees it then."""
    moment = datetime.now(UTC).replace(hour=hour, minute=0) + timedelta(days=days)
    return Nurture.open(data_dir, clock=lambda: moment)


@dataclass(frozen=True)
class Seen:
    state: KeepInTouch  # the list's, checked equal to the card's
    cold: bool  # in the list's "going cold" filter
    agenda: list[Occurrence]  # keep-in-touch items on Today and the next 60 days


def _everywhere(app: Nurture, contact_id: int) -> Seen:
    """What each screen would say about this contact's keep-in-touch."""
    today = app.clock().astimezone(UTC).date()
    (row,) = [s for s in app.listing.page(ContactQuery()) if s.id == contact_id]
    card = app.contacts.card(contact_id)
    cold = {s.id for s in app.listing.page(ContactQuery(going_cold=True))}
    agenda = [
        o
        for o in app.agenda.between(today, today + timedelta(days=60), today)
        if o.kind is OccurrenceKind.KEEP_IN_TOUCH and o.contact_id == contact_id
    ]
    assert row.keep_in_touch == card.keep_in_touch
    assert row.keep_in_touch is not None
    return Seen(row.keep_in_touch, contact_id in cold, agenda)


def test_a_cadence_from_a_tag_is_overdue_in_the_list_the_card_and_today(data_dir: Path) -> None:
    with Nurture.open(data_dir) as now:
        ann = now.contacts.create(ContactDraft(given_name="Ann", tags=("Clients",))).value.id
        tagged = now.contacts.set_tag_cadence("clients", 30).value
    assert tagged == 1
    with _later(data_dir, 45) as app:
        seen = _everywhere(app, ann)
    state = seen.state
    assert state.state is TouchState.OVERDUE
    assert state.words == "overdue 45 days"  # never touched: due since the day they were added
    assert state.cadence.source is CadenceSource.TAG
    assert state.cadence.describe() == "every 30 days (tag Clients)"
    assert seen.cold
    (item,) = seen.agenda
    assert item.due == state.due


def test_own_cadence_beats_the_tags_and_the_tags_beat_the_tier(data_dir: Path) -> None:
    with Nurture.open(data_dir) as app:
        app.settings.update(tier_cadence={"A": 10})
        own = app.contacts.create(
            ContactDraft(given_name="Own", tags=("Golf",), tier="A", keep_in_touch_days=50)
        ).value.id
        tag = app.contacts.create(
            ContactDraft(given_name="Tag", tags=("Golf", "Board"), tier="A")
        ).value.id
        tier = app.contacts.create(ContactDraft(given_name="Tier", tier="A")).value.id
        app.contacts.set_tag_cadence("Golf", 40)
        app.contacts.set_tag_cadence("Board", 20)
        app.interactions.log(InteractionKind.CALL, [own, tag, tier], datetime.now(UTC))
    with _later(data_dir, 25) as later:
        states = {cid: _everywhere(later, cid) for cid in (own, tag, tier)}
    sources = {cid: s.state.cadence for cid, s in states.items()}
    assert (sources[own].days, sources[own].source) == (50, CadenceSource.OWN)
    assert (sources[tag].days, sources[tag].name) == (20, "Board")  # the shortest tag
    assert (sources[tier].days, sources[tier].source) == (10, CadenceSource.TIER)
    # 25 days after a call: due in 25 (own), overdue 5 (Board's 20), overdue 15 (tier A's 10).
    words = {cid: s.state.words for cid, s in states.items()}
    assert words == {own: "on track", tag: "overdue 5 days", tier: "overdue 15 days"}
    assert [s.cold for s in states.values()] == [False, True, True]


@pytest.mark.parametrize(
    ("days_later", "words", "cold"),
    [
        (25, "due in 5 days", False),
        (30, "due today", False),
        (31, "overdue 1 day", True),
    ],
)
def test_the_cold_filter_and_the_words_agree_on_the_day_it_turns(
    data_dir: Path, days_later: int, words: str, cold: bool
) -> None:
    with Nurture.open(data_dir) as app:
        app.settings.update(time_zone="UTC")
        ann = app.contacts.create(ContactDraft(given_name="Ann", keep_in_touch_days=30)).value.id
        call = datetime.now(UTC).replace(hour=23, minute=30)  # late: the day is what counts
        app.interactions.log(InteractionKind.CALL, [ann], call)
    with _later(data_dir, days_later, hour=1) as later:
        seen = _everywhere(later, ann)
    assert seen.state.words == words
    assert seen.cold is cold
    (item,) = seen.agenda
    assert item.due == seen.state.due
    # Today lists it from its due day on: overdue people stay on today until touched.
    today = later.clock().date()
    assert item.day == (today if days_later >= 30 else seen.state.due)


def test_a_tags_cadence_is_validated_and_the_tag_must_exist(data_dir: Path) -> None:
    with Nurture.open(data_dir) as app:
        app.contacts.create(ContactDraft(given_name="Ann", tags=("Clients",)))
        with pytest.raises(ValidationError):
            app.contacts.set_tag_cadence("Clients", 0)
        with pytest.raises(NotFoundError, match="no tag named 'Prospects'"):
            app.contacts.set_tag_cadence("Prospects", 30)
        app.contacts.set_tag_cadence("Clients", None)
        (row,) = app.listing.page(ContactQuery())
    assert row.keep_in_touch is None


def test_the_command_line_sets_a_tags_cadence_and_shows_the_state(data_dir: Path) -> None:
    nurture = [sys.executable, "-m", "nurture", "--data-dir", str(data_dir)]
    subprocess.run(
        [*nurture, "add", "Ann Lee", "--tag", "Clients"], check=True, capture_output=True
    )
    done = subprocess.run(
        [*nurture, "tag", "set-cadence", "Clients", "30"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert "every 30 days (1 tagged" in done.stdout
    listed = subprocess.run([*nurture, "contacts", "--json"], capture_output=True, text=True)
    (ann,) = json.loads(listed.stdout)
    assert ann["keep_in_touch"]["every_days"] == 30
    assert ann["keep_in_touch"]["from"] == "tag"
    assert ann["keep_in_touch"]["due"] == date.today().isoformat()
    assert ann["keep_in_touch"]["words"] == "due today"
    show = [*nurture, "show", "Ann Lee", "--json"]
    shown = json.loads(subprocess.run(show, capture_output=True, text=True).stdout)
    assert shown["keep_in_touch"] == ann["keep_in_touch"]


@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "Pacific/Pago_Pago", "Europe/Berlin"])
def test_the_agenda_finds_everyone_due_however_cadences_and_touches_fall(
    data_dir: Path, zone: str
) -> None:
    # The agenda reads who may be due through index ranges per cadence (services.cadence);
    # whoever the card's rule says is due in a window must be there, and nobody else.
    rng = random.Random(zone)
    now = datetime.now(UTC).replace(microsecond=0)
    with Nurture.open(data_dir) as app:
        app.settings.update(time_zone=zone, tier_cadence={"A": 14, "B": 45, "C": 90})
        for i in range(120):
            draft = ContactDraft(
                given_name=f"Person {i}",
                tier=rng.choice(["", "A", "B", "C"]),
                keep_in_touch_days=rng.choice([None, None, 1, 7, 30, 365]),
                tags=rng.choice([(), (), ("Golf",)]),
            )
            cid = app.contacts.create(draft).value.id
            if rng.random() < 0.85:  # some were never touched: due since they were added
                hours = rng.randint(0, 24 * 200)
                app.interactions.log(InteractionKind.CALL, [cid], now - timedelta(hours=hours))
        app.contacts.set_tag_cadence("Golf", 21)
        dues = {
            s.id: s.keep_in_touch.due
            for s in app.listing.page(ContactQuery(), limit=1000)
            if s.keep_in_touch is not None and s.keep_in_touch.due is not None
        }
        today = app.clock().astimezone(ZoneInfo(zone)).date()
        for start, days, holds_today in [
            (today, 7, True),
            (today - timedelta(days=3), 30, True),
            (today + timedelta(days=20), 40, False),
            (today + timedelta(days=1), 1, False),
        ]:
            end = start + timedelta(days=days - 1)
            found = {
                o.contact_id: o.due
                for o in app.agenda.between(start, end, today)
                if o.kind is OccurrenceKind.KEEP_IN_TOUCH
            }
            expected = {
                cid: due
                for cid, due in dues.items()
                if due <= end and (holds_today or due >= start)
            }
            assert found == expected, (start, end)
