"""Annotation work that needs MuPDF, run by the GUI in an isolated child process (see
`isolated_runner`) so the GUI process never parses the user's file: reading the highlights
stored inside a PDF, re-anchoring a colleague's annotations made on another version, and
placing highlights made in the window in the document's text (character offsets, context).

The child is reused from call to call, so it keeps the text of the last document it read. The
password of an encrypted PDF travels in the job through the pipe, never on disk or a command
line."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from kfor_viewer.core.annotations import Annotation
from kfor_viewer.core.document_jobs import open_unlocked
from kfor_viewer.core.isolated_runner import IsolatedFailure

PDF_HIGHLIGHTS = "pdf-highlights"
REANCHOR = "reanchor"
ANCHOR = "anchor"  # highlights of this very document: only those found on their own page


@dataclass(frozen=True)
class AnnotationJob:
    kind: str  # PDF_HIGHLIGHTS, REANCHOR or ANCHOR
    path: str  # the open PDF
    annotations: tuple[Annotation, ...] = ()  # for REANCHOR
    password: str | None = field(default=None, repr=False)  # what unlocked an encrypted PDF


_text_cache: dict[tuple[str, int, int], Any] = {}  # (path, size, mtime) -> DocumentText


def run_annotation_job(job: AnnotationJob) -> list[Annotation]:
    """Runs in the child. PDF_HIGHLIGHTS: the PDF's own highlights as annotations. REANCHOR:
    `job.annotations` found again in the PDF's text, those not found flagged as orphans.
    ANCHOR: `job.annotations` with offsets and context, for those found on their page."""
    from kfor_viewer.core.anchoring import import_pdf_highlights, reanchor

    with open_unlocked(job.path, job.password) as document:
        text = _document_text(job.path, document)
        if job.kind == PDF_HIGHLIGHTS:
            return import_pdf_highlights(document, text)
        result = reanchor(job.annotations, text)
        if job.kind == REANCHOR:
            return [*result.anchored, *result.orphans]
        if job.kind == ANCHOR:
            pages = {a.id: a.page for a in job.annotations}
            return [a for a in result.anchored if a.page == pages[a.id]]
    raise IsolatedFailure(f"unknown job {job.kind!r}")


def _document_text(path: str, document: Any) -> Any:
    from kfor_viewer.core.page_text import read_document_text

    stat = os.stat(path)
    key = (path, stat.st_size, stat.st_mtime_ns)
    if key not in _text_cache:
        _text_cache.clear()  # one document at a time: the one open in the window
        _text_cache[key] = read_document_text(document, use_ocr=False)
    return _text_cache[key]


def new_annotations(found: Sequence[Annotation], existing_ids: set[str]) -> list[Annotation]:
    """Those of `found` not yet in the store (imported ids are stable, so a second import of
    the same PDF adds nothing)."""
    return [a for a in found if a.id not in existing_ids]
