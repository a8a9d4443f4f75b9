"""Sharing annotations as a JSON file, and carrying them over to a revised document."""

from __future__ import annotations

import json
from pathlib import Path

import pymupdf
import pytest

from kfor_viewer.core.anchoring import anchor_quote
from kfor_viewer.core.annotation_sharing import (
    SharedFileError,
    adopt_earlier_version,
    carry_over_revision,
    earlier_versions,
    export_annotations,
    import_annotations,
)
from kfor_viewer.core.annotation_store import AnnotationStore
from kfor_viewer.core.document_identity import DocumentIdentity, identify_document
from kfor_viewer.core.page_text import DocumentText, read_document_text
from tests.core.synthetic_pdf import make_pdf, para

CALM = "The security situation in Kosovo remained calm but fragile during the period."
TROOPS = "KFOR comprised 3,400 troops from 27 nations under a single command."
FILLER = "The Mission monitored the work of the institutions in the northern municipalities."


def _open(path: Path, data_dir: Path) -> tuple[AnnotationStore, DocumentText]:
    with pymupdf.open(path) as document:
        identity = identify_document(path, document)
        text = read_document_text(document, use_ocr=False)
    return AnnotationStore.open(identity, data_dir), text


@pytest.fixture
def original(tmp_path) -> Path:
    return make_pdf(tmp_path / "v1.pdf", [para(CALM, "1."), para(TROOPS, "2.")])


@pytest.fixture
def revised(tmp_path) -> Path:
    blocks = [para(FILLER), para(CALM, "1."), para(TROOPS.replace("3,400", "3,500"), "2.")]
    return make_pdf(tmp_path / "v2.pdf", blocks)


def test_a_colleague_imports_an_exported_file_with_everything(tmp_path, original):
    mine, text = _open(original, tmp_path / "me")
    for annotation in anchor_quote(text, "calm but fragile", tags=["security"], note="n"):
        mine.add(annotation)
    removed = mine.add(anchor_quote(text, "27 nations")[0])
    mine.remove(removed.id)
    shared = tmp_path / "shared.json"
    assert export_annotations(mine, shared) == 1
    assert json.loads(shared.read_text())["deleted_annotations"] == {}

    theirs, their_text = _open(original, tmp_path / "colleague")
    summary = import_annotations(theirs, shared, their_text)
    assert (summary.added, summary.orphans, summary.reanchored) == (1, 0, False)
    assert theirs.annotations() == mine.annotations()
    again = import_annotations(theirs, shared, their_text)
    assert (again.added, again.updated) == (0, 0)


def test_a_file_from_another_version_is_re_anchored_with_orphans_kept(tmp_path, original, revised):
    mine, text = _open(original, tmp_path / "me")
    mine.add(anchor_quote(text, "calm but fragile")[0])
    mine.add(anchor_quote(text, "3,400 troops")[0])
    export_annotations(mine, tmp_path / "shared.json")

    theirs, their_text = _open(revised, tmp_path / "colleague")
    summary = import_annotations(theirs, tmp_path / "shared.json", their_text)
    assert (summary.added, summary.orphans, summary.reanchored) == (2, 1, True)
    by_quote = {a.quote: a for a in theirs.annotations()}
    assert not by_quote["calm but fragile"].orphan
    assert by_quote["3,400 troops"].orphan


def test_a_file_that_is_not_annotations_is_refused_and_left_alone(tmp_path, original):
    store, text = _open(original, tmp_path / "me")
    bogus = tmp_path / "notes.json"
    bogus.write_text('{"hello": "world"}')
    with pytest.raises(SharedFileError, match="not an annotations file"):
        import_annotations(store, bogus, text)
    assert bogus.read_text() == '{"hello": "world"}'
    with pytest.raises(SharedFileError, match="Could not read"):
        import_annotations(store, tmp_path / "missing.json", text)


def test_a_revision_with_the_same_pdf_id_finds_and_takes_over_the_annotations(
    tmp_path, original, revised
):
    old_store, old_text = _open(original, tmp_path)
    old_store.add(anchor_quote(old_text, "calm but fragile", note="keep")[0])
    old_store.add(anchor_quote(old_text, "3,400 troops")[0])
    old_store.save()

    new_store, new_text = _open(revised, tmp_path)
    identity = DocumentIdentity(new_store.sha256, "v2.pdf", old_store.document.pdf_id)
    (earlier,) = earlier_versions(identity, tmp_path)
    assert earlier.sha256 == old_store.sha256
    assert earlier_versions(DocumentIdentity(new_store.sha256, "x", ("00", "11")), tmp_path) == []

    change = carry_over_revision(new_store, earlier, new_text)
    assert len(change.added) == 2
    notes = {a.quote: (a.note, a.orphan) for a in new_store.annotations()}
    assert notes == {"calm but fragile": ("keep", False), "3,400 troops": ("", True)}
    assert new_store.document.revision_of == (old_store.sha256,)


def test_only_a_never_annotated_document_adopts_an_earlier_version(tmp_path, original, revised):
    old_store, old_text = _open(original, tmp_path)
    old_store.add(anchor_quote(old_text, "calm but fragile")[0])
    old_store.save()
    new_store, new_text = _open(revised, tmp_path)
    identity = DocumentIdentity(new_store.sha256, "v2.pdf", old_store.document.pdf_id)

    adopted = adopt_earlier_version(new_store, identity, new_text, tmp_path)
    assert adopted is not None and adopted.sha256 == old_store.sha256
    assert [a.quote for a in new_store.annotations()] == ["calm but fragile"]
    new_store.save()
    reopened, _ = _open(revised, tmp_path)
    assert adopt_earlier_version(reopened, identity, new_text, tmp_path) is None
