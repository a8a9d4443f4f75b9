"""Plain data passed between the PDF worker process and the GUI.

These types live apart from `pdf_document` so the GUI process can unpickle them without importing
PyMuPDF (0.2 s of start-up it does not need); `pdf_document` re-exports them. They are
NamedTuples: both processes load them on the way to the first page, where a frozen dataclass
costs five times as much to define, and words and hits cross the pipe by the thousand, where a
tuple pickles faster.
"""

from __future__ import annotations

from typing import NamedTuple

Rect = tuple[float, float, float, float]

# Rendered pixels are BGRA, 4 bytes a pixel, opaque, rows packed (stride = width * 4): byte for
# byte a QImage.Format_RGB32 on little-endian machines, so the GUI shows the shared block as it is,
# with no conversion and no copy on the GUI thread (see pixel_slots). MuPDF draws text and vector
# pages about as fast into BGRA as into RGB; pages with images it draws as RGB and widens (see
# page_render._draw and tests/benchmarks/bench_render.py).
BYTES_PER_PIXEL = 4


class OutlineEntry(NamedTuple):
    level: int
    title: str
    page: int  # 0-based; -1 when the entry points nowhere in this document


class DocumentInfo(NamedTuple):
    path: str
    page_count: int
    page_sizes: tuple[tuple[float, float], ...]  # (width, height) in PDF points, rotation applied
    title: str  # metadata title, else the file name
    outline: tuple[OutlineEntry, ...]
    repaired: bool = False  # MuPDF had to repair the file: some pages may fail to render


class Word(NamedTuple):
    """A word in PDF points, top-left origin (PyMuPDF page space), in the page's reading order."""

    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    block: int
    line: int
    index: int


class SearchHit(NamedTuple):
    page: int
    rects: tuple[Rect, ...]  # one hit may span lines


class RenderKey(NamedTuple):
    """What a rendered image shows; hashable, so it keys the cache and the render queue.

    Sizes are device pixels (zoom x device pixel ratio) of the WHOLE page; `clip` is a tile
    (x, y, width, height) inside that page, for high zoom.
    """

    doc_generation: int
    page: int
    px_width: int
    px_height: int
    clip: tuple[int, int, int, int] | None = None

    @property
    def image_size(self) -> tuple[int, int]:
        """The size of the image this key renders: the clip's, else the whole page's."""
        if self.clip is None:
            return self.px_width, self.px_height
        return self.clip[2], self.clip[3]


class DocumentError(Exception):
    """An open or page failure with a message meant for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __reduce__(self):  # keep the message through pickling between processes
        return (type(self), (self.message,))


class PasswordRequired(DocumentError):
    """The PDF is encrypted: ask for the password (again, when `wrong_password`)."""

    def __init__(self, wrong_password: bool = False) -> None:
        message = "The password is wrong" if wrong_password else "The PDF needs a password"
        super().__init__(message)
        self.wrong_password = wrong_password

    def __reduce__(self):
        return (type(self), (self.wrong_password,))
