"""Which renders the page view asks for: visible pages, one ahead, tiles at high zoom."""

from __future__ import annotations

from kfor_viewer.ui.page_layout import PageLayout, Rect
from kfor_viewer.ui.render_plan import (
    PRIORITY_AHEAD,
    PRIORITY_PREVIEW,
    PRIORITY_VISIBLE,
    plan_renders,
)

A4 = (595.0, 842.0)


def _view(layout: PageLayout, page: int, height: float = 700) -> Rect:
    return Rect(0, layout.rects[page].y + 10, layout.width, height)


def test_visible_pages_and_the_next_one_in_the_scroll_direction():
    layout = PageLayout([A4] * 50, 1.0, 900)
    view = _view(layout, 20, height=1300)  # pages 20 and 21 on screen
    down = plan_renders(layout, 7, 1.0, view, +1, lambda key: False)
    assert {key.page: p for key, p in down.items()} == {
        20: PRIORITY_VISIBLE,
        21: PRIORITY_VISIBLE,
        22: PRIORITY_AHEAD,
    }
    up = plan_renders(layout, 7, 1.0, view, -1, lambda key: False)
    assert {key.page for key in up} == {19, 20, 21}
    assert all(key.doc_generation == 7 for key in up)


def test_cached_and_failed_pages_are_not_asked_again():
    layout = PageLayout([A4] * 5, 1.0, 900)
    view = _view(layout, 1)
    assert {key.page for key in plan_renders(layout, 1, 1.0, view, +1, lambda key: False)} == {1, 2}
    assert plan_renders(layout, 1, 1.0, view, +1, lambda key: key.page == 1, failed={2}) == {}


def test_device_pixels_and_tiles_at_high_zoom():
    layout = PageLayout([A4] * 3, 4.0, 900)
    view = Rect(layout.rects[0].x + 100, layout.rects[0].y + 100, 900, 700)
    planned = plan_renders(layout, 1, 2.0, view, +1, lambda key: False)
    tiles = [key for key in planned if key.clip is not None]
    previews = [key for key, p in planned.items() if p == PRIORITY_PREVIEW]
    assert tiles and previews
    assert tiles[0].px_width == round(layout.rects[0].width * 2.0)
    # only the tiles that meet the 900 x 700 view (1800 x 1400 device pixels)
    assert len(tiles) <= 3 * 3
