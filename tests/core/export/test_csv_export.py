"""CSV: one row per highlight, and no cell a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io

import pytest

from kfor_viewer.core.export.csv_export import COLUMNS, neutralise, render_csv
from kfor_viewer.core.export.summary import ExportOptions, build_summary
from tests.core.export.annotated_sample import FORMULA_NOTE, SCRIPT_NOTE
from tests.core.export.summary_factories import make_annotation, make_annotations, make_result


def _rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_one_row_per_highlight_in_page_order(annotated_sample):
    data = render_csv(annotated_sample.summary())
    assert data.startswith("\ufeff".encode())  # so Excel reads accents right
    rows = _rows(data)
    assert list(rows[0]) == list(COLUMNS)
    assert [(r["page"], r["quote"]) for r in rows] == [
        ("3", "remained approximately 3,600"),
        ("3", "no major security incidents"),
        ("5", "remained approximately 3,400, from 18 North Atlantic"),
        ("5", "third security responder"),  # paragraph 3 of the second report
        ("5", "brokered economic normalization agreements"),  # paragraph 4
    ]
    first = rows[0]
    assert (first["tags"], first["note"], first["color"]) == (
        "troops; figures",
        "Troop strength, Q2.",
        "#FFE066",
    )
    assert rows[1]["note"] == SCRIPT_NOTE
    assert rows[3]["note"] == "'" + FORMULA_NOTE and rows[3]["tags"] == ""


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_formula_starts_are_neutralised(start):
    assert neutralise(f"{start}cmd|' /C calc'!A0") == f"'{start}cmd|' /C calc'!A0"


def test_every_text_cell_is_neutralised():
    stored = make_annotations()
    hostile = make_annotation(8, 2, "=1+1", tags=("@tag",), note="+note", color="#FFE066")
    stored.annotations[hostile.id] = hostile
    rows = _rows(render_csv(build_summary(make_result(), stored, ExportOptions(tags=("@tag",)))))
    assert [(r["quote"], r["tags"], r["note"]) for r in rows] == [("'=1+1", "'@tag", "'+note")]


def test_plain_text_is_left_alone():
    assert neutralise("KFOR troops 3,600") == "KFOR troops 3,600"
    assert neutralise("") == ""
