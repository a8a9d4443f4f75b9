"""Line icons for the toolbar, drawn with QPainter, for desktops whose icon theme lacks the
freedesktop names (and for the offscreen screenshots). The theme's icon wins when it exists."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QIconEngine, QPainter, QPainterPath, QPen, QPixmap

INK = QColor(0x33, 0x38, 0x40)
DISABLED_INK = QColor(0xA8, 0xAC, 0xB2)  # drawn, not derived: a derived grey of INK stays dark
CANVAS = 24.0  # icons are drawn on a 24 x 24 grid and scaled


def themed_icon(name: str) -> QIcon:
    """The theme's icon called `name`, else the drawn one (an empty icon if none is drawn)."""
    icon = QIcon.fromTheme(name)
    if not icon.isNull():
        return icon
    draw = _DRAWINGS.get(name)
    return _drawn(draw) if draw else QIcon()


class _LineIconEngine(QIconEngine):
    """Draws the icon when Qt asks for it, at the exact size and pixel ratio: nothing is drawn
    at start-up for sizes never shown (drawing every size up front cost 0.3 s of launch)."""

    def __init__(self, draw: Callable[[QPainter], None]) -> None:
        super().__init__()
        self._draw = draw

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        ink = DISABLED_INK if mode == QIcon.Mode.Disabled else INK
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(rect.topLeft())
        side = min(rect.width(), rect.height())
        painter.scale(side / CANVAS, side / CANVAS)
        painter.setPen(
            QPen(
                ink, 1.8, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin
            )
        )
        painter.setBrush(Qt.BrushStyle.NoBrush)
        self._draw(painter)
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return _LineIconEngine(self._draw)


def _drawn(draw: Callable[[QPainter], None]) -> QIcon:
    return QIcon(_LineIconEngine(draw))


def _polyline(painter: QPainter, *points: tuple[float, float]) -> None:
    path = QPainterPath(QPointF(*points[0]))
    for point in points[1:]:
        path.lineTo(QPointF(*point))
    painter.drawPath(path)


def _magnifier(painter: QPainter) -> None:
    painter.drawEllipse(QRectF(3.5, 3.5, 12, 12))
    _polyline(painter, (14.2, 14.2), (20.5, 20.5))


def _zoom_in(painter: QPainter) -> None:
    _magnifier(painter)
    _polyline(painter, (6.5, 9.5), (12.5, 9.5))
    _polyline(painter, (9.5, 6.5), (9.5, 12.5))


def _zoom_out(painter: QPainter) -> None:
    _magnifier(painter)
    _polyline(painter, (6.5, 9.5), (12.5, 9.5))


def _page(painter: QPainter) -> None:
    painter.drawRoundedRect(QRectF(5.5, 3, 13, 18), 1.5, 1.5)


def _fit_width(painter: QPainter) -> None:
    painter.drawRoundedRect(QRectF(3, 5, 18, 14), 1.5, 1.5)
    _polyline(painter, (6.5, 12), (17.5, 12))
    _polyline(painter, (9, 9.5), (6.5, 12), (9, 14.5))
    _polyline(painter, (15, 9.5), (17.5, 12), (15, 14.5))


def _fit_page(painter: QPainter) -> None:
    _page(painter)
    for x, y, dx, dy in ((8.5, 6, 1, 1), (15.5, 6, -1, 1), (8.5, 18, 1, -1), (15.5, 18, -1, -1)):
        _polyline(painter, (x, y + 2.5 * dy), (x, y), (x + 2.5 * dx, y))


def _actual_size(painter: QPainter) -> None:
    _page(painter)
    font = painter.font()
    font.setPixelSize(7)
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(QRectF(5.5, 3, 13, 18), Qt.AlignmentFlag.AlignCenter, "1:1")


def _arrow(direction: int) -> Callable[[QPainter], None]:
    def draw(painter: QPainter) -> None:
        tip, tail = (5, 19) if direction < 0 else (19, 5)
        _polyline(painter, (tail, 12), (tip, 12))
        _polyline(painter, (tip - 6 * direction, 6), (tip, 12), (tip - 6 * direction, 18))

    return draw


def _chevron(direction: int) -> Callable[[QPainter], None]:
    def draw(painter: QPainter) -> None:
        y = 12 + 3 * direction
        _polyline(painter, (6, y - 6 * direction), (12, y), (18, y - 6 * direction))

    return draw


def _folder(painter: QPainter) -> None:
    _polyline(painter, (3, 18.5), (3, 5.5), (9, 5.5), (11, 8), (19, 8), (19, 10.5))
    _polyline(painter, (3, 18.5), (6, 10.5), (21.5, 10.5), (18.5, 18.5), (3, 18.5))


_DRAWINGS: dict[str, Callable[[QPainter], None]] = {
    "document-open": _folder,
    "zoom-in": _zoom_in,
    "zoom-out": _zoom_out,
    "zoom-original": _actual_size,
    "zoom-fit-width": _fit_width,
    "zoom-fit-best": _fit_page,
    "edit-find": _magnifier,
    "go-previous": _arrow(-1),
    "go-next": _arrow(+1),
    "go-up": _chevron(-1),
    "go-down": _chevron(+1),
}
