"""Highlights drawn over the page text like a marker, as a page-view overlay.

Each highlight's rectangles (PDF points) are filled with its colour in multiply mode, so the
paper takes the colour and the ink stays black. The selected highlight gets an outline, and a
highlight with a note a small marker at its first line's end. Nothing is re-rendered: the
overlay paints on top of the cached page image.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from kfor_viewer.ui.store_subscription import StoreSubscription

Box = tuple[float, float, float, float]
PAD = 1.0  # points above and below a line's words, as a marker overlaps the letters a little
HIT_TOLERANCE = 1.5  # points
NOTE_MARK = 5.0  # pixels, the side of the note marker


class AnnotationOverlay(QObject):
    changed = Signal()
    selectedChanged = Signal(object)  # annotation id or None

    def __init__(self, page_view: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store: Any = None
        self.selected_id: str | None = None
        self._by_page: dict[int, list[Any]] = {}  # 0-based page -> annotations, oldest first
        self._stale = False
        self._subscription = StoreSubscription(lambda _change: self._mark_stale())
        page_view.add_overlay(self)

    def set_store(self, store: Any) -> None:
        self._subscription.follow(store)
        self.store = store
        self.select(None)
        self._mark_stale()

    def _mark_stale(self) -> None:
        # Re-indexed when next needed: an import of hundreds of highlights re-indexes once.
        self._stale = True
        selected = self.selected_id
        if selected is not None and (self.store is None or self.store.get(selected) is None):
            self.select(None)
        self.changed.emit()

    def _pages(self) -> dict[int, list[Any]]:
        if self._stale:
            self._stale = False
            self._reindex()
        return self._by_page

    def _reindex(self) -> None:
        self._by_page = {}
        annotations = self.store.annotations() if self.store is not None else []
        for annotation in sorted(annotations, key=lambda a: a.created):
            if not annotation.orphan:  # an orphan's old place is not where its words are now
                self._by_page.setdefault(annotation.page - 1, []).append(annotation)

    def annotations_on(self, page: int) -> list[Any]:
        """The highlights of the 0-based `page`, oldest first (painting order)."""
        return list(self._pages().get(page, ()))

    def select(self, annotation_id: str | None) -> None:
        if annotation_id != self.selected_id:
            self.selected_id = annotation_id
            self.selectedChanged.emit(annotation_id)
            self.changed.emit()

    def annotation_at(self, page: int, x: float, y: float) -> Any:
        """The topmost highlight under the point (PDF points on the 0-based `page`), or None."""
        for annotation in reversed(self._pages().get(page, ())):
            for x0, y0, x1, y1 in annotation.rects:
                t = HIT_TOLERANCE
                if x0 - t <= x <= x1 + t and y0 - PAD - t <= y <= y1 + PAD + t:
                    return annotation
        return None

    def paint(self, painter: QPainter, page: int, to_view: Any) -> None:
        annotations = self._pages().get(page)
        if not annotations:
            return
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Multiply)
        for annotation in annotations:
            painter.setBrush(QColor(annotation.color))
            for box in annotation.rects:
                painter.drawRect(to_view(page, _padded(box)))
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for annotation in annotations:
            if annotation.note.strip() and annotation.rects:
                _paint_note_mark(painter, to_view(page, _padded(annotation.rects[0])), annotation)
            if annotation.id == self.selected_id:
                _paint_outline(painter, [to_view(page, _padded(b)) for b in annotation.rects])
        painter.restore()


def _padded(box: Box) -> Box:
    return (box[0], box[1] - PAD, box[2], box[3] + PAD)


def _paint_note_mark(painter: QPainter, rect: QRectF, annotation: Any) -> None:
    """A small folded-corner triangle at the top right: this highlight has a note."""
    corner = QPointF(rect.right(), rect.top())
    path = QPainterPath(corner)
    path.lineTo(corner.x() - NOTE_MARK, corner.y())
    path.lineTo(corner.x(), corner.y() + NOTE_MARK)
    path.closeSubpath()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(annotation.color).darker(190))
    painter.drawPath(path)


def _paint_outline(painter: QPainter, rects: list[QRectF]) -> None:
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(QColor(0x1F, 0x5F, 0xC8), 1.6))
    for rect in rects:
        painter.drawRoundedRect(rect.adjusted(-1.5, -1.5, 1.5, 1.5), 2.0, 2.0)
