"""The global tag vocabulary: remembered tags, colours, renaming everywhere."""

from __future__ import annotations

from kfor_viewer.core.annotation_store import AnnotationStore
from kfor_viewer.core.annotations import TagVocabulary
from kfor_viewer.core.document_identity import DocumentIdentity
from kfor_viewer.core.tag_vocabulary import (
    load_tag_vocabulary,
    remember_tags,
    rename_tag,
    save_tag_vocabulary,
    vocabulary_path,
)
from tests.core.annotation_factories import make_annotation


def test_tags_are_remembered_across_documents_with_their_colours(tmp_path):
    save_tag_vocabulary(TagVocabulary({"security": "#FF8080"}), tmp_path)
    remember_tags(["north", "security"], tmp_path)
    vocabulary, warnings = load_tag_vocabulary(tmp_path)
    assert warnings == []
    assert vocabulary.colors == {"north": None, "security": "#FF8080"}


def test_a_broken_tag_file_is_moved_aside(tmp_path):
    vocabulary_path(tmp_path).parent.mkdir(parents=True, exist_ok=True)
    vocabulary_path(tmp_path).write_text("{not json")
    vocabulary, warnings = load_tag_vocabulary(tmp_path)
    assert vocabulary.colors == {}
    assert warnings[0].moved_to.read_text() == "{not json"


def test_renaming_a_tag_rewrites_every_store_and_merges_duplicates(tmp_path):
    for sha in ("aa" * 32, "bb" * 32):
        store = AnnotationStore.open(DocumentIdentity(sha, f"{sha[:2]}.pdf"), tmp_path)
        store.add(make_annotation(0, tags=("unrest", "north")))
        store.add(make_annotation(1, tags=("north",)))
        store.save()
    save_tag_vocabulary(TagVocabulary({"unrest": "#FF0000", "north": None}), tmp_path)

    assert rename_tag("north", "unrest", tmp_path) == 4
    reopened = AnnotationStore.open(DocumentIdentity("bb" * 32, ""), tmp_path)
    assert [a.tags for a in reopened.annotations()] == [("unrest",), ("unrest",)]
    assert load_tag_vocabulary(tmp_path)[0].colors == {"unrest": "#FF0000"}
