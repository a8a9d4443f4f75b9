"""Cropped pictures of highlighted passages, as they look on the page with the highlight.

The highlight is drawn by MuPDF itself (a temporary highlight annotation, removed again at once),
so the picture matches what a PDF reader shows. The document is only changed in memory.
"""

from __future__ import annotations

import pymupdf

from kfor_viewer.core.annotations import Annotation
from kfor_viewer.core.export.values import color_rgb

ZOOM = 2.0  # crisp in print at the size the summaries show it
MAX_WIDTH_PX = 1000
MARGIN_X = 6.0
MARGIN_Y = -1.2  # line boxes overlap the neighbouring lines a little


class PassageImages:
    """Callable: an annotation -> PNG bytes of its passage, or None when it cannot be drawn."""

    def __init__(self, document: pymupdf.Document) -> None:
        self._document = document

    def __call__(self, annotation: Annotation) -> bytes | None:
        if not annotation.rects or not 1 <= annotation.page <= self._document.page_count:
            return None
        page = self._document[annotation.page - 1]
        clip = _clip(page, annotation.rects)
        if clip.is_empty:
            return None
        zoom = min(ZOOM, MAX_WIDTH_PX / clip.width)
        highlight = page.add_highlight_annot(quads=[pymupdf.Rect(r).quad for r in annotation.rects])
        try:
            highlight.set_colors(stroke=color_rgb(annotation.color))
            highlight.update()
            pixmap = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), clip=clip, alpha=False)
            return pixmap.tobytes("png")
        finally:
            page.delete_annot(highlight)


def _clip(page: pymupdf.Page, rects: tuple[tuple[float, float, float, float], ...]) -> pymupdf.Rect:
    """The highlighted lines in full (a passage reads better with its line around it), with a
    little air above and below but not so much that the neighbouring lines show."""
    area = pymupdf.Rect(rects[0])
    for rect in rects[1:]:
        area |= pymupdf.Rect(rect)
    for word in page.get_text(
        "words", clip=pymupdf.Rect(page.rect.x0, area.y0, page.rect.x1, area.y1)
    ):
        middle = (word[1] + word[3]) / 2
        if area.y0 <= middle <= area.y1:
            area |= pymupdf.Rect(word[:4])
    area = pymupdf.Rect(
        area.x0 - MARGIN_X, area.y0 - MARGIN_Y, area.x1 + MARGIN_X, area.y1 + MARGIN_Y
    )
    return area & page.rect
