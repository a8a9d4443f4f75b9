"""Moving annotations between stores: a JSON file shared with a colleague, and the annotations of
an earlier version of a document carried over to its revised version.

Annotations whose document differs from the target's are re-anchored by quote and context;
those not found arrive flagged as orphans, never dropped.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path

import pymupdf

from kfor_viewer.core.anchoring import import_pdf_highlights, reanchor
from kfor_viewer.core.annotation_store import (
    AnnotationStore,
    StoreChange,
    StoreFileProblem,
    decode_store,
    encode_store,
    known_store_files,
)
from kfor_viewer.core.annotations import Annotation, DocumentAnnotations
from kfor_viewer.core.document_identity import DocumentIdentity
from kfor_viewer.core.page_text import DocumentText
from kfor_viewer.core.safe_files import FileWriteError, atomic_write, describe_os_error


class SharedFileError(Exception):
    """A shared annotations file that cannot be read or written; the message says why."""


@dataclass(frozen=True)
class ImportSummary:
    added: int
    updated: int
    orphans: int
    reanchored: bool  # the file came from another version of the document


def export_annotations(store: AnnotationStore, target: str | os.PathLike[str]) -> int:
    """Write the document's annotations and corrections (not its deletion records) to `target`
    in the store format; returns the number of annotations written."""
    document = dataclasses.replace(store.document, deleted_annotations={}, deleted_corrections={})
    try:
        atomic_write(Path(target), encode_store(document), keep_backup=False)
    except FileWriteError as error:
        raise SharedFileError(f"Could not export the annotations: {error}") from error
    return len(document.annotations)


def read_shared_file(source: str | os.PathLike[str]) -> DocumentAnnotations:
    try:
        data = Path(source).read_bytes()
    except OSError as error:
        raise SharedFileError(f"Could not read {source}: {describe_os_error(error)}") from error
    try:
        document, _ = decode_store(data)
    except StoreFileProblem as problem:
        raise SharedFileError(f"{source} is not an annotations file. {problem.message}") from None
    return document


def import_annotations(
    store: AnnotationStore, source: str | os.PathLike[str], text: DocumentText
) -> ImportSummary:
    """Merge a shared file into `store`: newer edits win, the store's own deletions stand. A file
    made on another version of the document is re-anchored in `text` (corrections are then left
    out: they describe the other version's fields)."""
    incoming = read_shared_file(source)
    incoming.deleted_annotations, incoming.deleted_corrections = {}, {}
    orphans = 0
    reanchored = incoming.sha256 != store.sha256
    if reanchored:
        result = reanchor(incoming.annotations.values(), text)
        orphans = len(result.orphans)
        incoming.annotations = {a.id: a for a in result.anchored + result.orphans}
        incoming.corrections = {}
        incoming.revision_of = ()
    change = store.merge(incoming, with_deletions=False)
    return ImportSummary(len(change.added), len(change.updated), orphans, reanchored)


def carry_over_revision(
    store: AnnotationStore, earlier: DocumentAnnotations, text: DocumentText
) -> StoreChange:
    """Bring the annotations and corrections of an earlier version into `store` (the revised
    document, whose text is `text`); those not found are kept as orphans."""
    result = reanchor(earlier.annotations.values(), text)
    incoming = dataclasses.replace(
        earlier,
        sha256=store.sha256,
        revision_of=(earlier.sha256, *earlier.revision_of),
        annotations={a.id: a for a in result.anchored + result.orphans},
        deleted_annotations={},
        deleted_corrections={},
    )
    return store.merge(incoming, with_deletions=False)


def earlier_versions(
    identity: DocumentIdentity, data_dir: str | os.PathLike[str] | None = None
) -> list[DocumentAnnotations]:
    """Stores of other files that share this PDF's permanent /ID (its first element): earlier
    or later versions of the same document, most recently annotated first."""
    if identity.pdf_id is None:
        return []
    found = []
    for path in known_store_files(data_dir):
        if path.stem == identity.sha256:
            continue
        try:
            document, _ = decode_store(path.read_bytes(), path.stem)
        except (OSError, StoreFileProblem):
            continue  # a bad store is dealt with when its own document is opened
        if document.pdf_id and document.pdf_id[0] == identity.pdf_id[0]:
            found.append(document)
    return sorted(found, key=_last_edit, reverse=True)


def _last_edit(document: DocumentAnnotations) -> str:
    return max((a.modified for a in document.annotations.values()), default="")


def adopt_earlier_version(
    store: AnnotationStore,
    identity: DocumentIdentity,
    text: DocumentText,
    data_dir: str | os.PathLike[str] | None = None,
) -> DocumentAnnotations | None:
    """For a document opened for the first time (no store file yet): carry over the annotations
    of the most recently annotated version with the same /ID. Returns that version, or None."""
    if store.path.exists() or store.annotations():
        return None
    candidates = earlier_versions(identity, data_dir)
    if not candidates:
        return None
    carry_over_revision(store, candidates[0], text)
    return candidates[0]


def pdf_highlights_to_import(
    store: AnnotationStore, document: pymupdf.Document, text: DocumentText
) -> tuple[list[Annotation], int]:
    """The highlights inside the PDF that the store has neither got nor had deleted (importing
    again brings nothing back), and how many highlights the PDF holds in all."""
    highlights = import_pdf_highlights(document, text)
    fresh = [a for a in highlights if store.get(a.id) is None and not store.is_deleted(a.id)]
    return fresh, len(highlights)
