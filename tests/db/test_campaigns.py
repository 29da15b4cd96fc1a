"""Holiday gift campaigns on a real database: fifty recipients picked by tag, each gift tracked
through its statuses, the spend that follows, budgets by tier, last year's gifts (theirs and
their household's) beside this year's, and the warning when a gift repeats one of them."""

from __future__ import annotations

from datetime import date

import pytest

from nurture.app import Nurture
from nurture.domain.dates import PartialDate
from nurture.domain.dto import AddressValue, ContactDraft, PhoneValue, PreferenceValue
from nurture.domain.enums import (
    DateKind,
    GiftDirection,
    GiftStatus,
    PreferenceCategory,
    RelationshipKind,
)
from nurture.errors import ValidationError
from nurture.services.listing import ContactQuery

CHRISTMAS = date(2026, 12, 25)


def test_a_campaign_of_fifty_clients_tracks_every_gift_and_the_spend(app: Nurture) -> None:
    clients = [
        app.contacts.create(
            ContactDraft(given_name=f"Client{i:02d}", family_name="Lee", tags=("Clients",))
        ).value.id
        for i in range(50)
    ]
    app.contacts.create(ContactDraft(given_name="Not", family_name="Invited"))
    campaign = app.campaigns.create("Christmas 2026", CHRISTMAS, "Christmas", {"": 5000}).value

    added = app.campaigns.add_recipients(campaign, query=ContactQuery(tag="Clients")).value

    assert added == 50
    assert app.campaigns.add_recipients(campaign, clients[:3]).value == 0  # already in
    statuses = list(GiftStatus)
    for i, contact_id in enumerate(clients):
        gift = app.campaigns.choose(campaign, contact_id, f"Hamper {i}", 4000 + i).value
        app.records.update_gift(gift, status=statuses[i % len(statuses)])
    view = app.campaigns.view(campaign)

    assert len(view.recipients) == 50
    assert view.by_status == {s.value: 10 for s in statuses}
    assert view.planned_cents == sum(4000 + i for i in range(50))
    spent = sum(4000 + i for i in range(50) if statuses[i % 5] is not GiftStatus.IDEA)
    assert view.spent_cents == spent
    assert all(r.budget_cents == 5000 for r in view.recipients)
    # Choosing again replaces the gift, keeping its status.
    app.campaigns.choose(campaign, clients[1], "Wine", 3000)
    again = next(r for r in app.campaigns.view(campaign).recipients if r.contact.id == clients[1])
    assert again.gift is not None
    assert (again.gift.description, again.status) == ("Wine", "bought")
    assert app.campaigns.campaigns() == [(campaign, "Christmas 2026", CHRISTMAS, 50)]


def test_last_years_gifts_tastes_and_a_repeat_for_the_person_or_the_spouse(app: Nurture) -> None:
    robert = app.contacts.create(
        ContactDraft(given_name="Robert", family_name="Hale", tier="A")
    ).value.id
    claire = app.network.add_related_person(
        robert,
        RelationshipKind.SPOUSE,
        ContactDraft(given_name="Claire", family_name="Hale"),
        tastes=[PreferenceValue(0, PreferenceCategory.FOOD, "Dark chocolate")],
    ).value
    app.records.add_preference(robert, PreferenceCategory.DRINK, "Highland single malt")
    app.records.add_preference(robert, PreferenceCategory.ALLERGY, "Nuts", likes=False)
    app.records.add_gift(
        robert, GiftDirection.GIVEN, "Dalwhinnie 15", "Christmas", date(2025, 12, 20)
    )
    app.records.add_gift(
        claire, GiftDirection.GIVEN, "Valrhona box", "Christmas", date(2025, 12, 20)
    )
    campaign = app.campaigns.create(
        "Christmas 2026", CHRISTMAS, "Christmas", {"A": 15000, "": 3000}
    ).value
    app.campaigns.add_recipients(campaign, [robert])

    (before,) = app.campaigns.view(campaign).recipients
    assert before.status == "to choose"
    assert before.budget_cents == 15000
    assert [(e.whose, e.gift.description) for e in before.earlier] == [
        ("", "Dalwhinnie 15"),
        ("Claire Hale", "Valrhona box"),
    ]
    assert [(who, t.item) for who, t in before.tastes] == [
        ("", "Highland single malt"),
        ("Claire Hale", "Dark chocolate"),
    ]
    assert [t.item for _who, t in before.avoid] == ["Nuts"]
    assert (
        before.suggestion == "Same as last year? Dalwhinnie 15 — or different: Highland single malt"
    )

    app.campaigns.choose(campaign, robert, "Dalwhinnie 15", 9000)
    (same,) = app.campaigns.view(campaign).recipients
    assert same.warning == "Robert Hale was already given Dalwhinnie 15 (December 2025, Christmas)."
    app.campaigns.choose(campaign, robert, "valrhona  Box", 6000)
    (spouse,) = app.campaigns.view(campaign).recipients
    assert (
        spouse.warning == "Claire Hale was already given Valrhona box (December 2025, Christmas)."
    )
    app.campaigns.choose(campaign, robert, "Cigar humidor", 12000)
    (new,) = app.campaigns.view(campaign).recipients
    assert new.warning == ""


def test_the_years_spend_per_person_tier_and_campaign_with_the_limit_flagged(
    app: Nurture,
) -> None:
    app.settings.update(currency="EUR", gift_limit_cents=5000)
    ann = app.contacts.create(ContactDraft(given_name="Ann", family_name="Lee", tier="A")).value.id
    bob = app.contacts.create(ContactDraft(given_name="Bob", family_name="Roe", tier="B")).value.id
    given = GiftDirection.GIVEN
    app.records.add_gift(ann, given, "Wine", "Birthday", date(2026, 3, 1), 3000, "EUR")
    app.records.add_gift(ann, given, "Book", "", date(2026, 6, 1), 2500, "EUR")
    app.records.add_gift(ann, given, "Old", "", date(2025, 6, 1), 9900, "EUR")  # another year
    app.records.add_gift(bob, given, "Tea", "", date(2026, 2, 1), 1500, "EUR")
    app.records.add_gift(bob, given, "Idea", "", date(2026, 2, 1), 800, "EUR", GiftStatus.IDEA)
    app.records.add_gift(bob, given, "Hat", "", date(2026, 2, 1), 2000, "USD")
    campaign = app.campaigns.create("Christmas 2026", CHRISTMAS, "Christmas").value
    app.campaigns.add_recipients(campaign, [bob])
    hamper = app.campaigns.choose(campaign, bob, "Hamper", 3000).value
    app.records.update_gift(hamper, status=GiftStatus.SHIPPED)

    spend = app.campaigns.spend(2026)

    # Hand-computed: Ann 30 + 25 = 55 (past the 50 limit); Bob 15 + 30 = 45 (the idea and the
    # dollars left out).
    assert [(p.contact.name, p.gifts, p.cents, p.over_limit) for p in spend.people] == [
        ("Ann Lee", 2, 5500, True),
        ("Bob Roe", 2, 4500, False),
    ]
    assert spend.total_cents == 10000
    assert spend.by_tier == {"A": 5500, "B": 4500}
    assert spend.by_campaign == {"": 7000, "Christmas 2026": 3000}
    assert spend.other_currency == 1


def test_campaigns_can_start_from_the_gift_days_of_the_users_country(app: Nurture) -> None:
    app.settings.update(holiday_country="SG", gift_holidays=["christmas"])
    found = [(g.name, g.day) for g in app.campaigns.occasions(date(2026, 11, 27))]
    assert found == [
        ("Christmas", date(2026, 12, 25)),
        ("Chinese New Year", date(2027, 2, 6)),  # its first day only
        ("Eid al-Fitr", date(2027, 3, 10)),
        ("Diwali", date(2027, 10, 28)),
    ]


def _living(app: Nurture, name: str, country: str = "", phone: str = "") -> int:
    given, family = name.split()
    draft = ContactDraft(
        given_name=given,
        family_name=family,
        addresses=(AddressValue(city="Somewhere", country=country),) if country else (),
        phones=(PhoneValue(phone),) if phone else (),
    )
    return app.contacts.create(draft).value.id


def test_holidays_of_the_countries_contacts_live_in_and_recipients_by_country(
    app: Nurture,
) -> None:
    app.settings.update(holiday_country="US", gift_holidays=["christmas"])
    priya = _living(app, "Priya Nair", country="India")
    arjun = _living(app, "Arjun Rao", phone="+91 98765 43210")  # no address: the phone tells
    _living(app, "Dev Shah", country="IN", phone="+1 415 555 0123")  # the address wins
    ada = _living(app, "Ada Obi", country="Nigeria")
    _living(app, "Carl Roy", country="Canada", phone="+1 416 555 0199")
    _living(app, "Sam Doe", phone="+1 416 555 0100")  # +1 alone reads as the United States

    assert dict(app.campaigns.countries()) == {"IN": 3, "NG": 1, "CA": 1, "US": 1}
    found = app.campaigns.occasions(date(2026, 11, 1))
    diwali = next(o for o in found if o.name == "Diwali")
    assert (diwali.day, diwali.countries) == (date(2026, 11, 8), (("IN", 3),))
    thanksgiving = [o for o in found if o.name.startswith("Thanksgiving")]
    assert [(o.day, o.countries) for o in thanksgiving] == [(date(2026, 11, 26), (("US", 1),))]
    assert any(o.name.startswith("Eid") and ("NG", 1) in o.countries for o in found)
    assert [o.day for o in found] == sorted(o.day for o in found)

    campaign = app.campaigns.create("Diwali 2026", date(2026, 11, 8), "Diwali").value
    assert app.campaigns.add_recipients(campaign, query=ContactQuery(country="IN")).value == 3
    names = {r.contact.name for r in app.campaigns.view(campaign).recipients}
    assert names == {"Arjun Rao", "Priya Nair", "Dev Shah"}
    assert app.listing.ids(ContactQuery(country="NG")) == [ada]
    assert priya in app.listing.ids(ContactQuery(country="IN"))
    assert arjun in app.listing.ids(ContactQuery(country="IN"))
    assert app.listing.count(ContactQuery(country="CA")) == 1


def test_a_birthday_campaign_dates_each_gift_on_the_recipients_own_birthday(
    app: Nurture,
) -> None:
    ann = app.contacts.create(ContactDraft(given_name="Ann", family_name="Lee")).value.id
    bob = app.contacts.create(ContactDraft(given_name="Bob", family_name="Roe")).value.id
    cy = app.contacts.create(ContactDraft(given_name="Cy", family_name="Ng")).value.id
    app.records.add_date(ann, DateKind.BIRTHDAY, PartialDate(1980, 3, 14))
    app.records.add_date(bob, DateKind.BIRTHDAY, PartialDate(None, 12, 2))
    app.records.add_date(cy, DateKind.BIRTHDAY, PartialDate(1990, 7, None))  # no day known
    campaign = app.campaigns.create(
        "Birthdays 2026-27", date(2026, 12, 1), budgets={"": 5000}, on_birthdays=True
    ).value
    app.campaigns.add_recipients(campaign, [ann, bob, cy])

    view = app.campaigns.view(campaign)

    assert (view.on_birthdays, view.occasion) == (True, "Birthday")
    # Whose birthday comes next first; nobody knows Cy's day.
    assert [(r.contact.name, r.day) for r in view.recipients] == [
        ("Bob Roe", date(2026, 12, 2)),
        ("Ann Lee", date(2027, 3, 14)),
        ("Cy Ng", None),
    ]
    gift = app.campaigns.choose(campaign, ann, "Dalwhinnie 15", 6000).value
    chosen = next(g for g in app.contacts.card(ann).gifts if g.id == gift)
    assert (chosen.given_on, chosen.occasion) == (date(2027, 3, 14), "Birthday")
    with pytest.raises(ValidationError, match="no birthday for Cy Ng"):
        app.campaigns.choose(campaign, cy, "Book")
    assert app.contacts.card(cy).gifts == ()
