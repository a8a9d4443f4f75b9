"""The annotation data of one document: highlights, field corrections and their deletions.

Plain typed dataclasses with `to_dict`/`from_dict`. `from_dict` is strict: anything that is not
exactly the documented schema (README, "Annotation store (JSON schema)") raises
`AnnotationFormatError` naming the offending field, so a store edited into nonsense is refused
rather than half-read. Positions are PDF points on 1-based pages.
"""

from __future__ import annotations

import math
import re
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

SCHEMA_VERSION = 2
CONTEXT_CHARS = 40
DEFAULT_COLOR = "#FFE066"

Rect = tuple[float, float, float, float]
Quad = tuple[float, float, float, float, float, float, float, float]
ReviewState = Literal["verified", "edited"]
CorrectionKey = tuple[str, str]
REVIEW_STATES: tuple[str, ...] = ("verified", "edited")

_COLOR_RE = re.compile(r"#[0-9A-Fa-f]{6}")
_SHA256_RE = re.compile(r"[0-9a-f]{64}")
_HEX_RE = re.compile(r"[0-9A-Fa-f]*")
_CANONICAL_UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_NUMBER_TYPES = frozenset({int, float})
_last_stamp: list[datetime] = [datetime.min.replace(tzinfo=UTC)]


class AnnotationFormatError(ValueError):
    """A store or shared file that does not follow the schema; the message names the field."""


def utc_now() -> str:
    """Now as canonical ISO 8601 UTC; strictly increasing within the process so that two edits
    in the same microsecond still order correctly when stores are merged."""
    now = datetime.now(UTC)
    if now <= _last_stamp[0]:
        now = _last_stamp[0] + timedelta(microseconds=1)
    _last_stamp[0] = now
    return format_time(now)


def format_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def new_id() -> str:
    return str(uuid.uuid4())


def normalize_color(value: str) -> str:
    """'#ffe066' -> '#FFE066'; anything else raises AnnotationFormatError."""
    if not isinstance(value, str) or not _COLOR_RE.fullmatch(value):
        raise AnnotationFormatError(f"colour must be '#RRGGBB', not {value!r}")
    return value.upper()


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
        fields = _check_keys(data, _ANNOTATION_KEYS, where)
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
            "id": _uuid(fields["id"], where, "id"),
            "page": page,
            "quote": _text(fields["quote"], where, "quote"),
            "rects": _boxes(fields["rects"], 4, where, "rects"),
            "quads": _boxes(fields["quads"], 8, where, "quads"),
            "prefix": _text(fields["prefix"], where, "prefix"),
            "suffix": _text(fields["suffix"], where, "suffix"),
            "start": start,
            "end": end,
            "color": _color(fields["color"], where, "color"),
            "tags": _tags(fields["tags"], where, "tags"),
            "note": _text(fields["note"], where, "note"),
            "orphan": _bool(fields["orphan"], where, "orphan"),
            "created": parse_time(fields["created"], where, "created"),
            "modified": parse_time(fields["modified"], where, "modified"),
        }
        # Every field is checked above: skip the frozen __init__, which costs more than all the
        # checks together (object.__setattr__ per field) when a store holds 10,000 highlights.
        annotation = object.__new__(cls)
        annotation.__dict__.update(values)
        return annotation


_ANNOTATION_KEYS = frozenset(Annotation.__dataclass_fields__)


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
        fields = _check_keys(data, _CORRECTION_KEYS, where)
        state = fields["state"]
        if state not in REVIEW_STATES:
            raise AnnotationFormatError(f"{where}.state must be 'verified' or 'edited'")
        return cls(
            section=_name(fields["section"], f"{where}.section"),
            field=_name(fields["field"], f"{where}.field"),
            value=_json_value(fields["value"], f"{where}.value"),
            state=state,
            original=_json_value(fields["original"], f"{where}.original"),
            modified=parse_time(fields["modified"], f"{where}.modified"),
        )


_CORRECTION_KEYS = frozenset(FieldCorrection.__dataclass_fields__)


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
        fields = _check_keys(data, _DOCUMENT_KEYS, "store")
        if fields["schema_version"] != SCHEMA_VERSION:
            raise AnnotationFormatError(f"schema_version must be {SCHEMA_VERSION}")
        sha = fields["sha256"]
        if not isinstance(sha, str) or not _SHA256_RE.fullmatch(sha):
            raise AnnotationFormatError("sha256 must be 64 lowercase hex digits")
        document = cls(
            sha256=sha,
            file_name=_text(fields["file_name"], "file_name"),
            pdf_id=_pdf_id(fields["pdf_id"]),
            revision_of=tuple(_list(fields["revision_of"], "revision_of", _sha_item)),
        )
        document.annotations = _unique(
            (
                Annotation.from_dict(a, f"annotations[{i}]")
                for i, a in _enumerate(fields, "annotations")
            ),
            lambda a: a.id,
            "annotations",
        )
        document.corrections = _unique(
            (
                FieldCorrection.from_dict(c, f"corrections[{i}]")
                for i, c in _enumerate(fields, "corrections")
            ),
            lambda c: c.key,
            "corrections",
        )
        document.deleted_annotations = _tombstones(fields["deleted_annotations"])
        document.deleted_corrections = _correction_tombstones(fields["deleted_corrections"])
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


# --- strict field checks ---------------------------------------------------------------------


def _check_keys(data: Any, expected: frozenset[str], where: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise AnnotationFormatError(f"{where} must be an object, not {type(data).__name__}")
    if data.keys() != expected:
        missing = sorted(expected - data.keys())
        unknown = sorted(set(data) - expected)
        detail = "; ".join(
            part
            for part in (
                f"missing {', '.join(missing)}" if missing else "",
                f"unknown {', '.join(map(str, unknown))}" if unknown else "",
            )
            if part
        )
        raise AnnotationFormatError(f"{where}: {detail}")
    return data


def _at(where: str, name: str) -> str:
    return f"{where}.{name}" if name else where


def parse_time(value: Any, where: str, name: str = "") -> str:
    """Accepts ISO 8601 with a time zone; returns it as canonical UTC ('...T10:46:04.123456Z')."""
    if type(value) is not str:
        raise AnnotationFormatError(f"{_at(where, name)} must be an ISO 8601 time string")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise AnnotationFormatError(
            f"{_at(where, name)}: {value!r} is not an ISO 8601 time"
        ) from None
    if moment.tzinfo is None:
        raise AnnotationFormatError(f"{_at(where, name)}: {value!r} has no time zone (use Z)")
    if len(value) == 27 and value[-1] == "Z":
        return value  # already canonical: the common case, kept cheap for large stores
    return format_time(moment)


def _text(value: Any, where: str, name: str = "") -> str:
    if type(value) is not str:
        raise AnnotationFormatError(f"{_at(where, name)} must be a string")
    return value


def _name(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise AnnotationFormatError(f"{where} must be a non-empty string")
    return value


def _bool(value: Any, where: str, name: str = "") -> bool:
    if type(value) is not bool:
        raise AnnotationFormatError(f"{_at(where, name)} must be true or false")
    return value


def _color(value: Any, where: str, name: str = "") -> str:
    if type(value) is str and _COLOR_RE.fullmatch(value):
        return value.upper()
    raise AnnotationFormatError(f"{_at(where, name)}: colour must be '#RRGGBB', not {value!r}")


def _uuid(value: Any, where: str, name: str = "") -> str:
    if type(value) is str and _CANONICAL_UUID_RE.fullmatch(value):
        return value
    try:
        return str(uuid.UUID(value))
    except (TypeError, ValueError, AttributeError):
        raise AnnotationFormatError(f"{_at(where, name)} must be a UUID string") from None


def _tags(value: Any, where: str, name: str = "") -> tuple[str, ...]:
    if type(value) is list and all(type(tag) is str and tag.strip() for tag in value):
        return tuple(dict.fromkeys(value))
    return tuple(dict.fromkeys(_list(value, _at(where, name), _name)))


def _list(value: Any, where: str, check: Callable[[Any, str], Any]) -> list[Any]:
    if not isinstance(value, list):
        raise AnnotationFormatError(f"{where} must be a list")
    return [check(item, f"{where}[{i}]") for i, item in enumerate(value)]


def _boxes(value: Any, size: int, where: str, name: str = "") -> tuple[Any, ...]:
    if type(value) is not list:
        raise AnnotationFormatError(f"{_at(where, name)} must be a list")
    boxes = []
    for i, box in enumerate(value):
        if (
            type(box) is not list
            or len(box) != size
            or not _NUMBER_TYPES.issuperset(map(type, box))
            or not all(map(math.isfinite, box))
        ):
            raise AnnotationFormatError(
                f"{_at(where, name)}[{i}] must be a list of {size} finite numbers"
            )
        boxes.append(tuple(box))
    return tuple(boxes)


def _json_value(value: Any, where: str) -> Any:
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise AnnotationFormatError(f"{where} must be a finite number")
        return value
    if isinstance(value, list):
        return [_json_value(v, f"{where}[{i}]") for i, v in enumerate(value)]
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {k: _json_value(v, f"{where}.{k}") for k, v in value.items()}
    raise AnnotationFormatError(f"{where} must be a JSON value")


def _sha_item(value: Any, where: str) -> str:
    if not isinstance(value, str) or not _SHA256_RE.fullmatch(value):
        raise AnnotationFormatError(f"{where} must be 64 lowercase hex digits")
    return value


def _pdf_id(value: Any) -> tuple[str, str] | None:
    if value is None:
        return None
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(isinstance(v, str) and _HEX_RE.fullmatch(v) for v in value)
    ):
        raise AnnotationFormatError("pdf_id must be null or a list of two hex strings")
    return (value[0], value[1])


def _enumerate(fields: dict[str, Any], name: str) -> Iterable[tuple[int, Any]]:
    value = fields[name]
    if not isinstance(value, list):
        raise AnnotationFormatError(f"{name} must be a list")
    return enumerate(value)


def _unique(items: Iterable[Any], key: Callable[[Any], Any], where: str) -> dict[Any, Any]:
    result: dict[Any, Any] = {}
    for item in items:
        if key(item) in result:
            raise AnnotationFormatError(f"{where}: {key(item)!r} appears twice")
        result[key(item)] = item
    return result


def _tombstones(value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        raise AnnotationFormatError("deleted_annotations must be an object of id -> time")
    return {
        _uuid(k, "deleted_annotations key"): parse_time(t, f"deleted_annotations[{k!r}]")
        for k, t in value.items()
    }


def _correction_tombstones(value: Any) -> dict[CorrectionKey, str]:
    result: dict[CorrectionKey, str] = {}
    for i, item in enumerate(_list(value, "deleted_corrections", lambda v, w: v)):
        where = f"deleted_corrections[{i}]"
        fields = _check_keys(item, frozenset({"section", "field", "deleted"}), where)
        key = (
            _name(fields["section"], f"{where}.section"),
            _name(fields["field"], f"{where}.field"),
        )
        result[key] = parse_time(fields["deleted"], f"{where}.deleted")
    return result


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
        fields = _check_keys(data, frozenset({"schema_version", "tags"}), "tag vocabulary")
        if fields["schema_version"] != 1:
            raise AnnotationFormatError("tag vocabulary: schema_version must be 1")
        tags = fields["tags"]
        if not isinstance(tags, dict):
            raise AnnotationFormatError("tag vocabulary: tags must be an object of tag -> colour")
        return cls(
            {
                _name(tag, "tag"): None if color is None else _color(color, f"tags[{tag!r}]")
                for tag, color in tags.items()
            }
        )
