"""The jobs the GUI runs on an opened document in an isolated child process (see
`isolated_runner`): identify it for the annotation store, then extract its fields. Both open the
file themselves, so the GUI process never runs MuPDF on the user's file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kfor_viewer.core.isolated_runner import IsolatedFailure

IDENTIFY = "identify"
EXTRACT = "extract"


@dataclass(frozen=True)
class DocumentJob:
    kind: str  # IDENTIFY or EXTRACT
    path: str
    use_ocr: bool = True
    # The one the user gave the viewer for an encrypted PDF: it reaches the child through the
    # pipe, never on disk or a command line, and is left out of repr (so out of any log).
    password: str | None = field(default=None, repr=False)


def run_document_job(job: DocumentJob) -> Any:
    """Runs in the child: a `DocumentIdentity` or an `ExtractionResult` (both picklable)."""
    from kfor_viewer.core.document_identity import identify_document
    from kfor_viewer.core.extraction import ExtractionError, extract

    if job.kind not in (IDENTIFY, EXTRACT):
        raise IsolatedFailure(f"unknown job {job.kind!r}")
    if job.kind == IDENTIFY and job.password is None:
        return identify_document(job.path)  # a failure comes back as "cannot be read (...)"
    with open_unlocked(job.path, job.password) as document:
        if job.kind == IDENTIFY:
            return identify_document(job.path, document)
        try:
            return extract(document, use_ocr=job.use_ocr)
        except ExtractionError as error:
            raise IsolatedFailure(str(error).removeprefix(f"{job.path}: ")) from None


def open_unlocked(path: str, password: str | None) -> Any:
    """The PDF at `path` (a `pymupdf.Document`), unlocked with `password` when it is encrypted;
    IsolatedFailure says in plain words why it cannot be (no password, a wrong one, damage)."""
    from kfor_viewer.core.pdf_document import open_document
    from kfor_viewer.core.pdf_types import DocumentError, PasswordRequired

    try:
        return open_document(path, password)
    except PasswordRequired as error:
        if error.wrong_password:
            raise IsolatedFailure("the password does not open this PDF") from None
        raise IsolatedFailure("the PDF is encrypted and needs its password") from None
    except DocumentError as error:
        raise IsolatedFailure(f"the PDF could not be read ({error.message})") from None
