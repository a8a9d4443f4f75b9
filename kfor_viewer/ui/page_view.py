"""The continuous page view: all pages in one scroll area, painted from the render cache.

One QAbstractScrollArea paints page rectangles (no widget per page, so 2,000 pages cost nothing);
it asks for renders of the visible pages plus one ahead in the scroll direction, tiles at high
zoom, and paints the closest cached image scaled while the exact size renders.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QPainter
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from kfor_viewer.core.pdf_types import RenderKey
from kfor_viewer.ui import page_painting as paint
from kfor_viewer.ui.navigation_history import NavigationHistory
from kfor_viewer.ui.page_interaction import SCROLL_STEP, PageInteraction
from kfor_viewer.ui.page_layout import (
    PageLayout,
    PagePosition,
    Rect,
    clamp_zoom,
    fit_page_zoom,
    fit_width_zoom,
    next_zoom_step,
)
from kfor_viewer.ui.page_selection import SelectionTracker
from kfor_viewer.ui.render_plan import page_keys, plan_renders
from kfor_viewer.ui.render_requests import RenderRequests
from kfor_viewer.ui.search_highlights import SearchHighlights

# More than half a screen per scroll step is a fling: renders wait until it slows down.
FLING_SETTLE_MS = 60
FIT_WIDTH = "fit-width"
FIT_PAGE = "fit-page"
CUSTOM = "custom"


class PageView(QAbstractScrollArea):
    currentPageChanged = Signal(int)
    zoomChanged = Signal(float)
    zoomModeChanged = Signal(str)
    historyChanged = Signal(bool, bool)  # can go back, can go forward
    selectionChanged = Signal(object)  # TextSelection

    def __init__(
        self, client: Any, cache: Any, requests: RenderRequests, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._client, self._cache, self._requests = client, cache, requests
        self._info: Any = None
        self._generation = -1
        self._layout = PageLayout((), 1.0, 0)
        self._zoom_mode = FIT_WIDTH
        self._current_page = 0
        self._pinned: tuple[int, int] | None = None  # (scroll value, page) after go_to_page
        self._scroll_direction = 1
        self._last_scroll = 0
        self._failed: dict[int, str] = {}  # page -> why it could not be rendered
        self._failed_tiles: set[RenderKey] = set()  # not asked again (the preview stays)
        self._overlays: list[Any] = []
        self._paint_clip: QRectF | None = None  # the area being repainted, during paintEvent
        self.history: NavigationHistory[PagePosition] = NavigationHistory()
        self.search_highlights = SearchHighlights(self)
        self.selection_tracker = SelectionTracker(client, self)
        self.selection_tracker.changed.connect(self.selectionChanged)
        self._render_timer = QTimer(self, singleShot=True, interval=0)
        self._render_timer.timeout.connect(self._request_visible)
        self._setup_widget()
        self.add_overlay(self.search_highlights)
        self.add_overlay(self.selection_tracker)
        self.interaction = PageInteraction(self)
        requests.imageReady.connect(self._on_image_ready)
        requests.renderFailed.connect(self._on_render_failed)

    def _setup_widget(self) -> None:
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QAbstractScrollArea.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.viewport().setAutoFillBackground(False)
        # paintEvent covers every pixel it is asked for, so Qt may scroll by moving what is on
        # screen and ask only for the strip scrolled in; without this it repaints the whole
        # viewport on every scroll step (twice the GUI thread's time while flinging).
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.horizontalScrollBar().valueChanged.connect(self._on_scrolled)

    # --- document -------------------------------------------------------------------------
    def set_document(self, info: Any, generation: int) -> None:
        self._info, self._generation = info, generation
        self._failed.clear()
        self._failed_tiles.clear()
        self.search_highlights.clear()
        self.history.clear()
        self.historyChanged.emit(False, False)
        self.selection_tracker.reset(generation)
        self._current_page = 0
        self._relayout(self._zoom_for_mode(self._zoom_mode, 0) or self._layout.zoom)
        self._scroll_to(0, 0)
        self.currentPageChanged.emit(0)

    @property
    def page_count(self) -> int:
        return len(self._layout)

    @property
    def layout_model(self) -> PageLayout:
        return self._layout

    @property
    def current_page(self) -> int:
        return self._current_page

    @property
    def selection(self) -> Any:
        return self.selection_tracker.selection

    # --- zoom -----------------------------------------------------------------------------
    @property
    def zoom(self) -> float:
        return self._layout.zoom

    @property
    def zoom_mode(self) -> str:
        return self._zoom_mode

    def set_zoom(self, zoom: float, anchor: QPointF | None = None) -> None:
        """A fixed zoom factor (1.0 = actual size), keeping the point under `anchor` in place."""
        self._set_zoom_mode(CUSTOM)
        self._relayout(clamp_zoom(zoom), anchor)

    def set_zoom_mode(self, mode: str) -> None:
        self._set_zoom_mode(mode)
        zoom = self._zoom_for_mode(mode, self._current_page)
        if zoom is not None:
            self._relayout(zoom)

    def zoom_in(self) -> None:
        self.set_zoom(next_zoom_step(self.zoom, +1))

    def zoom_out(self) -> None:
        self.set_zoom(next_zoom_step(self.zoom, -1))

    def _set_zoom_mode(self, mode: str) -> None:
        if mode != self._zoom_mode:
            self._zoom_mode = mode
            self.zoomModeChanged.emit(mode)

    def _zoom_for_mode(self, mode: str, page: int) -> float | None:
        if not self._info or not self._info.page_sizes or mode == CUSTOM:
            return None
        size = self._info.page_sizes[min(page, len(self._info.page_sizes) - 1)]
        view = self.viewport().size()
        if mode == FIT_PAGE:
            return fit_page_zoom(size, view.width(), view.height())
        return fit_width_zoom(size, view.width())

    def _relayout(self, zoom: float, anchor: QPointF | None = None) -> None:
        """Lay the pages out at `zoom`, keeping the document point under `anchor` (viewport
        coordinates; default: the top centre) where it is."""
        if anchor is None:
            anchor = QPointF(self.viewport().width() / 2, 0)
        old, old_zoom = self._layout, self._layout.zoom
        held = old.to_page(*self._to_layout(anchor)) if len(old) else None
        sizes = self._info.page_sizes if self._info else ()
        self._layout = PageLayout(sizes, zoom, self.viewport().width())
        self._update_scroll_ranges()
        if held is not None and len(self._layout) == len(old):
            x, y = self._layout.to_layout(held)
            self._scroll_to(round(x - anchor.x()), round(y - anchor.y()))
        self.viewport().update()
        self._schedule_renders()
        if abs(zoom - old_zoom) > 1e-9:
            self.zoomChanged.emit(zoom)

    def _update_scroll_ranges(self) -> None:
        view = self.viewport().size()
        vbar, hbar = self.verticalScrollBar(), self.horizontalScrollBar()
        vbar.setRange(0, max(0, round(self._layout.height - view.height())))
        vbar.setPageStep(view.height())
        vbar.setSingleStep(SCROLL_STEP)
        hbar.setRange(0, max(0, round(self._layout.width - view.width())))
        hbar.setPageStep(view.width())
        hbar.setSingleStep(SCROLL_STEP)

    # --- navigation -----------------------------------------------------------------------
    def go_to_page(self, page: int, record: bool = True) -> None:
        if not len(self._layout):
            return
        page = min(max(page, 0), len(self._layout) - 1)
        self.go_to_position(PagePosition(page, 0.0, 0.0), record)

    def go_to_position(self, position: PagePosition, record: bool = True) -> None:
        """Show `position` at the top of the view (a jump: recorded for Back)."""
        if record:
            self.history.record(self.position())
            self.historyChanged.emit(self.history.can_go_back, False)
        _x, y = self._layout.to_layout(position)
        top = y - (8 if position.y == 0 else self.viewport().height() / 3)
        self.verticalScrollBar().setValue(round(top))
        self._pin_page(position.page)

    def position(self) -> PagePosition:
        """The document point at the top of the view, kept by history and settings."""
        page = self._current_page
        if not len(self._layout):
            return PagePosition(0, 0.0, 0.0)
        y = self.verticalScrollBar().value() + 8
        return self._layout.to_page(0, y, page)

    def go_back(self) -> None:
        self._travel(self.history.back(self.position()))

    def go_forward(self) -> None:
        self._travel(self.history.forward(self.position()))

    def _travel(self, target: PagePosition | None) -> None:
        if target is not None and target.page < len(self._layout):
            self.go_to_position(target, record=False)
        self.historyChanged.emit(self.history.can_go_back, self.history.can_go_forward)

    def _pin_page(self, page: int) -> None:
        self._pinned = (self.verticalScrollBar().value(), page)
        self._set_current_page(page)

    def _scroll_to(self, x: int, y: int) -> None:
        self.horizontalScrollBar().setValue(x)
        self.verticalScrollBar().setValue(y)

    def scroll_into_view(self, page: int, box: tuple[float, float, float, float]) -> None:
        """Scroll only if the page rectangle `box` is not already fully visible."""
        rect = self._layout.page_rect_to_layout(page, box)
        view = self._visible_layout_rect()
        if not (view.y <= rect.y and rect.bottom <= view.bottom):
            self.verticalScrollBar().setValue(round(rect.y - view.height / 3))
        if not (view.x <= rect.x and rect.right <= view.right):
            self.horizontalScrollBar().setValue(round(rect.x - view.width / 3))
        self._pin_page(page)

    def _on_scrolled(self) -> None:
        value = self.verticalScrollBar().value()
        flinging = abs(value - self._last_scroll) > self.viewport().height() // 2
        if value != self._last_scroll:
            self._scroll_direction = 1 if value > self._last_scroll else -1
            self._last_scroll = value
        if self._pinned is None or self._pinned[0] != value:
            self._pinned = None
            self._set_current_page(self._most_visible_page())
        self._schedule_renders(FLING_SETTLE_MS if flinging else 0)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        # Move what is painted already; only the strip scrolled into view is painted anew.
        self.viewport().scroll(dx, dy)

    def _most_visible_page(self) -> int:
        view = self._visible_layout_rect()
        best, best_height = 0, -1.0
        for page in self._layout.visible_pages(view.y, view.bottom):
            rect = self._layout.rects[page]
            height = min(rect.bottom, view.bottom) - max(rect.y, view.y)
            if height > best_height + 0.5:
                best, best_height = page, height
        return best

    def _set_current_page(self, page: int) -> None:
        if page != self._current_page and 0 <= page < len(self._layout):
            self._current_page = page
            self.currentPageChanged.emit(page)

    # --- overlays (annotations, evidence flashes) -----------------------------------------
    def add_overlay(self, overlay: Any) -> None:
        """Paint `overlay` over every visible page, above the page image and below nothing.

        `overlay.paint(painter, page, to_view)` is called per visible page; `to_view(page, box)`
        maps a box in PDF points to a QRectF in the viewport. An overlay with a `changed` signal
        gets a repaint whenever it emits it.
        """
        self._overlays.append(overlay)
        changed = getattr(overlay, "changed", None)
        if changed is not None:
            changed.connect(lambda *_args: self.viewport().update())

    # --- search hits ----------------------------------------------------------------------
    def set_search_hits(self, hits: Any) -> None:
        self.search_highlights.set_hits(hits)

    def set_current_hit(self, hit: Any) -> None:
        """Emphasise `hit` (a SearchHit, or None) and scroll it into view."""
        self.search_highlights.set_current(hit)
        if hit is not None and hit.rects:
            self.scroll_into_view(hit.page, hit.rects[0])

    # --- selection ------------------------------------------------------------------------
    def select_current_page(self) -> None:
        self.selection_tracker.select_page(self._current_page)

    def copy_selection(self) -> bool:
        text = self.selection_tracker.selection.text
        if text:
            QGuiApplication.clipboard().setText(text)
        return bool(text)

    def clear_selection(self) -> None:
        self.selection_tracker.clear()

    def page_position_at(self, point: QPointF) -> PagePosition:
        """The page point under a viewport point (on the nearest page when between pages)."""
        return self._layout.to_page(*self._to_layout(point))

    def page_at_point(self, point: QPointF) -> int:
        """The page under a viewport point, or -1 over the background."""
        if not len(self._layout):
            return -1
        x, y = self._to_layout(point)
        page = self._layout.page_at_y(y)
        rect = self._layout.rects[page]
        inside = rect.x <= x <= rect.right and rect.y <= y <= rect.bottom
        return page if inside else -1

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        zoom = self._zoom_for_mode(self._zoom_mode, self._current_page)
        self._relayout(zoom if zoom is not None else self._layout.zoom)

    # --- rendering ------------------------------------------------------------------------
    def _to_layout(self, point: QPointF | QPoint) -> tuple[float, float]:
        return (
            point.x() + self.horizontalScrollBar().value(),
            point.y() + self.verticalScrollBar().value(),
        )

    def _visible_layout_rect(self) -> Rect:
        size = self.viewport().size()
        return Rect(
            self.horizontalScrollBar().value(),
            self.verticalScrollBar().value(),
            size.width(),
            size.height(),
        )

    def _schedule_renders(self, delay_ms: int = 0) -> None:
        """Ask for renders from the event loop; a delay (restarted by every scroll step) holds
        them back while the pages fly past faster than they could be rendered."""
        if delay_ms:
            self._render_timer.start(delay_ms)
        elif not self._render_timer.isActive():
            self._render_timer.start(0)

    def _request_visible(self) -> None:
        if self._info is not None:
            wanted = plan_renders(
                self._layout,
                self._generation,
                self.devicePixelRatioF(),
                self._visible_layout_rect(),
                self._scroll_direction,
                lambda key: key in self._cache or key in self._failed_tiles,
                self._failed,
            )
            self._requests.want("page-view", wanted)

    def _keys_for_page(self, page: int, view: Rect | None) -> list[RenderKey]:
        return page_keys(self._layout, page, self._generation, self.devicePixelRatioF(), view)

    def _on_image_ready(self, key: RenderKey) -> None:
        if key.doc_generation == self._generation and key.page < len(self._layout):
            self.viewport().update(self._viewport_rect(key.page).toAlignedRect())

    def _on_render_failed(self, key: RenderKey, reason: str) -> None:
        if key.doc_generation != self._generation:
            return
        if key.clip is not None:
            self._failed_tiles.add(key)
        else:
            self._failed[key.page] = reason
            self.viewport().update()

    def redraw_after_restart(self) -> None:
        """Ask again for what is on screen (the restarted worker lost its queue)."""
        self._failed.clear()
        self._failed_tiles.clear()
        self._schedule_renders()

    def _viewport_rect(self, page: int) -> QRectF:
        rect = self._layout.rects[page]
        return QRectF(
            rect.x - self.horizontalScrollBar().value(),
            rect.y - self.verticalScrollBar().value(),
            rect.width,
            rect.height,
        )

    # --- painting -------------------------------------------------------------------------
    def paintEvent(self, event: Any) -> None:
        painter = QPainter(self.viewport())
        painter.fillRect(event.rect(), paint.BACKGROUND)
        if self._info is None:
            paint.paint_empty_hint(painter, QRectF(self.viewport().rect()))
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        view = self._visible_layout_rect()
        self._paint_clip = QRectF(event.rect())
        for page in self._layout.visible_pages(view.y, view.bottom):
            target = self._viewport_rect(page)
            if target.intersects(QRectF(event.rect())):
                self._paint_page(painter, page, target, view)
        painter.end()

    def _paint_page(self, painter: QPainter, page: int, target: QRectF, view: Rect) -> None:
        paint.paint_paper(painter, target)
        if page in self._failed:
            paint.paint_failed(painter, target, page, self._failed[page])
            return
        keys = self._keys_for_page(page, view)
        # Tiled: under the tiles, the sharpest whole-page image there is (the preview at worst).
        whole = None if len(keys) > 1 else self._cache.get(keys[0])
        if whole is None:
            whole = self._cache.closest(self._generation, page, keys[-1].px_width)
        if whole is not None:
            paint.paint_image(painter, target, whole, self._paint_clip)
        elif len(keys) == 1:
            paint.paint_loading(painter, target, page)
        tiles = [(key.clip, self._cache.get(key)) for key in keys[1:]]
        paint.paint_tiles(
            painter,
            target,
            [(clip, image) for clip, image in tiles if image],
            self.devicePixelRatioF(),
        )
        self._paint_overlays(painter, page)

    def _paint_overlays(self, painter: QPainter, page: int) -> None:
        for overlay in self._overlays:
            overlay.paint(painter, page, self._page_box_to_view)

    def page_point_to_viewport(self, page: int, x: float, y: float) -> QPointF:
        """Where a point of a page (PDF points) is in the viewport right now."""
        lx, ly = self._layout.to_layout(PagePosition(page, x, y))
        return QPointF(
            lx - self.horizontalScrollBar().value(), ly - self.verticalScrollBar().value()
        )

    def _page_box_to_view(self, page: int, box: tuple[float, float, float, float]) -> QRectF:
        rect = self._layout.page_rect_to_layout(page, box)
        return QRectF(
            rect.x - self.horizontalScrollBar().value(),
            rect.y - self.verticalScrollBar().value(),
            rect.width,
            rect.height,
        )
