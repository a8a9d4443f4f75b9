"""Rendered page images keyed by value (RenderKey), least recently used first out, bounded in bytes.

A zoom change is a new key, so nothing is ever invalidated; a new document is a new
`doc_generation`. `closest()` gives the image to paint scaled while the exact size renders.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtGui import QImage

from kfor_viewer.core.pdf_types import RenderKey

DEFAULT_MAX_BYTES = 256 * 1024 * 1024

__all__ = ["DEFAULT_MAX_BYTES", "RenderCache", "RenderKey"]


class RenderCache:
    def __init__(self, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.max_bytes = max_bytes
        self._images: OrderedDict[RenderKey, QImage] = OrderedDict()
        self._bytes_used = 0

    @property
    def bytes_used(self) -> int:
        return self._bytes_used

    def __len__(self) -> int:
        return len(self._images)

    def __contains__(self, key: RenderKey) -> bool:
        return key in self._images

    def get(self, key: RenderKey) -> QImage | None:
        image = self._images.get(key)
        if image is not None:
            self._images.move_to_end(key)
        return image

    def put(self, key: RenderKey, image: QImage) -> None:
        """Keep `image`; older images go until the cache fits. An image larger than the whole
        cache is not kept (it would only push everything else out)."""
        size = image.sizeInBytes()
        old = self._images.pop(key, None)
        if old is not None:
            self._bytes_used -= old.sizeInBytes()
        if size > self.max_bytes:
            return
        self._images[key] = image
        self._bytes_used += size
        while self._bytes_used > self.max_bytes:
            _key, evicted = self._images.popitem(last=False)
            self._bytes_used -= evicted.sizeInBytes()

    def closest(self, doc_generation: int, page: int, px_width: int = 0) -> QImage | None:
        """The cached whole-page image of `page` whose width is nearest `px_width` (for painting
        scaled while the exact size renders); with no width given, the largest one."""
        best: QImage | None = None
        best_rank: tuple[int, int] = (0, 0)
        for key, image in self._images.items():
            if key.doc_generation != doc_generation or key.page != page or key.clip is not None:
                continue
            distance = abs(key.px_width - px_width) if px_width else 0
            # At equal distance prefer the larger image: scaling down looks better than up.
            rank = (distance, -key.px_width)
            if best is None or rank < best_rank:
                best, best_rank = image, rank
        return best

    def discard_generation(self, doc_generation: int) -> None:
        """Forget every image of an older document."""
        for key in [k for k in self._images if k.doc_generation != doc_generation]:
            self._bytes_used -= self._images.pop(key).sizeInBytes()

    def clear(self) -> None:
        self._images.clear()
        self._bytes_used = 0
