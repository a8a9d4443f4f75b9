"""Find results drawn over the pages: every hit in yellow, the current one in orange with an
edge. A page-view overlay (PageView.add_overlay)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QPainter

from kfor_viewer.ui import page_painting as paint

Box = tuple[float, float, float, float]


class SearchHighlights(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.boxes: dict[int, list[Box]] = {}  # page -> every hit's rectangles, PDF points
        self.current: Any = None  # the current SearchHit, or None

    def set_hits(self, hits: Iterable[Any]) -> None:
        self.boxes = {}
        for hit in hits:
            self.boxes.setdefault(hit.page, []).extend(hit.rects)
        self.changed.emit()

    def set_current(self, hit: Any) -> None:
        self.current = hit
        self.changed.emit()

    def clear(self) -> None:
        self.boxes, self.current = {}, None
        self.changed.emit()

    def paint(self, painter: QPainter, page: int, to_view: Any) -> None:
        boxes = self.boxes.get(page)
        if boxes:
            paint.paint_rects(painter, [to_view(page, box) for box in boxes], paint.SEARCH_HIT)
        if self.current is not None and self.current.page == page:
            paint.paint_rects(
                painter,
                [to_view(page, box) for box in self.current.rects],
                paint.CURRENT_HIT,
                paint.CURRENT_HIT_EDGE,
            )
