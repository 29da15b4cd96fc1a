"""Gifts, campaigns, referrals both ways, introductions, the network and the year in review
from the command line, read back as JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.db.test_cli import failed, nurture, ok, opened


def test_campaigns_referrals_the_network_and_the_review_from_the_command_line(
    data_dir: Path,
) -> None:
    def run(*args: str) -> str:
        return ok(nurture(*args, data_dir=data_dir))

    def read(*args: str) -> Any:
        return json.loads(run(*args, "--json"))

    with opened(data_dir) as app:
        app.settings.update(currency="USD")
    run("add", "Priya Nair", "--phone", "+91 98765 43210")  # lives in India, by her phone
    run("add", "Ann Lee")
    run("add", "Bob Roe", "--phone", "+1 415 555 0123")
    run("add", "Dana Fox")
    run("date", "Ann Lee", "birthday=1980-03-14")

    # A year of birthdays: each gift is dated on the recipient's own birthday.
    birthdays = run("campaign", "new", "Birthdays", "--birthdays", "--date", "2026-12-01").strip()
    run("campaign", "add", birthdays, "--contact", "Ann Lee", "--contact", "Bob Roe")
    run("campaign", "choose", birthdays, "Ann Lee", "Dalwhinnie 15", "--amount", "60")
    no_day = failed(
        nurture("campaign", "choose", birthdays, "Bob Roe", "Book", data_dir=data_dir), 1
    )
    assert "no birthday for Bob Roe" in no_day
    shown = read("campaign", "show", birthdays)
    assert (shown["on_birthdays"], shown["occasion"]) == (True, "Birthday")
    assert {r["name"]: r["date"] for r in shown["recipients"]} == {
        "Ann Lee": "2027-03-14",
        "Bob Roe": None,
    }
    gift = next(r["gift"]["id"] for r in shown["recipients"] if r["gift"])
    run("edit", "gift", str(gift), "--status", "bought")
    spend = read("gifts", "--year", "2027")
    assert (spend["total_cents"], [p["name"] for p in spend["people"]]) == (6000, ["Ann Lee"])

    # A holiday kept where a contact lives, and its recipients picked by country.
    diwali = run("campaign", "new", "Diwali 2026", "--date", "2026-11-08").strip()
    assert run("campaign", "add", diwali, "--country", "India").strip() == "1 added."
    assert [r["name"] for r in read("campaign", "show", diwali)["recipients"]] == ["Priya Nair"]
    nowhere = failed(
        nurture("campaign", "add", diwali, "--country", "Atlantis", data_dir=data_dir), 1
    )
    assert "no country 'Atlantis'" in nowhere
    undated = failed(nurture("campaign", "new", "Someday", data_dir=data_dir), 1)
    assert "Say the occasion's day" in undated

    # Referrals both ways, an introduction both agreed to.
    run("referral", "Dana Fox", "Priya Nair", "--on", "2026-05-01", "--value", "1000")
    run("referral", "Dana Fox", "Bob Roe", "--given", "--on", "2026-06-01")
    run("introduce", "Ann Lee", "Dana Fox", "--on", "2026-04-01", "--agreed", "--reason", "sail")
    network = read("network")
    assert [
        (p["name"], p["all_time"], p["all_time_cents"], p["given"]) for p in network["partners"]
    ] == [("Dana Fox", 1, 100_000, 1)]
    assert network["referrals_given"] == 1
    assert [(i["people"], i["agreed"]) for i in network["introductions"]] == [
        (["Ann Lee", "Dana Fox"], True)
    ]
    bob = read("show", "Bob Roe")["referrals"]
    assert [(r["partner"]["name"], r["given"]) for r in bob] == [("Dana Fox", True)]

    review = read("review", "--year", "2026")
    assert (review["referrals"], review["referral_cents"], review["referrals_given"]) == (
        1,
        100_000,
        1,
    )
    assert review["introductions"] == 1


def test_a_search_saved_from_the_command_line_lists_and_fills_a_campaign(data_dir: Path) -> None:
    def run(*args: str) -> str:
        return ok(nurture(*args, data_dir=data_dir))

    run("add", "Priya Nair", "--phone", "+91 98765 43210")
    run("add", "Ann Lee")
    listed = run("contacts", "--country", "IN", "--save-as", "India")
    assert "Priya Nair" in listed
    assert "Ann Lee" not in listed
    assert run("contacts", "--searches").split("\n")[0] == "India"
    assert "Priya Nair" in run("contacts", "--saved", "india")
    campaign = run("campaign", "new", "Diwali 2026", "--date", "2026-11-08").strip()
    assert run("campaign", "add", campaign, "--saved", "India").strip() == "1 added."
    assert run("contacts", "--forget", "India") == ""
    gone = failed(nurture("contacts", "--saved", "India", data_dir=data_dir), 1)
    assert "no saved search named 'India'" in gone
