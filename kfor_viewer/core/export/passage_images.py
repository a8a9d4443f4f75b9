"""Cropped pictures of highlighted passages, as they look on the page with the highlight.

The highlighted lines are shown whole (a passage reads better within its lines) and the
highlight is laid on like a marker: the rects are tinted so that white paper takes the
highlight's colour and black ink stays black (a multiply blend), as the viewer paints it.
The document is not changed. Pages are interpreted once (display list) and their words read
once, so many pictures of one page cost little more than one.
"""

from __future__ import annotations

import pymupdf

from kfor_viewer.core.annotations import Annotation
from kfor_viewer.core.export.values import safe_color

ZOOM = 2.0  # crisp in print at the size the summaries show it
MAX_WIDTH_PX = 1000
MARGIN_X = 6.0
MARGIN_Y = -1.2  # line boxes overlap the neighbouring lines a little
Words = list[tuple[float, float, float, float]]


class PassageImages:
    """Callable: an annotation -> PNG bytes of its passage, or None when it cannot be drawn."""

    def __init__(self, document: pymupdf.Document) -> None:
        self._document = document
        self._pages: dict[int, tuple[pymupdf.DisplayList, Words, pymupdf.Rect]] = {}

    def __call__(self, annotation: Annotation) -> bytes | None:
        if not annotation.rects or not 1 <= annotation.page <= self._document.page_count:
            return None
        display_list, words, page_rect = self._page(annotation.page - 1)
        clip = _clip(words, page_rect, annotation.rects)
        if clip.is_empty:
            return None
        zoom = min(ZOOM, MAX_WIDTH_PX / clip.width)
        matrix = pymupdf.Matrix(zoom, zoom)
        pixmap = display_list.get_pixmap(matrix=matrix, clip=clip, alpha=False)
        color = int(safe_color(annotation.color)[1:], 16)
        for rect in annotation.rects:
            _tint(pixmap, (pymupdf.Rect(rect) & clip) * matrix, color)
        return pixmap.tobytes("png")

    def _page(self, index: int) -> tuple[pymupdf.DisplayList, Words, pymupdf.Rect]:
        if index not in self._pages:
            page = self._document[index]
            words = [tuple(w[:4]) for w in page.get_text("words")]
            self._pages[index] = (page.get_displaylist(), words, page.rect)
        return self._pages[index]


def _tint(pixmap: pymupdf.Pixmap, area: pymupdf.Rect, color: int) -> None:
    """Multiply `area` (pixels) of `pixmap` by `color` (0xRRGGBB)."""
    box = area.irect & pixmap.irect
    if box.is_empty:
        return
    region = pymupdf.Pixmap(pixmap.colorspace, box, False)
    region.copy(pixmap, box)
    region.tint_with(0x000000, color)
    pixmap.copy(region, box)


def _clip(
    words: Words, page_rect: pymupdf.Rect, rects: tuple[tuple[float, float, float, float], ...]
) -> pymupdf.Rect:
    """The highlighted lines in full, with a little air at the sides but none above and below,
    where the neighbouring lines would show."""
    left = min(r[0] for r in rects)
    right = max(r[2] for r in rects)
    top = min(r[1] for r in rects)
    bottom = max(r[3] for r in rects)
    for x0, y0, x1, y1 in words:
        if top <= (y0 + y1) / 2 <= bottom:
            left, right = min(left, x0), max(right, x1)
    area = pymupdf.Rect(left - MARGIN_X, top - MARGIN_Y, right + MARGIN_X, bottom + MARGIN_Y)
    return area & page_rect
