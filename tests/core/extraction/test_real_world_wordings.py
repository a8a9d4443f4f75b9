"""The held-out corpus (tests/core/extraction/real_world): every era's wording read as a careful
human would, with nulls where the text does not state a field and no figure taken from a trap
(villages, arrests, weapons, a demonstration, countries at a conference, resolution years)."""

from __future__ import annotations

from typing import Any

import pymupdf
import pytest

from kfor_viewer.core.extraction import ExtractionResult, Field, Report, extract
from tests.core.extraction.real_world import Case, all_cases
from tests.core.synthetic_pdf import make_pdf

CASES = all_cases()


def _value(field: Field | None) -> Any:
    return field.value if field is not None else None


def _report_value(report: Report, key: str) -> Any:
    if key == "event_dates":
        return [event.value["date"] for event in report.events]
    if key == "assessment_starts":
        return _value(report.security_assessment)
    if key in ("resolutions", "people"):
        return [item.value for item in getattr(report, key)]
    return _value(getattr(report, key))


def mismatches(case: Case, result: ExtractionResult) -> list[str]:
    """Every expected value the extraction missed, as "where: got X, expected Y"."""
    found = []

    def compare(where: str, got: Any, expected: Any) -> None:
        if got != expected:
            found.append(f"{where}: got {got!r}, expected {expected!r}")

    for key, expected in case.document.items():
        compare(f"document.{key}", _value(getattr(result.document, key)), expected)
    cover = result.cover_letter
    for key, expected in case.cover.items():
        got = getattr(cover, key) if cover else None
        got = [f.value for f in got] if isinstance(got, list) else _value(got)
        compare(f"cover.{key}", got, expected)
    compare("report count", len(result.reports), len(case.reports))
    for index, (report, expected_report) in enumerate(
        zip(result.reports, case.reports, strict=False)
    ):
        for key, expected in expected_report.items():
            got = _report_value(report, key)
            if key == "assessment_starts" and isinstance(got, str):
                got = got[: len(expected)]
            compare(f"report {index + 1}.{key}", got, expected)
    return found


def build_case(case: Case, path) -> ExtractionResult:
    make_pdf(path, case.blocks, case.furniture, case.header, case.max_lines_per_page)
    return extract(path, use_ocr=False)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_real_world_wording(tmp_path, case):
    result = build_case(case, tmp_path / "case.pdf")
    assert result.recognised
    assert mismatches(case, result) == []


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_evidence_quotes_are_on_their_page(tmp_path, case):
    """Every report field's evidence quote is text printed on the page it names."""
    path = tmp_path / "case.pdf"
    result = build_case(case, path)
    with pymupdf.open(path) as document:
        page_texts = [" ".join(page.get_text().split()) for page in document]
    for report in result.reports:
        for name in ("period_start", "troops_total", "as_at", "nato_nations", "non_nato_troops"):
            field = getattr(report, name)
            for evidence in field.evidence if field else ():
                words = evidence.quote.split()
                assert words and all(w in page_texts[evidence.page - 1] for w in words)
