"""Page layout arithmetic: positions, hit testing, fit zooms, tiles."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kfor_viewer.ui.page_layout import (
    MARGIN,
    PAGE_GAP,
    POINTS_TO_PIXELS,
    TILE_SIZE,
    PageLayout,
    PagePosition,
    fit_page_zoom,
    fit_width_zoom,
    needs_tiles,
    next_zoom_step,
    preview_size,
    visible_tiles,
)

A4 = (595.0, 842.0)


def test_pages_stack_with_gaps_and_are_centred():
    layout = PageLayout([A4, (842.0, 595.0), A4], 1.0, 800)
    first, landscape = layout.rects[0], layout.rects[1]
    assert first.y == MARGIN
    assert landscape.y == pytest.approx(first.bottom + PAGE_GAP)
    assert first.width == pytest.approx(595 * POINTS_TO_PIXELS)
    assert layout.width == pytest.approx(842 * POINTS_TO_PIXELS + 2 * MARGIN)  # wider than view
    assert first.x + first.width / 2 == pytest.approx(layout.width / 2)
    assert layout.height == pytest.approx(layout.rects[2].bottom + MARGIN)


def test_two_thousand_pages_find_the_page_at_a_height_quickly():
    layout = PageLayout([A4] * 2000, 1.0, 1000)
    page = layout.rects[1234]
    assert layout.page_at_y(page.y + 10) == 1234
    assert layout.page_at_y(page.bottom + PAGE_GAP * 0.4) == 1234
    assert layout.page_at_y(page.bottom + PAGE_GAP * 0.6) == 1235
    assert list(layout.visible_pages(page.y - 5, page.bottom + 20)) == [1234, 1235]
    assert list(layout.visible_pages(page.y - 20, page.y + 10)) == [1233, 1234]


@given(page=st.integers(0, 9), x=st.floats(0, 595), y=st.floats(0, 842), zoom=st.floats(0.1, 8.0))
def test_page_points_round_trip_through_the_layout(page, x, y, zoom):
    layout = PageLayout([A4] * 10, zoom, 900)
    lx, ly = layout.to_layout(PagePosition(page, x, y))
    back = layout.to_page(lx, ly, page)
    assert back.page == page
    assert back.x == pytest.approx(x, abs=1e-6)
    assert back.y == pytest.approx(y, abs=1e-6)


def test_fit_width_and_fit_page_use_the_room_there_is():
    width_zoom = fit_width_zoom(A4, 1000)
    assert 595 * POINTS_TO_PIXELS * width_zoom == pytest.approx(1000 - 2 * MARGIN)
    page_zoom = fit_page_zoom(A4, 1000, 600)
    assert 842 * POINTS_TO_PIXELS * page_zoom == pytest.approx(600 - 2 * MARGIN)


def test_zoom_steps_go_through_the_presets():
    assert next_zoom_step(1.0, +1) == 1.1
    assert next_zoom_step(1.0, -1) == 0.9
    assert next_zoom_step(1.05, +1) == 1.1
    assert next_zoom_step(16.0, +1) == 16.0


def test_tiles_cover_only_the_visible_part():
    assert not needs_tiles(1000, 1400)
    assert needs_tiles(4000, 5600)
    tiles = visible_tiles(4000, 5600, (1500, 2100, 2600, 2900))
    assert tiles == [(1024, 2048, 1024, 1024), (2048, 2048, 1024, 1024)]
    edge = visible_tiles(4000, 5600, (3500, 5000, 4000, 5600))
    assert edge == [(3072, 4096, 928, 1024), (3072, 5120, 928, 5600 - 5120)]
    assert all(w <= TILE_SIZE and h <= TILE_SIZE for _x, _y, w, h in tiles)


def test_the_preview_under_tiles_is_small_and_keeps_the_aspect():
    width, height = preview_size(4000, 5600)
    assert width * height <= 1_000_000
    assert width / height == pytest.approx(4000 / 5600, rel=0.01)
