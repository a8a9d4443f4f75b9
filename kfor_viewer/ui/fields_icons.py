"""Small review-state icons for the fields panel (tick, pencil, warning, information), drawn
in code so they stay crisp at any scale and need no resource files."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

ICON_SIZE = 14
VERIFIED_COLOUR = QColor(0x2E, 0x8B, 0x57)
EDITED_COLOUR = QColor(0x3B, 0x6E, 0xA8)
WARNING_COLOUR = QColor(0xE0, 0x9B, 0x1A)


def review_icons() -> dict[str, QIcon]:
    """Icons by name: "verified", "edited", "warning", "info"."""
    return {
        "verified": _tick_icon(),
        "edited": _pencil_icon(),
        "warning": _warning_icon(),
        "info": _info_icon(),
    }


def _icon(draw: Any) -> QIcon:
    icon = QIcon()
    for scale in (1, 2):
        pixmap = QPixmap(ICON_SIZE * scale, ICON_SIZE * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        draw(painter)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def _tick_icon() -> QIcon:
    def draw(painter: QPainter) -> None:
        painter.setPen(_pen(VERIFIED_COLOUR, 2.0))
        path = QPainterPath(QPointF(3, 7.5))
        path.lineTo(6, 10.5)
        path.lineTo(11.5, 3.5)
        painter.drawPath(path)

    return _icon(draw)


def _pencil_icon() -> QIcon:
    def draw(painter: QPainter) -> None:
        painter.setPen(_pen(EDITED_COLOUR, 1.3))
        path = QPainterPath(QPointF(2.5, 11.5))
        for x, y in ((3.2, 8.8), (9.8, 2.2), (11.8, 4.2), (5.2, 10.8), (2.5, 11.5)):
            path.lineTo(x, y)
        painter.drawPath(path)
        painter.drawLine(QPointF(8.6, 3.4), QPointF(10.6, 5.4))

    return _icon(draw)


def _warning_icon() -> QIcon:
    def draw(painter: QPainter) -> None:
        path = QPainterPath(QPointF(7, 1.5))
        path.lineTo(13, 12.5)
        path.lineTo(1, 12.5)
        path.closeSubpath()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(WARNING_COLOUR)
        painter.drawPath(path)
        painter.setPen(_pen(QColor(Qt.GlobalColor.white), 1.6))
        painter.drawLine(QPointF(7, 5), QPointF(7, 8.5))
        painter.drawPoint(QPointF(7, 10.6))

    return _icon(draw)


def _info_icon() -> QIcon:
    def draw(painter: QPainter) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(EDITED_COLOUR)
        painter.drawEllipse(QRectF(1.5, 1.5, 11, 11))
        painter.setPen(_pen(QColor(Qt.GlobalColor.white), 1.6))
        painter.drawLine(QPointF(7, 6.2), QPointF(7, 10))
        painter.drawPoint(QPointF(7, 4.2))

    return _icon(draw)


def _pen(colour: QColor, width: float) -> QPen:
    pen = QPen(colour, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen
