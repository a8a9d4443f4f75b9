"""Mouse input on highlights in the page view: a click on a highlight selects it and asks for
its editor, a click elsewhere deselects, and a right-click asks for the annotation menu.

An event filter on the page view's viewport, so the page view's own text selection keeps
working unchanged (a drag that starts on a highlight still selects text).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QMouseEvent

CLICK_SLOP = 4  # pixels a click may move and still be a click


class AnnotationPointer(QObject):
    requestEdit = Signal(str, QPoint)  # annotation id, global position for the editor
    requestMenu = Signal(object, QPoint)  # annotation id or None, global position

    def __init__(self, page_view: Any, overlay: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view, self._overlay = page_view, overlay
        self._pressed_at: QPointF | None = None
        page_view.viewport().installEventFilter(self)

    def annotation_under(self, point: QPointF) -> Any:
        """The highlight under a viewport point, or None."""
        view = self._view
        if not view.page_count:
            return None
        x = point.x() + view.horizontalScrollBar().value()
        y = point.y() + view.verticalScrollBar().value()
        layout = view.layout_model
        page = layout.page_at_y(y)
        rect = layout.rects[page]
        if not (rect.x <= x <= rect.right and rect.y <= y <= rect.bottom):
            return None
        position = layout.to_page(x, y, page)
        return self._overlay.annotation_at(page, position.x, position.y)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            if event.button() == Qt.MouseButton.LeftButton:
                self._pressed_at = event.position()
        elif kind == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            if event.button() == Qt.MouseButton.LeftButton and self._is_click(event.position()):
                self._clicked(event.position(), event.globalPosition().toPoint())
            self._pressed_at = None
        elif kind == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            annotation = self.annotation_under(QPointF(event.pos()))
            if annotation is not None:
                self._overlay.select(annotation.id)
            self.requestMenu.emit(annotation.id if annotation else None, event.globalPos())
            return True
        return False

    def _is_click(self, point: QPointF) -> bool:
        pressed = self._pressed_at
        return pressed is not None and (point - pressed).manhattanLength() <= CLICK_SLOP

    def _clicked(self, point: QPointF, global_point: QPoint) -> None:
        annotation = self.annotation_under(point)
        if annotation is None:
            self._overlay.select(None)
            return
        self._overlay.select(annotation.id)
        self.requestEdit.emit(annotation.id, global_point + QPoint(-24, 14))
