"""The document header block: organ, symbol, distribution and its date, original language, and
the job number printed in the first page's footer."""

from __future__ import annotations

import re

from kfor_viewer.core.extraction.model import DocumentFields, Evidence, Field
from kfor_viewer.core.extraction.source import Region, Source
from kfor_viewer.core.page_text import Line

ORGAN_RE = re.compile(
    r"^(?P<organ>Security Council|General Assembly|Economic and Social Council|"
    r"Conseil de sécurité|Assemblée générale|Consejo de Seguridad)$"
)
DISTRIBUTION_RE = re.compile(
    r"\bDistr\.?\s*:?\s*(?P<value>General|Limited|Restricted|générale|limitée|restreinte|"
    r"general|limitada|reservada)\b",
    re.IGNORECASE,
)
ORIGINAL_RE = re.compile(r"\bOriginal\s*:\s*(?P<value>[A-Za-zÀ-ÿ]+)", re.IGNORECASE)
SYMBOL_RE = re.compile(r"\b(?P<value>S/\d{4}/\d{1,5}(?:/(?:Add|Rev|Corr)\.\d+)*)")
JOB_RE = re.compile(r"^(?P<value>\d{2}-\d{4,6}(?:\s*\([A-Z]\))?)")


def document_fields(source: Source, header: Region) -> DocumentFields:
    fields = DocumentFields()
    for paragraph in source.paragraphs(header):
        text = source.quote(paragraph)
        if fields.organ is None and (match := ORGAN_RE.match(text)):
            fields.organ = source.field(match["organ"], paragraph.start, paragraph.end)
        if fields.original_language is None and (match := ORIGINAL_RE.search(text)):
            start = paragraph.start + match.start()
            fields.original_language = source.field(
                match["value"].capitalize(), start, paragraph.start + match.end()
            )
    # Older headers set "Distr." and "GENERAL" on two lines, so the whole block is searched.
    if match := DISTRIBUTION_RE.search(source.text, header.start, header.end):
        value = match["value"].capitalize()
        fields.distribution = source.field(value, match.start(), match.end())
    fields.distribution_date = _distribution_date(source, header)
    fields.symbol = _symbol(source, header)
    fields.job_number = _job_number(source)
    return fields


def _distribution_date(source: Source, header: Region) -> Field | None:
    """The first full date of the header block (it follows "Distr.: General")."""
    for match in source.dates(header.start, header.end):
        if match.year is not None:
            return source.field(match.resolve(None), match.start, match.end)
    return None


def _symbol(source: Source, header: Region) -> Field | None:
    """The symbol in the first page's header, else the running header of a later page."""
    if match := SYMBOL_RE.search(source.text, header.start, header.end):
        return source.field(match["value"], match.start(), match.end())
    for line in source.doc_text.furniture():
        if match := SYMBOL_RE.search(line.text):
            return _line_field(source, line, match["value"])
    return None


def _job_number(source: Source) -> Field | None:
    """The job number ("21-04137 (E)"), first-page footer first."""
    lines = sorted(source.doc_text.furniture("job_number"), key=lambda line: line.page_index)
    for line in lines:
        if match := JOB_RE.match(line.text):
            return _line_field(source, line, " ".join(match["value"].split()))
    return None


def _line_field(source: Source, line: Line, value: str) -> Field:
    return Field(value, (Evidence.from_span(source.doc_text.line_evidence(line)),))
