"""Markdown summaries: a golden file for a fixed summary, and content checks on the sample."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from kfor_viewer.core.annotations import FieldCorrection
from kfor_viewer.core.export.markdown import md_text, render_markdown
from kfor_viewer.core.export.summary import ExportOptions, build_summary
from tests.core.export.annotated_sample import SCRIPT_NOTE
from tests.core.export.summary_factories import (
    CREATED,
    make_annotations,
    make_result,
    without_timestamps,
)

GOLDEN = Path(__file__).parent / "golden" / "summary.md"


def _fixed_summary():
    correction = FieldCorrection(
        "report:2", "troops_total", 3450, "edited", original=3400, modified=CREATED
    )
    summary = build_summary(make_result(), make_annotations(correction))
    return dataclasses.replace(summary, generator="kfor-viewer (test)")


def test_markdown_matches_the_golden_file_apart_from_the_time():
    text = without_timestamps(render_markdown(_fixed_summary()))
    if os.environ.get("KFOR_UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_sample_summary_holds_the_figures_and_every_highlight(annotated_sample):
    text = render_markdown(annotated_sample.summary())
    assert "| Troops | approx. 3,600 | approx. 3,400 | \u2212200 |" in text
    assert "| NATO nations | 19 | 18 | \u22121 |" in text
    assert "**File:** kfor report.pdf" in text
    sections = text.split("\n### ")
    troops = next(s for s in sections if s.startswith("troops (2)"))
    assert "> remained approximately 3,600" in troops
    assert "> remained approximately 3,400, from 18 North Atlantic" in troops
    assert "**Page 3**" in troops and "**Page 5**" in troops
    assert "**Note:** Troop strength, Q2." in troops
    untagged = next(s for s in sections if s.startswith("Untagged (1)"))
    assert "> third security responder" in untagged and "=SUM(A1:A9)" in untagged
    assert md_text(SCRIPT_NOTE) in text and "<script>" not in text


def test_grouped_by_page_and_without_fields(annotated_sample):
    options = ExportOptions(group_by="page", include_fields=False)
    text = render_markdown(annotated_sample.summary(options))
    assert "## Key figures" not in text
    assert text.index("### Page 3 (2)") < text.index("### Page 5 (3)")


def test_markdown_specials_in_user_text_stay_text():
    assert md_text("a *b* [c](d) <e> | f\nnext") == r"a \*b\* \[c\](d) \<e\> \| f next"


def test_a_document_that_is_not_a_kfor_report_says_so():
    result = make_result()
    result.reports, result.recognised = [], False
    result.message = (
        "No KFOR report structure was recognised; only the generic fields were extracted."
    )
    text = render_markdown(build_summary(result, make_annotations()))
    assert "> No KFOR report structure was recognised" in text
    assert "## Key figures" not in text and "### troops (2)" in text
