"""Back/forward history of jumps (go to page, outline, thumbnails, find), like a browser's."""

from __future__ import annotations

from typing import Generic, TypeVar

T = TypeVar("T")

MAX_ENTRIES = 100


class NavigationHistory(Generic[T]):
    """Positions left by jumps. `record(here)` before a jump; `back(here)` returns where to go and
    keeps `here` for `forward`."""

    def __init__(self) -> None:
        self._back: list[T] = []
        self._forward: list[T] = []

    def record(self, position: T) -> None:
        if self._back and self._back[-1] == position:
            return
        self._back.append(position)
        del self._back[:-MAX_ENTRIES]
        self._forward.clear()

    def back(self, current: T) -> T | None:
        if not self._back:
            return None
        self._forward.append(current)
        return self._back.pop()

    def forward(self, current: T) -> T | None:
        if not self._forward:
            return None
        self._back.append(current)
        return self._forward.pop()

    @property
    def can_go_back(self) -> bool:
        return bool(self._back)

    @property
    def can_go_forward(self) -> bool:
        return bool(self._forward)

    def clear(self) -> None:
        self._back.clear()
        self._forward.clear()
