"""Merging two copies of one document's annotations (two windows, two instances, a shared file).

Per annotation id the latest of edit and deletion wins, ties go to the deletion; deletions are
tombstones (id -> time), so a merge never brings back a highlight that was deleted after its
last edit, while an undone delete (a newer edit) does come back. Corrections likewise.
"""

from __future__ import annotations

from dataclasses import dataclass

from kfor_viewer.core.annotations import CorrectionKey, DocumentAnnotations


@dataclass(frozen=True)
class StoreChange:
    """What one edit, merge or load changed, so a panel refreshes only what it shows."""

    added: frozenset[str] = frozenset()
    updated: frozenset[str] = frozenset()
    removed: frozenset[str] = frozenset()
    pages: frozenset[int] = frozenset()
    corrections: frozenset[CorrectionKey] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.added or self.updated or self.removed or self.corrections)


def merge_documents(
    mine: DocumentAnnotations, theirs: DocumentAnnotations, with_deletions: bool = True
) -> StoreChange:
    """Merge `theirs` into `mine` in place: per id the latest of edit and deletion wins, ties go to
    the deletion. Returns what changed in `mine`."""
    added, updated, removed, pages = set(), set(), set(), set()
    for annotation in theirs.annotations.values():
        ours = mine.annotations.get(annotation.id)
        if ours is annotation:
            continue  # the same object: a re-read of a record this process wrote or read
        deleted_at = mine.deleted_annotations.get(annotation.id)
        if deleted_at is not None and deleted_at >= annotation.modified:
            continue
        if ours is not None and ours.modified >= annotation.modified:
            continue
        (updated if ours else added).add(annotation.id)
        pages.update({annotation.page} | ({ours.page} if ours else set()))
        mine.annotations[annotation.id] = annotation
        mine.deleted_annotations.pop(annotation.id, None)
    if with_deletions:
        for annotation_id, deleted_at in theirs.deleted_annotations.items():
            ours = mine.annotations.get(annotation_id)
            if ours is not None and ours.modified > deleted_at:
                continue
            mine.deleted_annotations[annotation_id] = max(
                deleted_at, mine.deleted_annotations.get(annotation_id, "")
            )
            if ours is not None:
                del mine.annotations[annotation_id]
                removed.add(annotation_id)
                pages.add(ours.page)
    corrections = _merge_corrections(mine, theirs, with_deletions)
    mine.revision_of = tuple(dict.fromkeys(mine.revision_of + theirs.revision_of))
    return StoreChange(
        frozenset(added), frozenset(updated), frozenset(removed), frozenset(pages), corrections
    )


def _merge_corrections(
    mine: DocumentAnnotations, theirs: DocumentAnnotations, with_deletions: bool
) -> frozenset[CorrectionKey]:
    changed: set[CorrectionKey] = set()
    for key, correction in theirs.corrections.items():
        ours = mine.corrections.get(key)
        deleted_at = mine.deleted_corrections.get(key, "")
        if deleted_at >= correction.modified or (ours and ours.modified >= correction.modified):
            continue
        mine.corrections[key] = correction
        mine.deleted_corrections.pop(key, None)
        changed.add(key)
    for key, deleted_at in (theirs.deleted_corrections if with_deletions else {}).items():
        ours = mine.corrections.get(key)
        if ours is not None and ours.modified > deleted_at:
            continue
        mine.deleted_corrections[key] = max(deleted_at, mine.deleted_corrections.get(key, ""))
        if mine.corrections.pop(key, None) is not None:
            changed.add(key)
    return frozenset(changed)
