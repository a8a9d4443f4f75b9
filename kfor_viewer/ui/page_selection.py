"""Mouse text selection for the page view: asks the worker for word boxes on demand and keeps
the current TextSelection (per-page word ranges, line rectangles and text)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QPainter

from kfor_viewer.ui import page_painting as paint
from kfor_viewer.ui.page_layout import PagePosition
from kfor_viewer.ui.text_selection import (
    TextSelection,
    page_selection,
    select_page,
    select_range,
    word_index_at,
)

# A drag over more pages than this selects only what is loaded, rather than flooding the worker.
MAX_PAGES_PER_DRAG = 200


class SelectionTracker(QObject):
    """Also a page-view overlay: `paint` draws the selection, `changed` asks for a repaint."""

    changed = Signal(object)  # TextSelection

    def __init__(self, client: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._client = client
        self._generation = -1
        self._words: dict[int, tuple[Any, ...]] = {}
        self._requested: set[int] = set()
        self._anchor: PagePosition | None = None
        self._focus: PagePosition | None = None
        self._whole_page: int | None = None
        self.selection = TextSelection()
        client.wordsReady.connect(self._on_words)

    def reset(self, generation: int) -> None:
        self._generation = generation
        self._words.clear()
        self._requested.clear()
        self.clear()

    def words(self, page: int) -> tuple[Any, ...] | None:
        """The page's words in reading order, or None while they are being fetched."""
        if page in self._words:
            return self._words[page]
        if page not in self._requested:
            self._requested.add(page)
            self._client.request_words(page)
        return None

    def press(self, position: PagePosition, extend: bool = False) -> None:
        if not (extend and self._anchor is not None):
            self._anchor = position
        self._focus = position
        self._whole_page = None
        self.words(position.page)
        self._update()

    def drag(self, position: PagePosition) -> None:
        if self._anchor is not None:
            self._focus = position
            self._update()

    def release(self) -> None:
        if self._anchor is not None and self._anchor == self._focus:
            self.clear()

    def select_page(self, page: int) -> None:
        self._anchor = self._focus = None
        self._whole_page = page
        self._update()

    def select_word(self, position: PagePosition) -> None:
        words = self.words(position.page)
        self._anchor = self._focus = None
        if words:
            index = word_index_at(words, position.x, position.y)
            self._set(TextSelection((page_selection(position.page, words, index, index),)))

    def clear(self) -> None:
        self._anchor = self._focus = None
        self._whole_page = None
        self._set(TextSelection())

    def _update(self) -> None:
        if self._whole_page is not None:
            words = self.words(self._whole_page)
            if words is not None:
                self._set(select_page(self._whole_page, words))
            return
        if self._anchor is None or self._focus is None or self._anchor == self._focus:
            self._set(TextSelection())
            return
        self._set(self._range_selection(self._anchor, self._focus))

    def _range_selection(self, anchor: PagePosition, focus: PagePosition) -> TextSelection:
        first, last = sorted((anchor.page, focus.page))
        for page in range(first, min(last, first + MAX_PAGES_PER_DRAG) + 1):
            self.words(page)
        ends = []
        for point in (anchor, focus):
            words = self._words.get(point.page)
            if not words:
                return self.selection
            ends.append((point.page, word_index_at(words, point.x, point.y)))
        return select_range(self._words, ends[0], ends[1])

    def paint(self, painter: QPainter, page: int, to_view: Any) -> None:
        """Draw the selection as a page-view overlay: a translucent band per line."""
        for part in self.selection.pages:
            if part.page == page:
                paint.paint_rects(
                    painter, [to_view(page, box) for box in part.rects], paint.SELECTION
                )

    def _set(self, selection: TextSelection) -> None:
        if selection != self.selection:
            self.selection = selection
            self.changed.emit(selection)

    def _on_words(self, page: int, words: Any) -> None:
        if page not in self._requested:
            return
        self._words[page] = tuple(words)
        if self._anchor is not None or self._whole_page is not None:
            self._update()
