"""View ▸ Private (Ctrl+Shift+P), for sharing the screen: notes, tastes, gifts and amounts are
hidden in the window until it is switched off. What shows is redacted here, before it is drawn,
so a page cannot forget a field: a card, a brief, and the money and gifts of the Gifts and
Network pages. Nothing is changed in the data."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from nurture.domain.dto import ContactCard
from nurture.domain.plan import Brief

HIDDEN = "•••"
NOTICE = "Notes, tastes, gifts and amounts are hidden (View ▸ Private, Ctrl+Shift+P)."


class Privacy(QObject):
    changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.on = False

    def set(self, on: bool) -> None:
        if on != self.on:
            self.on = on
            self.changed.emit(on)

    def money(self, shown: str) -> str:
        return HIDDEN if self.on and shown else shown


def redacted_card(card: ContactCard) -> ContactCard:
    """The card without what a shared screen should not show."""
    return replace(
        card,
        draft=replace(card.draft, notes="", how_we_met=""),
        set_aside=(),  # a set-aside note or title says what the card hides
        preferences=(),
        gifts=(),
        household=tuple(replace(r, tastes=(), last_gift=None) for r in card.household),
        interactions=tuple(replace(i, notes="") for i in card.interactions),
        referrals=tuple(replace(r, value_cents=None, notes="") for r in card.referrals),
    )


def redacted_brief(brief: Brief) -> Brief:
    return replace(
        brief,
        ask_about="",
        interactions=tuple(replace(i, notes="") for i in brief.interactions),
        gift_ideas=(),
        family=tuple(replace(m, tastes=()) for m in brief.family),
        tastes=(),
        last_gifts=(),
    )
