"""A PDF is known by its bytes (renaming keeps its annotations) and linked to revisions by /ID."""

from __future__ import annotations

import shutil

import pymupdf

from kfor_viewer.core.document_identity import identify_document, pdf_trailer_id


def _pdf(path, text="hello"):
    document = pymupdf.open()
    document.new_page().insert_text((72, 72), text)
    document.save(path)
    return path


def test_a_renamed_copy_has_the_same_identity_but_its_own_name(tmp_path):
    original = _pdf(tmp_path / "report.pdf")
    renamed = tmp_path / "renamed.pdf"
    shutil.copy(original, renamed)
    first, second = identify_document(original), identify_document(renamed)
    assert first.sha256 == second.sha256 and len(first.sha256) == 64
    assert (first.file_name, second.file_name) == ("report.pdf", "renamed.pdf")


def test_a_re_saved_revision_keeps_the_first_id_element(tmp_path):
    original = _pdf(tmp_path / "v1.pdf")
    document = pymupdf.open(original)
    document[0].insert_text((72, 200), "revised")
    document.save(tmp_path / "v2.pdf")
    v1, v2 = identify_document(original), identify_document(tmp_path / "v2.pdf")
    assert v1.sha256 != v2.sha256
    assert v1.pdf_id[0] == v2.pdf_id[0] and v1.pdf_id[1] != v2.pdf_id[1]


def test_a_pdf_without_an_id_has_none():
    document = pymupdf.open()
    document.new_page()
    assert pdf_trailer_id(document) is None  # never saved: no trailer /ID yet
