"""Upgrades of older annotation stores to the current schema (README, "Annotation store").

Schema 1 was the first draft of the store: a `highlights` list with 0-based `page_index`, the
quote as `text` with `context_before`/`context_after`, tags as one comma-separated string, and no
character offsets, quads, field corrections, PDF /ID or deletion records. A frozen sample lives in
tests/data/legacy/.
"""

from __future__ import annotations

from typing import Any

from kfor_viewer.core.annotations import SCHEMA_VERSION, AnnotationFormatError

_V1_DOCUMENT_KEYS = frozenset({"schema_version", "sha256", "file_name", "highlights"})
_V1_HIGHLIGHT_KEYS = frozenset(
    {
        "id",
        "page_index",
        "text",
        "context_before",
        "context_after",
        "rects",
        "color",
        "tags",
        "note",
        "created",
        "modified",
    }
)


def schema_version_of(data: Any) -> int:
    """The file's schema_version, or AnnotationFormatError when it has none."""
    version = data.get("schema_version") if isinstance(data, dict) else None
    if type(version) is not int or version < 1:
        raise AnnotationFormatError("the file has no valid schema_version")
    return version


def migrate_to_current(data: dict[str, Any]) -> dict[str, Any]:
    """A dict in the current schema made from an older one (returned as is when current).
    Validation of the result is left to DocumentAnnotations.from_dict."""
    version = schema_version_of(data)
    if version == 1:
        data = _v1_to_v2(data)
        version = 2
    if version != SCHEMA_VERSION:
        raise AnnotationFormatError(f"no migration from schema_version {version}")
    return data


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    if set(data) != _V1_DOCUMENT_KEYS or not isinstance(data["highlights"], list):
        raise AnnotationFormatError("a schema 1 store must hold sha256, file_name and highlights")
    return {
        "schema_version": 2,
        "sha256": data["sha256"],
        "file_name": data["file_name"],
        "pdf_id": None,
        "revision_of": [],
        "annotations": [
            _v1_highlight(h, f"highlights[{i}]") for i, h in enumerate(data["highlights"])
        ],
        "corrections": [],
        "deleted_annotations": {},
        "deleted_corrections": [],
    }


def _v1_highlight(highlight: Any, where: str) -> dict[str, Any]:
    if not isinstance(highlight, dict) or set(highlight) != _V1_HIGHLIGHT_KEYS:
        raise AnnotationFormatError(f"{where} does not follow schema 1")
    page_index, tags = highlight["page_index"], highlight["tags"]
    if type(page_index) is not int or not isinstance(tags, str):
        raise AnnotationFormatError(f"{where}: page_index must be an integer, tags a string")
    return {
        "id": highlight["id"],
        "page": page_index + 1,
        "quote": highlight["text"],
        "rects": highlight["rects"],
        "quads": [],
        "prefix": highlight["context_before"],
        "suffix": highlight["context_after"],
        "start": None,
        "end": None,
        "color": highlight["color"],
        "tags": [tag.strip() for tag in tags.split(",") if tag.strip()],
        "note": highlight["note"],
        "orphan": False,
        "created": highlight["created"],
        "modified": highlight["modified"],
    }
