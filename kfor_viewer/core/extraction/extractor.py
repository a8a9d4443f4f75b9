"""`extract(path_or_document)`: the whole pipeline, from a PDF to an `ExtractionResult`.

The document's text is read once (page_text), split into its parts (structure), and each part
read by its own module. A PDF that is not a KFOR document still yields its generic fields and
`recognised=False`; a file that cannot be opened raises `ExtractionError` with a clear message.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pymupdf

from kfor_viewer.core.extraction import checks, entities
from kfor_viewer.core.extraction.cover_letter import cover_letter
from kfor_viewer.core.extraction.header import document_fields
from kfor_viewer.core.extraction.model import ExtractionResult, Field, GenericFields, Warning
from kfor_viewer.core.extraction.reports import reports as read_reports
from kfor_viewer.core.extraction.source import Region, Source
from kfor_viewer.core.extraction.structure import find_layout
from kfor_viewer.core.page_text import DocumentText, read_document_text
from kfor_viewer.core.pdf_document import open_document
from kfor_viewer.core.pdf_types import DocumentError

MAX_GENERIC_DATES = 50


class ExtractionError(Exception):
    """The file cannot be read as a PDF (missing, empty, not a PDF, damaged, encrypted)."""


def extract(
    path_or_document: str | os.PathLike[str] | pymupdf.Document, use_ocr: bool = True
) -> ExtractionResult:
    """Extract the fields of a KFOR document (or the generic fields of any PDF).

    A `pymupdf.Document` passed in stays open and owned by the caller."""
    if isinstance(path_or_document, pymupdf.Document):
        document = path_or_document
        path = Path(document.name) if document.name else None
        return _extract_open(document, path, use_ocr)
    path = Path(path_or_document)
    document = open_pdf(path)
    try:
        return _extract_open(document, path, use_ocr)
    finally:
        document.close()


def open_pdf(path: Path) -> pymupdf.Document:
    """Open a PDF for reading or raise `ExtractionError` saying why it cannot be read."""
    try:
        return open_document(str(path))
    except DocumentError as error:
        raise ExtractionError(f"{path}: {error}") from error


def _extract_open(document: pymupdf.Document, path: Path | None, use_ocr: bool) -> ExtractionResult:
    doc_text = read_document_text(document, use_ocr)
    if doc_text.unreadable_pages:
        # Fields of a document with a missing page cannot be trusted (a report may be cut).
        index = doc_text.unreadable_pages[0]
        reason = doc_text.page_errors.get(index, "damaged")
        raise ExtractionError(f"{path}: page {index + 1} cannot be read ({reason})")
    source = Source(doc_text)
    layout = find_layout(source)
    cover = cover_letter(source, layout.cover, layout.cover_heading) if layout.cover else None
    reports = read_reports(source, layout, cover)
    recognised = bool(reports)
    result = ExtractionResult(
        file=str(path) if path else None,
        sha256=_sha256(path),
        page_count=document.page_count,
        recognised=recognised,
        message=_message(recognised, len(reports)),
        document=document_fields(source, layout.header),
        cover_letter=cover,
        reports=reports,
        generic=_generic(source, document, layout.cover_heading),
        ocr_pages=doc_text.ocr_pages,
        ocr_unavailable_pages=doc_text.ocr_unavailable_pages,
    )
    _add_checks(result)
    _add_page_warnings(result, doc_text)
    return result


def _message(recognised: bool, count: int) -> str:
    if not recognised:
        return "No KFOR report structure was recognised; only the generic fields were extracted."
    return f"{count} KFOR report{'s' if count != 1 else ''} recognised."


def _add_checks(result: ExtractionResult) -> None:
    for index, report in enumerate(result.reports):
        result.warnings += checks.report_warnings(report, checks.report_name(report, index))
    result.warnings += checks.cover_letter_warnings(result.cover_letter, result.reports)
    result.changes = checks.changes(result.reports)
    result.warnings += checks.change_warnings(result.changes)


def _add_page_warnings(result: ExtractionResult, doc_text: DocumentText) -> None:
    if doc_text.ocr_unavailable_pages:
        pages = _pages_are(doc_text.ocr_unavailable_pages)
        result.warnings.append(
            Warning(
                "ocr_unavailable",
                f"{pages} images without a text layer, and OCR is unavailable "
                "(Tesseract was not found).",
            )
        )


def _pages_are(indexes: list[int]) -> str:
    """ "Page 2 is" or "Pages 2, 3 are", from 0-based indexes."""
    if len(indexes) == 1:
        return f"Page {indexes[0] + 1} is"
    return f"Pages {', '.join(str(i + 1) for i in indexes)} are"


def _generic(source: Source, document: pymupdf.Document, heading: Region | None) -> GenericFields:
    whole = Region(0, len(source.text))
    generic = GenericFields(page_count=document.page_count)
    generic.title = _title(source, document, heading)
    seen = set()
    for date in source.dates(0, len(source.text)):
        value = date.resolve(None)
        if value is not None and value not in seen and len(seen) < MAX_GENERIC_DATES:
            seen.add(value)
            generic.dates.append(source.field(value, date.start, date.end))
    generic.organisations = entities.organisations(source, whole)
    return generic


def _title(source: Source, document: pymupdf.Document, heading: Region | None) -> Field | None:
    """The letter's heading, else the PDF's title metadata, else the first sizeable paragraph."""
    if heading is not None:
        return source.field(" ".join(source.quote(heading).split()), *_span(heading))
    metadata_title = (document.metadata or {}).get("title", "").strip()
    if metadata_title:
        return Field(metadata_title)
    for paragraph in source.paragraphs(Region(0, len(source.text)))[:10]:
        text = " ".join(source.quote(paragraph).split())
        if len(text.split()) >= 3 and len(text) <= 300:
            return source.field(text, *_span(paragraph))
    return None


def _span(region: Region) -> tuple[int, int]:
    return region.start, region.end


def _sha256(path: Path | None) -> str | None:
    if path is None or not path.is_file():
        return None
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
