"""Annotated summaries of a document in six formats (Markdown, HTML, PDF, an annotated copy of
the PDF, JSON, CSV), all built from one `Summary`. Entry point: `export_file`."""

from __future__ import annotations

from kfor_viewer.core.export.runner import (
    FORMAT_NAMES,
    FORMATS,
    IMAGE_FORMATS,
    ExportCancelled,
    ExportError,
    ExportOutcome,
    check_output_path,
    export_file,
    write_export,
)
from kfor_viewer.core.export.summary import UNTAGGED, ExportOptions, Summary, build_summary

__all__ = [
    "FORMATS",
    "FORMAT_NAMES",
    "IMAGE_FORMATS",
    "UNTAGGED",
    "ExportCancelled",
    "ExportError",
    "ExportOptions",
    "ExportOutcome",
    "Summary",
    "build_summary",
    "check_output_path",
    "export_file",
    "write_export",
]
