"""Older store files are upgraded to the current schema."""

from __future__ import annotations

import json

import pytest

from kfor_viewer.core.annotation_migrations import migrate_to_current
from kfor_viewer.core.annotations import AnnotationFormatError, DocumentAnnotations
from tests.conftest import REPO_ROOT

LEGACY_V1 = REPO_ROOT / "tests" / "data" / "legacy" / "store-v1.json"


def test_schema_1_becomes_a_valid_schema_2_document():
    document = DocumentAnnotations.from_dict(migrate_to_current(json.loads(LEGACY_V1.read_text())))
    first, second = sorted(document.annotations.values(), key=lambda a: a.page)
    assert (first.page, second.page) == (1, 3)
    assert (first.tags, second.tags) == (("security", "north"), ())
    assert first.suffix == ", with isolated incidents in the north."
    assert (first.start, first.end, first.quads, first.orphan) == (None, None, (), False)
    assert document.corrections == {} and document.pdf_id is None


def test_a_malformed_schema_1_file_is_refused():
    data = json.loads(LEGACY_V1.read_text())
    data["highlights"][0]["tags"] = ["already", "a", "list"]
    with pytest.raises(AnnotationFormatError, match="highlights\\[0\\]"):
        migrate_to_current(data)
