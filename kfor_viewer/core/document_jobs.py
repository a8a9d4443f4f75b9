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


def run_document_job(job: DocumentJob) -> Any:
    """Runs in the child: a `DocumentIdentity` or an `ExtractionResult` (both picklable)."""
    from kfor_viewer.core.document_identity import identify_document
    from kfor_viewer.core.extraction import ExtractionError, extract

    if job.kind == IDENTIFY:
        return identify_document(job.path)  # a failure comes back as "cannot be read (...)"
    if job.kind == EXTRACT:
        try:
            return extract(job.path, use_ocr=job.use_ocr)
        except ExtractionError as error:
            raise IsolatedFailure(str(error).removeprefix(f"{job.path}: ")) from None
    raise IsolatedFailure(f"unknown job {job.kind!r}")
