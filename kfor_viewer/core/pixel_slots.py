"""Shared-memory blocks that rendered pixels travel in from the worker to the GUI process."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from multiprocessing import shared_memory

# Blocks grow in steps of this size, so a zoom by a few per cent reuses the block it has.
SLOT_GRANULARITY = 4 * 1024 * 1024


@dataclass
class SlotPool:
    """Shared-memory blocks for pixels, owned (created and unlinked) by this process."""

    max_free: int = 2  # blocks kept for reuse; more are unlinked
    free: list[shared_memory.SharedMemory] = field(default_factory=list)

    def take(self, nbytes: int) -> tuple[shared_memory.SharedMemory, list[str]]:
        """A block of at least `nbytes`, and the names of blocks freed to make room."""
        for index, block in enumerate(self.free):
            if block.size >= nbytes:
                return self.free.pop(index), []
        dropped = []
        if len(self.free) >= self.max_free:
            smallest = min(self.free, key=lambda b: b.size)
            self.free.remove(smallest)
            dropped.append(smallest.name)
            destroy(smallest)
        size = -(-nbytes // SLOT_GRANULARITY) * SLOT_GRANULARITY
        return shared_memory.SharedMemory(create=True, size=size), dropped

    def give_back(self, block: shared_memory.SharedMemory) -> None:
        self.free.append(block)

    def destroy_all(self) -> None:
        for block in self.free:
            destroy(block)
        self.free.clear()


def destroy(block: shared_memory.SharedMemory) -> None:
    block.close()
    with contextlib.suppress(FileNotFoundError):
        block.unlink()
