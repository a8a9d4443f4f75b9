"""The jobs the GUI runs on an opened document in an isolated child process (see
`isolated_runner`): identify it for the annotation store, then extract its fields. Both open the
file themselves, so the GUI process never runs MuPDF on the user's file."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kfor_viewer.core.isolated_runner import IsolatedFailure

IDENTIFY = "identify"
EXTRACT = "extract"


@dataclass(frozen=True)
class DocumentJob:
    kind: str  # IDENTIFY or EXTRACT
    path: str
    use_ocr: bool = True
    password: str | None = None  # the one the user gave the viewer for an encrypted PDF


def run_document_job(job: DocumentJob) -> Any:
    """Runs in the child: a `DocumentIdentity` or an `ExtractionResult` (both picklable)."""
    from kfor_viewer.core.document_identity import identify_document
    from kfor_viewer.core.extraction import ExtractionError, extract

    if job.kind not in (IDENTIFY, EXTRACT):
        raise IsolatedFailure(f"unknown job {job.kind!r}")
    if job.password is not None:
        return _run_on_unlocked(job)
    if job.kind == IDENTIFY:
        return identify_document(job.path)  # a failure comes back as "cannot be read (...)"
    try:
        return extract(job.path, use_ocr=job.use_ocr)
    except ExtractionError as error:
        raise IsolatedFailure(str(error).removeprefix(f"{job.path}: ")) from None


def _run_on_unlocked(job: DocumentJob) -> Any:
    """An encrypted PDF: open it, unlock it with the user's password, and work on that."""
    import pymupdf

    from kfor_viewer.core.document_identity import identify_document
    from kfor_viewer.core.extraction import ExtractionError, extract

    with pymupdf.open(job.path) as document:
        if document.needs_pass and not document.authenticate(job.password or ""):
            raise IsolatedFailure("the password does not open this PDF")
        if job.kind == IDENTIFY:
            return identify_document(job.path, document)
        try:
            return extract(document, use_ocr=job.use_ocr)
        except ExtractionError as error:
            raise IsolatedFailure(str(error).removeprefix(f"{job.path}: ")) from None
