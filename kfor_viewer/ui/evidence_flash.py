"""Show where a value came from: scroll the page view to its evidence and flash the passage.

An overlay of the page view (`page_view.add_overlay`): the evidence rectangles are painted in a
warm colour that holds for a moment and then fades out, so the eye finds the words without a
lasting mark on the page.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QEasingCurve, QObject, QRectF, Qt, QVariantAnimation, Signal
from PySide6.QtGui import QColor, QPainter, QPen

FLASH_MS = 1200
FILL = QColor(0xFF, 0x9F, 0x1C)
EDGE = QColor(0xE0, 0x6A, 0x00)
PEAK_FILL_ALPHA = 150
MARGIN = 2.0  # points around the words, so the flash frames them rather than covering them

Box = tuple[float, float, float, float]


class EvidenceFlash(QObject):
    changed = Signal()

    def __init__(self, page_view: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view = page_view
        self._boxes: dict[int, list[Box]] = {}  # 0-based page -> boxes in PDF points
        self._strength = 0.0
        self._animation = QVariantAnimation(self)
        self._animation.setDuration(FLASH_MS)
        self._animation.setStartValue(1.0)
        self._animation.setKeyValueAt(0.45, 1.0)  # hold, then fade
        self._animation.setEndValue(0.0)
        self._animation.setEasingCurve(QEasingCurve.Type.InOutQuad)
        self._animation.valueChanged.connect(self._set_strength)
        self._animation.finished.connect(self._clear)
        page_view.add_overlay(self)

    @property
    def boxes(self) -> dict[int, list[Box]]:
        """What is flashing now: 0-based page -> rectangles in PDF points (empty when idle)."""
        return {page: list(boxes) for page, boxes in self._boxes.items()}

    def show_evidence(self, evidence: Iterable[Any]) -> None:
        """Scroll to the first piece of `evidence` (Evidence: 1-based page, rects, quote) and
        flash all of its rectangles."""
        evidence = [item for item in evidence if item.rects]
        if not evidence:
            return
        first = evidence[0]
        page = first.page - 1
        if not 0 <= page < self._view.page_count:
            return
        self._view.scroll_into_view(page, _union(first.rects))
        self.flash({item.page - 1: list(item.rects) for item in reversed(evidence)})

    def flash(self, boxes: dict[int, list[Box]]) -> None:
        self._animation.stop()
        self._boxes = {page: list(rects) for page, rects in boxes.items() if rects}
        self._strength = 1.0
        self._animation.start()
        self.changed.emit()

    def stop(self) -> None:
        """End the flash at once (e.g. before the view shows another document)."""
        self._animation.stop()
        self._clear()

    def paint(self, painter: QPainter, page: int, to_view: Any) -> None:
        boxes = self._boxes.get(page)
        if not boxes or self._strength <= 0:
            return
        fill, edge = QColor(FILL), QColor(EDGE)
        fill.setAlpha(round(PEAK_FILL_ALPHA * self._strength))
        edge.setAlphaF(min(1.0, self._strength))
        rects: list[QRectF] = [to_view(page, _grown(box)) for box in boxes]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # like a marker: the words stay black under the colour
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Multiply)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        for rect in rects:
            painter.drawRoundedRect(rect, 2.5, 2.5)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
        painter.setPen(QPen(edge, 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for rect in rects:
            painter.drawRoundedRect(rect, 2.5, 2.5)
        painter.restore()

    def _set_strength(self, value: Any) -> None:
        self._strength = float(value)
        self.changed.emit()

    def _clear(self) -> None:
        self._boxes = {}
        self._strength = 0.0
        self.changed.emit()


def _union(rects: Iterable[Box]) -> Box:
    rects = list(rects)
    return (
        min(r[0] for r in rects),
        min(r[1] for r in rects),
        max(r[2] for r in rects),
        max(r[3] for r in rects),
    )


def _grown(box: Box) -> Box:
    return (box[0] - MARGIN, box[1] - MARGIN, box[2] + MARGIN, box[3] + MARGIN)
