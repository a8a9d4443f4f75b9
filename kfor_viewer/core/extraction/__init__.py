"""Structured fields of a UN Security Council document transmitting NATO's KFOR reports, each
value linked to its evidence on the page. Entry point: `extract(path_or_document)`."""

from __future__ import annotations

from kfor_viewer.core.extraction.extractor import ExtractionError, extract, open_pdf
from kfor_viewer.core.extraction.model import (
    SCHEMA_VERSION,
    Change,
    CoverLetter,
    DocumentFields,
    Evidence,
    ExtractionResult,
    Field,
    GenericFields,
    Report,
    Warning,
)

__all__ = [
    "SCHEMA_VERSION",
    "Change",
    "CoverLetter",
    "DocumentFields",
    "Evidence",
    "ExtractionError",
    "ExtractionResult",
    "Field",
    "GenericFields",
    "Report",
    "Warning",
    "extract",
    "open_pdf",
]
