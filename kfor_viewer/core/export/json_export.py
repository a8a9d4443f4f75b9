"""The summary as JSON for other programs; the schema is documented in README.md
("Exporting summaries", JSON schema). Adding keys keeps SCHEMA_VERSION; renaming or removing one
bumps it."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from kfor_viewer.core.export.summary import FiguresTable, Highlight, Summary

SCHEMA_VERSION = 1


def render_json(summary: Summary) -> bytes:
    text = json.dumps(summary_to_dict(summary), indent=2, ensure_ascii=False, default=_plain)
    return (text + "\n").encode("utf-8")


def summary_to_dict(summary: Summary) -> dict[str, Any]:
    document = summary.document
    options = summary.options
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": summary.generator,
        "exported_at": summary.generated,
        "document": {
            "title": document.title,
            "symbol": document.symbol,
            "date": document.date_iso,
            "file_name": document.file_name,
            "sha256": document.sha256,
            "page_count": document.page_count,
            "recognised": document.recognised,
        },
        "options": {
            "tags": list(options.tags) if options.tags is not None else None,
            "group_by": options.group_by,
            "include_fields": options.include_fields,
        },
        "reports": _reports(summary.figures) if summary.figures else [],
        "changes": _changes(summary.figures) if summary.figures else [],
        "corrections": [
            {
                "section": c.section,
                "field": c.field,
                "state": c.state,
                "value": c.value,
                "original": c.original,
                "modified": c.modified,
            }
            for c in summary.corrections
        ],
        "annotations": [_annotation(h) for h in summary.highlights],
        "groups": [
            {"title": g.title, "kind": g.kind, "annotation_ids": [h.id for h in g.highlights]}
            for g in summary.groups
        ],
        "warnings": list(summary.warnings),
    }


def _reports(figures: FiguresTable) -> list[dict[str, Any]]:
    reports = []
    for index, name in enumerate(figures.report_names):
        fields = {}
        for row in figures.rows:
            cell = row.cells[index]
            fields[row.field] = {
                "value": cell.value,
                "text": cell.text,
                "page": cell.page,
                "review": cell.state,
                "extracted_text": cell.original_text if cell.corrected else cell.text,
            }
        reports.append({"name": name, "period": figures.report_periods[index], "fields": fields})
    return reports


def _changes(figures: FiguresTable) -> list[dict[str, Any]]:
    changes = []
    for index, name in enumerate(figures.change_names):
        differences = {}
        for row in figures.rows:
            before, after = row.cells[index].value, row.cells[index + 1].value
            if row.changes[index] and isinstance(before, int) and isinstance(after, int):
                differences[row.field] = {"from": before, "to": after, "difference": after - before}
        changes.append(
            {
                "from_report": figures.report_names[index],
                "to_report": figures.report_names[index + 1],
                "label": name,
                "differences": differences,
            }
        )
    return changes


def _annotation(highlight: Highlight) -> dict[str, Any]:
    return {
        "id": highlight.id,
        "page": highlight.page,
        "quote": highlight.quote,
        "color": highlight.color,
        "tags": list(highlight.tags),
        "note": highlight.note,
        "orphan": highlight.orphan,
        "rects": [list(r) for r in highlight.rects],
        "created": highlight.created,
        "modified": highlight.modified,
    }


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")
