"""A copy of the original PDF carrying each highlight as a standard PDF Highlight annotation.

Acrobat, Okular, Firefox (pdf.js) and the others show such annotations natively: the colour is
the highlight's colour, the comment (/Contents) holds the tags and the note, the author (/T) is
the application and /NM is the highlight's id, so importing the copy back finds the same ids.
Orphans (highlights not found in this version of the document) have no place to go and are left
out; `AnnotatedPdf.skipped` counts them. The source file itself is never touched.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime

import pymupdf

from kfor_viewer.core.export.summary import Highlight, Summary
from kfor_viewer.core.export.values import color_rgb

AUTHOR = "KFOR Viewer"
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class AnnotatedPdf:
    data: bytes
    written: int
    skipped: int


def highlight_comment(highlight: Highlight) -> str:
    """The text a PDF reader shows as the annotation's comment."""
    parts = []
    if highlight.tags:
        parts.append("Tags: " + ", ".join(highlight.tags))
    if highlight.note.strip():
        parts.append(highlight.note.strip())
    return "\n\n".join(parts)


def render_annotated_pdf(
    document: pymupdf.Document,
    summary: Summary,
    progress: Progress | None = None,
    protection: Mapping[str, object] | None = None,
) -> AnnotatedPdf:
    """Adds the summary's highlights to `document` (changed in memory only) and returns the
    bytes of the annotated copy, encrypted with `protection` (`Document.tobytes` arguments:
    encryption, user_pw, owner_pw, permissions) when given."""
    written = skipped = 0
    total = len(summary.highlights)
    chars = _PageChars()
    for index, highlight in enumerate(summary.highlights):
        if _add(document, highlight, chars):
            written += 1
        else:
            skipped += 1
        if progress is not None:
            progress(index + 1, total)
    data = document.tobytes(garbage=1, deflate=True, **(protection or {}))
    return AnnotatedPdf(data, written, skipped)


def _add(document: pymupdf.Document, highlight: Highlight, chars: _PageChars) -> bool:
    quads = _quads(highlight)
    if highlight.orphan or not quads or not 1 <= highlight.page <= document.page_count:
        return False
    page = document[highlight.page - 1]
    if not highlight.quads:
        quads = [chars.snap(page, q.rect).quad for q in quads]
    # A highlight imported from this PDF is already there: it gets the store's colour, tags
    # and note instead of a second annotation on top of it.
    annot = _same_highlight(page, quads) or page.add_highlight_annot(quads=quads)
    annot.set_colors(stroke=color_rgb(highlight.color))
    info = {
        "title": AUTHOR,
        "subject": ", ".join(highlight.tags) or "Highlight",
        "content": highlight_comment(highlight),
    }
    info |= {k: v for k, v in _dates(highlight).items() if v}
    annot.set_info(info)
    annot.update()
    document.xref_set_key(annot.xref, "NM", pymupdf.get_pdf_str(highlight.id))
    return True


def _same_highlight(page: pymupdf.Page, quads: list[pymupdf.Quad]) -> pymupdf.Annot | None:
    """An existing highlight annotation covering (nearly) the same area as `quads`."""
    area = quads[0].rect
    for quad in quads[1:]:
        area |= quad.rect
    for annot in page.annots(types=[pymupdf.PDF_ANNOT_HIGHLIGHT]):
        points = annot.vertices or []
        if not points:
            continue
        existing = pymupdf.Quad(points[0:4]).rect
        for start in range(4, len(points) - 3, 4):
            existing |= pymupdf.Quad(points[start : start + 4]).rect
        overlap = (existing & area).get_area()
        if overlap >= 0.8 * max(existing.get_area(), area.get_area()):
            return annot
    return None


class _PageChars:
    """Character boxes per page, read once, to fit a highlight's rects to the characters.

    The store's rects may be estimated inside a word (a quote that stops mid-word or before a
    full stop); a reader copying the highlighted text takes the characters whose centre is
    inside, so each rect is widened or narrowed to whole characters."""

    def __init__(self) -> None:
        # per page: boxes sorted by their vertical middle, and those middles for bisection
        self._pages: dict[int, tuple[list[pymupdf.Rect], list[float]]] = {}

    def snap(self, page: pymupdf.Page, rect: pymupdf.Rect) -> pymupdf.Rect:
        if page.number not in self._pages:
            boxes = sorted(_char_boxes(page), key=_middle)
            self._pages[page.number] = (boxes, [_middle(b) for b in boxes])
        boxes, middles = self._pages[page.number]
        on_line = boxes[
            bisect.bisect_left(middles, rect.y0) : bisect.bisect_right(middles, rect.y1)
        ]
        chosen = [box for box in on_line if _mostly_inside(box, rect)]
        if not chosen:
            return rect
        return pymupdf.Rect(min(b.x0 for b in chosen), rect.y0, max(b.x1 for b in chosen), rect.y1)


def _char_boxes(page: pymupdf.Page) -> list[pymupdf.Rect]:
    return [
        pymupdf.Rect(char["bbox"])
        for block in page.get_text("rawdict")["blocks"]
        for line in block.get("lines", [])
        for span in line["spans"]
        for char in span["chars"]
        if not char["c"].isspace()
    ]


def _middle(box: pymupdf.Rect) -> float:
    return (box.y0 + box.y1) / 2


def _mostly_inside(box: pymupdf.Rect, rect: pymupdf.Rect) -> bool:
    """At least 40% of the character's width inside the rect (the caller keeps to its line)."""
    overlap = min(box.x1, rect.x1) - max(box.x0, rect.x0)
    return box.width > 0 and overlap >= 0.4 * box.width


def _quads(highlight: Highlight) -> list[pymupdf.Quad]:
    if highlight.quads:
        return [
            pymupdf.Quad(q[0:2], q[2:4], q[4:6], q[6:8]) for q in highlight.quads if len(q) == 8
        ]
    return [pymupdf.Rect(r).quad for r in highlight.rects if pymupdf.Rect(r).is_valid]


def _dates(highlight: Highlight) -> dict[str, str]:
    return {"creationDate": _pdf_date(highlight.created), "modDate": _pdf_date(highlight.modified)}


def _pdf_date(iso: str) -> str:
    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return ""
    return moment.strftime("D:%Y%m%d%H%M%SZ")
