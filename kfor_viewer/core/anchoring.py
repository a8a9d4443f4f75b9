"""Tie annotations to the text of a PDF: make a highlight from a quote or a selection, find them in
a revised version of the document, and import the highlights already inside a PDF.

Text and geometry come from `page_text.DocumentText` (reading-order content text, furniture
removed). An annotation's `start`/`end` are offsets in its page's part of that text; `prefix`
and `suffix` are the text just around the quote, which pick the right occurrence when a quote
appears more than once. A quote that crosses a page break becomes one annotation per page.
"""

from __future__ import annotations

import dataclasses
import difflib
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

import pymupdf

from kfor_viewer.core.annotations import (
    CONTEXT_CHARS,
    DEFAULT_COLOR,
    Annotation,
    Quad,
    Rect,
    format_time,
    new_id,
    normalize_color,
    utc_now,
)
from kfor_viewer.core.page_text import DocumentText

MAX_OCCURRENCES = 500  # per quote, when choosing among repeats by context


class QuoteNotFoundError(LookupError):
    """The quote is not in the document's text (or not on the page asked for)."""


@dataclass(frozen=True)
class ReanchorResult:
    anchored: list[Annotation]
    orphans: list[Annotation]


def anchor_quote(
    text: DocumentText,
    quote: str,
    page: int | None = None,
    *,
    color: str = DEFAULT_COLOR,
    tags: Iterable[str] = (),
    note: str = "",
) -> list[Annotation]:
    """Highlights on the first occurrence of `quote` (on 1-based `page` when given): one per
    page the quote touches. Raises QuoteNotFoundError."""
    if not quote.strip():
        raise QuoteNotFoundError("the quote is empty")
    span = _first_span(text, quote, page)
    if span is None:
        where = f"on page {page}" if page else "in the document"
        raise QuoteNotFoundError(f"{quote!r} is not {where}")
    now = utc_now()
    template = Annotation(
        id="", page=1, quote="", color=normalize_color(color), tags=tuple(dict.fromkeys(tags)),
        note=note, created=now, modified=now,
    )  # fmt: skip
    return [dataclasses.replace(piece, id=new_id()) for piece in _pieces(text, span, template)]


def anchor_selection(
    text: DocumentText | None,
    page: int,
    rects: Iterable[Rect],
    quote: str,
    *,
    color: str = DEFAULT_COLOR,
    tags: Iterable[str] = (),
    note: str = "",
) -> Annotation:
    """A highlight from a selection made on screen (1-based page, one rect per line in PDF
    points, the selected text); call once per page of a selection. The rects are kept as
    selected; offsets and context come from `text` (the occurrence on that page nearest the
    rects), and stay empty when `text` is None or lacks the quote."""
    annotation = Annotation(
        id=new_id(), page=page, quote=quote, rects=tuple(tuple(r) for r in rects),
        color=normalize_color(color), tags=tuple(dict.fromkeys(tags)), note=note,
    )  # fmt: skip
    return annotation if text is None else _with_text_position(annotation, text)


def _first_span(text: DocumentText, quote: str, page: int | None) -> tuple[int, int] | None:
    if page is None:
        return text.find_span(quote)
    if not 1 <= page <= text.page_count:
        raise QuoteNotFoundError(f"page {page} is outside 1-{text.page_count}")
    span = text.find_span(quote, page_start_offset(text, page))
    return span if span and text.page_of(span[0]) == page - 1 else None


def _pieces(text: DocumentText, span: tuple[int, int], template: Annotation) -> list[Annotation]:
    """`template` placed on text[start:end], split at page breaks."""
    pieces, cursor = [], span[0]
    for evidence in text.evidence(*span):
        start = text.text.find(evidence.quote, cursor, span[1])
        start = cursor if start < 0 else start
        end = start + len(evidence.quote)
        page_start = page_start_offset(text, evidence.page)
        pieces.append(
            dataclasses.replace(
                template,
                page=evidence.page,
                quote=evidence.quote,
                rects=evidence.rects,
                prefix=text.text[max(0, start - CONTEXT_CHARS) : start],
                suffix=text.text[end : end + CONTEXT_CHARS],
                start=start - page_start,
                end=end - page_start,
                orphan=False,
            )
        )
        cursor = end
    return pieces


def page_start_offset(text: DocumentText, page: int) -> int:
    """Offset in `text.text` where the 1-based `page`'s content begins."""
    low, high = 0, len(text.text)
    while low < high:  # page_of never decreases along the text
        middle = (low + high) // 2
        if text.page_of(middle) < page - 1:
            low = middle + 1
        else:
            high = middle
    return low


# --- re-anchoring in a revised document --------------------------------------------------------


def reanchor(annotations: Iterable[Annotation], text: DocumentText) -> ReanchorResult:
    """Find each annotation in `text` (a revised document) by its quote, choosing among repeats by
    the surrounding context and then by closeness to the old page. Those not found are returned
    as orphans with their old position, never dropped. A quote that now crosses a page break
    keeps its id on its first page; the part on the next page is a new annotation."""
    anchored, orphans = [], []
    for annotation in annotations:
        pieces = _relocate(annotation, text)
        if not pieces:
            orphans.append(dataclasses.replace(annotation, orphan=True))
            continue
        anchored.append(pieces[0])
        anchored.extend(dataclasses.replace(piece, id=new_id()) for piece in pieces[1:])
    return ReanchorResult(anchored, orphans)


def _relocate(annotation: Annotation, text: DocumentText) -> list[Annotation]:
    spans = _all_spans(text, annotation.quote)
    if not spans:
        return []
    best = max(spans, key=lambda span: _fitness(text, span, annotation))
    # quads describe the old position only; rects are recomputed
    return _pieces(text, best, dataclasses.replace(annotation, quads=()))


def _all_spans(text: DocumentText, quote: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    if not quote.strip():
        return spans
    span = text.find_span(quote)
    while span is not None and len(spans) < MAX_OCCURRENCES:
        spans.append(span)
        span = text.find_span(quote, span[0] + 1)
    return spans


def _fitness(text: DocumentText, span: tuple[int, int], annotation: Annotation) -> tuple:
    start, end = span
    before = text.text[max(0, start - 2 * CONTEXT_CHARS) : start]
    after = text.text[end : end + 2 * CONTEXT_CHARS]
    context = _similarity_at_end(annotation.prefix, before) + _similarity_at_start(
        annotation.suffix, after
    )
    page_distance = abs(text.page_of(start) + 1 - annotation.page)
    return (round(context, 2), -page_distance, -start)


def _similarity_at_end(wanted: str, found: str) -> float:
    wanted, found = _squeezed(wanted), _squeezed(found)
    return _ratio(wanted, found[-len(wanted) :] if wanted else "")


def _similarity_at_start(wanted: str, found: str) -> float:
    wanted, found = _squeezed(wanted), _squeezed(found)
    return _ratio(wanted, found[: len(wanted)])


def _ratio(a: str, b: str) -> float:
    if not a:
        return 0.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _squeezed(value: str) -> str:
    """Lower case without whitespace: context compares across reflowed lines."""
    return "".join(value.lower().split())


# --- highlights already inside a PDF -------------------------------------------------------------


def import_pdf_highlights(document: pymupdf.Document, text: DocumentText) -> list[Annotation]:
    """The Highlight annotations of `document` (from Acrobat, Okular, Firefox...) as store
    annotations: the words under their quads, their colour and their /Contents comment. Ids
    derive from the PDF annotation, so importing twice does not duplicate."""
    imported = []
    for page in document:
        for pdf_annot in page.annots(types=[pymupdf.PDF_ANNOT_HIGHLIGHT]):
            imported.append(_from_pdf_annot(page, pdf_annot, text))
    return imported


def _from_pdf_annot(page: pymupdf.Page, pdf_annot: pymupdf.Annot, text: DocumentText) -> Annotation:
    quads = _quads(pdf_annot)
    rects = tuple(_quad_rect(q) for q in quads) or (tuple(pdf_annot.rect),)
    quote = _text_under(page, rects)
    info = pdf_annot.info
    created = _pdf_date(info.get("creationDate", "")) or utc_now()
    annotation = Annotation(
        id=_stable_id(page, pdf_annot),
        page=page.number + 1,
        quote=quote,
        rects=tuple(tuple(round(v, 2) for v in r) for r in rects),
        quads=quads,
        color=_hex_color(pdf_annot.colors.get("stroke")),
        note=info.get("content", "") or "",
        created=created,
        modified=_pdf_date(info.get("modDate", "")) or created,
    )
    return _with_text_position(annotation, text)


def _quads(pdf_annot: pymupdf.Annot) -> tuple[Quad, ...]:
    points = pdf_annot.vertices or []
    quads = []
    for i in range(0, len(points) - 3, 4):
        quads.append(tuple(round(c, 2) for point in points[i : i + 4] for c in point))
    return tuple(quads)


def _quad_rect(quad: Quad) -> tuple[float, float, float, float]:
    xs, ys = quad[0::2], quad[1::2]
    return (min(xs), min(ys), max(xs), max(ys))


def _text_under(page: pymupdf.Page, rects: tuple[tuple[float, ...], ...]) -> str:
    """The characters whose centre lies inside a highlighted rect (words are too coarse: a
    highlight often stops before a comma or full stop)."""
    pieces = []
    for block in page.get_text("rawdict", flags=pymupdf.TEXT_MEDIABOX_CLIP)["blocks"]:
        for line in block.get("lines", []):
            chosen = [
                char["c"]
                for span in line["spans"]
                for char in span["chars"]
                if _centre_inside(char["bbox"], rects)
            ]
            pieces.append("".join(chosen))
    return " ".join(" ".join(pieces).split())


def _centre_inside(box: tuple[float, ...], rects: tuple[tuple[float, ...], ...]) -> bool:
    x, y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return any(r[0] <= x <= r[2] and r[1] <= y <= r[3] for r in rects)


def _with_text_position(annotation: Annotation, text: DocumentText) -> Annotation:
    """Offsets and context from the document text, for the occurrence of the quote on the
    annotation's page printed nearest its first rect; the rects themselves are kept."""
    spans = _spans_on_page(text, annotation.quote, annotation.page)
    if not spans:
        return annotation
    if annotation.rects:
        target = annotation.rects[0]
        spans.sort(key=lambda span: _distance(text.evidence(*span)[0].rects[0], target))
    piece = _pieces(text, spans[0], annotation)[0]
    return dataclasses.replace(piece, rects=annotation.rects)


def _spans_on_page(text: DocumentText, quote: str, page: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    if not quote.strip() or not 1 <= page <= text.page_count:
        return spans
    span = text.find_span(quote, page_start_offset(text, page))
    while span is not None and text.page_of(span[0]) == page - 1:
        spans.append(span)
        span = text.find_span(quote, span[0] + 1)
    return spans


def _distance(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    return abs(a[0] - b[0]) + abs(a[1] - b[1])


def _stable_id(page: pymupdf.Page, pdf_annot: pymupdf.Annot) -> str:
    name = pdf_annot.info.get("id") or f"xref{pdf_annot.xref}"
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"kfor-viewer:pdf-annot:{page.number}:{name}"))


def _hex_color(rgb: Iterable[float] | None) -> str:
    components = list(rgb or [])
    if len(components) != 3:
        return DEFAULT_COLOR
    return "#" + "".join(f"{round(max(0.0, min(1.0, c)) * 255):02X}" for c in components)


def _pdf_date(value: str) -> str | None:
    """A PDF date 'D:20201005143000Z' or 'D:20201005143000+02'00'' as canonical UTC, or None."""
    digits = value.removeprefix("D:").replace("'", "")
    for pattern, length in (("%Y%m%d%H%M%S%z", None), ("%Y%m%d%H%M%S", 14)):
        candidate = digits[:length] if length else digits.replace("Z", "+0000")
        try:
            moment = datetime.strptime(candidate, pattern)
        except ValueError:
            continue
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return format_time(moment)
    return None
