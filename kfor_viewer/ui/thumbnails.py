"""The thumbnails sidebar: a small image of every page, rendered at low priority and only for
the rows on screen; click to go to a page; the current page is framed.

A scroll area that paints its rows itself, like the page view: an item view over a Python model
calls back into Python for every row on each layout (measured: 30 ms per page change with 2,000
pages), which stalls scrolling through long documents.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QMouseEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from kfor_viewer.core.pdf_types import RenderKey
from kfor_viewer.ui.page_painting import PAPER, shade
from kfor_viewer.ui.render_plan import PRIORITY_THUMBNAIL
from kfor_viewer.ui.render_requests import RenderRequests

THUMB_WIDTH = 120
LABEL_HEIGHT = 20
PADDING = 10


class ThumbnailsPanel(QAbstractScrollArea):
    requestPage = Signal(int)

    def __init__(self, cache: Any, requests: RenderRequests, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cache, self._requests = cache, requests
        self._sizes: tuple[tuple[float, float], ...] = ()
        self._generation = -1
        self._current = -1
        self._cell_height = THUMB_WIDTH + 2 * PADDING + LABEL_HEIGHT
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(THUMB_WIDTH + 2 * PADDING + 20)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.viewport().setBackgroundRole(QPalette.ColorRole.Window)
        self._request_timer = QTimer(self, singleShot=True, interval=60)
        self._request_timer.timeout.connect(self._request_visible)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        requests.imageReady.connect(self._on_image_ready)

    # --- document -------------------------------------------------------------------------
    def set_document(self, sizes: tuple[tuple[float, float], ...], generation: int) -> None:
        self._sizes, self._generation = tuple(sizes), generation
        tallest = max(
            (self.thumb_size(row)[1] for row in range(len(self._sizes))), default=THUMB_WIDTH
        )
        self._cell_height = tallest + 2 * PADDING + LABEL_HEIGHT
        self._current = -1
        self._update_scroll_range()
        self.verticalScrollBar().setValue(0)
        self.set_current_page(0)
        self.viewport().update()
        self._schedule_requests()

    def row_count(self) -> int:
        return len(self._sizes)

    def thumb_size(self, row: int) -> tuple[int, int]:
        width, height = self._sizes[row]
        return THUMB_WIDTH, max(1, round(THUMB_WIDTH * height / width)) if width else THUMB_WIDTH

    def key(self, row: int) -> RenderKey:
        width, height = self.thumb_size(row)
        dpr = self.devicePixelRatioF()
        return RenderKey(self._generation, row, round(width * dpr), round(height * dpr))

    def is_cached(self, row: int) -> bool:
        return self._cache.get(self.key(row)) is not None

    def _image(self, row: int) -> tuple[QImage | None, bool]:
        """(image, exact): the thumbnail, else the cached render of the page nearest its size."""
        key = self.key(row)
        exact = self._cache.get(key)
        if exact is not None:
            return exact, True
        return self._cache.closest(self._generation, row, key.px_width), False

    # --- current page ---------------------------------------------------------------------
    @property
    def current_page(self) -> int:
        return self._current

    def set_current_page(self, page: int) -> None:
        """Frame `page` and keep it in sight, without emitting requestPage."""
        if not 0 <= page < len(self._sizes) or page == self._current:
            return
        previous, self._current = self._current, page
        for row in (previous, page):
            if row >= 0:
                self.viewport().update(self.row_rect(row))
        self.scroll_to_row(page)

    def scroll_to_row(self, row: int) -> None:
        bar = self.verticalScrollBar()
        top, height = row * self._cell_height, self.viewport().height()
        if top < bar.value():
            bar.setValue(top)
        elif top + self._cell_height > bar.value() + height:
            bar.setValue(top + self._cell_height - height)

    def row_rect(self, row: int) -> QRect:
        """The row's cell in viewport coordinates."""
        top = row * self._cell_height - self.verticalScrollBar().value()
        return QRect(0, top, self.viewport().width(), self._cell_height)

    def visible_rows(self) -> range:
        if not self.isVisible() or not self._sizes:
            return range(0)
        top = self.verticalScrollBar().value()
        first = top // self._cell_height
        last = (top + self.viewport().height()) // self._cell_height
        return range(first, min(last + 1, len(self._sizes)))

    # --- rendering ------------------------------------------------------------------------
    def _schedule_requests(self) -> None:
        if not self._request_timer.isActive():
            self._request_timer.start()

    def _request_visible(self) -> None:
        wanted = {
            self.key(row): PRIORITY_THUMBNAIL
            for row in self.visible_rows()
            if not self.is_cached(row)
        }
        self._requests.want("thumbnails", wanted)

    def _on_image_ready(self, key: RenderKey) -> None:
        if key.doc_generation == self._generation and key.page in self.visible_rows():
            self.viewport().update(self.row_rect(key.page))

    def _on_scrolled(self) -> None:
        # Restarted by every step: thumbnails flying past during a fling are not rendered.
        self._request_timer.start()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.viewport().scroll(dx, dy)  # repaint only the rows scrolled into view

    def _update_scroll_range(self) -> None:
        bar = self.verticalScrollBar()
        total = len(self._sizes) * self._cell_height
        bar.setRange(0, max(0, total - self.viewport().height()))
        bar.setPageStep(self.viewport().height())
        bar.setSingleStep(self._cell_height // 3)

    # --- painting and input ---------------------------------------------------------------
    def paintEvent(self, event: Any) -> None:
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for row in self.visible_rows():
            cell = self.row_rect(row)
            if cell.intersects(event.rect()):
                self._paint_row(painter, row, cell)
        painter.end()

    def _paint_row(self, painter: QPainter, row: int, cell: QRect) -> None:
        width, height = self.thumb_size(row)
        page = QRectF(cell.x() + (cell.width() - width) / 2, cell.y() + PADDING, width, height)
        current = row == self._current
        highlight = self.palette().color(QPalette.ColorRole.Highlight)
        if current:
            painter.setPen(QPen(highlight, 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(page.adjusted(-4, -4, 4, 4), 3, 3)
        background = self.palette().color(QPalette.ColorRole.Window)
        painter.fillRect(page.adjusted(1, 2, 2, 3), shade(background, 0.25))  # opaque: fast
        painter.fillRect(page, PAPER)
        image, exact = self._image(row)
        if image is not None:
            # A stand-in (usually a full page render) is shrunk roughly: smoothing a page-size
            # image down on every repaint stalls a fling; the exact thumbnail follows shortly.
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, exact)
            painter.drawImage(page, image, QRectF(image.rect()))
        label = QRectF(cell.x(), page.bottom() + 3, cell.width(), LABEL_HEIGHT)
        painter.setPen(highlight if current else self.palette().color(QPalette.ColorRole.Text))
        painter.drawText(label, Qt.AlignmentFlag.AlignCenter, str(row + 1))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._sizes:
            row = (
                round(event.position().y()) + self.verticalScrollBar().value()
            ) // self._cell_height
            if 0 <= row < len(self._sizes):
                self.set_current_page(row)
                self.requestPage.emit(row)
        super().mousePressEvent(event)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._update_scroll_range()
        self._schedule_requests()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self._schedule_requests()

    def hideEvent(self, event: Any) -> None:
        super().hideEvent(event)
        self._requests.want("thumbnails", {})
