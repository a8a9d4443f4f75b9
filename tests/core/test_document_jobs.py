"""The jobs the GUI sends to its isolated child, run here in-process."""

from __future__ import annotations

import pytest

from kfor_viewer.core.document_identity import file_sha256
from kfor_viewer.core.document_jobs import EXTRACT, IDENTIFY, DocumentJob, run_document_job
from kfor_viewer.core.isolated_runner import IsolatedFailure


def test_identify_gives_the_store_key_and_extract_the_fields(sample_pdf):
    identity = run_document_job(DocumentJob(IDENTIFY, str(sample_pdf)))
    assert identity.sha256 == file_sha256(sample_pdf)
    result = run_document_job(DocumentJob(EXTRACT, str(sample_pdf), use_ocr=False))
    assert result.sha256 == identity.sha256
    assert [r.troops_total.value for r in result.reports] == [3600, 3400]


def test_an_unreadable_file_fails_with_the_reason_alone(tmp_path):
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    with pytest.raises(IsolatedFailure) as failure:
        run_document_job(DocumentJob(EXTRACT, str(empty)))
    assert str(failure.value) and str(empty) not in str(failure.value)
    with pytest.raises(IsolatedFailure, match="unknown job"):
        run_document_job(DocumentJob("render", str(empty)))


def _encrypted_copy(sample_pdf, tmp_path, password):
    import pymupdf

    target = tmp_path / "locked.pdf"
    with pymupdf.open(sample_pdf) as document:
        document.save(
            target,
            encryption=pymupdf.PDF_ENCRYPT_AES_256,
            owner_pw=password + "-owner",
            user_pw=password,
        )
    return target


def test_an_encrypted_pdf_is_read_with_the_users_password(sample_pdf, tmp_path):
    locked = _encrypted_copy(sample_pdf, tmp_path, "kfor")
    with pytest.raises(IsolatedFailure):
        run_document_job(DocumentJob(EXTRACT, str(locked), use_ocr=False))
    result = run_document_job(DocumentJob(EXTRACT, str(locked), use_ocr=False, password="kfor"))
    assert [report.troops_total.value for report in result.reports] == [3600, 3400]
    identity = run_document_job(DocumentJob(IDENTIFY, str(locked), password="kfor"))
    assert identity.sha256 == file_sha256(locked)


def test_a_wrong_password_says_so(sample_pdf, tmp_path):
    locked = _encrypted_copy(sample_pdf, tmp_path, "kfor")
    with pytest.raises(IsolatedFailure, match="password"):
        run_document_job(DocumentJob(EXTRACT, str(locked), password="wrong"))
