"""The typeset PDF summary: the text a reader sees on its pages, pictures, metadata."""

from __future__ import annotations

import re

import pymupdf

from kfor_viewer.core.export.pdf_summary import render_pdf_summary
from kfor_viewer.core.export.summary import ExportOptions


def _pages_text(data: bytes) -> tuple[pymupdf.Document, str]:
    document = pymupdf.open("pdf", data)
    text = " ".join(" ".join(page.get_text() for page in document).split())
    return document, text


def test_summary_pdf_reads_like_the_summary(annotated_sample):
    document, text = _pages_text(render_pdf_summary(annotated_sample.summary()))
    with document:
        assert "KFOR report summary" in text and "kfor report.pdf" in text
        assert re.search(r"Troops approx\. 3,600 approx\. 3,400 \u2212200", text)
        assert re.search(r"NATO nations 19 18 \u22121", text)
        assert "\u201cremained approximately 3,600\u201d" in text
        assert "Troop strength, Q2." in text
        assert "<script>alert('x')</script>" in text  # shown as text, not swallowed as markup
        assert re.search(r"troops \(2\)", text) and re.search(r"Untagged \(1\)", text)
        last = document[-1].get_text()
        assert f"Page {document.page_count} of {document.page_count}" in last
        assert document.metadata["author"] == "KFOR Viewer"
        assert "summary" in document.metadata["title"]


def test_pictures_of_passages_are_placed_whole(annotated_sample):
    summary = annotated_sample.summary(ExportOptions(include_images=True))
    document, _ = _pages_text(render_pdf_summary(summary))
    with document:
        pictures = [info["bbox"] for page in document for info in page.get_image_info()]
    shown = [h for h in summary.highlights_in_groups() if h.image_png]
    assert len(pictures) == len(shown) == 6  # the two-tag highlight shows under both tags
    assert all(pymupdf.Rect(b).height > 8 for b in pictures)  # none squeezed at a page foot


def test_many_highlights_flow_over_pages_with_page_numbers(annotated_sample):
    summary = annotated_sample.summary(ExportOptions(include_images=True))
    bigger = summary.__class__(**{**summary.__dict__, "groups": summary.groups * 6})
    pages = []
    document, _ = _pages_text(render_pdf_summary(bigger, pages.append))
    with document:
        assert document.page_count >= 3 and pages[-1] == document.page_count
        for page in document:
            assert f"Page {page.number + 1} of {document.page_count}" in page.get_text()
            assert all(pymupdf.Rect(i["bbox"]).height > 8 for i in page.get_image_info())
            quotes_top = [b[1] for b in page.get_text("blocks") if "\u201c" in b[4]]
            for info in page.get_image_info():  # each picture below its quote, same page
                assert any(top < info["bbox"][1] for top in quotes_top)
