"""Logging touches: every participant's last interaction stays right, whatever the order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from nurture.app import Nurture
from nurture.db.touches import Interaction, interaction_participants
from nurture.domain.enums import Area, ContactSort, InteractionKind
from nurture.errors import NotFoundError, ValidationError
from nurture.services.listing import ContactQuery
from tests.conftest import MakeContact

MAY_1 = datetime(2024, 5, 1, 12, 30, tzinfo=UTC)


def _last(app: Nurture, contact_id: int) -> datetime | None:
    return app.contacts.card(contact_id).last_interaction_at


def _interaction_rows(app: Nurture) -> tuple[int, int]:
    with app.database.read() as session:
        return (
            session.scalar(select(func.count()).select_from(Interaction)) or 0,
            session.scalar(select(func.count()).select_from(interaction_participants)) or 0,
        )


def test_logging_with_two_people_touches_both(app: Nurture, make_contact: MakeContact) -> None:
    ann = make_contact("Ann Lee").id
    bo = make_contact("Bo Chen").id
    other = make_contact("Cy Diaz").id

    outcome = app.interactions.log(
        InteractionKind.LUNCH, [ann, bo, ann], MAY_1, title=" Lunch ", notes=" boats "
    )

    assert outcome.changes.contact_ids == {ann, bo}
    assert Area.INTERACTIONS in outcome.changes.areas
    assert _last(app, ann) == MAY_1
    assert _last(app, bo) == MAY_1
    assert _last(app, other) is None
    (logged,) = app.contacts.card(bo).interactions
    assert logged.id == outcome.value
    assert logged.kind is InteractionKind.LUNCH
    assert (logged.title, logged.notes) == ("Lunch", "boats")
    assert logged.occurred_at == MAY_1
    assert {p.id for p in logged.participants} == {ann, bo}
    summary = app.listing.summaries([ann])[0]
    assert summary.last_interaction_at == MAY_1


def test_times_in_other_zones_are_kept_as_the_same_instant(
    app: Nurture, make_contact: MakeContact
) -> None:
    ann = make_contact("Ann Lee").id
    tokyo = datetime(2024, 5, 2, 9, 0, tzinfo=timezone(timedelta(hours=9)))
    app.interactions.log(InteractionKind.CALL, [ann], tokyo)
    (logged,) = app.contacts.card(ann).interactions
    assert logged.occurred_at == tokyo
    assert logged.occurred_at == datetime(2024, 5, 2, 0, 0, tzinfo=UTC)


def test_the_card_lists_interactions_newest_first(app: Nurture, make_contact: MakeContact) -> None:
    ann = make_contact("Ann Lee").id
    for days, kind in [(3, InteractionKind.CALL), (9, InteractionKind.EMAIL), (1, "meeting")]:
        app.interactions.log(kind, [ann], MAY_1 + timedelta(days=days))  # type: ignore[arg-type]
    card = app.contacts.card(ann)
    assert [i.kind for i in card.interactions] == [
        InteractionKind.EMAIL,
        InteractionKind.CALL,
        InteractionKind.MEETING,
    ]


def test_deleting_the_newest_recomputes_last_touch(app: Nurture, make_contact: MakeContact) -> None:
    ann = make_contact("Ann Lee").id
    bo = make_contact("Bo Chen").id
    older = app.interactions.log(InteractionKind.CALL, [ann], MAY_1).value
    newest = app.interactions.log(
        InteractionKind.MEETING, [ann, bo], MAY_1 + timedelta(days=7)
    ).value
    assert _last(app, ann) == MAY_1 + timedelta(days=7)

    outcome = app.interactions.delete(newest)

    assert outcome.changes.contact_ids == {ann, bo}
    assert _last(app, ann) == MAY_1
    assert _last(app, bo) is None
    app.interactions.delete(older)
    assert _last(app, ann) is None
    assert _interaction_rows(app) == (0, 0)
    with pytest.raises(NotFoundError):
        app.interactions.delete(older)


def test_back_dated_logging_does_not_move_last_touch_back(
    app: Nurture, make_contact: MakeContact
) -> None:
    ann = make_contact("Ann Lee").id
    app.interactions.log(InteractionKind.CALL, [ann], MAY_1)
    app.interactions.log(InteractionKind.EMAIL, [ann], MAY_1 - timedelta(days=365))
    assert _last(app, ann) == MAY_1
    assert len(app.contacts.card(ann).interactions) == 2


def test_last_interaction_sort_follows_logging(app: Nurture, make_contact: MakeContact) -> None:
    ann = make_contact("Ann Lee").id
    bo = make_contact("Bo Chen").id
    app.interactions.log(InteractionKind.CALL, [ann], MAY_1)
    app.interactions.log(InteractionKind.CALL, [bo], MAY_1 + timedelta(hours=1))
    query = ContactQuery(sort=ContactSort.LAST_INTERACTION, descending=True)
    assert app.listing.ids(query) == [bo, ann]
    app.interactions.log(InteractionKind.CALL, [ann], MAY_1 + timedelta(hours=2))
    assert app.listing.ids(query) == [ann, bo]


def test_an_unknown_participant_writes_nothing(app: Nurture, make_contact: MakeContact) -> None:
    ann = make_contact("Ann Lee").id
    with pytest.raises(NotFoundError, match="9999"):
        app.interactions.log(InteractionKind.CALL, [ann, 9999], MAY_1)
    assert _interaction_rows(app) == (0, 0)
    assert _last(app, ann) is None


@pytest.mark.parametrize(
    ("with_ann", "when"),
    [
        (False, MAY_1),  # nobody
        (True, datetime(2024, 5, 1, 12, 30)),  # no time zone
    ],
)
def test_invalid_interactions_write_nothing(
    app: Nurture, make_contact: MakeContact, with_ann: bool, when: datetime
) -> None:
    ann = make_contact("Ann Lee").id
    with pytest.raises(ValidationError):
        app.interactions.log(InteractionKind.CALL, [ann] if with_ann else [], when)
    with pytest.raises(ValidationError, match="pigeon"):
        app.interactions.log("carrier pigeon", [ann], MAY_1)  # type: ignore[arg-type]
    assert _interaction_rows(app) == (0, 0)
    assert _last(app, ann) is None
