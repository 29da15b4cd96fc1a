"""The demo network up to the server from one Nurture and down into another: every person
arrives with the fields that sync, and a change on the second comes back to the first."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from nurture.app import Nurture
from nurture.demo import generate
from nurture.domain.dto import ContactCard
from nurture.services.exporting import cards_of
from nurture.sync.account import connect
from nurture.sync.local import contacts_by_uuid, in_scope
from tests.radicale_server import Server


def id_of(app: Nurture, uuid: str) -> int:
    with app.database.read() as session:
        return contacts_by_uuid(session, [uuid])[uuid]


def synced_view(app: Nurture) -> dict[str, tuple[object, ...]]:
    """uuid -> what both sides must agree on, for every contact that syncs."""
    with app.database.read() as session:
        ids = sorted(in_scope(session, app.settings.get()).values())
        cards: list[ContactCard] = list(cards_of(session, ids))
    return {
        card.uuid: (
            card.draft.given_name,
            card.draft.family_name,
            card.draft.organization,
            card.draft.title,
            tuple(e.address for e in card.draft.emails),
            tuple(p.raw for p in card.draft.phones),
            tuple(sorted(card.draft.tags)),
            tuple(sorted((str(d.kind), d.date.iso()) for d in card.dates)),
        )
        for card in cards
    }


def test_the_demo_network_goes_up_and_comes_down_whole(
    app: Nurture, radicale: Server, tmp_path: Path
) -> None:
    generate(app.database, 120, seed=7)
    connect(app.settings, radicale.url, radicale.user, radicale.password, calendar=False)
    sent = synced_view(app)
    assert app.sync.run(radicale.password).added_there == len(sent) == 120

    with Nurture.open(tmp_path / "laptop two") as other:
        connect(other.settings, radicale.url, radicale.user, radicale.password, calendar=False)
        assert other.sync.run(radicale.password).added_here == 120
        assert synced_view(other) == sent
        chosen = sorted(sent)[0]
        some = other.contacts.card(id_of(other, chosen))
        other.contacts.update(some.id, replace(some.draft, title="Keeper of the Highland Malts"))
        pushed = other.sync.run(radicale.password)
        assert pushed.changed_there == 1

    assert app.sync.run(radicale.password).changed_here == 1
    assert app.contacts.card(id_of(app, chosen)).draft.title == "Keeper of the Highland Malts"
