"""One `Summary` of a document, built once and rendered by every export format.

A summary holds the document's identity, the key figures of each report with the change from one
report to the next, the highlights grouped by tag (or by page) in page order, the reviewer's field
corrections, and the extraction's warnings. Corrections are applied before anything is shown: an
"edited" correction replaces the extracted value and the cell remembers the original, so each
renderer can mark it. Formatting of values (dates, thousands, the minus sign) happens here, so
all formats agree to the character.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from kfor_viewer import __version__
from kfor_viewer.core.annotations import Annotation, DocumentAnnotations, FieldCorrection, utc_now
from kfor_viewer.core.export.values import (
    color_name,
    format_change,
    format_value,
    parse_value,
)
from kfor_viewer.core.extraction.model import ExtractionResult, Field, Report

GroupBy = Literal["tag", "page"]
UNTAGGED = "Untagged"

# (field name, row label, value kind) of the figures table, in the order a reader expects them.
FIGURE_ROWS: tuple[tuple[str, str, str], ...] = (
    ("period_start", "Period from", "date"),
    ("period_end", "Period to", "date"),
    ("as_at", "Figures as at", "date"),
    ("troops_total", "Troops", "int"),
    ("nato_nations", "NATO nations", "int"),
    ("non_nato_nations", "Non-NATO nations", "int"),
    ("non_nato_troops", "Non-NATO troops", "int"),
    ("major_incidents", "Major security incidents", "bool"),
    ("intervention_requests", "Requests for KFOR to intervene", "bool"),
)
CHANGE_FIELDS = frozenset({"troops_total", "nato_nations", "non_nato_nations", "non_nato_troops"})
IDENTITY_FIELDS: dict[str, str] = {
    "symbol": "text",
    "distribution_date": "date",
    "organ": "text",
    "distribution": "text",
    "original_language": "text",
    "job_number": "text",
}
FIELD_LABELS: dict[str, str] = {name: label for name, label, _ in FIGURE_ROWS} | {
    "symbol": "Document symbol",
    "distribution_date": "Distribution date",
    "title": "Title",
    "label": "Label",
    "signatory": "Signatory",
    "date": "Date",
}
FIELD_KINDS: dict[str, str] = {name: kind for name, _, kind in FIGURE_ROWS} | IDENTITY_FIELDS

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
    date: str | None
    file_name: str
    sha256: str | None
    page_count: int
    recognised: bool
    message: str


@dataclass(frozen=True)
class FigureCell:
    text: str
    value: Any = None
    state: str | None = None  # "edited" or "verified" when the reviewer acted on the field
    original_text: str | None = None  # the extracted value, when an edit replaced it
    page: int | None = None  # where the extracted value stands

    @property
    def corrected(self) -> bool:
        return self.state == "edited"


@dataclass(frozen=True)
class FigureRow:
    field: str
    label: str
    cells: tuple[FigureCell, ...]
    changes: tuple[str, ...]  # one per pair of consecutive reports; "" where not a count


@dataclass(frozen=True)
class FiguresTable:
    report_names: tuple[str, ...]
    report_periods: tuple[str, ...]
    change_names: tuple[str, ...]
    rows: tuple[FigureRow, ...]

    def row(self, field_name: str) -> FigureRow | None:
        return next((r for r in self.rows if r.field == field_name), None)


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
class CorrectionLine:
    section: str
    section_label: str
    field: str
    field_label: str
    state: str
    value_text: str
    original_text: str
    value: Any
    original: Any
    modified: str


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
        figures=_figures(result, corrections) if options.include_fields else None,
        groups=group_highlights(highlights, options),
        highlights=highlights,
        corrections=tuple(_correction_lines(result, corrections.values())),
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
        extracted = _field_value(getattr(result.document, name, None))
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
        file_name=file_name,
        sha256=result.sha256,
        page_count=result.page_count,
        recognised=result.recognised,
        message=result.message,
    )


def _title(result: ExtractionResult) -> str | None:
    title = _field_value(result.generic.title)
    if not title and result.reports:
        title = _field_value(result.reports[0].title)
    return " ".join(str(title).split()) if title else None


def _file_name(path: str | None) -> str | None:
    if not path:
        return None
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def _field_value(item: Field | None) -> Any:
    return item.value if item is not None else None


# --- figures ---------------------------------------------------------------------------------


def report_section(index: int) -> str:
    """The store's section key of the report at 0-based `index` ('report:1' is the first)."""
    return f"report:{index + 1}"


def report_name(report: Report, index: int) -> str:
    return str(_field_value(report.label) or f"Report {index + 1}")


def _figures(
    result: ExtractionResult, corrections: dict[tuple[str, str], FieldCorrection]
) -> FiguresTable | None:
    if not result.reports:
        return None
    names = tuple(report_name(r, i) for i, r in enumerate(result.reports))
    columns = [
        {name: _cell(r, i, name, kind, corrections) for name, _, kind in FIGURE_ROWS}
        for i, r in enumerate(result.reports)
    ]
    rows = tuple(
        FigureRow(
            field=name,
            label=label,
            cells=tuple(column[name] for column in columns),
            changes=tuple(
                _change(name, before[name], after[name])
                for before, after in itertools.pairwise(columns)
            ),
        )
        for name, label, _ in FIGURE_ROWS
    )
    return FiguresTable(
        report_names=names,
        report_periods=tuple(_period(column) for column in columns),
        change_names=tuple(f"{a} \u2192 {b}" for a, b in itertools.pairwise(names)),
        rows=rows,
    )


def _cell(
    report: Report,
    index: int,
    name: str,
    kind: str,
    corrections: dict[tuple[str, str], FieldCorrection],
) -> FigureCell:
    extracted: Field | None = getattr(report, name)
    value = _field_value(extracted)
    if name == "troops_total" and value is not None:
        approximate = _field_value(report.troops_approximate)
        kind = "approx_int" if approximate else kind
    page = extracted.evidence[0].page if extracted and extracted.evidence else None
    correction = corrections.get((report_section(index), name))
    if correction is None:
        return FigureCell(format_value(value, kind), value, None, None, page)
    if correction.state == "verified":
        # A verification of a value the extractor no longer gives is stale: not shown.
        still_true = parse_value(correction.value, kind) == value
        return FigureCell(format_value(value, kind), value, "verified" if still_true else None,
                          None, page)  # fmt: skip
    corrected = parse_value(correction.value, kind)
    original = format_value(value, kind)
    return FigureCell(format_value(corrected, kind), corrected, "edited", original, page)


def _change(name: str, before: FigureCell, after: FigureCell) -> str:
    if name not in CHANGE_FIELDS:
        return ""
    if not isinstance(before.value, int) or not isinstance(after.value, int):
        return "\u2014" if before.value is not None or after.value is not None else ""
    return format_change(after.value - before.value)


def _period(column: dict[str, FigureCell]) -> str:
    start, end = column["period_start"].value, column["period_end"].value
    if isinstance(start, dt.date) and isinstance(end, dt.date):
        return f"{format_value(start, 'date')} \u2013 {format_value(end, 'date')}"
    return ""


# --- corrections -----------------------------------------------------------------------------


def _correction_lines(
    result: ExtractionResult, corrections: Iterable[FieldCorrection]
) -> Iterable[CorrectionLine]:
    for correction in sorted(corrections, key=lambda c: (_section_order(c.section), c.field)):
        kind = FIELD_KINDS.get(correction.field, "text")
        yield CorrectionLine(
            section=correction.section,
            section_label=_section_label(result, correction.section),
            field=correction.field,
            field_label=FIELD_LABELS.get(correction.field, _humanise(correction.field)),
            state=correction.state,
            value_text=format_value(parse_value(correction.value, kind), kind),
            original_text=format_value(parse_value(correction.original, kind), kind),
            value=correction.value,
            original=correction.original,
            modified=correction.modified,
        )


def _section_order(section: str) -> tuple[int, int, str]:
    if section == "document":
        return (0, 0, section)
    if section == "cover_letter":
        return (1, 0, section)
    number = section.removeprefix("report:")
    return (2, int(number), section) if number.isdigit() else (3, 0, section)


def _section_label(result: ExtractionResult, section: str) -> str:
    if section == "document":
        return "Document"
    if section == "cover_letter":
        return "Covering letter"
    number = section.removeprefix("report:")
    if number.isdigit() and 1 <= int(number) <= len(result.reports):
        return report_name(result.reports[int(number) - 1], int(number) - 1)
    return _humanise(section)


def _humanise(name: str) -> str:
    text = name.replace("_", " ").replace(":", " ").strip()
    return text[:1].upper() + text[1:]
