"""Printed lines of a page: words grouped along their baselines in reading order, and page
furniture (running headers, page labels, job numbers, barcodes, symbols repeated in the margins)
tagged so that the text built from the lines leaves it out. Used by page_text."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

Rect = tuple[float, float, float, float]
MARGIN_ZONE = 0.12  # share of the page height at top and bottom where furniture lives
FURNITURE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("page_label", re.compile(r"^\d{1,4}\s*/\s*\d{1,4}$")),
    ("job_number", re.compile(r"^\d{2}-\d{4,6}(?:\s*\([A-Z]\))?(?:\s+\d{6}){0,2}$")),
    ("barcode", re.compile(r"^\*\d{6,}\*$")),
    # The job number's date codes ("101220  111220") when set apart from the number.
    ("date_code", re.compile(r"^\d{6}(?:\s+\d{6})*$")),
    ("symbol", re.compile(r"^(?:S|A|E)/(?:[A-Z0-9.]+/)*\d+(?:/[A-Za-z0-9.]+)*$")),
    ("recycle", re.compile(r"^Please recycle$", re.IGNORECASE)),
]


# A word as MuPDF gives it: (x0, y0, x1, y1, text, block, line, word_no). Kept as that tuple:
# making an object per word was the largest share of the text pass.
Word = tuple
X0, Y0, X1, Y1, TEXT = 0, 1, 2, 3, 4


class Line:
    """One printed line: words left to right on a shared baseline (do not mutate `words`).

    `text`, `rect` and `height` are computed once here: they are read for every line many times
    (furniture, paragraph breaks, text building). A plain slotted class: thousands are made per
    document, and a dataclass's generated __init__ was a measurable share of the text pass."""

    __slots__ = ("furniture", "height", "page_index", "rect", "text", "words")

    def __init__(
        self,
        page_index: int,
        words: list[Word],
        furniture: str | None = None,
        rect: Rect | None = None,
    ) -> None:
        self.page_index = page_index
        self.words = words
        self.furniture = furniture
        self.text = " ".join([word[TEXT] for word in words])
        self.rect = rect or union(words)
        heights = sorted([word[Y1] - word[Y0] for word in words])
        middle = len(heights) // 2
        self.height = (
            heights[middle] if len(heights) % 2 else (heights[middle - 1] + heights[middle]) / 2
        )

    def __repr__(self) -> str:
        return (
            f"Line(page_index={self.page_index}, text={self.text!r}, furniture={self.furniture!r})"
        )


@dataclass(slots=True)
class PageLines:
    index: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)


def lines_from_words(page_index: int, raw_words: list[tuple]) -> list[Line]:
    """Group words into printed lines (MuPDF's lines, then merged along a shared baseline so a
    paragraph number and its tab-separated text form one line) in top-to-bottom order."""
    grouped: dict[tuple[int, int], list[tuple]] = {}
    for raw in raw_words:
        grouped.setdefault((raw[5], raw[6]), []).append(raw)
    pieces = [(list(union(words)), words) for words in grouped.values()]
    ordered = sorted(pieces, key=lambda piece: piece[0][1] + piece[0][3])
    rows: list[tuple[list[float], list[tuple[list[float], list[Word]]]]] = []
    for bounds, words in ordered:
        if rows:
            row_bounds, row = rows[-1]
            tolerance = 0.5 * min(bounds[3] - bounds[1], row_bounds[3] - row_bounds[1])
            if abs(bounds[1] + bounds[3] - row_bounds[1] - row_bounds[3]) <= 2 * tolerance:
                row.append((bounds, words))
                row_bounds[:] = union([row_bounds, bounds])
                continue
        rows.append((list(bounds), [(bounds, words)]))
    lines: list[Line] = []
    for _, row in rows:
        if len(row) == 1:
            lines.append(Line(page_index, row[0][1], rect=tuple(row[0][0])))
        else:
            lines.extend(_split_row(page_index, row))
    return lines


def _split_row(page_index: int, row: list[tuple[list[float], list[Word]]]) -> list[Line]:
    """Order a row's pieces left to right; pieces far apart (header columns) stay separate."""
    row.sort(key=lambda piece: piece[0][0])
    groups: list[list[Word]] = [list(row[0][1])]
    for rect, words in row[1:]:
        previous = groups[-1]
        height = rect[3] - rect[1]
        if rect[0] - previous[-1][X1] > 6 * height:
            groups.append(list(words))
        else:
            previous.extend(words)
    return [Line(page_index, words) for words in groups]


def mark_furniture(pages: list[PageLines]) -> None:
    """Tag margin lines that match a furniture pattern or repeat on most pages."""
    repeated = Counter()
    for page in pages:
        seen = {_furniture_key(line) for line in page.lines if _in_margin(line, page)}
        repeated.update(seen)
    threshold = max(2, (len(pages) + 1) // 2)
    for page in pages:
        for line in page.lines:
            if not _in_margin(line, page):
                continue
            text = line.text.strip()
            kind = next((k for k, rx in FURNITURE_PATTERNS if rx.match(text)), None)
            if kind is None and len(text) <= 80 and repeated[_furniture_key(line)] >= threshold:
                kind = "repeated"
            line.furniture = kind


def _furniture_key(line: Line) -> str:
    return re.sub(r"\d+", "#", line.text.strip().lower())


def _in_margin(line: Line, page: PageLines) -> bool:
    _, y0, _, y1 = line.rect
    return y1 <= page.height * MARGIN_ZONE or y0 >= page.height * (1 - MARGIN_ZONE)


def union(rects: Sequence[Sequence]) -> Rect:
    """The bounding box of rects, or of words (whose first four items are their rect)."""
    if len(rects) == 1:
        return tuple(rects[0][:4])  # type: ignore[return-value]
    return (
        min([r[0] for r in rects]),
        min([r[1] for r in rects]),
        max([r[2] for r in rects]),
        max([r[3] for r in rects]),
    )


def mid_y(rect: Rect) -> float:
    return (rect[1] + rect[3]) / 2
