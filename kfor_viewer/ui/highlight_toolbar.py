"""The highlight palette and the floating mini-toolbar shown at a text selection.

The toolbar is a child of the page view's viewport (not a popup window, so it never takes the
keyboard focus from the page): one swatch per palette colour and a Tag button. It follows the
selection while the view scrolls and hides when the selection is cleared.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsDropShadowEffect,
    QHBoxLayout,
    QToolButton,
    QWidget,
)

from kfor_viewer.core.annotations import DEFAULT_COLOR

# Marker colours that keep black text readable under a multiply blend.
PALETTE: tuple[tuple[str, str], ...] = (
    (DEFAULT_COLOR, "Yellow"),
    ("#A8E6A1", "Green"),
    ("#A0D8FF", "Blue"),
    ("#FFB3D1", "Pink"),
    ("#FFC987", "Orange"),
    ("#D4B8FF", "Purple"),
)
SHOW_DELAY_MS = 250  # after the selection stops changing
GAP = 8  # pixels between the selection and the toolbar


def color_name(color: str) -> str:
    """'Yellow' for a palette colour, else the #RRGGBB text."""
    return next((name for value, name in PALETTE if value == color.upper()), color.upper())


class ColorSwatch(QToolButton):
    """A round colour button; checked shows a ring (the highlight's current colour)."""

    def __init__(self, color: str, parent: QWidget | None = None, diameter: int = 18) -> None:
        super().__init__(parent)
        self.color = color.upper()
        self._diameter = diameter
        self.setCheckable(True)
        self.setAutoRaise(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(f"Highlight in {color_name(color).lower()}")
        self.setAccessibleName(f"{color_name(color)} highlight")
        self.setFixedSize(QSize(diameter + 10, diameter + 10))

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        centre = QPointF(self.width() / 2, self.height() / 2)
        radius = self._diameter / 2
        if self.isChecked() or self.underMouse():
            ring = QColor(0x2B, 0x5F, 0xB3) if self.isChecked() else QColor(0, 0, 0, 60)
            painter.setPen(QPen(ring, 2.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(centre, radius + 3, radius + 3)
        fill = QColor(self.color)
        painter.setPen(QPen(fill.darker(135), 1.0))
        painter.setBrush(fill)
        painter.drawEllipse(
            QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
        )
        painter.end()


class HighlightToolbar(QFrame):
    """Floating at the selection: click a colour to highlight, or Tag to highlight with tags."""

    requestHighlight = Signal(str)  # colour
    requestTaggedHighlight = Signal()

    def __init__(self, page_view: Any) -> None:
        super().__init__(page_view.viewport())
        self._view = page_view
        self.setObjectName("highlightToolbar")
        shadow = QGraphicsDropShadowEffect(self)
        shadow.setBlurRadius(14)
        shadow.setOffset(0, 2)
        shadow.setColor(QColor(0, 0, 0, 70))
        self.setGraphicsEffect(shadow)
        self.setStyleSheet(
            "#highlightToolbar { background: #ffffff; border: 1px solid #c9ccd1;"
            " border-radius: 8px; }"
            "#highlightToolbar QToolButton#tagButton { border: none; padding: 3px 8px;"
            " border-radius: 5px; color: #24292f; font-weight: 600; }"
            "#highlightToolbar QToolButton#tagButton:hover { background: #eef1f5; }"
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 3, 6, 3)
        row.setSpacing(0)
        self.swatches = [ColorSwatch(color, self) for color, _name in PALETTE]
        for swatch in self.swatches:
            swatch.setCheckable(False)
            swatch.clicked.connect(lambda _c=False, s=swatch: self.requestHighlight.emit(s.color))
            row.addWidget(swatch)
        separator = QFrame(self)
        separator.setFrameShape(QFrame.Shape.VLine)
        separator.setStyleSheet("color: #dde0e4;")
        row.addSpacing(4)
        row.addWidget(separator)
        row.addSpacing(4)
        self.tag_button = QToolButton(self)
        self.tag_button.setObjectName("tagButton")
        self.tag_button.setText("# Tag…")
        self.tag_button.setToolTip("Highlight and add tags")
        self.tag_button.clicked.connect(self.requestTaggedHighlight)
        row.addWidget(self.tag_button)
        self._timer = QTimer(self, singleShot=True, interval=SHOW_DELAY_MS)
        self._timer.timeout.connect(self._show_if_settled)
        page_view.selectionChanged.connect(self._on_selection)
        page_view.verticalScrollBar().valueChanged.connect(self._follow)
        page_view.horizontalScrollBar().valueChanged.connect(self._follow)
        self.enabled_for_store = False
        self.hide()

    def _on_selection(self, selection: Any) -> None:
        if not selection:
            self._timer.stop()
            self.hide()
        else:
            self._timer.start()

    def _show_if_settled(self) -> None:
        if QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton:
            self._timer.start()  # still dragging
            return
        self.show_at_selection()

    def show_at_selection(self) -> None:
        if not self._view.selection or not self.enabled_for_store:
            self.hide()
            return
        self.adjustSize()
        self.show()
        self._follow()
        self.raise_()

    def _follow(self) -> None:
        selection = self._view.selection
        if not selection or self.isHidden():
            return
        last = selection.pages[-1]
        x0, _y0, x1, y1 = last.rects[-1]
        below = self._view.page_point_to_viewport(last.page, (x0 + x1) / 2, y1)
        first = selection.pages[0]
        above = self._view.page_point_to_viewport(first.page, first.rects[0][0], first.rects[0][1])
        viewport = self._view.viewport().rect()
        x = round(below.x() - self.width() / 2)
        y = round(below.y() + GAP)
        if y + self.height() > viewport.height():
            y = round(above.y() - GAP - self.height())
        x = max(4, min(x, viewport.width() - self.width() - 4))
        y = max(4, min(y, viewport.height() - self.height() - 4))
        self.move(x, y)
