"""The referral network on a real database: sources ranked by value, the last twelve months
beside all time, referrals you gave beside those you got, who went cold, a thank-you when a
referral turns into business, and an introduction that leaves a follow-up to ask how it
went."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from nurture.app import Nurture
from nurture.domain.dto import ContactDraft
from nurture.domain.enums import InteractionKind

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


def person(app: Nurture, name: str) -> int:
    given, family = name.split()
    return app.contacts.create(ContactDraft(given_name=given, family_name=family)).value.id


def test_sources_are_ranked_by_value_with_recent_and_cold_ones_told(app: Nurture) -> None:
    app.settings.update(currency="USD")
    dana, eli, new1, new2, new3 = (
        person(app, n) for n in ("Dana Fox", "Eli Moss", "Ann Lee", "Bo Roe", "Cy Ng")
    )
    app.network.record_referral(dana, new1, date(2026, 3, 1), 500_000)
    app.network.record_referral(dana, new2, date(2024, 3, 1), 100_000)
    app.network.record_referral(eli, new3, date(2026, 10, 1), 200_000, "EUR")  # not added in
    app.interactions.log(InteractionKind.CALL, [eli], NOW - timedelta(days=10))
    app.interactions.log(InteractionKind.CALL, [dana], NOW - timedelta(days=400))
    # Business you passed on: to Dana once, to Gus (who never sent you anyone) twice.
    gus = person(app, "Gus Hale")
    app.network.record_referral(dana, new3, date(2026, 5, 1), 900_000, given=True)
    app.network.record_referral(gus, new1, date(2025, 1, 1), given=True)
    app.network.record_referral(gus, new2, date(2026, 2, 1), given=True)

    view = app.network.overview(NOW)

    assert [
        (s.contact.name, s.recent, s.recent_cents, s.total, s.total_cents, s.given, s.cold)
        for s in view.partners
    ] == [
        ("Dana Fox", 1, 500_000, 2, 600_000, 1, True),  # what you gave is not counted as got
        ("Eli Moss", 1, 0, 1, 0, 0, False),
        ("Gus Hale", 0, 0, 0, 0, 2, True),
    ]
    assert [s.contact.name for s in view.sources] == ["Dana Fox", "Eli Moss"]
    assert [s.contact.name for s in view.gone_cold] == ["Dana Fox"]  # Gus never sent anyone
    assert view.given == 3
    assert [(r.partner.id, r.given) for r in app.contacts.card(new1).referrals] == [
        (dana, False),
        (gus, True),
    ]


def test_business_from_a_referral_leaves_a_thank_you_and_an_introduction_a_question(
    app: Nurture,
) -> None:
    dana, ann, bo = person(app, "Dana Fox"), person(app, "Ann Lee"), person(app, "Bo Roe")
    referral = app.network.record_referral(dana, ann, date(2026, 11, 1)).value
    assert app.contacts.card(dana).follow_ups == ()  # no business yet: nothing to thank for

    app.network.update_referral(referral, value_cents=120_000)

    assert [f.title for f in app.contacts.card(dana).follow_ups] == [
        "Thank Dana Fox for referring Ann Lee"
    ]
    app.network.update_referral(referral, value_cents=150_000)  # already thanked for
    assert len(app.contacts.card(dana).follow_ups) == 1
    # Business you sent Bo's way is Bo's to thank you for: no follow-up with Bo.
    app.network.record_referral(bo, ann, date(2026, 11, 2), 80_000, given=True)
    assert app.contacts.card(bo).follow_ups == ()

    intro = app.network.introduce(
        ann, bo, date(2026, 11, 20), "both sail", ask_on=date(2026, 12, 4)
    )
    assert [(f.due_date, f.title) for f in app.contacts.card(ann).follow_ups] == [
        (date(2026, 12, 4), "Ask how meeting Bo Roe went")
    ]
    view = app.network.overview(NOW)
    assert [(i.id, i.reason) for i in view.introductions] == [(intro.value, "both sail")]
    assert view.introductions_waiting == 1
