"""Opening (and refusing) PDFs, words and search, without Qt and without the worker."""

from __future__ import annotations

import pytest

from kfor_viewer.core import pdf_document
from kfor_viewer.core.pdf_document import (
    DocumentError,
    PasswordRequired,
    TextSearcher,
    open_document,
)
from tests.core import bad_pdfs


@pytest.fixture
def good_pdf(tmp_path):
    return bad_pdfs.text_pdf(tmp_path / "good.pdf")


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (bad_pdfs.not_a_pdf, "This file is not a PDF"),
        (bad_pdfs.empty_file, "The file is empty"),
        (bad_pdfs.garbage_pdf, "The PDF is damaged: no objects found"),
        (bad_pdfs.zero_page_pdf, "The PDF has no pages"),
        (bad_pdfs.certificate_encrypted_pdf, "encrypted with a certificate: not supported"),
    ],
)
def test_bad_files_are_refused_with_their_reason(tmp_path, make, expected):
    path = make(tmp_path / "bad.pdf")
    with pytest.raises(DocumentError) as refused:
        open_document(str(path))
    assert expected in refused.value.message


def test_truncated_file_says_damaged(tmp_path, good_pdf):
    path = bad_pdfs.truncated_pdf(tmp_path / "cut.pdf", good_pdf)
    with pytest.raises(DocumentError) as refused:
        open_document(str(path))
    assert refused.value.message.startswith("The PDF is damaged")


def test_missing_file_says_so(tmp_path):
    with pytest.raises(DocumentError, match="does not exist"):
        open_document(str(tmp_path / "nowhere.pdf"))


def test_encrypted_pdf_asks_for_the_password_and_says_when_it_is_wrong(tmp_path):
    path = str(bad_pdfs.encrypted_pdf(tmp_path / "locked.pdf"))
    with pytest.raises(PasswordRequired) as asked:
        open_document(path)
    assert asked.value.wrong_password is False
    with pytest.raises(PasswordRequired) as wrong:
        open_document(path, "guess")
    assert wrong.value.wrong_password is True
    assert "wrong" in wrong.value.message
    assert open_document(path, bad_pdfs.PASSWORD).page_count == 3


def test_document_info_has_sizes_title_and_outline(good_pdf):
    doc = open_document(str(good_pdf))
    info = pdf_document.document_info(doc, str(good_pdf))
    assert info.page_count == 3
    assert info.page_sizes == ((595.0, 842.0),) * 3
    assert info.title == "Generated KFOR test report"
    assert [(e.level, e.title, e.page) for e in info.outline] == [
        (1, "First page", 0),
        (2, "Last page", 2),
    ]


def test_words_come_in_reading_order_with_their_boxes(good_pdf):
    doc = open_document(str(good_pdf))
    words = pdf_document.page_words(doc, 1)
    assert [w.text for w in words[:4]] == ["Page", "2:", "KFOR,", "EULEX"]
    assert [w.index for w in words] == list(range(len(words)))
    first = words[0]
    assert first.page == 1
    assert 71 < first.x0 < first.x1 < 110 and 85 < first.y0 < first.y1 < 105


def test_search_is_caseless_by_default_and_can_match_case(good_pdf):
    searcher = TextSearcher(open_document(str(good_pdf)))
    caseless = [hit for page in searcher.search("eulex") for hit in page]
    assert len(caseless) == 6  # twice per page
    exact = [hit for page in searcher.search("EULEX", case_sensitive=True) for hit in page]
    assert len(exact) == 3
    assert [hit.page for hit in exact] == [0, 1, 2]
    x0, y0, x1, y1 = exact[0].rects[0]
    assert x0 < x1 and 85 < y0 < y1 < 105


def test_search_finds_a_word_hyphenated_across_lines(tmp_path):
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "the European Union mission EU-", fontsize=11)
    page.insert_text((72, 114), "LEX and the police", fontsize=11)
    doc.save(tmp_path / "hyphen.pdf")
    hits = TextSearcher(open_document(str(tmp_path / "hyphen.pdf"))).search_page(0, "eulex")
    assert len(hits) == 1
    assert len(hits[0].rects) == 2  # one hit, on two lines


def test_describe_error_digs_out_the_cause():
    try:
        try:
            raise RuntimeError("code=7: no objects found")
        except RuntimeError as inner:
            raise ValueError("Failed to open file 'x.pdf'") from inner
    except ValueError as outer:
        assert pdf_document.describe_error(outer) == "no objects found"


def test_a_repeated_search_reads_no_page_again(good_pdf, monkeypatch):
    import pymupdf

    searcher = TextSearcher(open_document(str(good_pdf)))
    assert sum(len(hits) for hits in searcher.search("eulex")) == 6
    reads, searched = [], []
    read_text, search_page = pymupdf.Page.get_textpage, pdf_document._mupdf_hits

    def counting_reads(page, *args, **kwargs):
        reads.append(page.number)
        return read_text(page, *args, **kwargs)

    def counting_searches(doc, number, needle):
        searched.append(number)
        return search_page(doc, number, needle)

    monkeypatch.setattr(pymupdf.Page, "get_textpage", counting_reads)
    monkeypatch.setattr(pdf_document, "_mupdf_hits", counting_searches)
    assert sum(len(hits) for hits in searcher.search("EULEX")) == 6
    assert reads == [] and searched == []
    # A new query asks MuPDF only about the pages whose text contains it.
    assert [len(hits) for hits in searcher.search("Page 2:")] == [0, 1, 0]
    assert reads == [] and searched == [1]
