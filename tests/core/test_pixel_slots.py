"""Shared-memory blocks for rendered pixels: lent out without a copy, back in the pool after use."""

from __future__ import annotations

import gc

import pytest

from kfor_viewer.core import pixel_slots
from kfor_viewer.core.pixel_slots import LEND_MIN_BYTES, SLOT_GRANULARITY, SlotPool

BIG = 2 * LEND_MIN_BYTES


@pytest.fixture
def pool():
    made = SlotPool(max_free_bytes=8 * BIG, budget=16 * BIG)
    yield made
    gc.collect()
    made.destroy_all()


def test_lent_pixels_are_the_block_itself_and_it_returns_when_they_die(pool):
    block = pool.take(BIG)
    block.buf[:4] = b"\x01\x02\x03\xff"
    pixels = pool.lend(block, BIG)
    assert bytes(pixels)[:4] == b"\x01\x02\x03\xff" and len(bytes(pixels)) == BIG
    block.buf[0] = 9  # no copy: what is drawn into the block is what the pixels show
    assert pixels[0] == 9
    assert pool.lent_bytes == block.size and pool.take(BIG) is not block
    del pixels
    gc.collect()
    assert pool.lent_bytes == 0
    assert pool.take(BIG) is block  # reused, not a new block


def test_small_renders_are_copied_and_their_block_is_free_at_once(pool):
    block = pool.take(1000)
    block.buf[:3] = b"abc"
    pixels = pool.lend(block, 1000)
    assert isinstance(pixels, bytes) and pixels[:3] == b"abc" and len(pixels) == 1000
    assert pool.lent_bytes == 0 and pool.take(1000) is block


def test_over_budget_renders_are_copied(pool):
    kept = [pool.lend(pool.take(BIG), BIG) for _ in range(16)]
    assert pool.lent_bytes == 16 * BIG
    extra = pool.lend(pool.take(BIG), BIG)
    assert isinstance(extra, bytes) and pool.lent_bytes == 16 * BIG
    del kept
    gc.collect()
    assert pool.lent_bytes == 0


def test_free_blocks_beyond_the_limit_are_destroyed_and_reported(pool):
    blocks = [pool.take(BIG) for _ in range(10)]
    for block in blocks:
        pool.give_back(block)
    dropped = pool.take_dropped()
    assert dropped == [block.name for block in blocks[:2]]  # the oldest go first
    assert pool.take_dropped() == []


def test_a_block_is_reused_only_for_a_render_of_about_its_size(pool):
    block = pool.take(8 * SLOT_GRANULARITY)
    pool.give_back(block)
    assert pool.take(SLOT_GRANULARITY) is not block  # too wasteful: a new, small block
    assert pool.take(8 * SLOT_GRANULARITY - 100) is block


def test_a_small_shared_memory_file_system_shrinks_the_budget(monkeypatch):
    class Small:  # a container's 64 MB /dev/shm, 60 MB of it free
        f_bavail, f_frsize = 60 * 256, 4096

    monkeypatch.setattr(pixel_slots.os, "statvfs", lambda _path: Small())
    pool = SlotPool()
    assert pool.budget == 20 * 1024 * 1024  # a third of the free space
    assert pool.max_free_bytes == 5 * 1024 * 1024
    # Lent, free and in-flight blocks together stay well inside the 60 MB.
    assert pool.budget + pool.max_free_bytes + 2 * 16 * 1024 * 1024 < 60 * 1024 * 1024
