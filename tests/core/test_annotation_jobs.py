"""The annotation jobs the GUI runs in its isolated child (called in-process here)."""

from __future__ import annotations

import pymupdf
import pytest

from kfor_viewer.core.annotation_jobs import (
    ANCHOR,
    PDF_HIGHLIGHTS,
    REANCHOR,
    AnnotationJob,
    new_annotations,
    run_annotation_job,
)
from kfor_viewer.core.annotations import Annotation, new_id
from kfor_viewer.core.isolated_runner import IsolatedFailure
from tests.core import bad_pdfs


def unplaced(quote: str, page: int) -> Annotation:
    return Annotation(id=new_id(), page=page, quote=quote, rects=((72.0, 120.0, 250.0, 132.0),))


def test_anchor_places_highlights_on_their_own_page_only(tmp_path):
    pdf = bad_pdfs.text_pdf(tmp_path / "r.pdf")
    on_two = unplaced("Safe and secure environment", 2)
    nowhere = unplaced("not in this document at all", 1)
    (placed,) = run_annotation_job(AnnotationJob(ANCHOR, str(pdf), (on_two, nowhere)))
    assert (placed.id, placed.page) == (on_two.id, 2)
    assert placed.start is not None and placed.end - placed.start == len(on_two.quote)
    assert placed.prefix.endswith("eulex cooperation. ")  # the end of page 2's first line


def test_reanchor_keeps_what_it_cannot_find_as_orphans(tmp_path):
    pdf = bad_pdfs.text_pdf(tmp_path / "r.pdf")
    gone = unplaced("a sentence the revision dropped", 1)
    (orphan,) = run_annotation_job(AnnotationJob(REANCHOR, str(pdf), (gone,)))
    assert orphan.orphan and orphan.id == gone.id


def test_pdf_highlights_and_a_second_import_adds_nothing(tmp_path):
    pdf = bad_pdfs.text_pdf(tmp_path / "r.pdf")
    with pymupdf.open(pdf) as document:
        page = document[2]
        page.add_highlight_annot(page.search_for("KFOR")[0])
        document.saveIncr()
    (found,) = run_annotation_job(AnnotationJob(PDF_HIGHLIGHTS, str(pdf)))
    assert (found.page, found.quote) == (3, "KFOR")
    assert new_annotations([found], {found.id}) == []
    assert new_annotations([found], set()) == [found]


def test_a_file_that_is_not_a_pdf_is_a_clear_failure(tmp_path):
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"this is no PDF")
    with pytest.raises(IsolatedFailure, match="could not be read"):
        run_annotation_job(AnnotationJob(PDF_HIGHLIGHTS, str(junk)))


def test_the_text_is_read_again_when_the_file_changes(tmp_path):
    pdf = bad_pdfs.text_pdf(tmp_path / "r.pdf")
    quote = unplaced("Safe and secure environment", 4)
    assert run_annotation_job(AnnotationJob(ANCHOR, str(pdf), (quote,))) == []
    bad_pdfs.text_pdf(pdf, pages=4)  # the file is replaced by a longer version
    (placed,) = run_annotation_job(AnnotationJob(ANCHOR, str(pdf), (quote,)))
    assert placed.page == 4 and placed.start is not None


def test_an_encrypted_pdf_is_worked_on_with_the_viewers_password(tmp_path):
    pdf = bad_pdfs.encrypted_pdf_with_highlight(tmp_path / "locked.pdf", 1, "Safe and secure")
    password = bad_pdfs.PASSWORD
    job = AnnotationJob(PDF_HIGHLIGHTS, str(pdf), password=password)
    assert password not in repr(job)
    (found,) = run_annotation_job(job)
    assert (found.page, found.quote) == (2, "Safe and secure")
    quote = unplaced("Safe and secure environment", 3)
    (placed,) = run_annotation_job(AnnotationJob(ANCHOR, str(pdf), (quote,), password))
    assert placed.page == 3 and placed.start is not None


@pytest.mark.parametrize(("password", "message"), [(None, "needs its password"), ("x", "does not")])
def test_an_encrypted_pdf_without_its_password_is_a_clear_failure(tmp_path, password, message):
    pdf = bad_pdfs.encrypted_pdf(tmp_path / "locked.pdf")
    with pytest.raises(IsolatedFailure, match=message):
        run_annotation_job(AnnotationJob(PDF_HIGHLIGHTS, str(pdf), password=password))
