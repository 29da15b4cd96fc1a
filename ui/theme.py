"""The window's colours, from the desktop's palette: the same meaning (overdue, done, a link, a
muted aside) in a colour readable on a light or a dark background — every pair at least
4.5:1 (WCAG AA for text), checked by tests/ui/test_theme.py."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

ACCENT = "#17806b"  # Nurture's teal: the sidebar's selection (white text on it, 4.8:1)


@dataclass(frozen=True, slots=True)
class Colours:
    text: str
    background: str
    muted: str
    link: str
    warn: str  # overdue, a repeated gift
    due: str  # due soon
    ok: str  # on track, a like
    tag_text: str
    tag_background: str
    banner_text: str
    banner_background: str
    today_background: str  # the calendar's today cell
    grid: str  # the calendar's cell borders
    accent: str = ACCENT

    @property
    def dark(self) -> bool:
        return _luminance(self.background) < 0.5


_LIGHT = {
    "muted": "#5f6b7a",
    "link": "#1a62a3",
    "warn": "#b3261e",
    "due": "#9c4f00",
    "ok": "#2a6f2d",
    "tag_text": "#14665a",
    "tag_background": "#e6f4f1",
    "banner_text": "#3d2e00",
    "banner_background": "#fff4d6",
    "today_background": "#e6f4f1",
    "grid": "#c7ccd1",
}
_DARK = {
    "muted": "#a3adb8",
    "link": "#8ab4f8",
    "warn": "#ff8a80",
    "due": "#ffb74d",
    "ok": "#81c995",
    "tag_text": "#a8e6d6",
    "tag_background": "#1d3b35",
    "banner_text": "#ffe8a3",
    "banner_background": "#3d3220",
    "today_background": "#1d3b35",
    "grid": "#4a4f55",
}


def dark_palette() -> QPalette:
    """A dark desktop palette (as GNOME's or KDE's dark themes set it): what the tests check
    contrast against and the screenshots are taken with."""
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#202124"),
        (QPalette.ColorRole.WindowText, "#e8eaed"),
        (QPalette.ColorRole.Base, "#17181a"),
        (QPalette.ColorRole.AlternateBase, "#25272a"),
        (QPalette.ColorRole.Text, "#e8eaed"),
        (QPalette.ColorRole.Button, "#2d2f31"),
        (QPalette.ColorRole.ButtonText, "#e8eaed"),
        (QPalette.ColorRole.PlaceholderText, "#9aa0a6"),
        (QPalette.ColorRole.Highlight, "#2f6fb3"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def colours(palette: QPalette | None = None) -> Colours:
    """The colours for this palette (the application's by default)."""
    palette = palette or QApplication.palette()
    text = palette.color(QPalette.ColorRole.Text).name()
    return _for(text, palette.color(QPalette.ColorRole.Base).name())


@lru_cache(maxsize=16)
def _for(text: str, background: str) -> Colours:
    """Cached: the list asks for a colour for every cell it paints."""
    chosen = _DARK if _luminance(background) < 0.5 else _LIGHT
    return Colours(text=text, background=background, **chosen)


def contrast(one: str, other: str) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    high, low = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _luminance(colour: str) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    c = QColor(colour)
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
