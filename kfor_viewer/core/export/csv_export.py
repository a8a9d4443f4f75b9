"""The highlights as CSV, one row per highlight in page order, for spreadsheets.

Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return, which some of them
strip first) as a formula, so such cells get a leading apostrophe: a quote or a note can never
become a formula on a colleague's machine. The file is UTF-8 with a byte-order mark so that Excel
reads accents right; Python reads it with encoding="utf-8-sig".
"""

from __future__ import annotations

import csv
import io

from kfor_viewer.core.export.summary import Highlight, Summary

COLUMNS = (
    "page",
    "quote",
    "tags",
    "note",
    "color",
    "color_name",
    "orphan",
    "id",
    "created",
    "modified",
    "document",
    "sha256",
)
TAG_SEPARATOR = "; "
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """`cell` made inert for spreadsheets (a leading apostrophe before a formula character)."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def render_csv(summary: Summary) -> bytes:
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for highlight in summary.highlights:
        writer.writerow(_row(summary, highlight))
    return ("\ufeff" + stream.getvalue()).encode("utf-8")


def _row(summary: Summary, highlight: Highlight) -> list[object]:
    text_cells = {
        "quote": highlight.quote,
        "tags": TAG_SEPARATOR.join(highlight.tags),
        "note": highlight.note,
        "color": highlight.color,
        "color_name": highlight.color_name,
        "id": highlight.id,
        "created": highlight.created,
        "modified": highlight.modified,
        "document": summary.document.file_name,
        "sha256": summary.document.sha256 or "",
    }
    row: list[object] = []
    for column in COLUMNS:
        if column == "page":
            row.append(highlight.page)
        elif column == "orphan":
            row.append("yes" if highlight.orphan else "no")
        else:
            row.append(neutralise(text_cells[column]))
    return row
