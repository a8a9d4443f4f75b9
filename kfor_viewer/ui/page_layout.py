"""Where each page sits in the continuous scroll view, and which parts of it are visible.

Plain arithmetic (no Qt) so it is cheap for 2,000 pages and testable without a display. All
lengths are logical pixels unless a name says `device`; page sizes come in PDF points.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from dataclasses import dataclass

# 100 % shows a PDF point as 4/3 logical pixels (96 dpi), as Firefox's PDF viewer does.
POINTS_TO_PIXELS = 96.0 / 72.0
PAGE_GAP = 12.0
MARGIN = 16.0
MIN_ZOOM = 0.1
MAX_ZOOM = 16.0
ZOOM_STEPS = (
    0.1,
    0.25,
    0.33,
    0.5,
    0.67,
    0.75,
    0.9,
    1.0,
    1.1,
    1.25,
    1.5,
    1.75,
    2.0,
    2.5,
    3.0,
    4.0,
    5.0,
    6.0,
    8.0,
    10.0,
    12.0,
    16.0,
)
# Above this many device pixels a page is rendered in tiles, only where it is visible.
TILE_THRESHOLD_PIXELS = 4_000_000
TILE_SIZE = 1024


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    def intersects(self, other: Rect) -> bool:
        return (
            self.x < other.right
            and other.x < self.right
            and self.y < other.bottom
            and other.y < self.bottom
        )


@dataclass(frozen=True)
class PagePosition:
    """A point in a page, in PDF points from the page's top-left corner."""

    page: int
    x: float
    y: float


class _PageRects(Sequence[Rect]):
    """The pages' rectangles, made on demand: a relayout of 2,000 pages at every zoom step then
    costs one pass over the heights instead of 2,000 objects."""

    def __init__(self, layout: PageLayout) -> None:
        self._layout = layout

    def __len__(self) -> int:
        return len(self._layout.page_sizes)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        layout = self._layout
        width, height = layout.page_sizes[index]
        pw, ph = width * layout.scale, height * layout.scale
        return Rect((layout.width - pw) / 2, layout.tops[index], pw, ph)


class PageLayout:
    """Pages stacked vertically, centred horizontally, at one zoom factor."""

    def __init__(
        self, page_sizes: Sequence[tuple[float, float]], zoom: float, viewport_width: float
    ) -> None:
        self.page_sizes = tuple(page_sizes)
        self.zoom = zoom
        scale = zoom * POINTS_TO_PIXELS
        widest = max((w for w, _ in self.page_sizes), default=0.0) * scale
        self.width = max(viewport_width, widest + 2 * MARGIN)
        self.tops: list[float] = []
        y = MARGIN
        for _w, h in self.page_sizes:
            self.tops.append(y)
            y += h * scale + PAGE_GAP
        self.height = (y - PAGE_GAP + MARGIN) if self.page_sizes else 0.0
        self.rects: Sequence[Rect] = _PageRects(self)

    @property
    def scale(self) -> float:
        """Logical pixels per PDF point."""
        return self.zoom * POINTS_TO_PIXELS

    def __len__(self) -> int:
        return len(self.rects)

    def page_at_y(self, y: float) -> int:
        """The page at height y, or the nearest one when y is in a gap or a margin."""
        if not self.rects:
            return -1
        index = max(0, bisect.bisect_right(self.tops, y) - 1)
        if index + 1 < len(self.rects) and y - self.rects[index].bottom > PAGE_GAP / 2:
            return index + 1
        return index

    def visible_pages(self, top: float, bottom: float) -> range:
        if not self.rects:
            return range(0)
        first = self.page_at_y(top)
        last = self.page_at_y(bottom)
        while first > 0 and self.rects[first - 1].bottom > top:
            first -= 1
        if self.rects[first].bottom < top and first + 1 < len(self.rects):
            first += 1
        return range(first, last + 1)

    def to_page(self, x: float, y: float, page: int | None = None) -> PagePosition:
        """The page point under a layout point (clamped into `page`, or the nearest page)."""
        index = self.page_at_y(y) if page is None else page
        rect = self.rects[index]
        px = min(max(x - rect.x, 0.0), rect.width) / self.scale
        py = min(max(y - rect.y, 0.0), rect.height) / self.scale
        return PagePosition(index, px, py)

    def to_layout(self, position: PagePosition) -> tuple[float, float]:
        rect = self.rects[position.page]
        return rect.x + position.x * self.scale, rect.y + position.y * self.scale

    def page_rect_to_layout(self, page: int, box: tuple[float, float, float, float]) -> Rect:
        """A rectangle (x0, y0, x1, y1) in PDF points of `page`, in layout pixels."""
        rect, s = self.rects[page], self.scale
        return Rect(
            rect.x + box[0] * s, rect.y + box[1] * s, (box[2] - box[0]) * s, (box[3] - box[1]) * s
        )


def fit_width_zoom(page_size: tuple[float, float], viewport_width: float) -> float:
    available = max(viewport_width - 2 * MARGIN, 50.0)
    return clamp_zoom(available / (page_size[0] * POINTS_TO_PIXELS))


def fit_page_zoom(
    page_size: tuple[float, float], viewport_width: float, viewport_height: float
) -> float:
    width_zoom = fit_width_zoom(page_size, viewport_width)
    available = max(viewport_height - 2 * MARGIN, 50.0)
    return clamp_zoom(min(width_zoom, available / (page_size[1] * POINTS_TO_PIXELS)))


def clamp_zoom(zoom: float) -> float:
    return min(max(zoom, MIN_ZOOM), MAX_ZOOM)


def next_zoom_step(zoom: float, direction: int) -> float:
    """The next preset zoom above (direction > 0) or below the current one."""
    if direction > 0:
        return next((z for z in ZOOM_STEPS if z > zoom * 1.001), MAX_ZOOM)
    return next((z for z in reversed(ZOOM_STEPS) if z < zoom * 0.999), MIN_ZOOM)


def device_size(rect: Rect, device_pixel_ratio: float) -> tuple[int, int]:
    return (
        max(1, round(rect.width * device_pixel_ratio)),
        max(1, round(rect.height * device_pixel_ratio)),
    )


def needs_tiles(device_width: int, device_height: int) -> bool:
    return device_width * device_height > TILE_THRESHOLD_PIXELS


def visible_tiles(
    device_width: int, device_height: int, visible: tuple[float, float, float, float]
) -> list[tuple[int, int, int, int]]:
    """Tiles (x, y, width, height) of a page rendered at device size that meet `visible`
    (x0, y0, x1, y1), the visible part of the page in the same device pixels."""
    vx0, vy0, vx1, vy1 = visible
    first_col, last_col = int(max(vx0, 0) // TILE_SIZE), math.ceil(vx1 / TILE_SIZE)
    first_row, last_row = int(max(vy0, 0) // TILE_SIZE), math.ceil(vy1 / TILE_SIZE)
    tiles = []
    for row in range(first_row, min(last_row, math.ceil(device_height / TILE_SIZE))):
        for col in range(first_col, min(last_col, math.ceil(device_width / TILE_SIZE))):
            x0, y0 = col * TILE_SIZE, row * TILE_SIZE
            tiles.append(
                (x0, y0, min(TILE_SIZE, device_width - x0), min(TILE_SIZE, device_height - y0))
            )
    return tiles


def preview_size(device_width: int, device_height: int) -> tuple[int, int]:
    """A whole-page size small enough to render quickly, shown under the tiles at high zoom."""
    factor = math.sqrt(TILE_THRESHOLD_PIXELS / 4 / (device_width * device_height))
    return max(1, round(device_width * factor)), max(1, round(device_height * factor))
