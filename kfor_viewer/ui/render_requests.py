"""One place that tells the worker what to render, for every view that shows pages.

The page view and the thumbnails each say which keys they want now (with priorities); this
sends the new ones to the DocumentClient and drops the rest from its queue with one
`retain_only` over the union, so one consumer never cancels another's renders. Finished images
of the open document go into the shared RenderCache here, and views hear `imageReady(key)`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage


class RenderRequests(QObject):
    imageReady = Signal(object)  # RenderKey, now in the cache
    renderFailed = Signal(object, str)  # RenderKey, reason

    def __init__(self, client: Any, cache: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._client = client
        self._cache = cache
        self._wanted: dict[str, dict[Any, int]] = {}
        self._sent: set[Any] = set()
        self._stopped = False
        client.pageRendered.connect(self._on_rendered)
        client.pageFailed.connect(self._on_failed)
        client.workerRestarted.connect(self._on_worker_restarted)

    def want(self, consumer: str, keys: dict[Any, int]) -> None:
        """Replace what `consumer` wants rendered: {RenderKey: priority}."""
        if self._stopped:
            return
        self._wanted[consumer] = dict(keys)
        union: set[Any] = set()
        for wanted in self._wanted.values():
            union.update(wanted)
        self._client.retain_only(union)
        self._sent &= union
        for key, priority in sorted(keys.items(), key=lambda item: item[1]):
            if key not in self._sent:
                self._sent.add(key)
                self._client.request_render(key, priority)

    def stop(self) -> None:
        """Send nothing more (the window is closing and the worker is shut down)."""
        self._stopped = True
        self._wanted.clear()

    def wanted(self) -> set[Any]:
        union: set[Any] = set()
        for wanted in self._wanted.values():
            union.update(wanted)
        return union

    def _on_rendered(self, key: Any, image: QImage) -> None:
        self._forget(key)
        if key.doc_generation == self._client.doc_generation and not image.isNull():
            self._cache.put(key, image)
            self.imageReady.emit(key)

    def _on_failed(self, key: Any, reason: str) -> None:
        self._forget(key)
        if key.doc_generation == self._client.doc_generation:
            self.renderFailed.emit(key, reason)

    def _forget(self, key: Any) -> None:
        self._sent.discard(key)
        for wanted in self._wanted.values():
            wanted.pop(key, None)

    def _on_worker_restarted(self, _message: str) -> None:
        # The restarted worker has an empty queue: send everything still wanted again.
        self._sent.clear()
        for consumer, keys in list(self._wanted.items()):
            self.want(consumer, keys)
