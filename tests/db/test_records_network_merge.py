"""What hangs off a card (dates, follow-ups, preferences, gifts), the network, and merging."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from nurture.app import Nurture
from nurture.db.touches import Interaction
from nurture.domain.dates import PartialDate
from nurture.domain.dto import ContactDraft, PhoneValue
from nurture.domain.enums import (
    Area,
    DateKind,
    GiftDirection,
    GiftStatus,
    InteractionKind,
    PreferenceCategory,
    Recurrence,
    RelationshipKind,
)
from nurture.errors import NotFoundError, ValidationError
from nurture.services.listing import ContactQuery
from tests.conftest import MakeContact

T0 = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)


class TestImportantDates:
    def test_a_birthday_comes_back_every_year(
        self, app: Nurture, make_contact: MakeContact
    ) -> None:
        ann = make_contact("Ann Lee").id
        outcome = app.records.add_date(
            ann, DateKind.BIRTHDAY, PartialDate(None, 2, 29), lead_days=7
        )
        (stored,) = app.contacts.card(ann).dates
        assert stored.id == outcome.value
        assert stored.date == PartialDate(None, 2, 29)
        assert stored.recurrence is Recurrence.YEARLY
        assert stored.lead_days == 7
        assert outcome.changes.areas == {Area.DATES}
        assert outcome.changes.contact_ids == {ann}

    def test_a_month_only_graduation_happens_once(
        self, app: Nurture, make_contact: MakeContact
    ) -> None:
        ann = make_contact("Ann Lee").id
        app.records.add_date(ann, DateKind.GRADUATION, PartialDate(2027, 6, None), "Kid graduates")
        app.records.add_date(ann, DateKind.GRADUATION, PartialDate(2026, 5, 20))
        dates = app.contacts.card(ann).dates
        assert [(d.date, d.recurrence, d.label) for d in dates] == [
            (PartialDate(2026, 5, 20), Recurrence.ONCE, ""),
            (PartialDate(2027, 6, None), Recurrence.ONCE, "Kid graduates"),
        ]

    @pytest.mark.parametrize(
        ("when", "recurrence", "lead"),
        [
            (PartialDate(2027, 6, None), Recurrence.YEARLY, None),  # yearly needs a day
            (PartialDate(None, 6, 15), Recurrence.ONCE, None),  # once needs a year
            (PartialDate(None, 6, 15), None, -1),
        ],
    )
    def test_impossible_dates_are_refused(
        self,
        app: Nurture,
        make_contact: MakeContact,
        when: PartialDate,
        recurrence: Recurrence | None,
        lead: int | None,
    ) -> None:
        ann = make_contact("Ann Lee").id
        with pytest.raises(ValidationError):
            app.records.add_date(ann, DateKind.ANNIVERSARY, when, "", recurrence, lead)
        assert app.contacts.card(ann).dates == ()

    def test_dates_are_listed_through_the_year_and_can_be_removed(
        self, app: Nurture, make_contact: MakeContact
    ) -> None:
        ann = make_contact("Ann Lee").id
        dec = app.records.add_date(ann, DateKind.ANNIVERSARY, PartialDate(2001, 12, 1)).value
        app.records.add_date(ann, DateKind.BIRTHDAY, PartialDate(1970, 1, 31))
        app.records.add_date(ann, DateKind.CUSTOM, PartialDate(None, 7, 4), "Party")
        assert [d.date.month for d in app.contacts.card(ann).dates] == [1, 7, 12]

        app.records.remove_date(dec)
        assert [d.date.month for d in app.contacts.card(ann).dates] == [1, 7]
        with pytest.raises(NotFoundError):
            app.records.remove_date(dec)

    def test_a_date_for_nobody_is_not_found(self, app: Nurture) -> None:
        with pytest.raises(NotFoundError):
            app.records.add_date(999, DateKind.BIRTHDAY, PartialDate(None, 1, 1))


class TestFollowUps:
    @pytest.mark.parametrize(
        ("rule", "stored"),
        [
            ("", ""),
            ("FREQ=MONTHLY", "FREQ=MONTHLY"),
            ("RRULE:FREQ=WEEKLY;BYDAY=MO", "FREQ=WEEKLY;BYDAY=MO"),
            (" FREQ=YEARLY;COUNT=3 ", "FREQ=YEARLY;COUNT=3"),
        ],
    )
    def test_a_follow_up_with_or_without_recurrence(
        self, app: Nurture, make_contact: MakeContact, rule: str, stored: str
    ) -> None:
        ann = make_contact("Ann Lee").id
        outcome = app.records.add_follow_up(ann, date(2024, 6, 1), " Send proposal ", rule)
        (follow_up,) = app.contacts.card(ann).follow_ups
        assert follow_up.id == outcome.value
        assert (follow_up.due_date, follow_up.title, follow_up.rrule) == (
            date(2024, 6, 1),
            "Send proposal",
            stored,
        )
        assert follow_up.done_at is None
        assert outcome.changes.areas == {Area.FOLLOW_UPS}

    @pytest.mark.parametrize(
        "rule", ["FREQ=SOMETIMES", "every monday", "FREQ=DAILY;COUNT=x", "FREQ=DAILY;BYDAY=XX"]
    )
    def test_a_bad_rule_is_refused_and_nothing_saved(
        self, app: Nurture, make_contact: MakeContact, rule: str
    ) -> None:
        ann = make_contact("Ann Lee").id
        with pytest.raises(ValidationError, match="recurrence rule"):
            app.records.add_follow_up(ann, date(2024, 6, 1), "Call", rule)
        assert app.contacts.card(ann).follow_ups == ()

    def test_follow_ups_are_listed_by_due_date_and_removed(
        self, app: Nurture, make_contact: MakeContact
    ) -> None:
        ann = make_contact("Ann Lee").id
        late = app.records.add_follow_up(ann, date(2024, 9, 1), "Later").value
        app.records.add_follow_up(ann, date(2024, 2, 1), "Sooner")
        assert [f.title for f in app.contacts.card(ann).follow_ups] == ["Sooner", "Later"]
        app.records.remove_follow_up(late)
        assert [f.title for f in app.contacts.card(ann).follow_ups] == ["Sooner"]


class TestPreferencesAndGifts:
    def test_likes_and_dislikes(self, app: Nurture, make_contact: MakeContact) -> None:
        ann = make_contact("Ann Lee").id
        app.records.add_preference(ann, PreferenceCategory.DRINK, " Scotch ", "Highland only")
        pref = app.records.add_preference(ann, PreferenceCategory.FOOD, "Cilantro", likes=False)
        card = app.contacts.card(ann)
        assert [(p.category, p.item, p.detail, p.likes) for p in card.preferences] == [
            (PreferenceCategory.DRINK, "Scotch", "Highland only", True),
            (PreferenceCategory.FOOD, "Cilantro", "", False),
        ]
        assert pref.changes.areas == {Area.PREFERENCES}
        with pytest.raises(ValidationError):
            app.records.add_preference(ann, PreferenceCategory.FOOD, "   ")
        app.records.remove_preference(pref.value)
        assert [p.item for p in app.contacts.card(ann).preferences] == ["Scotch"]

    def test_gifts(self, app: Nurture, make_contact: MakeContact) -> None:
        ann = make_contact("Ann Lee").id
        app.records.add_gift(
            ann, GiftDirection.GIVEN, "Whisky stones", "Birthday", date(2024, 2, 29), 4599, "usd"
        )
        idea = app.records.add_gift(ann, GiftDirection.IDEA, "Sailing book").value
        app.records.add_gift(
            ann,
            GiftDirection.RECEIVED,
            "Wine",
            given_on=date(2023, 12, 24),
            status=GiftStatus.THANKED,
        )
        gifts = app.contacts.card(ann).gifts
        assert [(g.description, g.status, g.amount_cents, g.currency) for g in gifts] == [
            ("Sailing book", GiftStatus.IDEA, None, ""),  # undated ideas first, then newest
            ("Whisky stones", GiftStatus.GIVEN, 4599, "USD"),
            ("Wine", GiftStatus.THANKED, None, ""),
        ]
        app.records.remove_gift(idea)
        assert len(app.contacts.card(ann).gifts) == 2

    @pytest.mark.parametrize(("description", "amount"), [("  ", None), ("Pen", -1)])
    def test_bad_gifts_are_refused(
        self, app: Nurture, make_contact: MakeContact, description: str, amount: int | None
    ) -> None:
        ann = make_contact("Ann Lee").id
        with pytest.raises(ValidationError):
            app.records.add_gift(ann, GiftDirection.GIVEN, description, amount_cents=amount)
        assert app.contacts.card(ann).gifts == ()


class TestNetwork:
    @pytest.mark.parametrize(
        ("kind", "inverse"),
        [
            (RelationshipKind.CHILD, RelationshipKind.PARENT),
            (RelationshipKind.PARENT, RelationshipKind.CHILD),
            (RelationshipKind.ASSISTANT, RelationshipKind.MANAGER),
            (RelationshipKind.MANAGER, RelationshipKind.ASSISTANT),
            (RelationshipKind.SPOUSE, RelationshipKind.SPOUSE),
            (RelationshipKind.COLLEAGUE, RelationshipKind.COLLEAGUE),
        ],
    )
    def test_the_other_card_shows_the_inverse(
        self,
        app: Nurture,
        make_contact: MakeContact,
        kind: RelationshipKind,
        inverse: RelationshipKind,
    ) -> None:
        ann = make_contact("Ann Lee").id
        bo = make_contact("Bo Chen").id
        outcome = app.network.relate(ann, kind, bo, " note ")

        assert outcome.changes.contact_ids == {ann, bo}
        assert outcome.changes.areas == {Area.NETWORK}
        (on_ann,) = app.contacts.card(ann).relationships
        (on_bo,) = app.contacts.card(bo).relationships
        assert (on_ann.kind, on_ann.other.id, on_ann.other.name, on_ann.label) == (
            kind,
            bo,
            "Bo Chen",
            "note",
        )
        assert (on_bo.kind, on_bo.other.id, on_bo.other.name) == (inverse, ann, "Ann Lee")
        # Recording it again, from either side, changes nothing.
        assert app.network.relate(ann, kind, bo).value == outcome.value
        assert app.network.relate(bo, inverse, ann).value == outcome.value
        assert len(app.contacts.card(ann).relationships) == 1

        app.network.unrelate(outcome.value)
        assert app.contacts.card(ann).relationships == ()
        assert app.contacts.card(bo).relationships == ()
        with pytest.raises(NotFoundError):
            app.network.unrelate(outcome.value)

    def test_nobody_is_related_to_themselves_or_to_nobody(
        self, app: Nurture, make_contact: MakeContact
    ) -> None:
        ann = make_contact("Ann Lee").id
        with pytest.raises(ValidationError):
            app.network.relate(ann, RelationshipKind.FRIEND, ann)
        with pytest.raises(NotFoundError):
            app.network.relate(ann, RelationshipKind.FRIEND, 999)
        assert app.contacts.card(ann).relationships == ()

    def test_a_related_person_is_a_light_contact(
        self, app: Nurture, make_contact: MakeContact
    ) -> None:
        ann = make_contact("Ann Lee").id
        outcome = app.network.add_related_person(
            ann,
            RelationshipKind.CHILD,
            ContactDraft(given_name="Mia", family_name="Lee", phones=(PhoneValue("415 555 0100"),)),
        )
        mia = outcome.value

        assert outcome.changes.contact_ids == {ann, mia}
        assert {Area.CONTACTS, Area.NETWORK} <= outcome.changes.areas
        card = app.contacts.card(mia)
        assert card.draft.is_light
        assert card.draft.phones[0].e164 == "+14155550100"
        assert [(r.kind, r.other.id) for r in card.relationships] == [
            (RelationshipKind.PARENT, ann)
        ]
        assert [(r.kind, r.other.name) for r in app.contacts.card(ann).relationships] == [
            (RelationshipKind.CHILD, "Mia Lee")
        ]
        assert app.listing.ids(ContactQuery()) == [ann]
        assert set(app.listing.ids(ContactQuery(include_light=True))) == {ann, mia}
        assert app.listing.ids(ContactQuery(search="mia")) == [mia]  # search reaches family

    def test_a_related_person_for_nobody_creates_nobody(self, app: Nurture) -> None:
        with pytest.raises(NotFoundError):
            app.network.add_related_person(999, RelationshipKind.SPOUSE, ContactDraft("Sam"))
        assert app.listing.count(ContactQuery(include_light=True)) == 0

    def test_introductions(self, app: Nurture, make_contact: MakeContact) -> None:
        ann = make_contact("Ann Lee").id
        bo = make_contact("Bo Chen").id
        outcome = app.network.introduce(ann, bo, date(2024, 4, 2), " Both sail ", "Deal")
        assert outcome.changes.contact_ids == {ann, bo}
        for me, other in ((ann, bo), (bo, ann)):
            (intro,) = app.contacts.card(me).introductions
            assert {intro.person_a.id, intro.person_b.id} == {me, other}
            assert (intro.introduced_on, intro.reason, intro.outcome) == (
                date(2024, 4, 2),
                "Both sail",
                "Deal",
            )
        with pytest.raises(ValidationError):
            app.network.introduce(ann, ann, date(2024, 4, 2))
        app.network.remove_introduction(outcome.value)
        assert app.contacts.card(bo).introductions == ()

    def test_referrals(self, app: Nurture, make_contact: MakeContact) -> None:
        ann = make_contact("Ann Lee").id
        bo = make_contact("Bo Chen").id
        outcome = app.network.record_referral(ann, bo, date(2024, 1, 5), 250000, "eur", "Big one")
        for me in (ann, bo):
            (referral,) = app.contacts.card(me).referrals
            assert (referral.partner.id, referral.referred.id) == (ann, bo)
            assert (referral.value_cents, referral.currency, referral.notes) == (
                250000,
                "EUR",
                "Big one",
            )
        with pytest.raises(NotFoundError):
            app.network.record_referral(ann, 999, date(2024, 1, 5))
        app.network.remove_referral(outcome.value)
        assert app.contacts.card(ann).referrals == ()


def _count(app: Nurture, model: type[Interaction]) -> int:
    with app.database.read() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


class TestMerge:
    def test_everything_of_the_duplicate_moves_to_the_kept_contact(
        self, app: Nurture, make_contact: MakeContact
    ) -> None:
        pat = make_contact("Pat Referrer").id
        keep = make_contact(
            "Ann Lee",
            emails=["ann@acme.com"],
            phones=["(415) 555-0123"],
            tags=("Client",),
            notes="Likes boats",
        ).id
        dup = make_contact(
            "Ann Lee",
            organization="Acme",
            emails=["ann@home.org", "ANN@ACME.COM"],
            phones=["+1 415 555 0123", "212-555-0199"],
            tags=("client", "Golf"),
            notes="Two kids",
            referred_by_id=pat,
            keep_in_touch_days=30,
        ).id
        sam, kid, boss, zed, yan = (
            make_contact(n).id for n in ("Sam Lee", "Kid Lee", "Boss Big", "Zed Z", "Yan Y")
        )
        app.contacts.update(zed, ContactDraft(given_name="Zed", referred_by_id=dup))

        app.records.add_date(keep, DateKind.BIRTHDAY, PartialDate(None, 2, 29))
        app.records.add_date(dup, DateKind.ANNIVERSARY, PartialDate(2001, 6, 2))
        app.records.add_preference(keep, PreferenceCategory.DRINK, "Scotch")
        app.records.add_preference(dup, PreferenceCategory.FOOD, "Dark chocolate")
        app.records.add_gift(keep, GiftDirection.GIVEN, "Book")
        app.records.add_gift(dup, GiftDirection.IDEA, "Pen")
        app.records.add_follow_up(keep, date(2024, 6, 1), "Call")
        app.records.add_follow_up(dup, date(2024, 7, 1), "Lunch")
        app.interactions.log(InteractionKind.CALL, [keep], T0)
        shared = app.interactions.log(InteractionKind.LUNCH, [keep, dup], T0 + timedelta(1)).value
        app.interactions.log(InteractionKind.EMAIL, [dup, sam], T0 + timedelta(days=5))
        app.network.relate(keep, RelationshipKind.SPOUSE, sam)
        app.network.relate(dup, RelationshipKind.SPOUSE, sam)  # the same fact twice
        app.network.relate(dup, RelationshipKind.CHILD, kid)
        app.network.relate(boss, RelationshipKind.ASSISTANT, dup)
        app.network.relate(keep, RelationshipKind.FRIEND, dup)  # says nothing once merged
        app.network.introduce(dup, yan, date(2024, 2, 2))
        app.network.introduce(keep, dup, date(2024, 2, 3))  # says nothing once merged
        app.network.record_referral(dup, zed, date(2024, 2, 4), 1000, "USD")
        interactions_before = _count(app, Interaction)

        outcome = app.merging.merge(keep, dup)

        card = outcome.value
        assert card == app.contacts.card(keep)
        with pytest.raises(NotFoundError):
            app.contacts.card(dup)
        assert outcome.changes.contact_ids >= {keep, dup}
        assert outcome.changes.touches(Area.CONTACTS, Area.INTERACTIONS)

        d = card.draft
        assert card.name == "Ann Lee"
        assert d.organization == "Acme"  # filled from the duplicate
        assert d.keep_in_touch_days == 30
        assert "Likes boats" in d.notes
        assert "Two kids" in d.notes
        assert card.referred_by is not None
        assert card.referred_by.id == pat
        assert sorted(e.address.lower() for e in d.emails) == ["ann@acme.com", "ann@home.org"]
        assert [e.address for e in d.emails if e.primary] == ["ann@acme.com"]
        assert sorted(p.value for p in d.phones) == ["+12125550199", "+14155550123"]
        assert sum(p.primary for p in d.phones) == 1
        assert sorted(d.tags) == ["Client", "Golf"]
        assert app.listing.tags() == [("Client", 1), ("Golf", 1)]
        assert sorted(x.kind for x in card.dates) == [DateKind.ANNIVERSARY, DateKind.BIRTHDAY]
        assert sorted(p.item for p in card.preferences) == ["Dark chocolate", "Scotch"]
        assert sorted(g.description for g in card.gifts) == ["Book", "Pen"]
        # The referral that brought business left a thank-you: it moves with the rest.
        assert sorted(f.title for f in card.follow_ups) == [
            "Call",
            "Lunch",
            "Thank Ann Lee for referring Zed",
        ]

        assert _count(app, Interaction) == interactions_before
        assert len(card.interactions) == 3
        (lunch,) = [i for i in card.interactions if i.id == shared]
        assert [p.id for p in lunch.participants] == [keep]
        assert card.last_interaction_at == T0 + timedelta(days=5)

        assert sorted((r.kind, r.other.id) for r in card.relationships) == sorted(
            [
                (RelationshipKind.SPOUSE, sam),
                (RelationshipKind.CHILD, kid),
                (RelationshipKind.MANAGER, boss),
            ]
        )
        assert [(r.kind, r.other.id) for r in app.contacts.card(kid).relationships] == [
            (RelationshipKind.PARENT, keep)
        ]
        assert [r.other.id for r in app.contacts.card(sam).relationships] == [keep]
        assert [(i.person_a.id, i.person_b.id) for i in card.introductions] == [(keep, yan)]
        assert [(r.partner.id, r.referred.id) for r in card.referrals] == [(keep, zed)]
        zed_card = app.contacts.card(zed)
        assert zed_card.referred_by is not None
        assert zed_card.referred_by.id == keep

        # The list and the search know only the kept contact.
        assert app.listing.ids(ContactQuery(search="ann lee")) == [keep]
        assert app.listing.ids(ContactQuery(search="home.org")) == [keep]
        assert app.listing.ids(ContactQuery(search="chocolate")) == [keep]
        assert app.listing.ids(ContactQuery(search="golf")) == [keep]

    def test_the_latest_touch_is_the_latest_of_both(
        self, app: Nurture, make_contact: MakeContact
    ) -> None:
        keep = make_contact("Ann Lee").id
        dup = make_contact("Ann Lee").id
        app.interactions.log(InteractionKind.CALL, [keep], T0 + timedelta(days=9))
        app.interactions.log(InteractionKind.CALL, [dup], T0)
        card = app.merging.merge(keep, dup).value
        assert card.last_interaction_at == T0 + timedelta(days=9)

    def test_a_light_duplicate_does_not_hide_a_full_contact(
        self, app: Nurture, make_contact: MakeContact
    ) -> None:
        keep = make_contact("Ann Lee").id
        dup = make_contact("Ann Lee", is_light=True, starred=True).id
        card = app.merging.merge(keep, dup).value
        assert not card.draft.is_light
        assert card.draft.starred
        assert app.listing.ids(ContactQuery()) == [keep]

    def test_merging_a_contact_with_itself_or_nobody_is_refused(
        self, app: Nurture, make_contact: MakeContact
    ) -> None:
        ann = make_contact("Ann Lee", emails=["ann@acme.com"])
        with pytest.raises(ValidationError):
            app.merging.merge(ann.id, ann.id)
        with pytest.raises(NotFoundError):
            app.merging.merge(ann.id, 999)
        assert app.contacts.card(ann.id) == ann

    def test_a_name_filled_from_the_duplicate_is_shown(
        self, app: Nurture, make_contact: MakeContact
    ) -> None:
        keep = make_contact(organization="Acme Corp").id
        dup = make_contact("John Doe", emails=["john@acme.com"]).id
        card = app.merging.merge(keep, dup).value
        assert card.name == "John Doe"
        assert app.listing.ids(ContactQuery(search="john doe")) == [keep]
