"""The store file format: exact round trips, the readable layout, the quick re-read."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from kfor_viewer.core.annotation_codec import decode_store, encode_store
from kfor_viewer.core.annotations import DocumentAnnotations
from tests.core.annotation_factories import SHA, documents, make_annotation


@settings(max_examples=40, deadline=None)
@given(documents())
def test_document_round_trips_through_the_store_encoding(document):
    decoded, warnings = decode_store(encode_store(document))
    assert warnings == []
    assert decoded == document


@settings(max_examples=30, deadline=None)
@given(documents(), st.data())
def test_re_reading_with_known_lines_gives_what_a_full_parse_gives(document, data):
    cache: dict = {}
    encoded = encode_store(document, cache)
    known = {line: a for a, line in cache.values() if data.draw(st.booleans())}
    edited = encoded.replace(b'"orphan": false', b'"orphan": true', 1)
    for content in (encoded, edited):
        assert decode_store(content, None, known) == decode_store(content)


def test_the_layout_is_one_record_per_line_with_sorted_keys():
    document = DocumentAnnotations(SHA, "x.pdf")
    document.annotations = {a.id: a for a in (make_annotation(0), make_annotation(1))}
    lines = encode_store(document).decode().splitlines()
    records = [json.loads(line.strip().rstrip(",")) for line in lines if line.startswith("    {")]
    assert [r["id"] for r in records] == [make_annotation(0).id, make_annotation(1).id]
    assert all(list(r) == sorted(r) for r in records)
    top_keys = [line.split('"')[1] for line in lines if line.startswith('  "')]
    assert top_keys == sorted(top_keys) and "schema_version" in top_keys
