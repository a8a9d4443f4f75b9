"""RenderCache: bounded in bytes, least recently used out first, closest size for interim paint."""

from __future__ import annotations

from PySide6.QtGui import QImage

from kfor_viewer.core.pdf_types import RenderKey
from kfor_viewer.ui.render_cache import RenderCache


def image(width: int, height: int = 100) -> QImage:
    return QImage(width, height, QImage.Format.Format_RGB32)


def test_eviction_keeps_the_cache_within_its_bytes():
    cache = RenderCache(max_bytes=3 * 100 * 100 * 4)
    keys = [RenderKey(1, page, 100, 100) for page in range(4)]
    for key in keys[:3]:
        cache.put(key, image(100))
    cache.get(keys[0])  # recently used: survives
    cache.put(keys[3], image(100))
    assert keys[1] not in cache
    assert all(key in cache for key in (keys[0], keys[2], keys[3]))
    assert cache.bytes_used == 3 * 100 * 100 * 4 <= cache.max_bytes


def test_an_image_larger_than_the_cache_is_not_kept():
    cache = RenderCache(max_bytes=1000)
    cache.put(RenderKey(1, 0, 100, 100), image(100))
    assert len(cache) == 0 and cache.bytes_used == 0


def test_replacing_a_key_does_not_count_it_twice():
    cache = RenderCache()
    key = RenderKey(1, 0, 100, 100)
    cache.put(key, image(100))
    cache.put(key, image(100))
    assert cache.bytes_used == 100 * 100 * 4


def test_closest_gives_the_nearest_whole_page_of_the_same_document():
    cache = RenderCache()
    small, large = RenderKey(2, 5, 200, 280), RenderKey(2, 5, 800, 1120)
    cache.put(small, image(200))
    cache.put(large, image(800))
    cache.put(RenderKey(2, 5, 1600, 2240, clip=(0, 0, 100, 100)), image(100))  # a tile
    cache.put(RenderKey(1, 5, 600, 840), image(600))  # the previous document
    assert cache.closest(2, 5, px_width=650).width() == 800
    assert cache.closest(2, 5, px_width=300).width() == 200
    assert cache.closest(2, 5).width() == 800
    assert cache.closest(2, 6) is None


def test_discard_generation_and_clear_free_the_bytes():
    cache = RenderCache()
    cache.put(RenderKey(1, 0, 100, 100), image(100))
    cache.put(RenderKey(2, 0, 100, 100), image(100))
    cache.discard_generation(2)
    assert len(cache) == 1 and cache.bytes_used == 100 * 100 * 4
    cache.clear()
    assert len(cache) == 0 and cache.bytes_used == 0
