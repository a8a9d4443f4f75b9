"""Which renders the page view needs for what is on screen (plain Python, no Qt).

Visible pages first, then one page ahead in the scroll direction; at high zoom a small preview
of each visible page plus only the tiles that meet the viewport.
"""

from __future__ import annotations

from collections.abc import Callable, Container

from kfor_viewer.core.pdf_types import RenderKey
from kfor_viewer.ui.page_layout import (
    PageLayout,
    Rect,
    device_size,
    needs_tiles,
    preview_size,
    visible_tiles,
)

# Lower runs sooner (DocumentClient.request_render).
PRIORITY_VISIBLE = 0
PRIORITY_PREVIEW = 1
PRIORITY_AHEAD = 2
PRIORITY_THUMBNAIL = 5


def page_keys(
    layout: PageLayout, page: int, generation: int, dpr: float, view: Rect | None
) -> list[RenderKey]:
    """The whole page at its exact device size; at high zoom instead a small preview followed
    by the tiles that meet `view` (no tiles for a page that is not on screen)."""
    rect = layout.rects[page]
    width, height = device_size(rect, dpr)
    if not needs_tiles(width, height):
        return [RenderKey(generation, page, width, height)]
    keys = [RenderKey(generation, page, *preview_size(width, height))]
    if view is not None:
        visible = (
            (max(view.x, rect.x) - rect.x) * dpr,
            (max(view.y, rect.y) - rect.y) * dpr,
            (min(view.right, rect.right) - rect.x) * dpr,
            (min(view.bottom, rect.bottom) - rect.y) * dpr,
        )
        keys += [
            RenderKey(generation, page, width, height, clip)
            for clip in visible_tiles(width, height, visible)
        ]
    return keys


def plan_renders(
    layout: PageLayout,
    generation: int,
    dpr: float,
    view: Rect,
    direction: int,
    is_cached: Callable[[RenderKey], bool],
    failed: Container[int] = (),
) -> dict[RenderKey, int]:
    """{key: priority} of every render still missing for `view`, scrolling in `direction`."""
    pages = layout.visible_pages(view.y, view.bottom)
    wanted: dict[RenderKey, int] = {}
    for page in pages:
        keys = page_keys(layout, page, generation, dpr, view)
        tiled = len(keys) > 1
        for key in keys:
            wanted[key] = PRIORITY_PREVIEW if tiled and key.clip is None else PRIORITY_VISIBLE
    ahead = (pages.stop if direction > 0 else pages.start - 1) if pages else -1
    if 0 <= ahead < len(layout):
        for key in page_keys(layout, ahead, generation, dpr, None):
            wanted[key] = PRIORITY_AHEAD
    return {
        key: priority
        for key, priority in wanted.items()
        if key.page not in failed and not is_cached(key)
    }
