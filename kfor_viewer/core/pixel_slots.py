"""Shared-memory blocks that rendered pixels travel in from the worker to the GUI process.

The worker draws straight into a block; the GUI then shows the block itself (no copy): a render
is lent out as a buffer over its block, and the block comes back to the pool when the
last user of that buffer (a cached QImage, say) lets go of it. While the blocks in use would
exceed the pool's budget (say /dev/shm is small), a render is copied out and its block reused at
once instead.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import weakref
from multiprocessing import shared_memory

# Blocks are made in multiples of this, so renders of nearly the same size share blocks.
SLOT_GRANULARITY = 256 * 1024
# A free block is reused for a render whose size (rounded up to the granularity) fills at least
# this share of it: less would waste shared memory the cache does not count.
_MIN_FILL = 0.8
# The most bytes of shared memory lent out at once: the page cache (256 MB) plus renders in flight.
DEFAULT_BUDGET = 384 * 1024 * 1024
# Free blocks kept for reuse (more are destroyed): a few pages' or tiles' worth.
DEFAULT_MAX_FREE = 64 * 1024 * 1024
# Smaller renders are copied out of their block: a copy of a thumbnail costs microseconds, and
# many small blocks would waste shared memory and file descriptors.
LEND_MIN_BYTES = 1024 * 1024
_SHM_DIR = "/dev/shm"


def shared_memory_budget(wanted: int = DEFAULT_BUDGET) -> int:
    """`wanted`, or less where the shared-memory file system is small (containers often give
    /dev/shm 64 MB): a third of its free space, leaving room for the free blocks and the
    renders in flight, so the worker never writes past its end (that would be SIGBUS)."""
    try:
        stats = os.statvfs(_SHM_DIR)
    except (OSError, AttributeError):  # no /dev/shm (macOS, Windows): the system pages it
        return wanted
    return min(wanted, stats.f_bavail * stats.f_frsize // 3)


class PixelBlock(shared_memory.SharedMemory):
    """A shared-memory block whose close() leaves the mapping to the pixels lent out from it:
    it goes when they do (at exit, a cached image may outlive the pool)."""

    def close(self) -> None:
        with contextlib.suppress(BufferError):
            super().close()


class SlotPool:
    """Shared-memory blocks for pixels, owned (created and unlinked) by this process."""

    def __init__(self, max_free_bytes: int | None = None, budget: int | None = None) -> None:
        self.budget = shared_memory_budget() if budget is None else budget
        if max_free_bytes is None:
            max_free_bytes = min(DEFAULT_MAX_FREE, self.budget // 4)
        self.max_free_bytes = max_free_bytes
        self.free: list[shared_memory.SharedMemory] = []
        self._free_bytes = 0
        self._returned: list[shared_memory.SharedMemory] = []  # filled by finalizers
        self._lent: dict[str, shared_memory.SharedMemory] = {}
        self._lent_bytes = 0
        self._dropped: list[str] = []

    @property
    def lent_bytes(self) -> int:
        """Bytes of blocks whose pixels are still in use somewhere."""
        self._collect_returned()
        return self._lent_bytes

    def take(self, nbytes: int) -> shared_memory.SharedMemory:
        """A block of at least `nbytes`: a free one of about that size, else a new one."""
        self._collect_returned()
        size = -(-max(nbytes, 1) // SLOT_GRANULARITY) * SLOT_GRANULARITY
        for index, block in enumerate(self.free):
            if size <= block.size <= size / _MIN_FILL:
                self._free_bytes -= block.size
                return self.free.pop(index)
        return PixelBlock(create=True, size=size)

    def give_back(self, block: shared_memory.SharedMemory) -> None:
        """Keep `block` for reuse; the oldest free blocks go when they exceed max_free_bytes."""
        self.free.append(block)
        self._free_bytes += block.size
        while self._free_bytes > self.max_free_bytes:
            oldest = self.free.pop(0)
            self._free_bytes -= oldest.size
            self._dropped.append(oldest.name)
            destroy(oldest)

    def lend(self, block: shared_memory.SharedMemory, nbytes: int) -> object:
        """The first `nbytes` of `block` as a buffer that returns the block here once nothing
        refers to it any more. Small renders (thumbnails), and any while the blocks lent out
        would exceed the budget, are copied instead and the block is free again at once."""
        self._collect_returned()
        if nbytes < LEND_MIN_BYTES or self._lent_bytes + block.size > self.budget:
            copy = bytes(block.buf[:nbytes])
            self.give_back(block)
            return copy
        pixels = _pixels_type(nbytes).from_buffer(block.buf)
        self._lent[block.name] = block
        self._lent_bytes += block.size
        weakref.finalize(pixels, self._returned.append, block)
        return pixels

    def take_dropped(self) -> list[str]:
        """Names of blocks destroyed since the last call (the worker should unmap them)."""
        self._collect_returned()
        dropped, self._dropped = self._dropped, []
        return dropped

    def _collect_returned(self) -> None:
        # Finalizers only queue the block: they run wherever the last reference went (inside a
        # paint, say), where changing the pool or talking to the worker is not safe.
        while self._returned:
            block = self._returned.pop()
            if self._lent.pop(block.name, None) is not None:  # else destroyed at shutdown
                self._lent_bytes -= block.size
                self.give_back(block)

    def destroy_all(self) -> None:
        """Unlink every block; blocks still lent out stay mapped until their users let go."""
        self._collect_returned()
        for block in self.free + list(self._lent.values()):
            destroy(block)
        self.free.clear()
        self._free_bytes = 0
        self._lent.clear()
        self._lent_bytes = 0


_PIXEL_TYPES: dict[int, type] = {}


def _pixels_type(nbytes: int) -> type:
    """A ctypes byte-array class of `nbytes`; a subclass, as those take weak references (for the
    finalizer). Classes are reused: most renders come in a handful of sizes."""
    kind = _PIXEL_TYPES.get(nbytes)
    if kind is None:
        kind = type("PixelBuffer", (ctypes.c_ubyte * nbytes,), {})
        if len(_PIXEL_TYPES) > 512:
            _PIXEL_TYPES.clear()
        _PIXEL_TYPES[nbytes] = kind
    return kind


def destroy(block: shared_memory.SharedMemory) -> None:
    block.close()
    with contextlib.suppress(FileNotFoundError):
        block.unlink()
