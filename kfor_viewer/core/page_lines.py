"""Printed lines of a page: words grouped along their baselines in reading order, and page
furniture (running headers, page labels, job numbers, barcodes, symbols repeated in the margins)
tagged so that the text built from the lines leaves it out. Used by page_text."""

from __future__ import annotations

import functools
import re
import statistics
from collections import Counter
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


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    rect: Rect


@dataclass
class Line:
    """One printed line: words left to right on a shared baseline (do not mutate `words`)."""

    page_index: int
    words: list[Word]
    furniture: str | None = None

    @functools.cached_property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)

    @functools.cached_property
    def rect(self) -> Rect:
        return union([word.rect for word in self.words])

    @functools.cached_property
    def height(self) -> float:
        return statistics.median(w.rect[3] - w.rect[1] for w in self.words)


@dataclass(slots=True)
class PageLines:
    index: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)


def lines_from_words(page_index: int, raw_words: list[tuple]) -> list[Line]:
    """Group words into printed lines (MuPDF's lines, then merged along a shared baseline so a
    paragraph number and its tab-separated text form one line) in top-to-bottom order."""
    raw_lines: dict[tuple[int, int], list[Word]] = {}
    for x0, y0, x1, y1, text, block, line_no, _ in raw_words:
        raw_lines.setdefault((block, line_no), []).append(Word(text, (x0, y0, x1, y1)))
    pieces = [(union([w.rect for w in ws]), ws) for ws in raw_lines.values()]
    pieces.sort(key=lambda item: mid_y(item[0]))
    rows: list[tuple[Rect, list[tuple[Rect, list[Word]]]]] = []
    for rect, words in pieces:
        if rows:
            row_rect, row = rows[-1]
            tolerance = 0.5 * min(rect[3] - rect[1], row_rect[3] - row_rect[1])
            if abs(mid_y(rect) - mid_y(row_rect)) <= tolerance:
                row.append((rect, words))
                rows[-1] = (union([row_rect, rect]), row)
                continue
        rows.append((rect, [(rect, words)]))
    lines: list[Line] = []
    for _, row in rows:
        lines.extend(_split_row(page_index, row))
    return lines


def _split_row(page_index: int, row: list[tuple[Rect, list[Word]]]) -> list[Line]:
    """Order a row's pieces left to right; pieces far apart (header columns) stay separate."""
    row.sort(key=lambda piece: piece[0][0])
    groups: list[list[Word]] = [list(row[0][1])]
    for rect, words in row[1:]:
        previous = groups[-1]
        height = rect[3] - rect[1]
        if rect[0] - previous[-1].rect[2] > 6 * height:
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


def union(rects: list[Rect] | tuple[Rect, ...]) -> Rect:
    x0s, y0s, x1s, y1s = zip(*rects, strict=True)
    return (min(x0s), min(y0s), max(x1s), max(y1s))


def mid_y(rect: Rect) -> float:
    return (rect[1] + rect[3]) / 2
