"""The user's tag vocabulary, global across documents: data_dir()/tags.json (tag -> colour).

Every tag used is remembered here so completion offers tags from any document without reading
every store; a tag may carry a colour that highlights made with it take. Renaming or merging a
tag rewrites it in every store.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

from kfor_viewer.core import paths
from kfor_viewer.core.annotation_store import (
    AnnotationStore,
    StoreWarning,
    StoreWriteError,
    known_store_files,
)
from kfor_viewer.core.annotations import AnnotationFormatError, TagVocabulary
from kfor_viewer.core.document_identity import DocumentIdentity
from kfor_viewer.core.safe_files import FileWriteError, atomic_write, file_lock, move_aside

VOCABULARY_FILE = "tags.json"


def vocabulary_path(data_dir: str | os.PathLike[str] | None = None) -> Path:
    return paths.data_dir(data_dir) / VOCABULARY_FILE


def load_tag_vocabulary(
    data_dir: str | os.PathLike[str] | None = None,
) -> tuple[TagVocabulary, list[StoreWarning]]:
    """The vocabulary (empty when there is none); a bad file is moved aside with a warning."""
    path = vocabulary_path(data_dir)
    try:
        return TagVocabulary.from_dict(json.loads(path.read_bytes())), []
    except FileNotFoundError:
        return TagVocabulary(), []
    except (ValueError, AnnotationFormatError) as error:
        moved_to = move_aside(path, "invalid")
        message = f"The tag list was unreadable ({error}); it was moved to {moved_to}."
        return TagVocabulary(), [StoreWarning("invalid", message, moved_to)]


def save_tag_vocabulary(
    vocabulary: TagVocabulary, data_dir: str | os.PathLike[str] | None = None
) -> None:
    """Write the vocabulary, keeping tags another instance added meanwhile."""
    _write(vocabulary, data_dir, keep_others=True)


def _write(
    vocabulary: TagVocabulary, data_dir: str | os.PathLike[str] | None, keep_others: bool
) -> None:
    path = vocabulary_path(data_dir)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with file_lock(path.with_name(path.name + ".lock")):
            if keep_others:
                on_disk, _ = load_tag_vocabulary(data_dir)
                vocabulary.colors = {**on_disk.colors, **vocabulary.colors}
            data = json.dumps(vocabulary.to_dict(), indent=2, sort_keys=True) + "\n"
            atomic_write(path, data.encode("utf-8"))
    except (FileWriteError, OSError) as error:
        raise StoreWriteError(f"The tag list could not be saved ({error}).") from error


def remember_tags(tags: Iterable[str], data_dir: str | os.PathLike[str] | None = None) -> None:
    """Add tags not yet in the vocabulary (without a colour)."""
    vocabulary, _ = load_tag_vocabulary(data_dir)
    new_tags = [t for t in tags if t not in vocabulary.colors]
    if new_tags:
        vocabulary.colors.update(dict.fromkeys(new_tags))
        save_tag_vocabulary(vocabulary, data_dir)


def rename_tag(old: str, new: str, data_dir: str | os.PathLike[str] | None = None) -> int:
    """Rename `old` to `new` in every store and in the vocabulary; when `new` exists already
    this merges the two. Returns how many highlights changed."""
    changed = 0
    for path in known_store_files(data_dir):
        store = AnnotationStore.open(DocumentIdentity(path.stem, ""), data_dir)
        for annotation in store.annotations():
            if old in annotation.tags:
                tags = tuple(dict.fromkeys(new if t == old else t for t in annotation.tags))
                store.update(annotation.id, tags=tags)
                changed += 1
        if store.dirty:
            store.save()
    vocabulary, _ = load_tag_vocabulary(data_dir)
    color = vocabulary.colors.pop(old, None)
    vocabulary.colors[new] = vocabulary.colors.get(new) or color
    _write(vocabulary, data_dir, keep_others=False)  # the old tag must go
    return changed
