"""Saved searches on a real database: a filter kept by name, found again whatever the case,
filling a campaign, undone like any change, and refused when there is nothing to keep."""

from __future__ import annotations

from datetime import date

import pytest

from nurture.app import Nurture
from nurture.domain.dto import AddressValue, ContactDraft
from nurture.domain.enums import ContactSort
from nurture.errors import NotFoundError, ValidationError
from nurture.services.listing import ContactQuery


def test_a_saved_search_finds_the_same_people_and_fills_a_campaign(app: Nurture) -> None:
    india = (AddressValue(city="Pune", country="India"),)
    priya = app.contacts.create(
        ContactDraft(given_name="Priya", family_name="Nair", tier="A", addresses=india)
    ).value.id
    app.contacts.create(
        ContactDraft(given_name="Ravi", family_name="Iyer", tier="B", addresses=india)
    )
    app.contacts.create(ContactDraft(given_name="Ann", family_name="Lee", tier="A"))
    wanted = ContactQuery(tier="A", country="IN", sort=ContactSort.CREATED, descending=True)

    app.saved_searches.save("A clients in India", wanted)

    assert app.saved_searches.names() == ["A clients in India"]
    found = app.saved_searches.query("a CLIENTS in india")  # any case
    assert (found.tier, found.country, found.sort) == ("A", "IN", ContactSort.NAME)  # no sort
    assert app.listing.ids(found) == [priya]
    campaign = app.campaigns.create("Diwali 2026", date(2026, 11, 8)).value
    assert app.campaigns.add_recipients(campaign, query=found).value == 1

    app.saved_searches.save("A Clients in India", ContactQuery(tier="A"))  # replaced, renamed
    assert app.saved_searches.names() == ["A Clients in India"]
    assert app.saved_searches.query("A Clients in India").country == ""
    app.history.undo()
    assert app.saved_searches.query("A clients in India").country == "IN"
    app.saved_searches.forget("a clients in india")
    assert app.saved_searches.names() == []
    with pytest.raises(NotFoundError, match="no saved search named 'Gone'"):
        app.saved_searches.query("Gone")
    with pytest.raises(ValidationError, match="nothing to save"):
        app.saved_searches.save("Everyone", ContactQuery())
    with pytest.raises(ValidationError, match="Name the search"):
        app.saved_searches.save("  ", ContactQuery(tier="A"))
