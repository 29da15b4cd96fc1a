"""`nurture demo`: a believable network, exactly N main contacts, the same for the same seed."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select, text

from nurture.app import Nurture
from nurture.db.gifts import Gift, Preference
from nurture.db.network import Relationship
from nurture.db.people import Contact, Email, ImportantDate
from nurture.db.touches import Interaction, interaction_participants
from nurture.demo import generate
from nurture.domain.enums import ContactSort, DateKind, Recurrence, RelationshipKind
from nurture.services.listing import ContactQuery

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


def test_demo_makes_exactly_n_main_contacts_with_families_and_history(app: Nurture) -> None:
    report = generate(app.database, contacts=300, seed=3, now=NOW).value

    assert app.listing.count(ContactQuery()) == 300
    everyone = app.listing.count(ContactQuery(include_light=True))
    assert everyone == 300 + report.light_contacts
    with app.database.read() as session:
        kinds = Counter(session.scalars(select(Relationship.kind)))
        assert kinds[RelationshipKind.SPOUSE] > 100
        assert kinds[RelationshipKind.CHILD] > 100
        assert kinds[RelationshipKind.ASSISTANT] > 10
        assert (session.scalar(select(func.count()).select_from(Preference)) or 0) >= 300
        assert session.scalar(select(func.count()).select_from(Gift)) == report.gifts
        touched = session.scalar(
            select(func.count(func.distinct(interaction_participants.c.contact_id)))
        )
        assert (touched or 0) > 200
        graduations = session.execute(
            select(ImportantDate.year, ImportantDate.day, ImportantDate.recurrence).where(
                ImportantDate.kind == DateKind.GRADUATION
            )
        ).all()
        assert graduations
        assert {(year, day, rec) for year, day, rec in graduations} <= {
            (2027, None, Recurrence.ONCE)
        }
        addresses = list(session.scalars(select(Email.address_key)))
        assert len(addresses) == len(set(addresses))


def test_the_last_touch_of_each_contact_is_its_newest_interaction(app: Nurture) -> None:
    generate(app.database, contacts=100, seed=5, now=NOW)
    latest = app.listing.page(ContactQuery(sort=ContactSort.LAST_INTERACTION, descending=True))
    card = app.contacts.card(latest[0].id)
    assert card.interactions
    assert card.last_interaction_at == max(i.occurred_at for i in card.interactions)
    assert card.last_interaction_at <= NOW


def test_every_contact_s_last_touch_is_its_newest_interaction_even_as_another_participant(
    app: Nurture,
) -> None:
    generate(app.database, contacts=300, seed=6, now=NOW)
    generate(app.database, contacts=100, seed=7, now=NOW)  # into a database with people
    with app.database.read() as session:
        newest = (
            select(func.max(Interaction.occurred_at))
            .join(interaction_participants)
            .where(interaction_participants.c.contact_id == Contact.id)
            .scalar_subquery()
        )
        shared = select(func.count()).select_from(
            select(interaction_participants.c.interaction_id)
            .group_by(interaction_participants.c.interaction_id)
            .having(func.count() > 1)
            .subquery()
        )
        assert (session.scalar(shared) or 0) > 50  # people touched in others' meetings
        wrong = session.scalar(
            select(func.count())
            .select_from(Contact)
            .where(func.coalesce(Contact.last_interaction_at, NOW) != func.coalesce(newest, NOW))
        )
    assert wrong == 0


def test_a_demo_into_an_empty_database_leaves_the_schema_as_it_was(app: Nurture) -> None:
    """Its indexes are built after the rows: all of them, as the migrations made them."""
    schema = text("SELECT type, name, sql FROM sqlite_master ORDER BY name")
    with app.database.read() as session:
        before = session.execute(schema).all()
    generate(app.database, contacts=30, seed=1, now=NOW)
    with app.database.read() as session:
        assert session.execute(schema).all() == before


def test_the_same_seed_gives_the_same_people(
    app: Nurture, tmp_path_factory: pytest.TempPathFactory
) -> None:
    other = Nurture.open(tmp_path_factory.mktemp("other"))
    try:
        generate(app.database, contacts=50, seed=9, now=NOW)
        generate(other.database, contacts=50, seed=9, now=NOW)
        names = [s.name for s in app.listing.page(ContactQuery(), 0, 50)]
        assert names == [s.name for s in other.listing.page(ContactQuery(), 0, 50)]
    finally:
        other.close()


def test_a_second_demo_adds_to_what_is_there_and_search_finds_both(app: Nurture) -> None:
    generate(app.database, contacts=40, seed=1, now=NOW)
    generate(app.database, contacts=40, seed=2, now=NOW)
    assert app.listing.count(ContactQuery()) == 80
    with app.database.read() as session:
        newest = session.scalar(select(func.max(Contact.id)).where(Contact.is_light.is_(False)))
    assert newest is not None
    card = app.contacts.card(newest)
    found = app.listing.ids(ContactQuery(search=card.draft.emails[0].address))
    assert newest in found
