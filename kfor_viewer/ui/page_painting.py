"""How one page looks in the scroll view: shadow, paper, image, placeholders and overlays."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

BACKGROUND = QColor(0x52, 0x56, 0x5C)
PAPER = QColor(Qt.GlobalColor.white)
SELECTION = QColor(0x30, 0x8C, 0xF0, 0x66)
SEARCH_HIT = QColor(0xFF, 0xD4, 0x00, 0x70)
CURRENT_HIT = QColor(0xFF, 0x7A, 0x00, 0xA0)
CURRENT_HIT_EDGE = QColor(0xD0, 0x50, 0x00)
# Shadow rings from the outermost in, as opaque colours over BACKGROUND: translucent fills are
# blended pixel by pixel in software and cost ten times more (measured), on every scroll.
_SHADOW_STEPS = ((4, 0.10), (3, 0.18), (2, 0.28), (1, 0.42))


def shade(colour: QColor, darkness: float) -> QColor:
    """`colour` mixed with black (darkness 0..1): an opaque stand-in for a translucent shadow."""
    keep = 1.0 - darkness
    return QColor(
        round(colour.red() * keep), round(colour.green() * keep), round(colour.blue() * keep)
    )


_SHADOW_COLOURS = tuple((spread, shade(BACKGROUND, darkness)) for spread, darkness in _SHADOW_STEPS)


def paint_paper(painter: QPainter, rect: QRectF) -> None:
    """A white sheet with a soft drop shadow, as Okular and Firefox draw pages. The shadow is
    painted as strips around the page (falling right and down), never under it."""
    for spread, colour in _SHADOW_COLOURS:
        outer = rect.adjusted(-spread + 1, -spread + 2, spread + 1, spread + 2)
        painter.fillRect(
            QRectF(outer.left(), outer.top(), outer.width(), rect.top() - outer.top()), colour
        )
        painter.fillRect(
            QRectF(outer.left(), rect.bottom(), outer.width(), outer.bottom() - rect.bottom()),
            colour,
        )
        painter.fillRect(
            QRectF(outer.left(), rect.top(), rect.left() - outer.left(), rect.height()), colour
        )
        painter.fillRect(
            QRectF(rect.right(), rect.top(), outer.right() - rect.right(), rect.height()), colour
        )
    painter.fillRect(rect, PAPER)


def paint_image(
    painter: QPainter, target: QRectF, image: QImage, clip: QRectF | None = None
) -> None:
    """The page image stretched over `target`; exact-size images land pixel for pixel. Only the
    part inside `clip` is drawn: scaling a whole 400 % interim image costs tens of ms."""
    visible = target if clip is None else target.intersected(clip)
    if visible.isEmpty() or target.isEmpty():
        return
    sx, sy = image.width() / target.width(), image.height() / target.height()
    source = QRectF(
        (visible.x() - target.x()) * sx,
        (visible.y() - target.y()) * sy,
        visible.width() * sx,
        visible.height() * sy,
    )
    painter.drawImage(visible, image, source)


def paint_tiles(
    painter: QPainter,
    target: QRectF,
    tiles: Iterable[tuple[tuple[int, int, int, int], QImage]],
    dpr: float,
) -> None:
    """Tiles (clip (x, y, width, height) in device pixels, image) over the page at `target`."""
    for (x, y, width, height), image in tiles:
        paint_image(
            painter,
            QRectF(target.x() + x / dpr, target.y() + y / dpr, width / dpr, height / dpr),
            image,
        )


def paint_empty_hint(painter: QPainter, rect: QRectF) -> None:
    """What an empty window says: how to get a document into it."""
    painter.save()
    painter.setPen(QColor(0xC8, 0xCB, 0xD0))
    font = QFont(painter.font())
    font.setPointSizeF(font.pointSizeF() * 1.3)
    painter.setFont(font)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "Open a PDF with Ctrl+O, or drop one here")
    painter.restore()


def paint_loading(painter: QPainter, rect: QRectF, page: int) -> None:
    painter.save()
    painter.setPen(QColor(0x9A, 0x9A, 0x9A))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, f"Loading page {page + 1}…")
    painter.restore()


def paint_failed(painter: QPainter, rect: QRectF, page: int, reason: str) -> None:
    """A placeholder that says why the page could not be shown."""
    painter.save()
    painter.fillRect(rect, QColor(0xFB, 0xF3, 0xF2))
    painter.setPen(QPen(QColor(0xC0, 0x39, 0x2B), 1.5, Qt.PenStyle.DashLine))
    painter.drawRect(rect.adjusted(6, 6, -6, -6))
    text_rect = rect.adjusted(24, 24, -24, -24)
    font = QFont(painter.font())
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor(0x96, 0x28, 0x1B))
    flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
    painter.drawText(text_rect, flags, f"Page {page + 1} could not be shown\n\n{reason}")
    painter.restore()


def paint_rects(
    painter: QPainter, rects: Iterable[QRectF], color: QColor, edge: QColor | None = None
) -> None:
    painter.save()
    painter.setPen(QPen(edge, 1.0) if edge is not None else Qt.PenStyle.NoPen)
    painter.setBrush(color)
    for rect in rects:
        painter.drawRoundedRect(rect, 1.5, 1.5)
    painter.restore()
