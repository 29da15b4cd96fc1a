"""Readable in a light and a dark desktop theme: every colour Nurture draws text in has a
contrast of at least 4.5:1 (WCAG AA) with what it is drawn on, and the card follows the palette."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot

from nurture.app import Nurture
from nurture.domain.enums import GiftDirection, PreferenceCategory
from tests.ui.driving import person, select, window
from ui.theme import Colours, colours, contrast, dark_palette


def _light() -> QPalette:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#1f2933"))
    return palette


@pytest.mark.parametrize("palette", [_light, dark_palette], ids=["light", "dark"])
def test_every_text_colour_reads_at_4_5_to_1(palette: type[QPalette]) -> None:
    c: Colours = colours(palette())
    pairs = {
        "text": (c.text, c.background),
        "muted": (c.muted, c.background),
        "link": (c.link, c.background),
        "warn": (c.warn, c.background),
        "due": (c.due, c.background),
        "ok": (c.ok, c.background),
        "tag": (c.tag_text, c.tag_background),
        "banner": (c.banner_text, c.banner_background),
        "sidebar": ("#ffffff", c.accent),
    }
    weak = {
        name: round(contrast(*pair), 2) for name, pair in pairs.items() if contrast(*pair) < 4.5
    }
    assert weak == {}


def test_the_card_is_drawn_in_the_dark_palettes_colours(
    qtbot: QtBot, core: Nurture, now: object
) -> None:
    robert = person(core, "Robert", "Klein")
    core.records.add_preference(robert, PreferenceCategory.DRINK, "Scotch", "Highland")
    core.records.add_gift(robert, GiftDirection.GIVEN, "Dalwhinnie 15")
    main = window(qtbot, core, now)  # type: ignore[arg-type]
    main.contacts.card.setPalette(dark_palette())
    main.sidebar.setCurrentRow(1)
    select(main, robert)
    qtbot.waitUntil(lambda: main.contacts.card.card is not None)
    shown = main.contacts.card.card
    assert shown is not None
    html = main.contacts.card._html(shown)  # what the browser was given
    body = re.search(r"body \{[^}]*color: (#[0-9a-f]{6}); background: (#[0-9a-f]{6})", html)
    assert body is not None
    text, background = body.groups()
    assert (text, background) == ("#e8eaed", "#17181a")
    links = re.search(r"a \{ color: (#[0-9a-f]{6})", html)
    assert links is not None
    assert contrast(links.group(1), background) >= 4.5


def test_avatars_are_drawn_at_the_screens_pixel_ratio() -> None:
    from ui.avatars import avatar

    sharp = avatar("Claire Hughes", 24, 1.5)
    assert (sharp.width(), sharp.height()) == (36, 36)  # device pixels: no upscaled blur
    assert sharp.devicePixelRatio() == 1.5
    assert avatar("Claire Hughes", 24, 1.0).width() == 24
