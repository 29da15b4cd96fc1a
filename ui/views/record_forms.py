"""The forms behind the card's Add menu and its rows' "edit" links: each opens the record's
dialog (empty, or filled from the card) and runs the matching operation."""

from __future__ import annotations

from datetime import date
from functools import partial

from PySide6.QtWidgets import QDialog, QWidget

from nurture.contact_points import split_name
from nurture.domain.dto import ContactCard, ContactDraft
from nurture.domain.enums import RelationshipKind
from ui.dialogs.records import (
    DateDialog,
    FollowUpDialog,
    FormDialog,
    GiftDialog,
    InteractionDialog,
    IntroductionDialog,
    PreferenceDialog,
    ReferralDialog,
    RelationshipDialog,
)
from ui.operations import records as ops
from ui.workspace import Workspace

# What the Add menu offers, in its order, with the menu's words.
ADDABLE = {
    "follow-up": "Add a follow-up…",
    "date": "Add a date (anniversary, graduation…)…",
    "gift": "Add a gift…",
    "taste": "Add a taste…",
    "introduction": "Add an introduction…",
    "referral": "Add a referral…",
    "family": "Add family or a relationship…",
}


class RecordForms:
    def __init__(self, parent: QWidget, workspace: Workspace) -> None:
        self._parent = parent
        self._workspace = workspace

    def _today(self) -> date:
        return self._workspace.now().astimezone().date()

    def add(self, what: str, card: ContactCard) -> None:
        workspace, parent, today = self._workspace, self._parent, self._today()
        listing = workspace.core.listing
        if what == "date":
            dated = DateDialog(parent, today)
            if dated.exec() == QDialog.DialogCode.Accepted:
                ops.add_date(workspace, card.id, dated.fields())
        elif what == "follow-up":
            follow = FollowUpDialog(parent, today)
            if follow.exec() == QDialog.DialogCode.Accepted:
                ops.add_follow_up(workspace, card.id, follow.fields())
        elif what == "gift":
            contacts = workspace.core.contacts
            gift = GiftDialog(parent, today, None, partial(contacts.gift_repeats, card.id))
            if gift.exec() == QDialog.DialogCode.Accepted:
                ops.add_gift(workspace, card.id, gift.fields())
        elif what == "taste":
            taste = PreferenceDialog(parent)
            if taste.exec() == QDialog.DialogCode.Accepted:
                ops.add_taste(workspace, card.id, taste.fields())
        elif what == "introduction":
            intro = IntroductionDialog(parent, listing, today)
            if intro.exec() == QDialog.DialogCode.Accepted and intro.person.person:
                ops.introduce(
                    workspace, card.id, intro.person.person.id, intro.fields(), intro.ask_day()
                )
        elif what == "family":
            self._relate(card)
        elif what == "referral":
            currency = workspace.core.settings.get().currency
            referral = ReferralDialog(parent, listing, today, currency)
            if referral.exec() == QDialog.DialogCode.Accepted and referral.person.person:
                other = referral.person.person.id
                pair = (card.id, other) if referral.this_person_is_partner() else (other, card.id)
                ops.record_referral(workspace, *pair, referral.given(), referral.fields())

    def _relate(self, card: ContactCard) -> None:
        listing, today = self._workspace.core.listing, self._today()
        dialog = RelationshipDialog(self._parent, listing, today, card.name)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        kind, label = RelationshipKind(dialog.kind.currentData()), dialog.label.text()
        if dialog.existing.isChecked() and dialog.person.person is not None:
            ops.relate(self._workspace, card.id, kind, dialog.person.person.id, label)
            return
        given, middle, family = split_name(dialog.new_name.text())
        person = ContactDraft(given_name=given, middle_name=middle, family_name=family)
        birthday = None if dialog.birthday.is_empty() else dialog.birthday.partial()
        ops.add_relative(
            self._workspace, card.id, kind, person, label, birthday, dialog.taste.text()
        )

    def edit(self, what: str, record_id: int, card: ContactCard) -> None:
        if what == "relationship":
            self._edit_relationship(record_id, card)
            return
        dialog = self._filled(what, record_id, card)
        if dialog is not None and dialog.exec() == QDialog.DialogCode.Accepted:
            ops.edit(self._workspace, what, record_id, dialog.fields())

    def _edit_relationship(self, record_id: int, card: ContactCard) -> None:
        found = [r for r in card.relationships if r.id == record_id]
        if not found:
            return
        listing, today = self._workspace.core.listing, self._today()
        dialog = RelationshipDialog(self._parent, listing, today, card.name, found[0])
        if dialog.exec() == QDialog.DialogCode.Accepted:
            kind, label = RelationshipKind(dialog.kind.currentData()), dialog.label.text()
            ops.edit_relationship(self._workspace, record_id, card.id, kind, label)

    def _filled(self, what: str, record_id: int, card: ContactCard) -> FormDialog | None:
        """The record's dialog filled from the card (None when it is no longer there)."""
        parent, today = self._parent, self._today()
        listing = self._workspace.core.listing
        if what == "date":
            found = [d for d in card.dates if d.id == record_id]
            return DateDialog(parent, today, found[0]) if found else None
        if what == "follow-up":
            follow_ups = [f for f in card.follow_ups if f.id == record_id]
            return FollowUpDialog(parent, today, follow_ups[0]) if follow_ups else None
        if what == "gift":
            gifts = [g for g in card.gifts if g.id == record_id]
            repeats = partial(self._workspace.core.contacts.gift_repeats, card.id, but=record_id)
            return GiftDialog(parent, today, gifts[0], repeats) if gifts else None
        if what == "taste":
            tastes = [p for p in card.preferences if p.id == record_id]
            return PreferenceDialog(parent, tastes[0]) if tastes else None
        if what == "interaction":
            touches = [i for i in card.interactions if i.id == record_id]
            return InteractionDialog(parent, touches[0]) if touches else None
        if what == "introduction":
            for intro in card.introductions:
                if intro.id == record_id:
                    other = intro.person_b if intro.person_a.id == card.id else intro.person_a
                    return IntroductionDialog(parent, listing, today, intro, other.name)
            return None
        currency = self._workspace.core.settings.get().currency
        for ref in card.referrals:
            if ref.id == record_id:
                is_partner = ref.partner.id == card.id
                other = ref.referred if is_partner else ref.partner
                return ReferralDialog(parent, listing, today, currency, ref, other.name, is_partner)
        return None
