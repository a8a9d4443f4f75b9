"""Strict checks of the annotation store's fields: each returns the value (normalised) or raises
AnnotationFormatError naming the field, e.g. "annotations[3].page must be an integer >= 1".
Messages are formatted only on error: a store holds 10,000s of values."""

from __future__ import annotations

import math
import re
import uuid
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any

_COLOR_RE = re.compile(r"#[0-9A-Fa-f]{6}")
_SHA256_RE = re.compile(r"[0-9a-f]{64}")
_HEX_RE = re.compile(r"[0-9A-Fa-f]*")
_CANONICAL_UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_NUMBER_TYPES = frozenset({int, float})

CorrectionKey = tuple[str, str]


class AnnotationFormatError(ValueError):
    """A store or shared file that does not follow the schema; the message names the field."""


def format_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def require_keys(data: Any, expected: frozenset[str], where: str) -> dict[str, Any]:
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


def text(value: Any, where: str, name: str = "") -> str:
    if type(value) is not str:
        raise AnnotationFormatError(f"{_at(where, name)} must be a string")
    return value


def non_empty(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise AnnotationFormatError(f"{where} must be a non-empty string")
    return value


def boolean(value: Any, where: str, name: str = "") -> bool:
    if type(value) is not bool:
        raise AnnotationFormatError(f"{_at(where, name)} must be true or false")
    return value


def color(value: Any, where: str, name: str = "") -> str:
    if type(value) is str and _COLOR_RE.fullmatch(value):
        return value.upper()
    raise AnnotationFormatError(f"{_at(where, name)} must be '#RRGGBB', not {value!r}")


def uuid_text(value: Any, where: str, name: str = "") -> str:
    if type(value) is str and _CANONICAL_UUID_RE.fullmatch(value):
        return value
    try:
        return str(uuid.UUID(value))
    except (TypeError, ValueError, AttributeError):
        raise AnnotationFormatError(f"{_at(where, name)} must be a UUID string") from None


def tags(value: Any, where: str, name: str = "") -> tuple[str, ...]:
    if type(value) is not list:
        raise AnnotationFormatError(f"{_at(where, name)} must be a list")
    for i, tag in enumerate(value):
        if type(tag) is not str or not tag.strip():
            raise AnnotationFormatError(f"{_at(where, name)}[{i}] must be a non-empty string")
    return tuple(dict.fromkeys(value))


def items(value: Any, where: str, check: Callable[[Any, str], Any]) -> list[Any]:
    if not isinstance(value, list):
        raise AnnotationFormatError(f"{where} must be a list")
    return [check(item, f"{where}[{i}]") for i, item in enumerate(value)]


def boxes(value: Any, size: int, where: str, name: str = "") -> tuple[Any, ...]:
    """A list of boxes, each a list of `size` finite numbers, as tuples."""
    if type(value) is not list:
        raise AnnotationFormatError(f"{_at(where, name)} must be a list")
    for i, box in enumerate(value):
        if type(box) is not list or len(box) != size or not _finite_numbers(box):
            raise AnnotationFormatError(
                f"{_at(where, name)}[{i}] must be a list of {size} finite numbers"
            )
    return tuple(map(tuple, value))


def _finite_numbers(values: list[Any]) -> bool:
    try:
        for number in values:
            if type(number) not in _NUMBER_TYPES or not math.isfinite(number):
                return False
    except OverflowError:  # an integer too large for a float
        return False
    return True


def json_value(value: Any, where: str) -> Any:
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise AnnotationFormatError(f"{where} must be a finite number")
        return value
    if isinstance(value, list):
        return [json_value(v, f"{where}[{i}]") for i, v in enumerate(value)]
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {k: json_value(v, f"{where}.{k}") for k, v in value.items()}
    raise AnnotationFormatError(f"{where} must be a JSON value")


def sha256_text(value: Any, where: str) -> str:
    if not isinstance(value, str) or not _SHA256_RE.fullmatch(value):
        raise AnnotationFormatError(f"{where} must be 64 lowercase hex digits")
    return value


def pdf_id(value: Any) -> tuple[str, str] | None:
    if value is None:
        return None
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(isinstance(v, str) and _HEX_RE.fullmatch(v) for v in value)
    ):
        raise AnnotationFormatError("pdf_id must be null or a list of two hex strings")
    return (value[0], value[1])


def enumerate_list(fields: dict[str, Any], name: str) -> Iterable[tuple[int, Any]]:
    value = fields[name]
    if not isinstance(value, list):
        raise AnnotationFormatError(f"{name} must be a list")
    return enumerate(value)


def unique(values: Iterable[Any], key: Callable[[Any], Any], where: str) -> dict[Any, Any]:
    result: dict[Any, Any] = {}
    for item in values:
        if key(item) in result:
            raise AnnotationFormatError(f"{where}: {key(item)!r} appears twice")
        result[key(item)] = item
    return result


def tombstones(value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        raise AnnotationFormatError("deleted_annotations must be an object of id -> time")
    return {
        uuid_text(k, "deleted_annotations key"): parse_time(t, f"deleted_annotations[{k!r}]")
        for k, t in value.items()
    }


def correction_tombstones(value: Any) -> dict[CorrectionKey, str]:
    result: dict[CorrectionKey, str] = {}
    for i, item in enumerate(items(value, "deleted_corrections", lambda v, w: v)):
        where = f"deleted_corrections[{i}]"
        fields = require_keys(item, frozenset({"section", "field", "deleted"}), where)
        key = (
            non_empty(fields["section"], f"{where}.section"),
            non_empty(fields["field"], f"{where}.field"),
        )
        result[key] = parse_time(fields["deleted"], f"{where}.deleted")
    return result
