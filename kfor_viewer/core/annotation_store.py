"""The annotation store: one JSON file per document, data_dir()/annotations/<sha256>.json.

A store never loses a note. Saving merges with what another window or instance wrote meanwhile
(under a lock; newest edit wins per annotation, deletions are tombstones) and writes atomically
with a backup. A file that cannot be read as a store is moved aside, never overwritten, and the
caller gets a `StoreWarning` to show. A failed write raises `StoreWriteError` and leaves the
annotations in memory and the store dirty, so the caller can retry.

Observers get a `StoreChange` naming the ids and pages that changed. Debounced autosave is the
UI's job: it watches `dirty` and calls `save()`.

Every annotation the store holds is exactly what the strict reader gives back for its line in
the file (add, update and merge normalise what comes in), so a save can hand the document to the
parse cache (`annotation_cache`), which makes the next open of an unchanged file fast.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from kfor_viewer.core import paths
from kfor_viewer.core.annotation_cache import ParseCache, json_digest
from kfor_viewer.core.annotation_codec import (
    EncodedLines,
    StoreFileProblem,
    StoreWarning,
    decode_store,
    encode_store,
)
from kfor_viewer.core.annotation_merge import StoreChange, merge_documents
from kfor_viewer.core.annotations import (
    Annotation,
    CorrectionKey,
    DocumentAnnotations,
    FieldCorrection,
    reading_order,
    utc_now,
)
from kfor_viewer.core.document_identity import DocumentIdentity
from kfor_viewer.core.safe_files import (
    FileWriteError,
    atomic_write,
    describe_os_error,
    file_lock,
    move_aside,
    remove_stale_temporaries,
)

ANNOTATIONS_FOLDER = "annotations"


class StoreReadError(Exception):
    """The store file exists but cannot be read or set aside (e.g. no permission)."""


class StoreWriteError(Exception):
    """The store could not be saved; the annotations are still in memory (store stays dirty)."""


Observer = Callable[[StoreChange], None]


def store_folder(data_dir: str | os.PathLike[str] | None = None) -> Path:
    return paths.data_dir(data_dir) / ANNOTATIONS_FOLDER


class AnnotationStore:
    """The annotations of one document. Create with `AnnotationStore.open(identity)`. Use it
    from one thread (the GUI thread); it does no I/O except in open(), save() and refresh()."""

    def __init__(self, identity: DocumentIdentity, data_dir: str | os.PathLike[str] | None = None):
        self.path = store_folder(data_dir) / f"{identity.sha256}.json"
        self.warnings: list[StoreWarning] = []
        self._document = DocumentAnnotations(
            sha256=identity.sha256, file_name=identity.file_name, pdf_id=identity.pdf_id
        )
        self._dirty = False
        self._disk_signature: tuple[int, int, int] | None = None
        self._observers: list[Observer] = []
        self._encoded: EncodedLines = {}
        self._parse_cache = ParseCache(identity.sha256, data_dir)

    @classmethod
    def open(
        cls, identity: DocumentIdentity, data_dir: str | os.PathLike[str] | None = None
    ) -> AnnotationStore:
        """The store of `identity`, loaded; read `warnings` for anything to tell the user."""
        store = cls(identity, data_dir)
        store.warnings = store._load_from_disk()
        return store

    # --- reading ------------------------------------------------------------------------------

    @property
    def sha256(self) -> str:
        return self._document.sha256

    @property
    def dirty(self) -> bool:
        """True while there are edits (or a migration) not yet saved."""
        return self._dirty

    @property
    def document(self) -> DocumentAnnotations:
        """A snapshot copy of everything stored (for export and tests)."""
        return dataclasses.replace(
            self._document,
            annotations=dict(self._document.annotations),
            corrections=dict(self._document.corrections),
            deleted_annotations=dict(self._document.deleted_annotations),
            deleted_corrections=dict(self._document.deleted_corrections),
        )

    def annotations(self, page: int | None = None) -> list[Annotation]:
        """The highlights in reading order, or only those on `page` (1-based)."""
        items = self._document.annotations.values()
        if page is not None:
            items = [a for a in items if a.page == page]
        return sorted(items, key=reading_order)

    def get(self, annotation_id: str) -> Annotation | None:
        return self._document.annotations.get(annotation_id)

    def is_deleted(self, annotation_id: str) -> bool:
        """True when the highlight was deleted here or in a merged copy (and not restored)."""
        return annotation_id in self._document.deleted_annotations

    def corrections(self) -> dict[CorrectionKey, FieldCorrection]:
        return dict(self._document.corrections)

    def tags(self) -> dict[str, int]:
        """Each tag used in this document with its number of highlights."""
        counts: dict[str, int] = {}
        for annotation in self._document.annotations.values():
            for tag in annotation.tags:
                counts[tag] = counts.get(tag, 0) + 1
        return dict(sorted(counts.items()))

    # --- observers ----------------------------------------------------------------------------

    def subscribe(self, observer: Observer) -> Callable[[], None]:
        """Call `observer(change)` after every change; returns the function that unsubscribes."""
        self._observers.append(observer)
        return lambda: self._observers.remove(observer)

    def _changed(self, change: StoreChange, dirty: bool = True) -> None:
        if not change:
            return
        self._dirty = self._dirty or dirty
        for observer in list(self._observers):
            observer(change)

    # --- editing (each call stamps `modified`, so merges order it after earlier edits) ----------

    def add(self, annotation: Annotation) -> Annotation:
        """Add or restore a highlight (an undone delete comes back with its id). Raises
        AnnotationFormatError for a value the file could not hold (e.g. colour 'red')."""
        annotation = _checked(dataclasses.replace(annotation, modified=utc_now()))
        existed = annotation.id in self._document.annotations
        previous = self._document.annotations.get(annotation.id)
        self._document.annotations[annotation.id] = annotation
        self._document.deleted_annotations.pop(annotation.id, None)
        pages = {annotation.page} | ({previous.page} if previous else set())
        kind = "updated" if existed else "added"
        self._changed(StoreChange(**{kind: frozenset({annotation.id})}, pages=frozenset(pages)))
        return annotation

    def update(self, annotation_id: str, **changes: Any) -> Annotation:
        """Change fields of a highlight, e.g. update(id, color="#A0D8FF", tags=("north",))."""
        current = self._require(annotation_id)
        if changes.keys() & {"id", "created", "modified"}:
            raise ValueError("id, created and modified are kept by the store")
        updated = _checked(dataclasses.replace(current, **changes, modified=utc_now()))
        self._document.annotations[annotation_id] = updated
        pages = frozenset({current.page, updated.page})
        self._changed(StoreChange(updated=frozenset({annotation_id}), pages=pages))
        return updated

    def remove(self, annotation_id: str) -> Annotation:
        """Delete a highlight; returns it (for undo). A tombstone keeps it deleted on merge."""
        removed = self._document.annotations.pop(self._require(annotation_id).id)
        self._document.deleted_annotations[annotation_id] = utc_now()
        self._changed(
            StoreChange(removed=frozenset({annotation_id}), pages=frozenset({removed.page}))
        )
        return removed

    def set_correction(self, correction: FieldCorrection) -> FieldCorrection:
        correction = dataclasses.replace(correction, modified=utc_now())
        correction = FieldCorrection.from_dict(correction.to_dict())  # refuse what cannot be saved
        self._document.corrections[correction.key] = correction
        self._document.deleted_corrections.pop(correction.key, None)
        self._changed(StoreChange(corrections=frozenset({correction.key})))
        return correction

    def remove_correction(self, key: CorrectionKey) -> FieldCorrection | None:
        """Back to the extracted value; returns the removed correction (None if there was none)."""
        removed = self._document.corrections.pop(key, None)
        if removed is not None:
            self._document.deleted_corrections[key] = utc_now()
            self._changed(StoreChange(corrections=frozenset({key})))
        return removed

    def merge(self, incoming: DocumentAnnotations, with_deletions: bool = True) -> StoreChange:
        """Take the newer of each annotation and correction from `incoming` (another instance's
        file, or a colleague's export with `with_deletions=False`); marks the store dirty.
        Raises AnnotationFormatError (and changes nothing) for a value the file could not hold."""
        checked = {key: _checked(a) for key, a in incoming.annotations.items()}
        incoming = dataclasses.replace(incoming, annotations=checked)
        change = merge_documents(self._document, incoming, with_deletions)
        self._changed(change)
        return change

    def _require(self, annotation_id: str) -> Annotation:
        try:
            return self._document.annotations[annotation_id]
        except KeyError:
            raise KeyError(f"no annotation {annotation_id} in this document") from None

    # --- disk ---------------------------------------------------------------------------------

    def save(self) -> list[StoreWarning]:
        """Merge with the file on disk and write atomically. Raises StoreWriteError (nothing is
        lost: the store stays dirty). Returns warnings about a bad file found and moved aside.
        Observers hear of what the merge brought in once the file is written and unlocked."""
        if not self._dirty and self.path.exists():
            return self.refresh()  # nothing of ours is missing from the file
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with file_lock(self.path.with_name(self.path.name + ".lock")):
                remove_stale_temporaries(self.path)
                change, warnings = self._merge_from_disk()
                data = encode_store(self._document, self._encoded)
                atomic_write(self.path, data)
                self._disk_signature = _signature(self.path)
                self._cache_what_was_written(data)  # under the lock: the last writer wins
        except FileWriteError as error:
            raise StoreWriteError(_write_failure(self.path, str(error))) from error
        except (OSError, StoreReadError) as error:
            reason = describe_os_error(error) if isinstance(error, OSError) else str(error)
            raise StoreWriteError(_write_failure(self.path, reason)) from error
        self._dirty = False
        self._changed(change, dirty=False)
        return warnings

    def _cache_what_was_written(self, data: bytes) -> None:
        """Hand the parse cache the document as the file now holds it (highlights in file
        order, as `encode_store` just wrote them); it never raises."""
        in_file_order = {a.id: a for a, _ in self._encoded.values()}
        as_written = dataclasses.replace(self._document, annotations=in_file_order)
        self._parse_cache.write(json_digest(data), as_written)

    def refresh(self) -> list[StoreWarning]:
        """Take in what another instance saved (nothing is written); observers hear of it."""
        change, warnings = self._merge_from_disk()
        self._changed(change, dirty=False)
        return warnings

    def _load_from_disk(self) -> list[StoreWarning]:
        loaded, warnings = self._read_disk_file()
        if loaded is not None:
            # the file may have been renamed or re-saved since: the identity given is current
            loaded.file_name = self._document.file_name or loaded.file_name
            loaded.pdf_id = self._document.pdf_id or loaded.pdf_id
            self._document = loaded
        self._dirty = any(w.kind == "migrated" for w in warnings)
        return warnings

    def _merge_from_disk(self) -> tuple[StoreChange, list[StoreWarning]]:
        if self._disk_signature is not None and self._disk_signature == _signature(self.path):
            return StoreChange(), []  # unchanged since we last read or wrote it
        loaded, warnings = self._read_disk_file("the annotations open here are kept")
        if loaded is None:
            self._dirty = self._dirty or bool(warnings)  # set aside: ours must be written anew
            return StoreChange(), warnings
        return merge_documents(self._document, loaded, True), warnings

    def _read_disk_file(
        self, if_bad: str = "starting with an empty store"
    ) -> tuple[DocumentAnnotations | None, list[StoreWarning]]:
        signature = _signature(self.path)
        if signature is None:
            self._disk_signature = None
            self._parse_cache.discard()  # of a store deleted since; for one never saved, nothing
            return None, []
        try:
            data = self.path.read_bytes()
        except OSError as error:
            raise StoreReadError(
                f"Could not read {self.path}: {describe_os_error(error)}"
            ) from error
        try:
            known = {line: annotation for annotation, line in self._encoded.values()}
            document, warnings = decode_store(data, self.sha256, known, self._parse_cache)
        except StoreFileProblem as problem:
            return None, [self._set_aside(problem, if_bad)]
        self._disk_signature = signature
        return document, warnings

    def _set_aside(self, problem: StoreFileProblem, consequence: str) -> StoreWarning:
        self._disk_signature = None
        try:
            moved_to = move_aside(self.path, problem.kind.replace("_", "-"))
        except OSError as error:
            raise StoreReadError(
                f"{problem.message} It could not be moved aside ({describe_os_error(error)}), "
                f"so it is left untouched at {self.path}."
            ) from error
        message = f"{problem.message} It was moved to {moved_to}; {consequence}."
        return StoreWarning(problem.kind, message, moved_to)


def _checked(annotation: Annotation) -> Annotation:
    """The annotation as the file would give it back (normalised), or AnnotationFormatError: a
    bad value from a caller must fail now, not make the saved file unreadable."""
    return Annotation.from_dict(annotation.to_dict())


def _signature(path: Path) -> tuple[int, int, int] | None:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns)


def _write_failure(path: Path, reason: str) -> str:
    return (
        f"The annotations could not be saved ({reason}). They are kept in memory; "
        f"free some space or make {path.parent} writable, then save again."
    )


def known_store_files(data_dir: str | os.PathLike[str] | None = None) -> Iterable[Path]:
    """The store files in the data folder (for linking revisions and renaming tags)."""
    folder = store_folder(data_dir)
    return sorted(folder.glob("*.json")) if folder.is_dir() else []
