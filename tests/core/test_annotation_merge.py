"""Merging two copies of a document's annotations: newest wins, deletions hold."""

from __future__ import annotations

import dataclasses

from kfor_viewer.core.annotation_merge import merge_documents
from kfor_viewer.core.annotations import DocumentAnnotations, FieldCorrection
from tests.core.annotation_factories import SHA, make_annotation

EARLY, MIDDLE, LATE = (
    "2020-01-01T00:00:00.000000Z",
    "2020-06-01T00:00:00.000000Z",
    "2021-01-01T00:00:00.000000Z",
)


def _document(*annotations, deleted=None) -> DocumentAnnotations:
    return DocumentAnnotations(
        SHA, annotations={a.id: a for a in annotations}, deleted_annotations=deleted or {}
    )


def test_the_newer_edit_wins_either_way():
    old = make_annotation(0, note="old", modified=EARLY)
    new = dataclasses.replace(old, note="new", modified=LATE)
    mine = _document(old)
    change = merge_documents(mine, _document(new))
    assert mine.annotations[old.id].note == "new" and change.updated == {old.id}
    assert not merge_documents(mine, _document(old))  # an older copy changes nothing


def test_a_deletion_after_the_last_edit_wins_and_a_tie_goes_to_the_deletion():
    annotation = make_annotation(0, modified=MIDDLE)
    for deleted_at in (LATE, MIDDLE):
        mine = _document(annotation)
        change = merge_documents(mine, _document(deleted={annotation.id: deleted_at}))
        assert mine.annotations == {} and change.removed == {annotation.id}
        assert change.pages == {annotation.page}


def test_an_edit_after_the_deletion_brings_the_highlight_back():
    restored = make_annotation(0, modified=LATE)
    mine = _document(deleted={restored.id: MIDDLE})
    assert merge_documents(mine, _document(restored)).added == {restored.id}
    assert mine.deleted_annotations == {}


def test_a_shared_file_without_deletions_cannot_delete():
    annotation = make_annotation(0, modified=EARLY)
    mine = _document(annotation)
    merge_documents(mine, _document(deleted={annotation.id: LATE}), with_deletions=False)
    assert annotation.id in mine.annotations


def test_corrections_merge_like_annotations():
    older = FieldCorrection("report:1", "troops", 3400, "edited", 3600, modified=EARLY)
    newer = dataclasses.replace(older, value=3450, modified=LATE)
    mine = DocumentAnnotations(SHA, corrections={older.key: older})
    assert merge_documents(mine, DocumentAnnotations(SHA, corrections={newer.key: newer}))
    assert mine.corrections[older.key].value == 3450
    reverted = DocumentAnnotations(
        SHA, deleted_corrections={older.key: "2022-01-01T00:00:00.000000Z"}
    )
    assert merge_documents(mine, reverted).corrections == {older.key}
    assert mine.corrections == {}
