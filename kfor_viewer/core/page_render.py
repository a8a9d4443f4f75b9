"""Drawing pages as Qt's 32-bit pixels straight into a caller's buffer (worker process only).

`PageRenderer` serves one open document and keeps what a viewer asks for again and again (a
page at the next zoom step, its tiles, its thumbnail): the pages it drew last stay loaded, with
their bounds and whether they use images. In the worker that matters more than it looks: the
code between two renders runs with cold caches (the process slept while the GUI took its turn),
and loading a page and looking for its images cost 0.15-0.3 ms of a 3 ms render there, measured
on the two-core benchmark machine.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import NamedTuple

import pymupdf
from pymupdf import mupdf

from kfor_viewer.core.pdf_document import describe_error, load_page
from kfor_viewer.core.pdf_types import BYTES_PER_PIXEL, DocumentError, RenderKey

# Pages kept loaded: those on screen at the smallest zoom, their neighbours and some
# thumbnails. A loaded page is a few kilobytes; fonts and images live in MuPDF's own store.
KEEP_PAGES = 32
# MuPDF's wrappers made once: each costs microseconds to make, and a render made four of them.
_BGR, _RGB = mupdf.fz_device_bgr(), mupdf.fz_device_rgb()
_NO_SEPARATIONS, _IDENTITY = mupdf.FzSeparations(), mupdf.FzMatrix()


class _LoadedPage(NamedTuple):
    page: pymupdf.Page
    bounds: tuple[float, float, float, float]  # x0, y0, width, height in points
    uses_images: bool


class PageRenderer:
    def __init__(self, doc: pymupdf.Document, keep_pages: int = KEEP_PAGES) -> None:
        self._doc = doc
        self._keep_pages = keep_pages
        self._pages: OrderedDict[int, _LoadedPage] = OrderedDict()

    def render_into(self, key: RenderKey, buffer: memoryview) -> tuple[int, int]:
        """Render the page (or the tile `key.clip`) as opaque BGRA into `buffer`; return (w, h).

        MuPDF draws straight into `buffer` (shared memory), not into a pixmap then copied.
        """
        width, height = key.image_size
        if width <= 0 or height <= 0:
            raise DocumentError("Nothing to render: the page size is zero")
        if len(buffer) < width * height * BYTES_PER_PIXEL:
            raise ValueError("the pixel buffer is too small for this render")
        try:
            _draw(self._load(key.page), key, buffer, width, height)
        except DocumentError:
            raise
        except Exception as exc:
            reason = describe_error(exc)
            raise DocumentError(f"Page {key.page + 1} cannot be shown: {reason}") from exc
        return width, height

    def _load(self, number: int) -> _LoadedPage:
        loaded = self._pages.get(number)
        if loaded is not None:
            self._pages.move_to_end(number)
            return loaded
        page = load_page(self._doc, number)  # a page that cannot load says why, and is not kept
        bounds = mupdf.fz_bound_page(page.this)
        size = (max(bounds.x1 - bounds.x0, 1e-6), max(bounds.y1 - bounds.y0, 1e-6))
        loaded = _LoadedPage(page, (bounds.x0, bounds.y0, *size), _has_images(page))
        self._pages[number] = loaded
        while len(self._pages) > self._keep_pages:
            self._pages.popitem(last=False)
        return loaded


def render_into(doc: pymupdf.Document, key: RenderKey, buffer: memoryview) -> tuple[int, int]:
    """One render, keeping nothing (`PageRenderer.render_into`)."""
    return PageRenderer(doc, keep_pages=0).render_into(key, buffer)


def _draw(loaded: _LoadedPage, key: RenderKey, buffer: memoryview, width: int, height: int):
    """MuPDF draws text and vector art as fast into BGRA as into RGB, but images (a scanned page)
    20-45 % slower: those pages are drawn as RGB into a scratch buffer and then widened into
    `buffer`, which costs less than the difference."""
    x0, y0, page_width, page_height = loaded.bounds
    scale_x, scale_y = key.px_width / page_width, key.px_height / page_height
    left, top = (key.clip[0], key.clip[1]) if key.clip else (0, 0)
    matrix = mupdf.FzMatrix(scale_x, 0, 0, scale_y, -x0 * scale_x - left, -y0 * scale_y - top)
    target = _pixmap_over(buffer, width, height, _BGR, alpha=1)
    if loaded.uses_images:
        scratch = _pixmap_over(_scratch(width * height * 3), width, height, _RGB)
        _run_page(loaded.page, matrix, scratch)
        mupdf.fz_copy_pixmap_rect(
            target, scratch, mupdf.FzIrect(0, 0, width, height), mupdf.FzDefaultColorspaces(None)
        )
        del scratch
    else:
        _run_page(loaded.page, matrix, target)
    del target  # the pixmap points into `buffer`: drop it before the caller does


def _pixmap_over(buffer: memoryview, width: int, height: int, colorspace, alpha: int = 0):
    samples = mupdf.python_mutable_buffer_data(buffer)
    stride = width * (mupdf.fz_colorspace_n(colorspace) + alpha)
    return mupdf.fz_new_pixmap_with_data(
        colorspace, width, height, _NO_SEPARATIONS, alpha, stride, samples
    )


def _run_page(page: pymupdf.Page, matrix, pixmap) -> None:
    mupdf.fz_clear_pixmap_with_value(pixmap, 0xFF)
    device = mupdf.fz_new_draw_device(matrix, pixmap)
    try:
        mupdf.fz_run_page(page.this, device, _IDENTITY, mupdf.FzCookie())
    finally:
        mupdf.fz_close_device(device)


def _has_images(page: pymupdf.Page) -> bool:
    """Whether the page uses images (20-80 us to find out); other formats than PDF: no."""
    try:
        return page.parent.is_pdf and bool(page.get_images())
    except Exception:  # a damaged resource dictionary: the plain path will report it
        return False


_scratch_buffer = bytearray()


def _scratch(nbytes: int) -> memoryview:
    """A buffer of at least `nbytes` for one render at a time (the worker renders one by one),
    kept between renders so its pages are not faulted in again every time."""
    global _scratch_buffer
    if len(_scratch_buffer) < nbytes:
        _scratch_buffer = bytearray(nbytes)
    return memoryview(_scratch_buffer)[:nbytes]
