"""Round initials avatars, coloured by name, painted once per name and cached."""

from __future__ import annotations

import zlib
from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QPixmap

_PALETTE = (
    "#2E7D6B",
    "#3B6EA5",
    "#8E5BA8",
    "#C2185B",
    "#D2691E",
    "#5D7A2E",
    "#00838F",
    "#6D4C41",
    "#AD5A2B",
    "#455A64",
)


def initials(name: str) -> str:
    words = [w for w in name.replace("(", " ").split() if w[:1].isalnum()]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][:1].upper()
    return (words[0][:1] + words[-1][:1]).upper()


def avatar(name: str, size: int = 24, ratio: float | None = None) -> QPixmap:
    """A round avatar with the initials, drawn at the screen's pixel ratio (crisp at 1.5×)."""
    if ratio is None:
        screen = QGuiApplication.primaryScreen()
        ratio = screen.devicePixelRatio() if screen else 1.0
    return _avatar(name, size, ratio)


@lru_cache(maxsize=4096)
def _avatar(name: str, size: int, ratio: float) -> QPixmap:
    pixels = round(size * ratio)
    pixmap = QPixmap(pixels, pixels)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(_PALETTE[zlib.crc32(name.encode()) % len(_PALETTE)]))
    painter.drawEllipse(QRectF(0, 0, size, size))
    font = QFont()
    font.setPixelSize(int(size * 0.42))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, initials(name))
    painter.end()
    return pixmap
