"""Builders and hypothesis strategies for annotation tests."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from hypothesis import strategies as st

from kfor_viewer.core.annotations import (
    Annotation,
    DocumentAnnotations,
    FieldCorrection,
    format_time,
)
from kfor_viewer.core.document_identity import DocumentIdentity

SHA = "ab" * 32
IDENTITY = DocumentIdentity(SHA, "report.pdf", ("00FF", "11EE"))


def make_annotation(number: int = 0, **changes) -> Annotation:
    fields = {
        "id": str(uuid.UUID(int=number + 1)),
        "page": 1 + number % 7,
        "quote": f"quote number {number}",
        "rects": ((72.0, 100.0 + number, 300.5, 112.0 + number),),
        "prefix": "before ",
        "suffix": " after",
        "start": 10 * number,
        "end": 10 * number + 15,
        "tags": ("security",),
        "note": "",
    }
    fields.update(changes)
    return Annotation(**fields)


_text = st.text(max_size=60)  # lone surrogates included: broken PDFs have them
_name = _text.filter(lambda s: s.strip() != "")
_coordinate = st.floats(-1e5, 1e5, allow_nan=False)
_times = st.datetimes(
    min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
).map(format_time)
_json_leaf = st.none() | st.booleans() | st.integers() | _text | _coordinate
_json = st.recursive(
    _json_leaf,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_text, inner, max_size=3),
    max_leaves=8,
)


@st.composite
def annotations(draw) -> Annotation:
    start = draw(st.none() | st.integers(0, 10_000))
    end = None if start is None else start + draw(st.integers(0, 500))
    created = draw(_times)
    return Annotation(
        id=str(draw(st.uuids())),
        page=draw(st.integers(1, 5000)),
        quote=draw(_text),
        rects=tuple(draw(st.lists(st.tuples(*[_coordinate] * 4), max_size=3))),
        quads=tuple(draw(st.lists(st.tuples(*[_coordinate] * 8), max_size=2))),
        prefix=draw(_text),
        suffix=draw(_text),
        start=start,
        end=end,
        color="#" + draw(st.text("0123456789ABCDEF", min_size=6, max_size=6)),
        tags=tuple(dict.fromkeys(draw(st.lists(_name, max_size=4)))),
        note=draw(_text),
        orphan=draw(st.booleans()),
        created=created,
        modified=draw(_times),
    )


corrections = st.builds(
    FieldCorrection,
    section=_name,
    field=_name,
    value=_json,
    state=st.sampled_from(["verified", "edited"]),
    original=_json,
    modified=_times,
)


@st.composite
def documents(draw) -> DocumentAnnotations:
    items = draw(st.lists(annotations(), max_size=6, unique_by=lambda a: a.id))
    fixes = draw(st.lists(corrections, max_size=4, unique_by=lambda c: c.key))
    return DocumentAnnotations(
        sha256=draw(st.text("0123456789abcdef", min_size=64, max_size=64)),
        file_name=draw(_text),
        pdf_id=draw(st.none() | st.tuples(st.just("0A1B"), st.just("2C3D"))),
        revision_of=tuple(draw(st.lists(st.just("cd" * 32), max_size=1))),
        annotations={a.id: a for a in items},
        corrections={c.key: c for c in fixes},
        deleted_annotations=draw(st.dictionaries(st.uuids().map(str), _times, max_size=3)),
        deleted_corrections=draw(st.dictionaries(st.tuples(_name, _name), _times, max_size=2)),
    )
