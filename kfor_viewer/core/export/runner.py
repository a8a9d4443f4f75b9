"""One export from start to finish, shared by the command line and the export dialog: open the
PDF, extract its fields, load its highlights from the store, build the summary, render the chosen
format and write it atomically, never over the source PDF.

Progress goes to an optional callback `progress(fraction, message)`; the callback may raise
`ExportCancelled` to stop the export, in which case nothing is written.

An encrypted PDF is opened with the password the caller was given (kept in memory only); its
annotated copy is protected by that same password.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable, Iterator
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
    select_annotations,
)
from kfor_viewer.core.extraction import ExtractionError, ExtractionResult, extract
from kfor_viewer.core.pdf_document import describe_error, open_document
from kfor_viewer.core.pdf_types import DocumentError
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
    password: str | None = None,
) -> ExportOutcome:
    """Export `pdf_path` to `output`. `annotations` (e.g. the window's unsaved state) replaces
    the store on disk when given; `password` unlocks an encrypted PDF. Raises ExportError or
    ExportCancelled."""
    report = progress or (lambda fraction, message: None)
    job = ExportJob(pdf_path, output_format, output, options, data_dir, annotations, password)
    try:
        report(0.0, "Reading the document")
        total = job.prepare()
        while job.pictures_left:
            job.crop(1)
            done = total - job.pictures_left
            report(0.1 + 0.6 * done / total, f"Cropping passage {done} of {total}")
        report(0.7, "Writing the " + FORMAT_NAMES[output_format])
        outcome = job.finish()
    finally:
        job.close()
    report(1.0, "Done")
    return outcome


class ExportJob:
    """One export in steps, so that a caller in another process can report progress and stop
    between them: `prepare()` (read, extract, select), `crop(n)` while `pictures_left`, then
    `finish()` (render and write). Always `close()` it."""

    def __init__(
        self,
        pdf_path: str | os.PathLike[str],
        output_format: str,
        output: str | os.PathLike[str],
        options: ExportOptions = DEFAULT_OPTIONS,
        data_dir: str | os.PathLike[str] | None = None,
        annotations: DocumentAnnotations | None = None,
        password: str | None = None,
    ) -> None:
        if output_format not in FORMATS:
            raise ExportError(f"unknown format {output_format!r} (use one of {', '.join(FORMATS)})")
        self.source, self.target = Path(pdf_path), Path(output)
        check_output_path(self.target, self.source)
        self.format, self.options, self.data_dir = output_format, options, data_dir
        self.warnings: list[str] = []
        self._stored = annotations
        self._password = password
        self._document: pymupdf.Document | None = None
        self._result: ExtractionResult | None = None
        self._to_crop: list[Annotation] = []
        self._pictures: dict[str, bytes | None] = {}
        self._cropper: PassageImages | None = None  # keeps each page's display list

    @property
    def pictures_left(self) -> int:
        return len(self._to_crop)

    def prepare(self) -> int:
        """Reads the document and its annotations; returns how many pictures are to be cropped."""
        with _pdf_errors(self.source):
            return self._prepare()

    def crop(self, count: int) -> None:
        with _pdf_errors(self.source):
            self._crop(count)

    def finish(self) -> ExportOutcome:
        with _pdf_errors(self.source):
            return self._finish()

    def _prepare(self) -> int:
        self._document = open_source(self.source, self._password)
        if self._stored is None:
            self._stored = load_annotations(
                self.source, self._document, self.data_dir, self.warnings
            )
        self.warnings.extend(_unused_tags(self.options.tags, self._stored))
        self._result = _extract(self._document)
        if self.options.include_images and self.format in IMAGE_FORMATS:
            chosen = select_annotations(self._stored.annotations.values(), self.options.tags)
            self._to_crop = [a for a in chosen if not a.orphan]
        return len(self._to_crop)

    def _crop(self, count: int) -> None:
        if self._cropper is None:
            self._cropper = PassageImages(self._require_document())
        crop = self._cropper
        for annotation in self._to_crop[:count]:
            self._pictures[annotation.id] = crop(annotation)
        del self._to_crop[:count]

    def _finish(self) -> ExportOutcome:
        document = self._require_document()
        summary = build_summary(
            self._result, self._stored, self.options, lambda a: self._pictures.get(a.id)
        )
        data, skipped = render(self.format, summary, document, self._password)
        write_export(data, self.target, self.source)
        return ExportOutcome(
            self.target, self.format, len(summary.highlights), skipped, len(data),
            tuple(self.warnings),
        )  # fmt: skip

    def close(self) -> None:
        if self._document is not None:
            self._document.close()
            self._document = None

    def _require_document(self) -> pymupdf.Document:
        if self._document is None or self._result is None:
            raise ExportError("the export job was not prepared")
        return self._document


@contextlib.contextmanager
def _pdf_errors(source: Path) -> Iterator[None]:
    """MuPDF's failures on a damaged file (a page tree with a cycle...) as an ExportError."""
    try:
        yield
    except (RuntimeError, ValueError, pymupdf.mupdf.FzErrorBase) as error:
        raise ExportError(f"{source}: the PDF cannot be read ({describe_error(error)})") from error


def _extract(document: pymupdf.Document) -> ExtractionResult:
    try:
        return extract(document)
    except ExtractionError as error:
        raise ExportError(str(error)) from error


def render(
    output_format: str,
    summary: Summary,
    document: pymupdf.Document,
    password: str | None = None,
) -> tuple[bytes, int]:
    """The bytes of `summary` in `output_format` and how many highlights could not be placed.
    An annotated copy of a PDF opened with `password` is encrypted with it as well."""
    if output_format == "annotated-pdf":
        protection = _protection(document, password)
        annotated = render_annotated_pdf(document, summary, protection=protection)
        return annotated.data, annotated.skipped
    renderers = {
        "md": lambda: render_markdown(summary).encode("utf-8"),
        "html": lambda: render_html(summary).encode("utf-8"),
        "pdf": lambda: render_pdf_summary(summary),
        "json": lambda: render_json(summary),
        "csv": lambda: render_csv(summary),
    }
    if output_format not in renderers:
        raise ExportError(f"unknown format {output_format!r} (use one of {', '.join(FORMATS)})")
    return renderers[output_format](), 0


def _unused_tags(tags: tuple[str, ...] | None, stored: DocumentAnnotations) -> list[str]:
    """A warning per asked-for tag no highlight carries (a typo gives an empty summary)."""
    used = {tag for annotation in stored.annotations.values() for tag in annotation.tags}
    return [f"no highlight has the tag {tag!r}" for tag in tags or () if tag not in used]


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


def open_source(source: Path, password: str | None = None) -> pymupdf.Document:
    """The source PDF, unlocked with `password` when it is encrypted. A missing or wrong
    password is an ExportError whose cause is the `PasswordRequired` saying which."""
    if not source.is_file():
        raise ExportError(f"{source}: no such file")
    try:
        return open_document(str(source), password)
    except DocumentError as error:
        raise ExportError(f"{source}: {error.message}") from error


def _protection(document: pymupdf.Document, password: str | None) -> dict[str, object] | None:
    """How to encrypt the annotated copy of a document that `password` unlocked: AES-256, the
    same password to open it, the same permissions, and an owner password nobody knows (so the
    user's password cannot lift those permissions). None for a document that was not encrypted."""
    if password is None or not (document.metadata or {}).get("encryption"):
        return None
    return {
        "encryption": pymupdf.PDF_ENCRYPT_AES_256,
        "user_pw": password,
        "owner_pw": secrets.token_urlsafe(24),
        "permissions": document.permissions,
    }
