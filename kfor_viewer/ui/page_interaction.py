"""Mouse, wheel and keyboard on the page view: text selection by dragging (scrolling when the
mouse leaves the view), the text cursor, Ctrl+wheel zoom at the cursor, and the reading keys
(PgUp/PgDn, Space, arrows, Home/End).

An event filter on the page view and its viewport, so the view itself keeps to layout, renders
and painting, and other tools can filter the same events before it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QMouseEvent, QWheelEvent

SCROLL_STEP = 48  # pixels per arrow key
AUTOSCROLL_MS = 30
WHEEL_ZOOM_STEP = 1.1  # per wheel notch with Ctrl
_KEYPAD = Qt.KeyboardModifier.KeypadModifier


class PageInteraction(QObject):
    def __init__(self, view: Any) -> None:
        super().__init__(view)
        self._view = view
        self._drag_point: QPointF | None = None  # mouse position while drag-selecting
        self._autoscroll_timer = QTimer(self, interval=AUTOSCROLL_MS)
        self._autoscroll_timer.timeout.connect(self._autoscroll)
        view.viewport().setMouseTracking(True)  # for the text cursor over pages
        view.viewport().installEventFilter(self)
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._view:
            return kind == QEvent.Type.KeyPress and self._key(event)  # type: ignore[arg-type]
        if kind == QEvent.Type.Wheel:
            return self._wheel(event)  # type: ignore[arg-type]
        if isinstance(event, QMouseEvent) and self._view.page_count:
            if kind == QEvent.Type.MouseButtonPress:
                self._press(event)
            elif kind == QEvent.Type.MouseMove:
                self._move(event)
            elif kind == QEvent.Type.MouseButtonRelease:
                self._release(event)
            elif kind == QEvent.Type.MouseButtonDblClick:
                self._double_click(event)
        return False

    # --- mouse ----------------------------------------------------------------------------
    def _press(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            extend = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            position = self._view.page_position_at(event.position())
            self._view.selection_tracker.press(position, extend)

    def _move(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._drag_point = event.position()
            self._view.selection_tracker.drag(self._view.page_position_at(event.position()))
            outside = not 0 <= event.position().y() <= self._view.viewport().height()
            if outside and not self._autoscroll_timer.isActive():
                self._autoscroll_timer.start()
        elif not event.buttons():
            self._update_cursor(event.position())

    def _release(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._autoscroll_timer.stop()
            self._drag_point = None
            self._view.selection_tracker.release()

    def _double_click(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._view.selection_tracker.select_word(self._view.page_position_at(event.position()))

    def _autoscroll(self) -> None:
        """While a selection is dragged above or below the view, scroll towards the mouse
        (faster the further out it is) and extend the selection."""
        point, height = self._drag_point, self._view.viewport().height()
        if point is None or 0 <= point.y() <= height:
            self._autoscroll_timer.stop()
            return
        distance = point.y() if point.y() < 0 else point.y() - height
        step = max(-80, min(80, round(distance / 2))) or (1 if distance > 0 else -1)
        bar = self._view.verticalScrollBar()
        bar.setValue(bar.value() + step)
        self._view.selection_tracker.drag(self._view.page_position_at(point))

    def _update_cursor(self, point: QPointF) -> None:
        """A text cursor over the pages, the arrow over the grey around them."""
        over_page = self._view.page_at_point(point) >= 0
        shape = Qt.CursorShape.IBeamCursor if over_page else Qt.CursorShape.ArrowCursor
        viewport = self._view.viewport()
        if viewport.cursor().shape() != shape:
            viewport.setCursor(shape)

    # --- wheel and keys -------------------------------------------------------------------
    def _wheel(self, event: QWheelEvent) -> bool:
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            return False
        steps = event.angleDelta().y() / 120
        if steps and self._view.page_count:
            self._view.set_zoom(self._view.zoom * WHEEL_ZOOM_STEP**steps, event.position())
        event.accept()
        return True

    def _key(self, event: QKeyEvent) -> bool:
        view = self._view
        vbar, hbar = view.verticalScrollBar(), view.horizontalScrollBar()
        key, shift = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if (
            event.modifiers()
            & ~Qt.KeyboardModifier.ShiftModifier
            & ~Qt.KeyboardModifier.KeypadModifier
        ):
            return False  # Ctrl/Alt combinations are shortcuts (actions), not reading keys
        screen = max(SCROLL_STEP, view.viewport().height() - 2 * SCROLL_STEP)
        if key == Qt.Key.Key_PageDown or (key == Qt.Key.Key_Space and not shift):
            vbar.setValue(vbar.value() + screen)
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_Space):
            vbar.setValue(vbar.value() - screen)
        elif key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            vbar.setValue(vbar.value() + (SCROLL_STEP if key == Qt.Key.Key_Down else -SCROLL_STEP))
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = -1 if key == Qt.Key.Key_Left else 1
            if hbar.maximum() > 0:
                hbar.setValue(hbar.value() + step * SCROLL_STEP)
            else:
                view.go_to_page(view.current_page + step, record=False)
        elif key == Qt.Key.Key_Home:
            view.go_to_page(0)
        elif key == Qt.Key.Key_End:
            view.go_to_page(view.page_count - 1)
        elif key == Qt.Key.Key_Escape and view.selection:
            view.clear_selection()
        else:
            return False
        return True
