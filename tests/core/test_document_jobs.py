"""The jobs the GUI sends to its isolated child, run here in-process."""

from __future__ import annotations

import pytest

from kfor_viewer.core.document_identity import file_sha256
from kfor_viewer.core.document_jobs import EXTRACT, IDENTIFY, DocumentJob, run_document_job
from kfor_viewer.core.isolated_runner import IsolatedFailure
from tests.core.export.annotated_sample import make_annotated_sample


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
    return make_annotated_sample(tmp_path, sample_pdf, password).pdf


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


def test_a_missing_password_says_so_and_is_never_shown(sample_pdf, tmp_path):
    locked = _encrypted_copy(sample_pdf, tmp_path, "Zq7-secret")
    assert "Zq7-secret" not in repr(DocumentJob(IDENTIFY, str(locked), password="Zq7-secret"))
    with pytest.raises(IsolatedFailure, match="needs its password"):
        run_document_job(DocumentJob(EXTRACT, str(locked), password=None))
