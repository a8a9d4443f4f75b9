"""A small, fixed extraction result and annotations for golden and unit tests of the exports
(independent of the sample PDF, so the goldens change only when the exports do)."""

from __future__ import annotations

import datetime as dt
import re
import uuid

from kfor_viewer.core.annotations import Annotation, DocumentAnnotations, FieldCorrection
from kfor_viewer.core.extraction.model import (
    DocumentFields,
    Evidence,
    ExtractionResult,
    Field,
    GenericFields,
    Report,
)

SHA = "0123456789abcdef" * 4
CREATED = "2026-01-02T03:04:05.000000Z"
_TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z|\d{1,2} \w+ \d{4}, \d\d:\d\d UTC")


def without_timestamps(text: str) -> str:
    """Golden comparisons ignore when the export was made."""
    return _TIMESTAMP.sub("<time>", text)


def _field(value, page: int = 3, quote: str = "") -> Field:
    return Field(value, (Evidence(page, ((72.0, 100.0, 200.0, 112.0),), quote or str(value)),))


def make_report(label: str, start: dt.date, end: dt.date, troops: int, nato: int) -> Report:
    return Report(
        label=_field(label),
        period_start=_field(start),
        period_end=_field(end),
        as_at=_field(end),
        troops_total=_field(troops),
        troops_approximate=_field(True),
        nato_nations=_field(nato),
        non_nato_nations=_field(8),
        major_incidents=_field(False),
        intervention_requests=_field(False),
    )


def make_result() -> ExtractionResult:
    return ExtractionResult(
        file="/documents/S-2020-1191.pdf",
        sha256=SHA,
        page_count=5,
        recognised=True,
        message="2 KFOR reports recognised.",
        document=DocumentFields(
            symbol=_field("S/2020/1191", 1), distribution_date=_field(dt.date(2020, 12, 7), 1)
        ),
        reports=[
            make_report("Annex I", dt.date(2020, 4, 1), dt.date(2020, 6, 30), 3600, 19),
            make_report("Annex II", dt.date(2020, 7, 1), dt.date(2020, 9, 30), 3400, 18),
        ],
        generic=GenericFields(title=_field("Letter dated 3 December 2020", 1), page_count=5),
    )


def make_annotation(number: int, page: int, quote: str, **changes) -> Annotation:
    fields = {
        "id": str(uuid.UUID(int=number)),
        "page": page,
        "quote": quote,
        "rects": ((72.0, 100.0 + 20 * number, 300.0, 112.0 + 20 * number),),
        "start": 10 * number,
        "end": 10 * number + len(quote),
        "created": CREATED,
        "modified": CREATED,
    }
    fields.update(changes)
    return Annotation(**fields)


def make_annotations(*corrections: FieldCorrection) -> DocumentAnnotations:
    annotations = [
        make_annotation(1, 3, "remained approximately 3,600", tags=("troops", "figures"),
                        note="Second quarter."),
        make_annotation(2, 3, "no major security incidents", tags=("security",),
                        color="#8CE99A", note="Calm <b>quarter</b> *again*"),
        make_annotation(3, 5, "remained approximately 3,400", tags=("troops",), color="#74C0FC"),
        make_annotation(4, 5, "third security responder", color="#FFA8A8"),
    ]  # fmt: skip
    document = DocumentAnnotations(sha256=SHA, file_name="S-2020-1191.pdf")
    document.annotations = {a.id: a for a in annotations}
    document.corrections = {c.key: c for c in corrections}
    return document
