"""The annotation data of one document: highlights, field corrections and their deletions.

Plain typed dataclasses with `to_dict`/`from_dict`. `from_dict` is strict: anything that is not
exactly the documented schema (README, "Annotation store (JSON schema)") raises
`AnnotationFormatError` naming the offending field, so a store edited into nonsense is refused
rather than half-read. Positions are PDF points on 1-based pages.
"""

from __future__ import annotations

import operator
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from kfor_viewer.core import annotation_checks as check
from kfor_viewer.core.annotation_checks import (
    AnnotationFormatError,
    CorrectionKey,
    format_time,
    parse_time,
)

SCHEMA_VERSION = 2
CONTEXT_CHARS = 40
DEFAULT_COLOR = "#FFE066"

Rect = tuple[float, float, float, float]
Quad = tuple[float, float, float, float, float, float, float, float]
ReviewState = Literal["verified", "edited"]
REVIEW_STATES: tuple[str, ...] = ("verified", "edited")

_last_stamp: list[datetime] = [datetime.min.replace(tzinfo=UTC)]


def utc_now() -> str:
    """Now as canonical ISO 8601 UTC; strictly increasing within the process so that two edits
    in the same microsecond still order correctly when stores are merged."""
    now = datetime.now(UTC)
    if now <= _last_stamp[0]:
        now = _last_stamp[0] + timedelta(microseconds=1)
    _last_stamp[0] = now
    return format_time(now)


def new_id() -> str:
    return str(uuid.uuid4())


def normalize_color(value: str) -> str:
    """'#ffe066' -> '#FFE066'; anything else raises AnnotationFormatError."""
    return check.color(value, "colour")


@dataclass(frozen=True)
class Annotation:
    """One highlight. `start`/`end` index the page's text (None when unknown, e.g. orphans
    imported from a PDF without text under them); `rects` are one box per line."""

    id: str
    page: int
    quote: str
    rects: tuple[Rect, ...] = ()
    quads: tuple[Quad, ...] = ()
    prefix: str = ""
    suffix: str = ""
    start: int | None = None
    end: int | None = None
    color: str = DEFAULT_COLOR
    tags: tuple[str, ...] = ()
    note: str = ""
    orphan: bool = False
    created: str = field(default_factory=utc_now)
    modified: str = ""

    def __post_init__(self) -> None:
        if not self.modified:
            object.__setattr__(self, "modified", self.created)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "page": self.page,
            "quote": self.quote,
            "rects": [list(r) for r in self.rects],
            "quads": [list(q) for q in self.quads],
            "prefix": self.prefix,
            "suffix": self.suffix,
            "start": self.start,
            "end": self.end,
            "color": self.color,
            "tags": list(self.tags),
            "note": self.note,
            "orphan": self.orphan,
            "created": self.created,
            "modified": self.modified,
        }

    @classmethod
    def from_dict(cls, data: Any, where: str = "annotation") -> Annotation:
        # Field names are formatted into messages only on error: stores hold 10,000s of these.
        fields = check.require_keys(data, _ANNOTATION_KEYS, where)
        start, end, page = fields["start"], fields["end"], fields["page"]
        if not (start is None and end is None) and not (
            type(start) is int and type(end) is int and 0 <= start <= end
        ):
            raise AnnotationFormatError(
                f"{where}: start/end must be 0 <= start <= end or both null"
            )
        if type(page) is not int or page < 1:
            raise AnnotationFormatError(
                f"{where}.page must be an integer >= 1 (pages count from 1)"
            )
        values = {
            "id": check.uuid_text(fields["id"], where, "id"),
            "page": page,
            "quote": check.text(fields["quote"], where, "quote"),
            "rects": check.boxes(fields["rects"], 4, where, "rects"),
            "quads": check.boxes(fields["quads"], 8, where, "quads"),
            "prefix": check.text(fields["prefix"], where, "prefix"),
            "suffix": check.text(fields["suffix"], where, "suffix"),
            "start": start,
            "end": end,
            "color": check.color(fields["color"], where, "color"),
            "tags": check.tags(fields["tags"], where, "tags"),
            "note": check.text(fields["note"], where, "note"),
            "orphan": check.boolean(fields["orphan"], where, "orphan"),
            "created": parse_time(fields["created"], where, "created"),
            "modified": parse_time(fields["modified"], where, "modified"),
        }
        # Every field is checked above: skip the frozen __init__, which costs more than all the
        # checks together (object.__setattr__ per field) when a store holds 10,000 highlights.
        annotation = object.__new__(cls)
        annotation.__dict__.update(values)
        return annotation


ANNOTATION_FIELDS: tuple[str, ...] = tuple(Annotation.__dataclass_fields__)
_ANNOTATION_KEYS = frozenset(ANNOTATION_FIELDS)

# An annotation's field values in ANNOTATION_FIELDS order, as one tuple (a C-speed getter).
annotation_values = operator.attrgetter(*ANNOTATION_FIELDS)


def annotations_from_values(rows: Iterable[tuple[Any, ...]]) -> dict[str, Annotation]:
    """Annotations keyed by id, from rows that `annotation_values` took from checked annotations
    (the store's parse cache). Nothing is checked again: give only such rows."""
    new, fields, result = object.__new__, ANNOTATION_FIELDS, {}
    for row in rows:
        annotation = new(Annotation)
        annotation.__dict__.update(zip(fields, row, strict=True))
        result[row[0]] = annotation
    return result


@dataclass(frozen=True)
class FieldCorrection:
    """The user's word on one extracted field: 'verified' keeps the extracted value, 'edited'
    replaces it. `section` is e.g. 'document', 'cover_letter', 'report:1'; `original` is what the
    extractor said when the user acted, so the panel can show and revert the change."""

    section: str
    field: str
    value: Any
    state: ReviewState
    original: Any = None
    modified: str = field(default_factory=utc_now)

    @property
    def key(self) -> CorrectionKey:
        return (self.section, self.field)

    def to_dict(self) -> dict[str, Any]:
        return {
            "section": self.section,
            "field": self.field,
            "value": self.value,
            "state": self.state,
            "original": self.original,
            "modified": self.modified,
        }

    @classmethod
    def from_dict(cls, data: Any, where: str = "correction") -> FieldCorrection:
        fields = check.require_keys(data, _CORRECTION_KEYS, where)
        state = fields["state"]
        if state not in REVIEW_STATES:
            raise AnnotationFormatError(f"{where}.state must be 'verified' or 'edited'")
        return cls(
            section=check.non_empty(fields["section"], f"{where}.section"),
            field=check.non_empty(fields["field"], f"{where}.field"),
            value=check.json_value(fields["value"], f"{where}.value"),
            state=state,
            original=check.json_value(fields["original"], f"{where}.original"),
            modified=parse_time(fields["modified"], f"{where}.modified"),
        )


CORRECTION_FIELDS: tuple[str, ...] = tuple(FieldCorrection.__dataclass_fields__)
_CORRECTION_KEYS = frozenset(CORRECTION_FIELDS)


@dataclass
class DocumentAnnotations:
    """Everything the store keeps for one PDF, keyed by the SHA-256 of its bytes. Deletions are
    kept as tombstones (id -> time) so that merging with another instance's copy does not bring a
    deleted highlight back. `revision_of` lists the earlier versions' hashes these came from."""

    sha256: str
    file_name: str = ""
    pdf_id: tuple[str, str] | None = None
    revision_of: tuple[str, ...] = ()
    annotations: dict[str, Annotation] = field(default_factory=dict)
    corrections: dict[CorrectionKey, FieldCorrection] = field(default_factory=dict)
    deleted_annotations: dict[str, str] = field(default_factory=dict)
    deleted_corrections: dict[CorrectionKey, str] = field(default_factory=dict)

    def to_dict(self, with_annotations: bool = True) -> dict[str, Any]:
        """The file's content; without `annotations` when the caller encodes them itself."""
        data = {
            "schema_version": SCHEMA_VERSION,
            "sha256": self.sha256,
            "file_name": self.file_name,
            "pdf_id": list(self.pdf_id) if self.pdf_id else None,
            "revision_of": list(self.revision_of),
            "corrections": [self.corrections[k].to_dict() for k in sorted(self.corrections)],
            "deleted_annotations": dict(sorted(self.deleted_annotations.items())),
            "deleted_corrections": [
                {"section": s, "field": f, "deleted": t}
                for (s, f), t in sorted(self.deleted_corrections.items())
            ],
        }
        if with_annotations:
            ordered = sorted(self.annotations.values(), key=reading_order)
            data["annotations"] = [a.to_dict() for a in ordered]
        return data

    @classmethod
    def from_dict(cls, data: Any) -> DocumentAnnotations:
        """Reads the current schema only; see `annotation_migrations` for older ones."""
        fields = check.require_keys(data, _DOCUMENT_KEYS, "store")
        if fields["schema_version"] != SCHEMA_VERSION:
            raise AnnotationFormatError(f"schema_version must be {SCHEMA_VERSION}")
        sha = fields["sha256"]
        check.sha256_text(sha, "sha256")
        document = cls(
            sha256=sha,
            file_name=check.text(fields["file_name"], "file_name"),
            pdf_id=check.pdf_id(fields["pdf_id"]),
            revision_of=tuple(check.items(fields["revision_of"], "revision_of", check.sha256_text)),
        )
        document.annotations = check.unique(
            (
                Annotation.from_dict(a, f"annotations[{i}]")
                for i, a in check.enumerate_list(fields, "annotations")
            ),
            lambda a: a.id,
            "annotations",
        )
        document.corrections = check.unique(
            (
                FieldCorrection.from_dict(c, f"corrections[{i}]")
                for i, c in check.enumerate_list(fields, "corrections")
            ),
            lambda c: c.key,
            "corrections",
        )
        document.deleted_annotations = check.tombstones(fields["deleted_annotations"])
        document.deleted_corrections = check.correction_tombstones(fields["deleted_corrections"])
        return document


_DOCUMENT_KEYS = frozenset(
    {
        "schema_version",
        "sha256",
        "file_name",
        "pdf_id",
        "revision_of",
        "annotations",
        "corrections",
        "deleted_annotations",
        "deleted_corrections",
    }
)


def reading_order(annotation: Annotation) -> tuple[int, int, str]:
    """Sort key: page, then position in the page text (unknown first), then id."""
    return (
        annotation.page,
        annotation.start if annotation.start is not None else -1,
        annotation.id,
    )


@dataclass
class TagVocabulary:
    """The user's tags across all documents, each with an optional colour that a highlight made
    with the tag takes. Kept in one small file beside the stores (tags.json)."""

    colors: dict[str, str | None] = field(default_factory=dict)

    def color_for(self, tags: Iterable[str]) -> str | None:
        """The colour of the first tag that has one."""
        return next((self.colors[t] for t in tags if self.colors.get(t)), None)

    def to_dict(self) -> dict[str, Any]:
        return {"schema_version": 1, "tags": dict(sorted(self.colors.items()))}

    @classmethod
    def from_dict(cls, data: Any) -> TagVocabulary:
        fields = check.require_keys(data, frozenset({"schema_version", "tags"}), "tag vocabulary")
        if fields["schema_version"] != 1:
            raise AnnotationFormatError("tag vocabulary: schema_version must be 1")
        tags = fields["tags"]
        if not isinstance(tags, dict):
            raise AnnotationFormatError("tag vocabulary: tags must be an object of tag -> colour")
        return cls(
            {
                check.non_empty(tag, "tag"): None
                if color is None
                else check.color(color, f"colour of tag {tag!r}")
                for tag, color in tags.items()
            }
        )
