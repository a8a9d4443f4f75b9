"""Give highlights made in the window their place in the document's text.

A highlight made from a selection (`annotations_from_selection`) knows its words, rectangles
and nearby words at once; its character offsets in the page text and its context as the store
keeps them (the text MuPDF reads, running heads removed) come a moment later from the isolated
child (`annotation_jobs.ANCHOR`), the same text the command line anchors quotes in. The store
then gets them without an undo step: they describe the highlight, they do not change it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, QTimer

from kfor_viewer.core.annotation_jobs import ANCHOR, AnnotationJob
from kfor_viewer.core.annotations import CONTEXT_CHARS, Annotation, new_id
from kfor_viewer.ui.store_subscription import StoreSubscription
from kfor_viewer.ui.text_selection import TextSelection, join_words

BATCH_DELAY_MS = 300  # highlights made in quick succession go in one job
WordsOf = Callable[[int], Sequence[Any] | None]
CONTEXT_WORDS = 12  # enough words for CONTEXT_CHARS of context on either side


def annotations_from_selection(
    selection: TextSelection, words_of: WordsOf, color: str, tags: Sequence[str] = ()
) -> list[Annotation]:
    """One highlight per page of `selection` (pages 0-based there, 1-based in the store), with
    the text just before and after it as context for finding it again in a revised PDF."""
    made = []
    for part in selection.pages:
        if not part.rects:
            continue
        words = words_of(part.page) or ()
        before = join_words(words[max(0, part.first - CONTEXT_WORDS) : part.first])
        after = join_words(words[part.last + 1 : part.last + 1 + CONTEXT_WORDS])
        made.append(
            Annotation(
                id=new_id(),
                page=part.page + 1,
                quote=part.text,
                rects=tuple(tuple(round(v, 2) for v in box) for box in part.rects),
                prefix=before[-CONTEXT_CHARS:],
                suffix=after[:CONTEXT_CHARS],
                color=color,
                tags=tuple(dict.fromkeys(tags)),
            )
        )
    return made


class TextAnchoring(QObject):
    """Sends the store's unplaced highlights to the child and stores what it finds."""

    def __init__(self, jobs: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.jobs = jobs
        self.store: Any = None
        self.path: str | None = None
        self._pending: set[str] = set()
        self._subscription = StoreSubscription(self._on_change)
        self._timer = QTimer(self, singleShot=True, interval=BATCH_DELAY_MS)
        self._timer.timeout.connect(self._send)
        jobs.finished.connect(self._on_finished)

    def set_store(self, store: Any, path: str | None) -> None:
        self._subscription.follow(store if path else None)
        if self.path:
            self.jobs.cancel_queued(self.path)
        self.store, self.path = store, path
        self._pending.clear()
        if store is not None and path:
            self._want([a.id for a in store.annotations() if _unplaced(a)])

    def _on_change(self, change: Any) -> None:
        self._want(change.added)

    def _want(self, ids: Any) -> None:
        wanted = [i for i in ids if _unplaced(self.store.get(i))]
        if wanted:
            self._pending.update(wanted)
            self._timer.start()

    def _send(self) -> None:
        annotations = [self.store.get(i) for i in sorted(self._pending)]
        self._pending.clear()
        annotations = tuple(a for a in annotations if _unplaced(a))
        if annotations and self.path:
            self.jobs.start(AnnotationJob(ANCHOR, self.path, annotations))

    def _on_finished(self, job: AnnotationJob, placed: list[Any]) -> None:
        if job.kind != ANCHOR or job.path != self.path or self.store is None:
            return
        for found in placed:
            current = self.store.get(found.id)
            if current is None or not _unplaced(current) or current.quote != _quote_of(job, found):
                continue  # deleted or changed meanwhile
            self.store.update(
                found.id, start=found.start, end=found.end, prefix=found.prefix, suffix=found.suffix
            )


def _unplaced(annotation: Any) -> bool:
    return annotation is not None and annotation.start is None and not annotation.orphan


def _quote_of(job: AnnotationJob, found: Any) -> str:
    return next((a.quote for a in job.annotations if a.id == found.id), "")
