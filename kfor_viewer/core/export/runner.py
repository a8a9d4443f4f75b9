"""One export from start to finish, shared by the command line and the export dialog: open the
PDF, extract its fields, load its highlights from the store, build the summary, render the chosen
format and write it atomically, never over the source PDF.

Progress goes to an optional callback `progress(fraction, message)`; the callback may raise
`ExportCancelled` to stop the export, in which case nothing is written.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pymupdf

from kfor_viewer.core.annotation_store import AnnotationStore, StoreReadError
from kfor_viewer.core.annotations import Annotation, DocumentAnnotations
from kfor_viewer.core.document_identity import identify_document
from kfor_viewer.core.export.annotated_pdf import render_annotated_pdf
from kfor_viewer.core.export.csv_export import render_csv
from kfor_viewer.core.export.html import render_html
from kfor_viewer.core.export.json_export import render_json
from kfor_viewer.core.export.markdown import render_markdown
from kfor_viewer.core.export.passage_images import PassageImages
from kfor_viewer.core.export.pdf_summary import render_pdf_summary
from kfor_viewer.core.export.summary import (
    DEFAULT_OPTIONS,
    ExportOptions,
    Summary,
    build_summary,
)
from kfor_viewer.core.extraction import ExtractionError, extract, open_pdf
from kfor_viewer.core.safe_files import FileWriteError, atomic_write

FORMATS: dict[str, str] = {
    "md": ".md",
    "html": ".html",
    "pdf": ".pdf",
    "annotated-pdf": ".pdf",
    "json": ".json",
    "csv": ".csv",
}
FORMAT_NAMES: dict[str, str] = {
    "md": "Markdown summary",
    "html": "HTML summary (one self-contained file)",
    "pdf": "PDF summary",
    "annotated-pdf": "Annotated copy of the PDF",
    "json": "JSON (fields and highlights)",
    "csv": "CSV (one row per highlight)",
}
IMAGE_FORMATS = frozenset({"html", "pdf"})
Progress = Callable[[float, str], None]


class ExportError(Exception):
    """An export that cannot be done; the message says why in plain words."""


class ExportCancelled(Exception):
    """Raised by a progress callback to stop an export; nothing is written."""


@dataclass(frozen=True)
class ExportOutcome:
    path: Path
    format: str
    highlights: int
    skipped: int  # highlights an annotated PDF could not carry (orphans)
    size: int
    warnings: tuple[str, ...] = ()  # e.g. a corrupt store that was set aside


def export_file(
    pdf_path: str | os.PathLike[str],
    output_format: str,
    output: str | os.PathLike[str],
    options: ExportOptions = DEFAULT_OPTIONS,
    data_dir: str | os.PathLike[str] | None = None,
    annotations: DocumentAnnotations | None = None,
    progress: Progress | None = None,
) -> ExportOutcome:
    """Export `pdf_path` to `output`. `annotations` (e.g. the window's unsaved state) replaces
    the store on disk when given. Raises ExportError or ExportCancelled."""
    if output_format not in FORMATS:
        raise ExportError(f"unknown format {output_format!r} (use one of {', '.join(FORMATS)})")
    report = progress or (lambda fraction, message: None)
    source, target = Path(pdf_path), Path(output)
    check_output_path(target, source)
    report(0.0, "Reading the document")
    warnings: list[str] = []
    with closing(_open(source)) as document:
        stored = annotations
        if stored is None:
            stored = load_annotations(source, document, data_dir, warnings)
        summary = summarise(document, stored, options, report)
        data, skipped = render(output_format, summary, document, report)
    report(0.95, "Writing the file")
    write_export(data, target, source)
    report(1.0, "Done")
    return ExportOutcome(
        target, output_format, len(summary.highlights), skipped, len(data), tuple(warnings)
    )


def summarise(
    document: pymupdf.Document,
    stored: DocumentAnnotations,
    options: ExportOptions,
    progress: Progress,
) -> Summary:
    """Extraction plus annotations as one Summary (images cropped when the options ask)."""
    progress(0.05, "Extracting the fields")
    try:
        result = extract(document)
    except ExtractionError as error:
        raise ExportError(str(error)) from error
    crop = PassageImages(document)
    total = max(1, len(stored.annotations))
    done = [0]

    def image(annotation: Annotation) -> bytes | None:
        done[0] += 1
        progress(0.3 + 0.4 * done[0] / total, f"Cropping passage {done[0]} of {total}")
        return crop(annotation)

    return build_summary(result, stored, options, image)


def render(
    output_format: str, summary: Summary, document: pymupdf.Document, progress: Progress
) -> tuple[bytes, int]:
    """The bytes of `summary` in `output_format` and how many highlights could not be placed."""
    progress(0.7, "Writing the " + FORMAT_NAMES.get(output_format, output_format))
    if output_format == "md":
        return render_markdown(summary).encode("utf-8"), 0
    if output_format == "html":
        return render_html(summary).encode("utf-8"), 0
    if output_format == "pdf":
        return render_pdf_summary(summary, lambda pages: progress(0.8, f"Page {pages}")), 0
    if output_format == "json":
        return render_json(summary), 0
    if output_format == "csv":
        return render_csv(summary), 0
    if output_format == "annotated-pdf":
        total = len(summary.highlights)
        annotated = render_annotated_pdf(
            document, summary, lambda done, _: progress(0.7 + 0.2 * done / max(1, total), "")
        )
        return annotated.data, annotated.skipped
    raise ExportError(f"unknown format {output_format!r} (use one of {', '.join(FORMATS)})")


def load_annotations(
    source: Path,
    document: pymupdf.Document,
    data_dir: str | os.PathLike[str] | None,
    warnings: list[str] | None = None,
) -> DocumentAnnotations:
    """The stored annotations of `source`; the store's warnings are appended to `warnings`."""
    try:
        store = AnnotationStore.open(identify_document(source, document), data_dir)
    except (StoreReadError, OSError) as error:
        raise ExportError(f"cannot read the annotations of {source.name}: {error}") from error
    if warnings is not None:
        warnings.extend(w.message for w in store.warnings)
    return store.document


def check_output_path(output: Path, source: Path) -> None:
    """Refuse an output that is the source PDF (same path once resolved, or the same file through
    another name or a hard link), a folder, or in a folder that does not exist."""
    if output.resolve() == source.resolve():
        raise ExportError(f"refusing to write the export over the source PDF {source}")
    if output.exists():
        if output.is_dir():
            raise ExportError(f"{output} is a folder; give a file name for the export")
        try:
            same = os.path.samefile(output, source)
        except OSError:
            same = False
        if same:
            raise ExportError(
                f"refusing to write the export over the source PDF {source} ({output} is the "
                "same file)"
            )
    if not output.parent.is_dir():
        raise ExportError(f"the folder {output.parent} does not exist")


def write_export(data: bytes, output: Path, source: Path) -> None:
    """Write atomically (temporary file, fsync, replace) after checking again that `output` is
    not the source, since the file system may have changed while the export ran."""
    check_output_path(output, source)
    try:
        atomic_write(output, data, keep_backup=False)
    except FileWriteError as error:
        raise ExportError(str(error)) from error


def _open(source: Path) -> pymupdf.Document:
    if not source.is_file():
        raise ExportError(f"{source}: no such file")
    try:
        return open_pdf(source)
    except ExtractionError as error:
        raise ExportError(str(error)) from error
