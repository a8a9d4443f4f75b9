"""What the fields panel shows, as plain rows: an `ExtractionResult` merged with the user's
corrections, every value formatted for people and carrying its evidence and review state.

Qt-free, so the rows and the correction rules are tested without a window (the formatting is
in `fields_format`). Values are
handled in their JSON form (ISO date strings, ints, bools, str), the form corrections are stored
in; `section` and `name` of a row are the keys of its correction ("report:2", "troops_total").
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, field
from typing import Any

from kfor_viewer.ui.fields_format import (
    NOT_STATED,
    format_count,
    format_date,
    format_difference,
    format_item,
    format_period,
    format_value,
    json_value,
)

EXTRACTED, VERIFIED, EDITED = "extracted", "verified", "edited"
NOT_RECOGNISED = "No KFOR report structure recognised"


@dataclass(frozen=True)
class Spec:
    """How one field is shown and edited: `kind` is date | number | incidents | text | list."""

    name: str
    label: str
    kind: str = "text"
    key_figure: bool = False
    item_kind: str = "text"  # for lists: the kind of each item


DOCUMENT_SPECS = (
    Spec("symbol", "Symbol"),
    Spec("organ", "Organ"),
    Spec("distribution", "Distribution"),
    Spec("distribution_date", "Date", "date"),
    Spec("original_language", "Original language"),
    Spec("job_number", "Job number"),
)
COVER_SPECS = (
    Spec("date", "Date", "date"),
    Spec("sender", "From"),
    Spec("addressee", "To"),
    Spec("signatory", "Signed by"),
    Spec("resolution", "Resolution"),
    Spec("transmitted_letter_dates", "Letters transmitted", "list", item_kind="date"),
)
REPORT_SPECS = (
    Spec("troops_total", "Troops", "number", key_figure=True),
    Spec("nato_nations", "NATO nations", "number", key_figure=True),
    Spec("non_nato_nations", "Non-NATO nations", "number", key_figure=True),
    Spec("non_nato_troops", "Non-NATO troops", "number"),
    Spec("period_start", "Period from", "date"),
    Spec("period_end", "Period to", "date"),
    Spec("as_at", "Figures as at", "date"),
    Spec("major_incidents", "Major incidents", "incidents"),
    Spec("intervention_requests", "Requests to intervene", "incidents"),
    Spec("security_assessment", "Security assessment"),
    Spec("letter_date", "NATO letter dated", "date"),
    Spec("signatory", "Signed by"),
    Spec("signatory_title", "Title"),
    Spec("events", "Events", "list", item_kind="event"),
    Spec("organisations", "Organisations", "list"),
    Spec("people", "People", "list"),
    Spec("resolutions", "Resolutions", "list"),
)
# Which fields a consistency warning is about (the rest are shown on the report's heading).
WARNING_FIELDS = {
    "period_end_before_start": ("period_start", "period_end"),
    "as_at_outside_period": ("as_at",),
    "non_nato_troops_above_total": ("non_nato_troops", "troops_total"),
    "cover_letter_period_mismatch": ("period_start", "period_end"),
    "implausible_troop_change": ("troops_total",),
    "implausible_nato_nations_change": ("nato_nations",),
    "implausible_non_nato_nations_change": ("non_nato_nations",),
}
CHANGE_SPECS = (
    ("troops_total", "Troops"),
    ("nato_nations", "NATO nations"),
    ("non_nato_nations", "Non-NATO nations"),
)


@dataclass
class FieldRow:
    section: str
    name: str  # "" for rows that cannot be corrected (list items, changes, notes)
    label: str
    text: str
    kind: str = "text"
    value: Any = None  # what the document says after corrections (JSON form)
    extracted: Any = None
    evidence: tuple[Any, ...] = ()  # Evidence(page 1-based, rects, quote)
    state: str = EXTRACTED
    original_text: str = ""  # the extracted value, shown beside an edited one
    key_figure: bool = False
    warnings: list[str] = field(default_factory=list)
    children: list[FieldRow] = field(default_factory=list)
    item_kind: str = ""  # for lists: the kind of each item (text | date | event)

    @property
    def stated(self) -> bool:
        return self.value is not None and self.value != []

    @property
    def correctable(self) -> bool:
        return bool(self.name) and self.kind != "change"


@dataclass
class Section:
    key: str
    title: str
    rows: list[FieldRow] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# --- building the rows -------------------------------------------------------------------------


def build_sections(result: Any, corrections: dict[tuple[str, str], Any]) -> list[Section]:
    """The panel's sections for `result` with the user's `corrections` applied."""
    document = Section("document", "Document", _rows("document", result.document, DOCUMENT_SPECS))
    if not result.recognised:
        return [_not_recognised(result, document)]
    sections = [document]
    if result.cover_letter is not None:
        cover = _rows("cover_letter", result.cover_letter, COVER_SPECS)
        sections.append(Section("cover_letter", "Cover letter", cover))
    for index, report in enumerate(result.reports, start=1):
        sections.append(_report_section(index, report))
    for section in sections:
        for row in section.rows:
            apply_correction(row, corrections.get((row.section, row.name)))
    for section in sections:
        _title_report(section)
    _attach_warnings(sections, result.warnings)
    if len(result.reports) > 1:
        sections.append(_changes_section(sections[-len(result.reports) :]))
    return sections


def _rows(section: str, record: Any, specs: tuple[Spec, ...]) -> list[FieldRow]:
    return [_row(section, spec, getattr(record, spec.name, None)) for spec in specs]


def _row(section: str, spec: Spec, found: Any) -> FieldRow:
    if spec.kind == "list":
        items = list(found or [])
        values = [json_value(item.value) for item in items] or None
        return FieldRow(
            section,
            spec.name,
            spec.label,
            format_count(values),
            "list",
            values,
            values,
            _all_evidence(items),
            children=[_item_row(section, spec.item_kind, i.value, i.evidence) for i in items],
            item_kind=spec.item_kind,
        )
    value = json_value(found.value) if found is not None else None
    evidence = tuple(found.evidence) if found is not None else ()
    return FieldRow(
        section,
        spec.name,
        spec.label,
        format_value(spec.kind, value),
        spec.kind,
        value,
        value,
        evidence,
        key_figure=spec.key_figure,
    )


def _item_row(section: str, kind: str, value: Any, evidence: Any = ()) -> FieldRow:
    value = json_value(value)
    label, text = "", format_value(kind, value)
    if kind == "event" and isinstance(value, dict):
        label, text = format_date(value.get("date")), str(value.get("text", ""))
    return FieldRow(section, "", label, text, kind, value, value, tuple(evidence))


def _edited_items(row: FieldRow, values: list[Any]) -> list[FieldRow]:
    """The item rows of an edited list: an item the document names keeps its evidence."""
    named = {_item_key(child.value): child for child in row.children}
    return [
        named.get(_item_key(value)) or _item_row(row.section, row.item_kind, value)
        for value in values
    ]


def _item_key(value: Any) -> str:
    return json.dumps(value, sort_keys=True)  # events are dicts: not hashable themselves


def _all_evidence(fields: list[Any]) -> tuple[Any, ...]:
    return tuple(evidence for item in fields for evidence in item.evidence)


def _report_section(index: int, report: Any) -> Section:
    key = f"report:{index}"
    section = Section(key, "", _rows(key, report, REPORT_SPECS))
    approximate = report.troops_approximate is not None and report.troops_approximate.value
    section.rows[0].kind = "troops" if approximate else "number"
    section.rows[0].text = format_value("number", section.rows[0].value, bool(approximate))
    label = report.label.value if report.label is not None else f"Report {index}"
    section.title = str(label)
    return section


def apply_correction(row: FieldRow, correction: Any) -> None:
    """Show `correction` (a FieldCorrection or None) on `row`. A verification of a value the
    extractor no longer gives is stale and not shown as verified."""
    if correction is None or not row.correctable:
        return
    if correction.state == EDITED:
        row.state, row.value = EDITED, correction.value
        row.original_text = _display(row, correction.original)
        row.text = _display(row, correction.value)
        if row.kind == "list" and isinstance(correction.value, list):
            row.children = _edited_items(row, correction.value)
    elif correction.state == VERIFIED and correction.value == row.extracted:
        row.state = VERIFIED


def _display(row: FieldRow, value: Any) -> str:
    if row.kind == "list":
        return format_count(value)
    if row.kind == "troops":
        return format_value("number", value, approximate=True)
    return format_value(row.kind, value)


def _title_report(section: Section) -> None:
    if not section.key.startswith("report:"):
        return
    values = {row.name: row.value for row in section.rows}
    period = format_period(values.get("period_start"), values.get("period_end"))
    if period:
        section.title = f"{section.title} — {period}"


def _attach_warnings(sections: list[Section], warnings: list[Any]) -> None:
    reports = {s.title.split(" — ")[0]: s for s in sections if s.key.startswith("report:")}
    for warning in warnings:
        section = reports.get(warning.report) if warning.report else None
        if section is None:
            sections[0].warnings.append(warning.message)
            continue
        names = WARNING_FIELDS.get(warning.code, ())
        rows = [row for row in section.rows if row.name in names]
        for row in rows:
            row.warnings.append(warning.message)
        if not rows:
            section.warnings.append(warning.message)


def _changes_section(reports: list[Section]) -> Section:
    section = Section("changes", "Change between reports")
    for before, after in itertools.pairwise(reports):
        rows = [_change_row(before, after, name, label) for name, label in CHANGE_SPECS]
        if len(reports) == 2:
            section.rows += rows
        else:
            heading = f"{_label(before)} → {_label(after)}"
            section.rows.append(FieldRow("changes", "", heading, "", "change", children=rows))
    return section


def _label(section: Section) -> str:
    return section.title.split(" — ")[0]


def _change_row(before: Section, after: Section, name: str, label: str) -> FieldRow:
    old, new = _field(before, name), _field(after, name)
    evidence = old.evidence + new.evidence
    if not (_is_count(old.value) and _is_count(new.value)):  # unstated, or a store edited by hand
        return FieldRow("changes", "", label, NOT_STATED, "change", evidence=evidence)
    difference = new.value - old.value
    text = f"{old.value:,} → {new.value:,} ({format_difference(difference)})"
    row = FieldRow("changes", "", label, text, "change", difference, difference, evidence)
    row.key_figure = name == "troops_total"
    row.warnings = list(new.warnings) if name in ("troops_total",) else []
    return row


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _field(section: Section, name: str) -> FieldRow:
    return next(row for row in section.rows if row.name == name)


def _not_recognised(result: Any, document: Section) -> Section:
    generic = result.generic
    section = Section("document", "Document")
    section.warnings.append(NOT_RECOGNISED)
    title = generic.title
    section.rows.append(
        FieldRow(
            "generic",
            "",
            "Title",
            title.value if title else NOT_STATED,
            "text",
            title.value if title else None,
            None,
            tuple(title.evidence) if title else (),
        )
    )
    pages = FieldRow("generic", "", "Pages", str(generic.page_count), "number", generic.page_count)
    section.rows.append(pages)
    section.rows += [row for row in document.rows if row.stated]
    section.rows.append(
        _row("generic", Spec("dates", "Dates", "list", item_kind="date"), generic.dates)
    )
    section.rows.append(
        _row("generic", Spec("organisations", "Organisations", "list"), generic.organisations)
    )
    for row in section.rows:
        row.name = ""  # generic fields are not corrected: there is nothing to export them to
    return section


def edit_text(row: FieldRow) -> str:
    """The value as the edit box starts with it (numbers without the approximate sign; a list
    one item a line)."""
    if row.value is None:
        return ""
    if row.kind == "list":
        return "\n".join(format_item(row.item_kind, item) for item in row.value)
    if row.kind in ("number", "troops") and isinstance(row.value, int):
        return f"{row.value:,}"
    return format_value(row.kind, row.value)


# --- as text -----------------------------------------------------------------------------------


def sections_text(sections: list[Section]) -> str:
    """The whole panel as plain text, aligned, for the clipboard."""
    rows = [(row, depth) for section in sections for row, depth in walk_rows(section.rows, 1)]
    width = max((len(row.label) + 2 * depth for row, depth in rows), default=0) + 2
    blocks = []
    for section in sections:
        lines = [section.title] + [f"  ! {message}" for message in section.warnings]
        lines += [_row_line(row, depth, width) for row, depth in walk_rows(section.rows, 1)]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def walk_rows(rows: list[FieldRow], depth: int) -> list[tuple[FieldRow, int]]:
    """Every row and its nesting depth (`depth` for `rows`), in display order."""
    walked = []
    for row in rows:
        walked.append((row, depth))
        walked += walk_rows(row.children, depth + 1)
    return walked


def _row_line(row: FieldRow, depth: int, width: int) -> str:
    indent = "  " * depth
    mark = {VERIFIED: "  [verified]", EDITED: f"  [edited; extracted: {row.original_text}]"}
    line = f"{indent}{row.label}".ljust(width) + row.text + mark.get(row.state, "")
    return line.rstrip() + "".join(f"  ! {message}" for message in row.warnings)
