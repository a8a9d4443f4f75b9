"""One `Summary` of a document, built once and rendered by every export format.

A summary holds the document's identity, the key figures of each report with the change from one
report to the next, the highlights grouped by tag (or by page) in page order, the reviewer's field
corrections, and the extraction's warnings. Corrections are applied before anything is shown: an
"edited" correction replaces the extracted value and the cell remembers the original, so each
renderer can mark it (see `figures`). Formatting of values (dates, thousands, the minus sign)
happens here, so all formats agree to the character.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from kfor_viewer import __version__
from kfor_viewer.core.annotations import Annotation, DocumentAnnotations, FieldCorrection, utc_now
from kfor_viewer.core.export.figures import (
    IDENTITY_FIELDS,
    CorrectionLine,
    FigureCell,
    FigureRow,
    FiguresTable,
    correction_lines,
    field_value,
    figures_table,
)
from kfor_viewer.core.export.values import color_name, format_value, parse_value
from kfor_viewer.core.extraction.model import ExtractionResult

__all__ = [
    "CorrectionLine",
    "DocumentSummary",
    "ExportOptions",
    "FigureCell",
    "FigureRow",
    "FiguresTable",
    "Highlight",
    "HighlightGroup",
    "Summary",
    "build_summary",
    "group_highlights",
    "select_annotations",
]

GroupBy = Literal["tag", "page"]
UNTAGGED = "Untagged"

ImageSource = Callable[[Annotation], bytes | None]


@dataclass(frozen=True)
class ExportOptions:
    """`tags` None means every highlight, untagged ones included; a tuple keeps only highlights
    carrying one of those tags (and, grouped by tag, only those groups)."""

    tags: tuple[str, ...] | None = None
    group_by: GroupBy = "tag"
    include_fields: bool = True
    include_images: bool = False


DEFAULT_OPTIONS = ExportOptions()


@dataclass(frozen=True)
class DocumentSummary:
    title: str
    symbol: str | None
    date: str | None  # as shown: "7 December 2020"
    date_iso: str | None  # for programs: "2020-12-07"
    file_name: str
    sha256: str | None
    page_count: int
    recognised: bool
    message: str


@dataclass(frozen=True)
class Highlight:
    id: str
    page: int
    quote: str
    color: str
    color_name: str
    tags: tuple[str, ...]
    note: str
    orphan: bool
    rects: tuple[tuple[float, float, float, float], ...]
    quads: tuple[tuple[float, ...], ...]
    created: str
    modified: str
    image_png: bytes | None = None


@dataclass(frozen=True)
class HighlightGroup:
    title: str
    kind: Literal["tag", "untagged", "page"]
    highlights: tuple[Highlight, ...]


@dataclass(frozen=True)
class Summary:
    document: DocumentSummary
    figures: FiguresTable | None
    groups: tuple[HighlightGroup, ...]
    highlights: tuple[Highlight, ...]  # the selected highlights once each, in page order
    corrections: tuple[CorrectionLine, ...]
    warnings: tuple[str, ...]
    options: ExportOptions
    generated: str = field(default_factory=utc_now)
    generator: str = f"kfor-viewer {__version__}"

    def highlights_in_groups(self) -> list[Highlight]:
        """The highlights in the order the grouped sections show them (repeats included)."""
        return [h for group in self.groups for h in group.highlights]


def build_summary(
    result: ExtractionResult,
    annotations: DocumentAnnotations | None,
    options: ExportOptions = DEFAULT_OPTIONS,
    image_source: ImageSource | None = None,
) -> Summary:
    """The summary of one document. `image_source` crops a highlight's passage as a PNG; it is
    called only when `options.include_images` is set."""
    stored = annotations or DocumentAnnotations(sha256=result.sha256 or "0" * 64)
    corrections = stored.corrections
    selected = select_annotations(stored.annotations.values(), options.tags)
    images = image_source if options.include_images else None
    highlights = tuple(_highlight(a, images) for a in selected)
    return Summary(
        document=_document_summary(result, corrections, stored.file_name),
        figures=figures_table(result, corrections) if options.include_fields else None,
        groups=group_highlights(highlights, options),
        highlights=highlights,
        corrections=tuple(correction_lines(result, corrections.values())),
        warnings=tuple(w.message for w in result.warnings),
        options=options,
    )


def select_annotations(
    annotations: Iterable[Annotation], tags: tuple[str, ...] | None
) -> list[Annotation]:
    """The annotations to export, in reading order (page, then position on the page)."""
    wanted = None if tags is None else set(tags)
    chosen = [a for a in annotations if wanted is None or wanted.intersection(a.tags)]
    return sorted(chosen, key=reading_order)


def reading_order(annotation: Annotation) -> tuple[int, int, float, float, str]:
    top, left = (annotation.rects[0][1], annotation.rects[0][0]) if annotation.rects else (0, 0)
    start = annotation.start if annotation.start is not None else -1
    return (annotation.page, start, top, left, annotation.id)


def group_highlights(
    highlights: tuple[Highlight, ...], options: ExportOptions
) -> tuple[HighlightGroup, ...]:
    """By page: one group per page. By tag: one group per tag (alphabetical; a highlight with
    several tags appears in each), then the untagged ones; highlights stay in page order."""
    if options.group_by == "page":
        pages = sorted({h.page for h in highlights})
        return tuple(
            HighlightGroup(f"Page {p}", "page", tuple(h for h in highlights if h.page == p))
            for p in pages
        )
    wanted = None if options.tags is None else set(options.tags)
    tags = sorted({t for h in highlights for t in h.tags}, key=lambda t: (t.casefold(), t))
    groups = [
        HighlightGroup(t, "tag", tuple(h for h in highlights if t in h.tags))
        for t in tags
        if wanted is None or t in wanted
    ]
    untagged = tuple(h for h in highlights if not h.tags)
    if untagged:
        groups.append(HighlightGroup(UNTAGGED, "untagged", untagged))
    return tuple(groups)


def _highlight(annotation: Annotation, images: ImageSource | None) -> Highlight:
    image = images(annotation) if images is not None and not annotation.orphan else None
    return Highlight(
        id=annotation.id,
        page=annotation.page,
        quote=annotation.quote,
        color=annotation.color,
        color_name=color_name(annotation.color),
        tags=annotation.tags,
        note=annotation.note,
        orphan=annotation.orphan,
        rects=annotation.rects,
        quads=annotation.quads,
        created=annotation.created,
        modified=annotation.modified,
        image_png=image,
    )


# --- document identity ---------------------------------------------------------------------------


def _document_summary(
    result: ExtractionResult, corrections: dict[tuple[str, str], FieldCorrection], stored_name: str
) -> DocumentSummary:
    def value(name: str) -> Any:
        correction = corrections.get(("document", name))
        extracted = field_value(getattr(result.document, name, None))
        if correction is not None and correction.state == "edited":
            return parse_value(correction.value, IDENTITY_FIELDS[name])
        return extracted

    file_name = _file_name(result.file) or stored_name or "document.pdf"
    symbol = value("symbol")
    date = value("distribution_date")
    return DocumentSummary(
        title=_title(result) or file_name,
        symbol=str(symbol) if symbol else None,
        date=format_value(date, "date") if date else None,
        date_iso=date.isoformat() if isinstance(date, dt.date) else None,
        file_name=file_name,
        sha256=result.sha256,
        page_count=result.page_count,
        recognised=result.recognised,
        message=result.message,
    )


def _title(result: ExtractionResult) -> str | None:
    title = field_value(result.generic.title)
    if not title and result.reports:
        title = field_value(result.reports[0].title)
    return " ".join(str(title).split()) if title else None


def _file_name(path: str | None) -> str | None:
    if not path:
        return None
    return path.replace("\\", "/").rsplit("/", 1)[-1]
