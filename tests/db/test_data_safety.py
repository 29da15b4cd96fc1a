"""What a later action must not lose: an import undone after a merge or an edit, a follow-up
done after weeks away, search after an import, the kept contact's primary email."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from nurture.app import Nurture
from nurture.domain.dates import PartialDate
from nurture.domain.dto import ContactDraft, EmailValue
from nurture.domain.enums import DateKind, InteractionKind
from nurture.errors import ValidationError
from nurture.formats import OnDuplicate
from nurture.services.importing import ImportOptions
from nurture.services.listing import ContactQuery

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


def _import(app: Nurture, text: str, on_duplicate: OnDuplicate = OnDuplicate.MERGE) -> int:
    source = app.importing.open(text.encode(), "f.csv", "outlook")
    report = app.importing.run(source, ImportOptions(on_duplicate=on_duplicate)).value
    assert report.batch is not None
    return report.batch


def test_undoing_an_import_keeps_a_contact_an_older_one_was_merged_into(app: Nurture) -> None:
    carol = app.contacts.create(
        ContactDraft(
            given_name="Carol", family_name="King", emails=(EmailValue("carol@a.example"),)
        )
    ).value.id
    app.interactions.log(InteractionKind.LUNCH, [carol], NOW, notes="years of history")
    batch = _import(
        app, "First Name,Last Name,E-mail Address\nCarol,King,carol@w.example\n", OnDuplicate.ADD
    )
    imported = next(i for i in app.listing.ids(ContactQuery()) if i != carol)
    app.merging.merge(imported, carol)
    app.importing.undo(batch)
    card = app.contacts.card(imported)
    assert [i.notes for i in card.interactions] == ["years of history"]


def test_undoing_an_import_keeps_what_the_user_changed_since(app: Nurture) -> None:
    dan = app.contacts.create(
        ContactDraft(given_name="Dan", family_name="Roe", emails=(EmailValue("dan@roe.example"),))
    ).value.id
    batch = _import(
        app, "First Name,Last Name,E-mail Address,Company\nDan,Roe,dan@roe.example,Roe Ltd\n"
    )
    assert app.contacts.card(dan).draft.organization == "Roe Ltd"
    draft = app.contacts.card(dan).draft
    app.contacts.update(dan, draft.__class__(**{**_fields(draft), "organization": "Roe Holdings"}))
    app.importing.undo(batch)
    assert app.contacts.card(dan).draft.organization == "Roe Holdings"


def _fields(draft: ContactDraft) -> dict[str, Any]:
    return {f.name: getattr(draft, f.name) for f in dataclasses.fields(draft)}


def test_an_import_that_adds_a_phone_makes_it_searchable(app: Nurture) -> None:
    app.settings.update(phone_region="US")
    alice = app.contacts.create(
        ContactDraft(
            given_name="Alice", family_name="Old", emails=(EmailValue("alice@old.example"),)
        )
    ).value.id
    _import(
        app,
        "First Name,Last Name,E-mail Address,Mobile Phone\n"
        "Alice,Old,alice@old.example,+1 415 555 0177\n",
    )
    assert app.listing.ids(ContactQuery(search="4155550177")) == [alice]


def test_merging_keeps_the_kept_contacts_primary_email(app: Nurture) -> None:
    old = app.contacts.create(
        ContactDraft(given_name="Old", family_name="Record", emails=(EmailValue("old@x.example"),))
    ).value.id
    new = app.contacts.create(
        ContactDraft(given_name="New", family_name="Record", emails=(EmailValue("new@x.example"),))
    ).value.id
    card = app.merging.merge(new, old).value
    primary = [e.address for e in card.draft.emails if e.primary]
    assert primary == ["new@x.example"]


def test_done_on_an_overdue_weekly_follow_up_clears_every_missed_week(app: Nurture) -> None:
    app.settings.update(time_zone="UTC", gift_holidays=[])
    ann = app.contacts.create(ContactDraft(given_name="Ann", family_name="Lee")).value.id
    app.records.add_follow_up(ann, date(2026, 10, 15), "Weekly call", "FREQ=WEEKLY")
    today = NOW.date()
    overdue = [o for o in app.agenda.between(today, today, today) if o.kind == "follow_up"]
    assert len(overdue) == 1
    app.reminders.done(overdue[0], NOW)
    after = [
        o
        for o in app.agenda.between(today, today + timedelta(days=6), today)
        if o.kind == "follow_up"
    ]
    assert all(o.overdue_days == 0 for o in after)


def test_a_feb_29_date_does_not_show_before_its_first_year(app: Nurture) -> None:
    app.settings.update(gift_holidays=[])
    leap = app.contacts.create(ContactDraft(given_name="Future", family_name="Leap")).value.id
    app.records.add_date(leap, DateKind.ANNIVERSARY, PartialDate(2028, 2, 29))
    assert app.agenda.between(date(2027, 2, 25), date(2027, 3, 5)) == []
    assert len(app.agenda.between(date(2028, 2, 25), date(2028, 3, 5))) == 1


def test_a_delete_cannot_be_undone_over_contacts_added_outside_the_history(app: Nurture) -> None:
    from nurture.demo import generate

    gone = app.contacts.create(ContactDraft(given_name="Xavier", family_name="Last")).value.id
    app.deletion.delete([gone])
    generate(app.database, contacts=3)  # sample data is not in the history; it reuses the id
    before = sorted(s.name for s in app.listing.page(ContactQuery(include_light=True), limit=99))
    with pytest.raises(ValidationError, match="can no longer be undone"):
        app.history.undo()
    after = sorted(s.name for s in app.listing.page(ContactQuery(include_light=True), limit=99))
    assert after == before
    assert "Xavier Last" not in after


def test_an_edit_replaces_the_birthday_in_the_same_transaction_and_keep_keeps_it(
    app: Nurture,
) -> None:
    ann = app.contacts.create(
        ContactDraft(given_name="Ann", family_name="Lee"),
        dates=[(DateKind.BIRTHDAY, PartialDate(1980, 5, 1))],
    ).value
    anniversary = app.records.add_date(ann.id, DateKind.ANNIVERSARY, PartialDate(2005, 6, 12)).value
    kept = next(d for d in app.contacts.card(ann.id).dates if d.id == anniversary)
    new_birthday = (DateKind.BIRTHDAY, PartialDate(None, 5, 2))
    app.contacts.update(ann.id, ann.draft, dates=[kept, new_birthday])
    dates = {d.kind: d.date for d in app.contacts.card(ann.id).dates}
    assert dates == {
        DateKind.BIRTHDAY: PartialDate(None, 5, 2),
        DateKind.ANNIVERSARY: PartialDate(2005, 6, 12),
    }
    app.contacts.update(ann.id, ann.draft)  # dates not given: kept
    assert len(app.contacts.card(ann.id).dates) == 2
    app.contacts.update(ann.id, ann.draft, dates=[kept])
    assert [d.id for d in app.contacts.card(ann.id).dates] == [anniversary]  # the same date
    with pytest.raises(ValidationError):  # a bad draft changes nothing, dates included
        app.contacts.update(ann.id, _with_email(ann.draft, "nope"), dates=[new_birthday])
    assert [d.kind for d in app.contacts.card(ann.id).dates] == [DateKind.ANNIVERSARY]


def _with_email(draft: ContactDraft, address: str) -> ContactDraft:
    return ContactDraft(**{**_fields(draft), "emails": (EmailValue(address),)})
