"""A disposable parse cache of the annotation stores, like Python's .pyc files.

Reading a store strictly (JSON, then every field checked) takes 250-400 ms for 10,000
highlights on a shared 2-core machine; this cache gives the same result in a third of that. For
each store, data_dir()/cache/annotations/<document sha256>.bin holds what the strict reader made
of the store's exact bytes, as `marshal` data of plain tuples, strings and numbers (no objects):

    header line  (format, schema, Python and marshal versions, field names)
    SHA-256 of the JSON bytes it was made from
    SHA-256 of the payload
    payload      (marshal)

The JSON stays the one source of truth: the cache answers only for the very bytes it was made
from, intact, written by this kind of Python and this schema. Anything else (no cache, a file
edited by hand, a damaged or foreign cache) is None here, and the store reads the JSON strictly
and writes a new cache. Writing is best effort, never fsynced and never an error: losing the
cache costs only speed. The checksum catches damage, not malice: whoever can write the data
folder can as well change the settings or the stores themselves.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import marshal
import operator
import os
import sys
import time
import uuid
from pathlib import Path
from typing import Any

from kfor_viewer.core import paths
from kfor_viewer.core.annotations import (
    ANNOTATION_FIELDS,
    CORRECTION_FIELDS,
    SCHEMA_VERSION,
    DocumentAnnotations,
    FieldCorrection,
    annotation_values,
    annotations_from_values,
)

CACHE_FOLDER = ("cache", "annotations")
_FORMAT = 1
# Version 2 writes every object in full: twice as fast to write as 4, which looks up each
# object to share repeats, and as fast to read. A save writes the cache every time.
_MARSHAL_VERSION = 2
_HEADER = (
    f"kfor-viewer annotation parse cache {_FORMAT}; store schema {SCHEMA_VERSION}; "
    f"{sys.implementation.cache_tag} marshal {_MARSHAL_VERSION}; "
    f"{','.join(ANNOTATION_FIELDS)}; {','.join(CORRECTION_FIELDS)}\n"
).encode("ascii")
_DIGEST_SIZE = 32
_PAYLOAD_START = len(_HEADER) + 2 * _DIGEST_SIZE
_ABANDONED_AFTER_SECONDS = 3600.0  # a write takes milliseconds: an older temporary was killed
_HEADER_ENCODER = json.JSONEncoder(sort_keys=True, ensure_ascii=False)
_correction_values = operator.attrgetter(*CORRECTION_FIELDS)


def cache_folder(data_dir: str | os.PathLike[str] | None = None) -> Path:
    return paths.data_dir(data_dir).joinpath(*CACHE_FOLDER)


def json_digest(data: bytes) -> bytes:
    """What a cache is tagged with: the SHA-256 of the store's exact bytes."""
    return hashlib.sha256(data).digest()


class ParseCache:
    """The parse cache of one store file; see the module docstring."""

    def __init__(self, document_sha256: str, data_dir: str | os.PathLike[str] | None = None):
        self.document_sha256 = document_sha256
        self.path = cache_folder(data_dir) / f"{document_sha256}.bin"

    def read(self, digest: bytes) -> DocumentAnnotations | None:
        """What the strict reader made of the JSON bytes whose SHA-256 is `digest`, or None
        when this cache cannot tell (then read the JSON)."""
        try:
            blob = self.path.read_bytes()
        except OSError:
            return None
        if blob[: _PAYLOAD_START - _DIGEST_SIZE] != _HEADER + digest:
            return None
        payload = memoryview(blob)[_PAYLOAD_START:]
        if hashlib.sha256(payload).digest() != blob[_PAYLOAD_START - _DIGEST_SIZE : _PAYLOAD_START]:
            return None
        try:
            document = _document_from_payload(marshal.loads(payload))
        except Exception:  # a cache that cannot be used for any reason is only a missed shortcut
            return None
        return document if document.sha256 == self.document_sha256 else None

    def write(self, digest: bytes, document: DocumentAnnotations) -> None:
        """Cache `document` as what the JSON bytes of SHA-256 `digest` hold. Call it only with
        exactly what those bytes decode to, highlights in file order (just read strictly, or
        just encoded from a store whose highlights all passed the strict checks). Failures
        are ignored."""
        try:
            payload = marshal.dumps(_payload_of(document), _MARSHAL_VERSION)
        except Exception:  # e.g. a value the strict reader refuses: it decides on the next read
            return
        blob = b"".join((_HEADER, digest, hashlib.sha256(payload).digest(), payload))
        temp = self.path.with_name(f".{self.path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            _remove_abandoned_temporaries(self.path)
            temp.write_bytes(blob)
            os.replace(temp, self.path)
        except OSError:
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)

    def discard(self) -> None:
        """Remove the cache (its store is gone); failures are ignored."""
        with contextlib.suppress(OSError):
            self.path.unlink(missing_ok=True)


def _payload_of(document: DocumentAnnotations) -> tuple[Any, ...]:
    """The document as plain data. The part beside the highlights goes through the strict
    reader first, as in a file, so the cache never holds a value that reader would refuse;
    the highlights are checked by the store as they come in (AnnotationStore docstring)."""
    header = document.to_dict(with_annotations=False)
    checked = DocumentAnnotations.from_dict(
        json.loads(_HEADER_ENCODER.encode({**header, "annotations": []}))
    )
    # Corrections and deletions come in to_dict's (the file's) sorted order: a hand-edited file
    # in another order gives equal dicts that iterate differently; nothing depends on that.
    return (
        checked.sha256,
        checked.file_name,
        checked.pdf_id,
        checked.revision_of,
        tuple(map(annotation_values, document.annotations.values())),
        tuple(map(_correction_values, checked.corrections.values())),
        checked.deleted_annotations,
        tuple((*key, deleted) for key, deleted in checked.deleted_corrections.items()),
    )


def _document_from_payload(payload: Any) -> DocumentAnnotations:
    sha, file_name, pdf_id, revision_of, rows, corrections, deleted, deleted_corrections = payload
    document = DocumentAnnotations(sha, file_name, pdf_id, revision_of)
    document.annotations = annotations_from_values(rows)
    document.corrections = {c.key: c for c in (FieldCorrection(*row) for row in corrections)}
    document.deleted_annotations = dict(deleted)
    document.deleted_corrections = {(s, f): t for s, f, t in deleted_corrections}
    return document


def _remove_abandoned_temporaries(path: Path) -> None:
    """Temporaries of writers killed mid-write; a fresh one may belong to a live writer."""
    limit = time.time() - _ABANDONED_AFTER_SECONDS
    for temp in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            if temp.stat().st_mtime < limit:
                temp.unlink()
