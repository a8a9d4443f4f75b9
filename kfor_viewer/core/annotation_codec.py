"""The store's file format: bytes <-> DocumentAnnotations (older schemas are migrated).

Pretty JSON with sorted keys and one record per line, so a person can read it and a diff shows
one line per changed highlight. See README, "Annotation store (JSON schema)".
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from kfor_viewer.core.annotation_cache import ParseCache, json_digest
from kfor_viewer.core.annotation_migrations import migrate_to_current, schema_version_of
from kfor_viewer.core.annotations import (
    SCHEMA_VERSION,
    Annotation,
    AnnotationFormatError,
    DocumentAnnotations,
    reading_order,
)

WarningKind = Literal["corrupt", "newer_schema", "invalid", "migrated"]


@dataclass(frozen=True)
class StoreWarning:
    """Something the user must be told about a store file; `moved_to` is where a bad file went."""

    kind: WarningKind
    message: str
    moved_to: Path | None = None


@dataclass
class StoreFileProblem(Exception):
    """Why a file is not a usable store; the store moves such a file aside."""

    kind: WarningKind
    message: str


def decode_store(
    data: bytes,
    expected_sha256: str | None = None,
    known_lines: Mapping[str, Annotation] | None = None,
    cache: ParseCache | None = None,
) -> tuple[DocumentAnnotations, list[StoreWarning]]:
    """Parse a store or shared file (migrating older schemas); StoreFileProblem when unusable.
    `known_lines` (record line -> annotation, from `encode_store`) lets a re-read of a file this
    process wrote skip parsing the records that did not change: merging before each save stays
    cheap with 10,000 highlights. `cache` (the store's parse cache) answers for bytes it was made
    from, and learns what a strict read of other bytes gives. The result is the same without
    either."""
    with _collector_paused():
        if known_lines:
            quick = _decode_known_layout(data, known_lines, expected_sha256)
            if quick is not None:
                return quick, []
        if cache is None:
            return _decode(data, expected_sha256)
        digest = json_digest(data)
        cached = cache.read(digest)
        if cached is not None:
            return cached, []
        document, warnings = _decode(data, expected_sha256)
        if not warnings:  # a migrated store is saved soon, and cached then
            cache.write(digest, document)
        return document, warnings


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Building 10,000s of acyclic objects triggers full cyclic-garbage passes over all of them,
    which cost more than parsing and checking together; nothing made here needs collecting."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _decode(
    data: bytes, expected_sha256: str | None
) -> tuple[DocumentAnnotations, list[StoreWarning]]:
    """The strict path: JSON, then every field checked."""
    try:
        raw = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise StoreFileProblem("corrupt", f"The annotation file is damaged ({error}).") from None
    warnings: list[StoreWarning] = []
    try:
        version = schema_version_of(raw)
        if version > SCHEMA_VERSION:
            raise StoreFileProblem(
                "newer_schema",
                f"The annotation file was written by a newer kfor-viewer (schema {version}; "
                f"this one reads up to {SCHEMA_VERSION}).",
            )
        if version < SCHEMA_VERSION:
            raw = migrate_to_current(raw)
            warnings.append(
                StoreWarning("migrated", f"Annotations upgraded from schema {version}.")
            )
        document = DocumentAnnotations.from_dict(raw)
    except AnnotationFormatError as error:
        raise StoreFileProblem("invalid", f"The annotation file is not valid: {error}.") from None
    if expected_sha256 and document.sha256 != expected_sha256:
        raise StoreFileProblem("invalid", "The annotation file belongs to another document.")
    return document, warnings


def _decode_known_layout(
    data: bytes, known_lines: Mapping[str, Annotation], expected_sha256: str | None
) -> DocumentAnnotations | None:
    """The file in the layout `encode_store` writes, reusing known records; None when the file
    looks any different (then the full, strict path decides)."""
    try:
        lines = data.decode("utf-8").split("\n")
        first = lines.index(_ANNOTATIONS_OPENING) + 1
        last = lines.index("  ],", first)
        annotations = {}
        for line in lines[first:last]:
            record = line[4:-1] if line.endswith(",") else line[4:]
            annotation = known_lines.get(record) or Annotation.from_dict(json.loads(record))
            if annotation.id in annotations:
                return None
            annotations[annotation.id] = annotation
        rest = "\n".join([*lines[: first - 1], '  "annotations": [],', *lines[last + 1 :]])
        raw = json.loads(rest)
        if raw.get("schema_version") != SCHEMA_VERSION:
            return None
        document = DocumentAnnotations.from_dict(raw)
    except (ValueError, AnnotationFormatError):
        return None
    if expected_sha256 and document.sha256 != expected_sha256:
        return None
    document.annotations = annotations
    return document


EncodedLines = dict[str, tuple[Annotation, str]]
_ANNOTATIONS_OPENING = '  "annotations": ['
_ENCODER = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(", ", ": "))


def encode_store(document: DocumentAnnotations, cache: EncodedLines | None = None) -> bytes:
    """Pretty JSON with sorted keys, one record per line: readable, diffable and fast (the C
    encoder writes each record; an indented dump of 10,000 highlights takes half a second).
    `cache` maps id -> (annotation, its line) and is updated, in file order: annotations are
    immutable, so an unchanged one is not encoded again."""
    fresh: EncodedLines = {}
    lines = []
    for annotation in sorted(document.annotations.values(), key=reading_order):
        known = cache.get(annotation.id) if cache is not None else None
        line = known[1] if known and known[0] is annotation else None
        line = line or _ENCODER.encode(annotation.to_dict())
        fresh[annotation.id] = (annotation, line)
        lines.append(line)
    if cache is not None:
        cache.clear()
        cache.update(fresh)
    blocks = {key: _block(value) for key, value in document.to_dict(False).items()}
    blocks["annotations"] = _lines_block(lines, "[]")
    body = ",\n".join(f"  {_ENCODER.encode(key)}: {blocks[key]}" for key in sorted(blocks))
    # A lone surrogate (seen in text from broken PDFs) becomes a JSON \udXXX escape, not a crash.
    return f"{{\n{body}\n}}\n".encode("utf-8", "backslashreplace")


def _block(value: Any) -> str:
    if isinstance(value, list):
        return _lines_block([_ENCODER.encode(item) for item in value], "[]")
    if isinstance(value, dict):
        items = [f"{_ENCODER.encode(k)}: {_ENCODER.encode(v)}" for k, v in value.items()]
        return _lines_block(items, "{}")
    return _ENCODER.encode(value)


def _lines_block(lines: list[str], brackets: str) -> str:
    if not lines:
        return brackets
    inner = ",\n    ".join(lines)
    return f"{brackets[0]}\n    {inner}\n  {brackets[1]}"
