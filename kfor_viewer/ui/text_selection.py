"""Text selection over the words of pages: snapping points to words, ranges across pages, and
the selected text as a reader expects to paste it.

Plain Python (no Qt). A selection is a tuple of per-page word ranges, each with its highlight
rectangles (one per line, in PDF points) and its text, so a later feature can turn a selection
into a highlight annotation without knowing how it was made.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kfor_viewer.core.pdf_document import Word

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class PageSelection:
    """Words first..last (inclusive, indices into the page's word list in reading order)."""

    page: int
    first: int
    last: int
    rects: tuple[Box, ...]
    text: str


@dataclass(frozen=True)
class TextSelection:
    pages: tuple[PageSelection, ...] = ()

    @property
    def text(self) -> str:
        return "\n".join(part.text for part in self.pages if part.text)

    def __bool__(self) -> bool:
        return bool(self.pages)


def word_index_at(words: Sequence[Word], x: float, y: float) -> int:
    """The word under (x, y), else the word on the same line nearest in x, else the nearest
    word; -1 for a page without words."""
    if not words:
        return -1
    same_line = [i for i, w in enumerate(words) if w.y0 <= y <= w.y1]
    if same_line:
        return min(same_line, key=lambda i: _distance_x(words[i], x))
    return min(range(len(words)), key=lambda i: _distance(words[i], x, y))


def _distance_x(word: Word, x: float) -> float:
    return max(word.x0 - x, 0.0, x - word.x1)


def _distance(word: Word, x: float, y: float) -> float:
    dy = max(word.y0 - y, 0.0, y - word.y1)
    return (_distance_x(word, x) ** 2 + dy**2) ** 0.5


def select_range(
    words_by_page: Mapping[int, Sequence[Word]], anchor: tuple[int, int], focus: tuple[int, int]
) -> TextSelection:
    """All words from anchor to focus, each given as (page, word index), in either order.
    Pages whose words are not in `words_by_page` are skipped."""
    start, end = sorted((anchor, focus))
    parts = []
    for page in range(start[0], end[0] + 1):
        words = words_by_page.get(page)
        if not words:
            continue
        first = start[1] if page == start[0] else 0
        last = end[1] if page == end[0] else len(words) - 1
        first, last = max(first, 0), min(last, len(words) - 1)
        if first <= last:
            parts.append(page_selection(page, words, first, last))
    return TextSelection(tuple(parts))


def page_selection(page: int, words: Sequence[Word], first: int, last: int) -> PageSelection:
    chosen = words[first : last + 1]
    return PageSelection(page, first, last, line_rects(chosen), join_words(chosen))


def select_page(page: int, words: Sequence[Word]) -> TextSelection:
    if not words:
        return TextSelection()
    return TextSelection((page_selection(page, words, 0, len(words) - 1),))


def line_rects(words: Sequence[Word]) -> tuple[Box, ...]:
    """One rectangle per line, spanning its selected words, as viewers draw a selection."""
    rects: list[Box] = []
    current: tuple[int, int] | None = None
    for word in words:
        if (word.block, word.line) == current:
            x0, y0, x1, y1 = rects[-1]
            rects[-1] = (min(x0, word.x0), min(y0, word.y0), max(x1, word.x1), max(y1, word.y1))
        else:
            rects.append((word.x0, word.y0, word.x1, word.y1))
            current = (word.block, word.line)
    return tuple(rects)


def join_words(words: Sequence[Word]) -> str:
    """Words joined by spaces; wrapped lines of one block joined as running text (a line ending
    in a hyphen runs straight on), blocks on their own lines."""
    text = ""
    previous: Word | None = None
    for word in words:
        if previous is None:
            text = word.text
        elif word.block != previous.block:
            text += "\n" + word.text
        elif word.line != previous.line and previous.text.endswith("-"):
            text += word.text
        else:
            text += " " + word.text
        previous = word
    return text
