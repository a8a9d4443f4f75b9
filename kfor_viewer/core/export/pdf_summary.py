"""The summary typeset as a PDF with MuPDF's Story, from the same HTML body as the HTML export.

Story lays out a subset of HTML and CSS, so the PDF has its own style sheet (no CSS variables or
rounded corners). Pages are A4 with a running header (the document's title) and "page n of N"
footers, added once the page count is known.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pymupdf

from kfor_viewer.core.export.html import (
    IMAGE_SCALE,
    MAX_PICTURE_PT,
    block_id,
    escape,
    html_body,
    png_width,
)
from kfor_viewer.core.export.summary import Summary

PAGE = pymupdf.paper_rect("a4")
MARGIN_X = 56.0
MARGIN_TOP = 64.0
MARGIN_BOTTOM = 60.0
BODY = pymupdf.Rect(MARGIN_X, MARGIN_TOP, PAGE.width - MARGIN_X, PAGE.height - MARGIN_BOTTOM)
MAX_PAGES = 5000  # a guard against a layout that never finishes
MAX_PASSES = 4
MUTED = (0.36, 0.40, 0.45)
Progress = Callable[[int], None]


def render_pdf_summary(summary: Summary, progress: Progress | None = None) -> bytes:
    """The PDF's bytes; `progress` gets the number of pages laid out so far."""
    laid_out = _lay_out(summary, progress)
    document = pymupdf.open("pdf", laid_out)
    try:
        _add_page_furniture(document, summary)
        document.set_metadata(
            {
                "title": f"{summary.document.title} \u2014 summary",
                "author": "KFOR Viewer",
                "subject": f"Summary of {summary.document.file_name}",
                "creator": summary.generator,
                "producer": f"{summary.generator} (PyMuPDF {pymupdf.VersionBind})",
                "keywords": ", ".join(sorted({t for h in summary.highlights for t in h.tags})),
            }
        )
        return document.tobytes(garbage=3, deflate=True)
    finally:
        document.close()


def _lay_out(summary: Summary, progress: Progress | None) -> bytes:
    """Keeps each highlight block with its picture. Story lets a picture that does not fit at the
    foot of a page either shrink or move on alone; such a block starts a new page in the next
    pass."""
    breaks: frozenset[str] = frozenset()
    for _ in range(MAX_PASSES):
        laid_out, block_pages = _place(html_body(summary, breaks), progress)
        moved = _pictures_astray(laid_out, summary, block_pages) - breaks
        if not moved:
            break
        breaks |= moved
    return laid_out


def _pictures_astray(
    laid_out: bytes, summary: Summary, block_pages: dict[str, int]
) -> frozenset[str]:
    """The blocks whose picture came out shrunk or on another page than the block's start."""
    with_pictures = [
        (block_id(number, index), highlight)
        for number, group in enumerate(summary.groups, 1)
        for index, highlight in enumerate(group.highlights)
        if highlight.image_png
    ]
    with pymupdf.open("pdf", laid_out) as document:
        drawn = [
            (page.number + 1, info["bbox"]) for page in document for info in page.get_image_info()
        ]
    astray = set()
    for (element_id, highlight), (page, bbox) in zip(with_pictures, drawn, strict=False):
        expected = png_width(highlight.image_png or b"") / IMAGE_SCALE
        shrunk = bbox[2] - bbox[0] < 0.9 * min(expected, MAX_PICTURE_PT, BODY.width - 20)
        if shrunk or block_pages.get(element_id, page) != page:
            astray.add(element_id)
    return frozenset(astray)


def _place(html: str, progress: Progress | None) -> tuple[bytes, dict[str, int]]:
    """One layout pass: the PDF (`write_with_links` keeps the group list's links live) and the
    page (from 1) where each highlight block starts."""
    story = pymupdf.Story(html=html, user_css=STORY_CSS)
    block_pages: dict[str, int] = {}

    def next_page(number: int, _filled: pymupdf.Rect) -> tuple[pymupdf.Rect, pymupdf.Rect, None]:
        if number >= MAX_PAGES:
            raise ExportLayoutError(f"the summary would take more than {MAX_PAGES} pages")
        if progress is not None:
            progress(number + 1)
        return PAGE, BODY, None

    def placed(position: Any) -> None:
        element = position.id or ""
        if element.startswith("g") and position.open_close & 1:
            block_pages.setdefault(element, position.page_num)

    with story.write_with_links(next_page, placed) as document:
        return document.tobytes(), block_pages


class ExportLayoutError(ValueError):
    """The summary cannot be laid out (far too long)."""


def _add_page_furniture(document: pymupdf.Document, summary: Summary) -> None:
    """Running header (the title, from page 2) and footer with "Page n of N", drawn as one
    shape per page (each commit rewrites the page's contents, so one is much faster)."""
    total = document.page_count
    right = PAGE.width - MARGIN_X
    title = summary.document.title
    latin = _is_latin1(title)
    for page in document:
        shape = page.new_shape()
        footer_y = PAGE.height - 30
        label = f"Page {page.number + 1} of {total}"
        shape.insert_text((MARGIN_X, footer_y), "KFOR report summary", fontsize=8, color=MUTED)
        width = pymupdf.get_text_length(label, fontsize=8)
        shape.insert_text((right - width, footer_y), label, fontsize=8, color=MUTED)
        if page.number > 0:
            y_rule = MARGIN_TOP - 18
            shape.draw_line((MARGIN_X, y_rule), (right, y_rule))
            shape.finish(color=MUTED, width=0.4)
            if latin:
                fitted = _fit(title, right - MARGIN_X)
                shape.insert_text((MARGIN_X, y_rule - 6), fitted, fontsize=8, color=MUTED)
        shape.commit()
        if page.number > 0 and not latin:
            # Helvetica covers Latin-1 only; Story's fonts cover other scripts.
            box = pymupdf.Rect(MARGIN_X, MARGIN_TOP - 34, right, MARGIN_TOP - 19)
            page.insert_htmlbox(box, f"<p>{escape(_shorten(title, 110))}</p>", css=FURNITURE_CSS)


def _is_latin1(text: str) -> bool:
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


def _fit(text: str, width: float) -> str:
    """`text` cut at a word so that it fits `width` at 8 pt, with "..." when cut."""
    if pymupdf.get_text_length(text, fontsize=8) <= width:
        return text
    words = text.split()
    while words and pymupdf.get_text_length(" ".join(words) + " ...", fontsize=8) > width:
        words.pop()
    return " ".join(words) + " ..."


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


FURNITURE_CSS = "* { font-family: sans-serif; font-size: 8pt; color: #5b6673; margin: 0; }"

STORY_CSS = """
body { font-family: sans-serif; font-size: 9.5pt; line-height: 1.4; color: #1d232b; }
p { margin: 0 0 4pt 0; }
.kicker { color: #1f4e79; font-size: 8pt; font-weight: bold; letter-spacing: 1pt;
  text-transform: uppercase; margin: 0; }
h1 { font-size: 17pt; margin: 3pt 0 10pt 0; line-height: 1.2; }
h2 { font-size: 12.5pt; color: #1f4e79; margin: 16pt 0 6pt 0; padding-bottom: 2pt;
  border-bottom: 1.5pt solid #1f4e79; }
h3 { font-size: 10.5pt; margin: 12pt 0 5pt 0; }
h3 .count { color: #5b6673; font-weight: normal; }
table { border-collapse: collapse; width: 100%; }
th, td { padding: 3pt 5pt; text-align: left; vertical-align: top;
  border-bottom: 0.5pt solid #d5dbe1; }
table.identity { width: auto; }
table.identity th { color: #5b6673; padding-left: 0; }
code.sha { font-family: monospace; font-size: 7.5pt; }
table.figures thead th { border-bottom: 1pt solid #1d232b; }
.num { text-align: right; }
.change { font-weight: bold; }
.period { color: #5b6673; font-size: 7.5pt; font-weight: normal; }
.badge { font-size: 6.5pt; font-weight: bold; text-transform: uppercase; }
.badge.edited { background-color: #fde2c8; color: #8a3b00; }
.badge.verified { background-color: #d8efdc; color: #1d5e2a; }
s.was { color: #5b6673; font-size: 7.5pt; }
.legend, .intro, .footer { color: #5b6673; font-size: 8pt; }
.contents { font-size: 8pt; } .contents a { color: #1f4e79; text-decoration: none; }
.highlight { margin: 0 0 8pt 0; padding: 3pt 0 3pt 8pt; border-left: 4pt solid #FFE066; }
.meta { color: #5b6673; font-size: 8pt; margin: 0 0 2pt 0; }
.swatch { border: 0.5pt solid #888888; }
.page { color: #1d232b; font-weight: bold; }
.tag { background-color: #e4ebf2; color: #23415f; font-size: 7.5pt; }
.orphan { color: #8a3b00; font-style: italic; }
blockquote.quote { font-family: serif; font-size: 10.5pt; margin: 1pt 0 3pt 0; }
.note { font-size: 9pt; margin: 2pt 0 0 0; }
.passage { margin: 4pt 0 0 0; }
ul.warnings, .notice { color: #8a3b00; }
.footer { margin-top: 18pt; }
"""
