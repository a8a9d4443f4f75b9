"""The figures table of a summary (each report's key figures with the change from one report to
the next) and the list of the reviewer's field corrections, both with the corrections applied.

An "edited" correction replaces the extracted value and the cell keeps the original text; a
"verified" one marks the cell, unless the extractor no longer gives the verified value.
Corrections are keyed like the store's: section 'document', 'cover_letter' or 'report:N' (N from
1) and the extraction model's field name.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from kfor_viewer.core.annotations import FieldCorrection
from kfor_viewer.core.export.values import format_change, format_value, parse_value
from kfor_viewer.core.extraction.model import ExtractionResult, Field, Report

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
# How a troop figure's qualifier reads in a table cell.
QUALIFIER_WORDS = {"approximately": "approx.", "around": "approx.", "roughly": "approx."}
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


def field_value(item: Field | None) -> Any:
    return item.value if item is not None else None


# --- figures ---------------------------------------------------------------------------------


def report_section(index: int) -> str:
    """The store's section key of the report at 0-based `index` ('report:1' is the first)."""
    return f"report:{index + 1}"


def report_name(report: Report, index: int) -> str:
    return str(field_value(report.label) or f"Report {index + 1}")


def figures_table(
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
    value = field_value(extracted)
    show = _formatter(report, name, kind)
    page = extracted.evidence[0].page if extracted and extracted.evidence else None
    correction = corrections.get((report_section(index), name))
    if correction is None:
        return FigureCell(show(value), value, None, None, page)
    if correction.state == "verified":
        # A verification of a value the extractor no longer gives is stale: not shown.
        still_true = parse_value(correction.value, kind) == value
        return FigureCell(show(value), value, "verified" if still_true else None, None, page)
    corrected = parse_value(correction.value, kind)
    return FigureCell(show(corrected), corrected, "edited", show(value), page)


def _formatter(report: Report, name: str, kind: str) -> Callable[[Any], str]:
    """How a cell's value reads; a troop total keeps the report's qualifier ("approx. 3,600",
    "some 16,000", "over 40,000")."""
    word = ""
    if name == "troops_total":
        qualifier = str(field_value(report.troops_qualifier) or "").lower()
        approximate = field_value(report.troops_approximate)
        word = QUALIFIER_WORDS.get(qualifier, qualifier) or ("approx." if approximate else "")

    def show(value: Any) -> str:
        if word and isinstance(value, int) and not isinstance(value, bool):
            return f"{word} {format_value(value, 'int')}"
        return format_value(value, kind)

    return show


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


def correction_lines(
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
