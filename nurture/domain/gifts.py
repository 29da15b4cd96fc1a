"""The repeat-gift rule, in one place: a gift already given to the same person, so the same
bottle is not given twice. The card, the window's gift dialog and the command line all ask it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from nurture.domain.dto import GiftValue
from nurture.domain.enums import GiftDirection


def _same(description: str) -> str:
    return " ".join(description.casefold().split())


def given_before(
    gifts: Iterable[GiftValue], description: str, but: int | None = None, before: date | None = None
) -> GiftValue | None:
    """The earliest gift with this description already given to them (not `but` itself, and
    before `before` when both days are known), or None."""
    wanted = _same(description)
    given = [
        g
        for g in gifts
        if g.direction is GiftDirection.GIVEN
        and g.id != but
        and _same(g.description) == wanted
        and not (before and g.given_on and g.given_on >= before)
    ]
    return min(given, key=lambda g: (g.given_on or date.max, g.id), default=None)


def repeat_warning(name: str, earlier: GiftValue) -> str:
    """ "Ann Lee was already given Dalwhinnie 15 (December 2025, Christmas)."""
    when = ", ".join(
        filter(None, [f"{earlier.given_on:%B %Y}" if earlier.given_on else "", earlier.occasion])
    )
    return f"{name} was already given {earlier.description}" + (f" ({when})." if when else ".")


def repeat_in_household(
    description: str,
    name: str,
    own: Iterable[GiftValue],
    household: Iterable[tuple[str, Iterable[GiftValue]]],
    but: int | None = None,
    before: date | None = None,
) -> str:
    """The warning when this gift was already given to them or to someone in their household
    (a spouse, a child), naming whom and when; '' when it is new to all of them."""
    earlier = given_before(own, description, but, before)
    if earlier is not None:
        return repeat_warning(name, earlier)
    for relative, gifts in household:
        earlier = given_before(gifts, description, but, before)
        if earlier is not None:
            return repeat_warning(relative, earlier)
    return ""
