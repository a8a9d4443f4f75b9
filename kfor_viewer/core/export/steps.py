"""The export as calls into a reused child process (`IsolatedRunner`), for the GUI: a preview of
the summary, and an export in steps (begin, crop pictures, finish) so the dialog can show
progress and stop between steps, while a PDF that crashes MuPDF costs only the child.

`run_step` runs in the child. Extraction results are cached there per file (path, size, mtime),
so a preview after an option change only rebuilds the summary. The password of an encrypted PDF
travels inside the request through the pipe to the child: never on a command line or on disk.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from kfor_viewer.core.annotations import DocumentAnnotations
from kfor_viewer.core.export.csv_export import render_csv
from kfor_viewer.core.export.html import html_body
from kfor_viewer.core.export.json_export import render_json
from kfor_viewer.core.export.markdown import render_markdown
from kfor_viewer.core.export.runner import (
    FORMAT_NAMES,
    ExportError,
    ExportJob,
    ExportOutcome,
    load_annotations,
    open_source,
)
from kfor_viewer.core.export.summary import ExportOptions, Summary, build_summary
from kfor_viewer.core.extraction import ExtractionError, ExtractionResult, extract
from kfor_viewer.core.isolated_runner import IsolatedFailure

MAX_PREVIEW_CHARS = 200_000
PROTECTED_COPY_NOTE = "The copy is encrypted and opens with the same password as this document."
PreviewMode = Literal["markdown", "html", "plain"]


@dataclass(frozen=True)
class ExportRequest:
    pdf: str
    format: str
    options: ExportOptions
    data_dir: str | None = None
    annotations: DocumentAnnotations | None = None  # the window's state, when it has one
    output: str = ""
    password: str | None = field(default=None, repr=False)  # what unlocked an encrypted PDF


@dataclass(frozen=True)
class Preview:
    mode: PreviewMode
    text: str
    highlights: int
    tag_counts: tuple[tuple[str, int], ...]  # every tag of the document, for the tag filter
    untagged: int
    warnings: tuple[str, ...] = ()


_extractions: dict[tuple[str, int, int], ExtractionResult] = {}
_jobs: dict[int, ExportJob] = {}


def run_step(step: tuple[str, Any]) -> Any:
    """The child's entry point: ("preview", request), ("begin", (job_id, request)),
    ("crop", (job_id, count)), ("finish", job_id) or ("abandon", job_id)."""
    kind, argument = step
    try:
        if kind == "preview":
            return make_preview(argument)
        if kind == "begin":
            return _begin(*argument)
        if kind == "crop":
            job_id, count = argument
            _jobs[job_id].crop(count)
            return _jobs[job_id].pictures_left
        if kind == "finish":
            return _finish(argument)
        if kind == "abandon":
            _close(argument)
            return None
    except ExportError as error:
        raise IsolatedFailure(str(error)) from None
    raise IsolatedFailure(f"unknown export step {kind!r}")


def make_preview(request: ExportRequest) -> Preview:
    """What the chosen format will hold, as Markdown, HTML or plain text for a text browser.
    Pictures are left out of the preview (they are cropped at export time)."""
    result = _extraction(Path(request.pdf), request.password)
    warnings: list[str] = []
    stored = request.annotations or _stored(
        Path(request.pdf), request.data_dir, warnings, request.password
    )
    summary = build_summary(result, stored, request.options)
    tags = Counter(t for a in stored.annotations.values() for t in a.tags)
    untagged = sum(1 for a in stored.annotations.values() if not a.tags)
    mode, text = _preview_text(request.format, summary, request.password is not None)
    return Preview(
        mode, text[:MAX_PREVIEW_CHARS], len(summary.highlights),
        tuple(sorted(tags.items(), key=lambda item: item[0].casefold())), untagged,
        tuple(warnings),
    )  # fmt: skip


def _preview_text(
    output_format: str, summary: Summary, encrypted: bool = False
) -> tuple[PreviewMode, str]:
    if output_format == "md":
        return "markdown", render_markdown(summary)
    if output_format in ("html", "pdf"):
        return "html", html_body(summary)  # the viewer brings its own style sheet
    if output_format == "json":
        return "plain", render_json(summary).decode("utf-8")
    if output_format == "csv":
        return "plain", render_csv(summary).decode("utf-8-sig")
    lines = [
        f"{FORMAT_NAMES['annotated-pdf']}: {len(summary.highlights)} highlight annotations "
        f"will be added to a copy of {summary.document.file_name}.",
        *([PROTECTED_COPY_NOTE] if encrypted else []),
        "",
    ]
    for highlight in summary.highlights:
        tags = f"  [{', '.join(highlight.tags)}]" if highlight.tags else ""
        lines.append(f"p. {highlight.page}  {highlight.color_name}{tags}")
        lines.append(f"    \u201c{highlight.quote}\u201d")
        if highlight.note.strip():
            lines.append("    Note: " + " ".join(highlight.note.split()))
    return "plain", "\n".join(lines)


def _extraction(path: Path, password: str | None) -> ExtractionResult:
    try:
        stat = path.stat()
    except OSError as error:
        raise ExportError(f"{path}: {os.strerror(error.errno or 0) or error}") from error
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    if key not in _extractions:
        _extractions.clear()  # one document at a time is all a dialog needs
        with open_source(path, password) as document:
            try:
                _extractions[key] = extract(document)
            except ExtractionError as error:
                raise ExportError(str(error)) from error
    return _extractions[key]


def _stored(
    path: Path, data_dir: str | None, warnings: list[str], password: str | None
) -> DocumentAnnotations:
    with open_source(path, password) as document:
        return load_annotations(path, document, data_dir, warnings)


def _begin(job_id: int, request: ExportRequest) -> int:
    job = ExportJob(
        request.pdf, request.format, request.output, request.options, request.data_dir,
        request.annotations, request.password,
    )  # fmt: skip
    _jobs[job_id] = job
    try:
        return job.prepare()
    except Exception:
        _close(job_id)
        raise


def _finish(job_id: int) -> ExportOutcome:
    try:
        return _jobs[job_id].finish()
    finally:
        _close(job_id)


def _close(job_id: int) -> None:
    job = _jobs.pop(job_id, None)
    if job is not None:
        job.close()
