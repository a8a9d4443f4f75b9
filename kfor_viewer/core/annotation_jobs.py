"""Annotation work that needs MuPDF, run by the GUI in an isolated child process (see
`isolated_runner`) so the GUI process never parses the user's file: reading the highlights
stored inside a PDF, and re-anchoring a colleague's annotations made on another version."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kfor_viewer.core.annotations import Annotation
from kfor_viewer.core.isolated_runner import IsolatedFailure

PDF_HIGHLIGHTS = "pdf-highlights"
REANCHOR = "reanchor"


@dataclass(frozen=True)
class AnnotationJob:
    kind: str  # PDF_HIGHLIGHTS or REANCHOR
    path: str  # the open PDF
    annotations: tuple[Annotation, ...] = ()  # for REANCHOR


def run_annotation_job(job: AnnotationJob) -> list[Annotation]:
    """Runs in the child. PDF_HIGHLIGHTS: the PDF's own highlights as annotations. REANCHOR:
    `job.annotations` found again in the PDF's text, those not found flagged as orphans."""
    import pymupdf

    from kfor_viewer.core.anchoring import import_pdf_highlights, reanchor
    from kfor_viewer.core.page_text import read_document_text

    try:
        document = pymupdf.open(job.path)
    except (pymupdf.FileDataError, RuntimeError, OSError) as error:
        raise IsolatedFailure(f"the PDF could not be read ({error})") from None
    with document:
        text = read_document_text(document, use_ocr=False)
        if job.kind == PDF_HIGHLIGHTS:
            return import_pdf_highlights(document, text)
        if job.kind == REANCHOR:
            result = reanchor(job.annotations, text)
            return [*result.anchored, *result.orphans]
    raise IsolatedFailure(f"unknown job {job.kind!r}")


def new_annotations(found: Sequence[Annotation], existing_ids: set[str]) -> list[Annotation]:
    """Those of `found` not yet in the store (imported ids are stable, so a second import of
    the same PDF adds nothing)."""
    return [a for a in found if a.id not in existing_ids]
