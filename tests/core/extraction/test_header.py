"""The header block and first-page footer: symbol, job number and barcode when printed."""

from __future__ import annotations

import datetime as dt

from kfor_viewer.core.extraction import extract
from tests.core.extraction.kfor_documents import ReportSpec, build, modern_report

PARAGRAPHS = modern_report(
    "from 1 October to 31 December 2020", "31 December 2020", "3,500", "20", "7"
)


def _build(tmp_path, **options):
    spec = ReportSpec("Annex", paragraphs=PARAGRAPHS * 3)
    return extract(build(tmp_path / "doc.pdf", [spec], max_lines_per_page=30, **options))


def test_symbol_job_number_and_barcode_when_printed(tmp_path):
    result = _build(tmp_path)
    document = result.document
    assert result.page_count >= 2
    assert document.symbol.value == "S/2021/228"
    assert document.symbol.evidence[0].page == 1
    assert document.job_number.value == "21-04137 (E)"
    assert document.job_number.evidence[0].page == 1
    assert document.job_number.evidence[0].quote.startswith("21-04137 (E)")
    assert document.distribution_date.value == dt.date(2021, 3, 15)
    assert document.organ.value == "Security Council"
    assert document.original_language.value == "English"
    # The furniture stays out of every extracted text.
    for report in result.reports:
        for event in report.events:
            assert "2104137" not in event.value["text"]
    assert result.reports[0].troops_total.value == 3500


def test_symbol_from_running_header_when_header_block_lacks_it(tmp_path):
    result = _build(
        tmp_path, symbol="S/2005/1234", job_number=None, barcode=None, symbol_in_header=False
    )
    assert result.document.symbol.evidence[0].page == 2
    assert result.document.symbol.value == "S/2005/1234"
    assert result.document.job_number is None


def test_no_symbol_or_job_number_gives_nulls(tmp_path):
    result = _build(tmp_path, symbol=None, job_number=None, barcode=None)
    assert result.document.symbol is None
    assert result.document.job_number is None
    assert result.to_dict()["document"]["symbol"] is None
