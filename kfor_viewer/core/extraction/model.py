"""The typed result of an extraction and its JSON form (`to_dict`), versioned by SCHEMA_VERSION.

Every value is a `Field`: a typed value (date, int, bool, str, or a small dict for events) and
its evidence, a list of `Evidence(page, rects, quote)` with 1-based pages and rects in PDF points.
A field that the document does not state is None (JSON null); plural fields (transmitted letter
dates, events, organisations, people, resolutions) are lists of fields, empty when none.
Renaming a key of `to_dict` requires a bump of SCHEMA_VERSION.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from typing import Any

from kfor_viewer.core.page_text import Rect, SpanEvidence

SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class Evidence:
    page: int
    rects: tuple[Rect, ...]
    quote: str

    @classmethod
    def from_span(cls, span: SpanEvidence) -> Evidence:
        return cls(span.page, span.rects, span.quote)

    def to_dict(self) -> dict[str, Any]:
        return {"page": self.page, "rects": [list(r) for r in self.rects], "quote": self.quote}


@dataclass(frozen=True, slots=True)
class Field:
    value: Any
    evidence: tuple[Evidence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"value": _jsonable(self.value), "evidence": [e.to_dict() for e in self.evidence]}


@dataclass
class DocumentFields:
    organ: Field | None = None
    symbol: Field | None = None
    distribution: Field | None = None
    distribution_date: Field | None = None
    original_language: Field | None = None
    job_number: Field | None = None


@dataclass
class CoverLetter:
    date: Field | None = None
    sender: Field | None = None
    addressee: Field | None = None
    signatory: Field | None = None
    resolution: Field | None = None
    transmitted_letter_dates: list[Field] = field(default_factory=list)
    # Periods the letter says the reports cover: value {"start": date, "end": date}.
    periods: list[Field] = field(default_factory=list)


@dataclass
class Report:
    label: Field | None = None
    title: Field | None = None
    letter_date: Field | None = None
    signatory: Field | None = None
    signatory_title: Field | None = None
    period_start: Field | None = None
    period_end: Field | None = None
    as_at: Field | None = None
    troops_total: Field | None = None
    troops_approximate: Field | None = None
    troops_qualifier: Field | None = None
    nato_nations: Field | None = None
    non_nato_nations: Field | None = None
    # All troop-contributing nations when only their total is stated ("from 31 nations").
    contributing_nations: Field | None = None
    non_nato_troops: Field | None = None
    major_incidents: Field | None = None
    intervention_requests: Field | None = None
    security_assessment: Field | None = None
    # value {"date": date, "text": sentence}
    events: list[Field] = field(default_factory=list)
    organisations: list[Field] = field(default_factory=list)
    people: list[Field] = field(default_factory=list)
    resolutions: list[Field] = field(default_factory=list)


@dataclass
class Change:
    """Differences between two consecutive reports: each figure is {"from", "to", "difference"}."""

    from_report: str
    to_report: str
    troops_total: dict[str, int | None]
    nato_nations: dict[str, int | None]
    non_nato_nations: dict[str, int | None]


@dataclass(frozen=True, slots=True)
class Warning:
    code: str
    message: str
    report: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "report": self.report}


@dataclass
class GenericFields:
    """What any PDF yields: title, page count, full dates and organisations named."""

    title: Field | None = None
    page_count: int = 0
    dates: list[Field] = field(default_factory=list)
    organisations: list[Field] = field(default_factory=list)


@dataclass
class ExtractionResult:
    file: str | None
    sha256: str | None
    page_count: int
    recognised: bool
    message: str
    document: DocumentFields = field(default_factory=DocumentFields)
    cover_letter: CoverLetter | None = None
    reports: list[Report] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)
    generic: GenericFields = field(default_factory=GenericFields)
    ocr_pages: list[int] = field(default_factory=list)
    ocr_unavailable_pages: list[int] = field(default_factory=list)
    schema_version: int = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract documented in README.md ("Extracted fields (JSON schema)")."""
        return {
            "schema_version": self.schema_version,
            "file": self.file,
            "sha256": self.sha256,
            "page_count": self.page_count,
            "recognised": self.recognised,
            "message": self.message,
            "document": _record(self.document),
            "cover_letter": _record(self.cover_letter) if self.cover_letter else None,
            "reports": [_record(report) for report in self.reports],
            "changes": [_record(change) for change in self.changes],
            "warnings": [warning.to_dict() for warning in self.warnings],
            "generic": _record(self.generic),
            "ocr": {
                "pages": [i + 1 for i in self.ocr_pages],
                "unavailable_pages": [i + 1 for i in self.ocr_unavailable_pages],
            },
        }


def _record(record: Any) -> dict[str, Any]:
    return {f.name: _jsonable(getattr(record, f.name)) for f in fields(record)}


def _jsonable(value: Any) -> Any:
    if isinstance(value, Field):
        return value.to_dict()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    return value
