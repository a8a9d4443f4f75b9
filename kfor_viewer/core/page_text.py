"""Reading-order text of a PDF with the geometry of every word (the "text and geometry" module).

One call, `read_document_text(doc)`, reads each page once (`page.get_text("words")`, or OCR for a
page with no text layer) and returns a `DocumentText`:

- `text`: the content of the document as one string, page furniture removed (running headers,
  page labels "2/5", job numbers "20-12345 (E) 101220", barcodes "*2012345*", symbols repeated
  in the margins), lines joined with a space, hyphenated words rejoined, paragraphs separated by
  "\\n" and rejoined across page breaks. Regexes can use `[^\\n]` to stay inside a paragraph.
- `evidence(start, end)`: for any span of `text`, one `SpanEvidence(page, rects, quote)` per page
  the span touches: 1-based page number, the rectangles of its words in PDF points (top-left
  origin, one rect per line run) and the exact text of the span on that page.
- `find(quote)`: the offset of a quote in `text` after whitespace normalisation, so a quote taken
  from elsewhere (an annotation, a search box) maps back to offsets and then to rects.
- `paragraphs`: `Paragraph(start, end, page_index)` spans of `text`; `paragraph_at(offset)`.
- `page_of(offset)`: the 0-based page of an offset; `page_range(page_index)`: a page's span.
- `pages[i].lines`: every line of page i in reading order, furniture included and tagged
  (`Line.furniture` is the kind, or None for content); `line_evidence(line)` gives its evidence.
- `ocr_pages` / `ocr_unavailable_pages`: 0-based indexes of pages read by OCR, or that had no
  text layer and could not be read because Tesseract is missing; `unreadable_pages`: damaged
  pages MuPDF could not load (left out, the others are read; `page_errors` says why).

Qt-free; the caller owns the `pymupdf.Document` (it is neither closed nor kept).
"""

from __future__ import annotations

import bisect
import itertools
import re
import statistics
from dataclasses import dataclass

import pymupdf

from kfor_viewer.core import ocr
from kfor_viewer.core.page_lines import (
    TEXT,
    X0,
    X1,
    Line,
    PageLines,
    Rect,
    Word,
    lines_from_words,
    mark_furniture,
)
from kfor_viewer.core.pdf_document import A4_POINTS, describe_error, load_page
from kfor_viewer.core.pdf_types import DocumentError

__all__ = [
    "DocumentText",
    "Line",
    "PageLines",
    "Paragraph",
    "Rect",
    "SpanEvidence",
    "Word",
    "read_document_text",
]

# Ligatures expanded, text clipped to the page, no whitespace kept inside words.
TEXT_FLAGS = pymupdf.TEXT_MEDIABOX_CLIP
HYPHENS = ("-", "\u2010", "\u00ad")
# A line-end hyphen after one of these is a real compound hyphen ("non-NATO", "inter-ethnic").
COMPOUND_PREFIXES = frozenset(
    [
        "non",
        "inter",
        "intra",
        "self",
        "co",
        "ex",
        "post",
        "pre",
        "anti",
        "multi",
        "cross",
        "well",
        "long",
        "short",
        "high",
        "low",
        "day",
        "year",
        "one",
        "two",
        "three",
        "four",
        "five",
        "semi",
        "sub",
        "super",
        "counter",
        "trans",
        "quasi",
        "half",
        "full",
        "mid",
    ]
)


_DOTTED_NUMBER = re.compile(r"\d{1,3}\.|\([a-z0-9]{1,4}\)")
_UNDOTTED_NUMBER = re.compile(r"\d{1,3}")


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int
    page_index: int


@dataclass(frozen=True, slots=True)
class SpanEvidence:
    """Where a span of text is printed: 1-based page, rects in PDF points, the exact quote."""

    page: int
    rects: tuple[Rect, ...]
    quote: str


class DocumentText:
    """The joined content text of a document and the map from its offsets to word rects."""

    def __init__(self, pages: list[PageLines]) -> None:
        self.pages = pages
        self.ocr_pages: list[int] = []
        self.ocr_unavailable_pages: list[int] = []
        self.unreadable_pages: list[int] = []
        self.page_errors: dict[int, str] = {}  # MuPDF's reason, by unreadable page
        self.paragraphs: list[Paragraph] = []
        self._seg_starts: list[int] = []
        self._seg_ends: list[int] = []
        self._seg_pages: list[int] = []
        self._seg_rects: list[Word] = []  # each word's MuPDF tuple: items 0-3 are its rect
        self.text = _TextBuilder(self).build()
        self._squashed: tuple[str, list[int]] | None = None
        self._paragraph_starts: list[int] = []

    @property
    def page_count(self) -> int:
        return len(self.pages)

    def evidence(self, start: int, end: int) -> list[SpanEvidence]:
        """The evidence of text[start:end], one entry per page it touches (empty if none)."""
        starts, ends = self._seg_starts, self._seg_ends
        first = max(bisect.bisect_right(starts, start) - 1, 0)
        last = bisect.bisect_left(starts, end, first)  # the words that start before `end`
        by_page: dict[int, list[Rect]] = {}
        bounds: dict[int, tuple[int, int]] = {}
        for i in range(first, last):
            seg_start, seg_end = starts[i], ends[i]
            if seg_end <= start:
                continue
            rect = self._seg_rects[i][:4]
            if seg_start < start or seg_end > end:
                rect = _clip_rect(rect, seg_start, seg_end, start, end)
            page_index = self._seg_pages[i]
            if page_index not in by_page:
                by_page[page_index] = []
                bounds[page_index] = (max(start, seg_start), seg_end)
            by_page[page_index].append(rect)
            bounds[page_index] = (bounds[page_index][0], seg_end)
        return [
            SpanEvidence(
                page_index + 1,
                tuple(_merge_line_rects(rects)),
                self.text[bounds[page_index][0] : min(end, bounds[page_index][1])],
            )
            for page_index, rects in by_page.items()
        ]

    def line_evidence(self, line: Line) -> SpanEvidence:
        return SpanEvidence(line.page_index + 1, (_round_rect(line.rect),), line.text)

    def find(self, quote: str, start: int = 0) -> int:
        """Offset of `quote` in `text` at or after `start`, ignoring differences in whitespace
        and line-end hyphenation; -1 if absent."""
        span = self.find_span(quote, start)
        return span[0] if span else -1

    def find_span(self, quote: str, start: int = 0) -> tuple[int, int] | None:
        """(start, end) of `quote` in `text` at or after `start` like `find`, or None."""
        squashed, offsets = self._squashed_text()
        lo = bisect.bisect_left(offsets, start)
        for needle in dict.fromkeys(_squash_variants(quote)):
            pos = squashed.find(needle, lo) if needle else -1
            if pos >= 0:
                return offsets[pos], offsets[pos + len(needle) - 1] + 1
        return None

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The paragraph holding `offset`, or None between paragraphs."""
        if len(self._paragraph_starts) != len(self.paragraphs):
            self._paragraph_starts = [p.start for p in self.paragraphs]
        index = bisect.bisect_right(self._paragraph_starts, offset) - 1
        if index >= 0 and self.paragraphs[index].start <= offset < self.paragraphs[index].end:
            return self.paragraphs[index]
        return None

    def page_range(self, page_index: int) -> tuple[int, int]:
        """(start, end) offsets of the content of a 0-based page; (n, n) when it has none."""
        first = bisect.bisect_left(self._seg_pages, page_index)
        last = bisect.bisect_left(self._seg_pages, page_index + 1)
        if first == last:
            offset = self._seg_starts[first] if first < len(self._seg_starts) else len(self.text)
            return offset, offset
        return self._seg_starts[first], self._seg_ends[last - 1]

    def page_of(self, offset: int) -> int:
        """0-based page index of the word at or before `offset`."""
        index = max(bisect.bisect_right(self._seg_starts, offset) - 1, 0)
        return self._seg_pages[index] if self._seg_pages else 0

    def furniture(self, kind: str | None = None) -> list[Line]:
        return [
            line
            for page in self.pages
            for line in page.lines
            if line.furniture and (kind is None or line.furniture == kind)
        ]

    def _squashed_text(self) -> tuple[str, list[int]]:
        if self._squashed is None:
            chars, offsets = [], []
            for offset, char in enumerate(self.text):
                if not char.isspace() and char != "\u00ad":
                    chars.append(char.lower())
                    offsets.append(offset)
            self._squashed = ("".join(chars), offsets)
        return self._squashed


def read_document_text(doc: pymupdf.Document, use_ocr: bool = True) -> DocumentText:
    """Read every page once and build the document's text (see the module docstring)."""
    pages: list[PageLines] = []
    ocr_pages: list[int] = []
    unavailable: list[int] = []
    unreadable: list[int] = []
    page_errors: dict[int, str] = {}
    for index in range(doc.page_count):
        try:
            page = load_page(doc, index)
            raw_words = page.get_text("words", flags=TEXT_FLAGS)
        except (DocumentError, RuntimeError, ValueError, pymupdf.mupdf.FzErrorBase) as error:
            unreadable.append(index)  # a damaged page costs only itself
            page_errors[index] = describe_error(error)
            pages.append(PageLines(index, *A4_POINTS))
            continue
        if not raw_words and ocr.page_needs_ocr(page):
            if use_ocr and ocr.ocr_available():
                raw_words = ocr.ocr_words(page, TEXT_FLAGS)
                ocr_pages.append(index)
            else:
                unavailable.append(index)
        page_lines = PageLines(index, page.rect.width, page.rect.height)
        page_lines.lines = lines_from_words(index, raw_words)
        pages.append(page_lines)
    mark_furniture(pages)
    text = DocumentText(pages)
    text.ocr_pages, text.ocr_unavailable_pages = ocr_pages, unavailable
    text.unreadable_pages, text.page_errors = unreadable, page_errors
    return text


class _TextBuilder:
    """Joins content lines into paragraphs, recording each word's offsets and rect."""

    def __init__(self, doc_text: DocumentText) -> None:
        self.doc_text = doc_text
        self.lines = [ln for p in doc_text.pages for ln in p.lines if not ln.furniture]
        self.parts: list[str] = []
        self.length = 0
        self.left, self.right = _body_edges(self.lines)
        self.pitch = _typical_pitch(self.lines)

    def build(self) -> str:
        paragraph_start, paragraph_page = 0, 0
        previous: Line | None = None
        for line in self.lines:
            if previous is None:
                paragraph_page = line.page_index
            elif self._breaks(previous, line):
                self._close_paragraph(paragraph_start, paragraph_page)
                self._emit("\n")
                paragraph_start, paragraph_page = self.length, line.page_index
            elif not self._rejoin_hyphen(previous, line):
                self._emit(" ")
            self._emit_line(line)
            previous = line
        if previous is not None:
            self._close_paragraph(paragraph_start, paragraph_page)
        return "".join(self.parts)

    def _close_paragraph(self, start: int, page_index: int) -> None:
        self.doc_text.paragraphs.append(Paragraph(start, self.length, page_index))

    def _emit(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def _emit_line(self, line: Line) -> None:
        """The line's words joined by single spaces, each word's offsets and rect recorded."""
        doc_text, offset = self.doc_text, self.length
        starts, ends, rects = doc_text._seg_starts, doc_text._seg_ends, doc_text._seg_rects
        for word in line.words:
            starts.append(offset)
            offset += len(word[TEXT])
            ends.append(offset)
            rects.append(word)  # the word tuple: its first four items are its rect
            offset += 1
        doc_text._seg_pages.extend([line.page_index] * len(line.words))
        self.parts.append(line.text)
        self.length += len(line.text)

    def _rejoin_hyphen(self, previous: Line, line: Line) -> bool:
        """Join a word split by a line-end hyphen; drop the hyphen unless it is a compound's."""
        if not _split_word(previous, line):
            return False
        last = previous.words[-1][TEXT]
        fragment = re.split(r"[-\u2010\s]", last[:-1])[-1]
        keep = last[-1] != "\u00ad" and (
            fragment.lower() in COMPOUND_PREFIXES or not fragment[:1].islower()
        )
        if not keep:
            self._drop_last_char()
        return True

    def _drop_last_char(self) -> None:
        self.parts[-1] = self.parts[-1][:-1]
        self.length -= 1
        self.doc_text._seg_ends[-1] -= 1

    def _breaks(self, previous: Line, line: Line) -> bool:
        if _split_word(previous, line):
            return False  # a paragraph never ends in the first half of a hyphenated word
        full = previous.rect[2] >= self.right - 0.15 * (self.right - self.left)
        terminal = previous.text.rstrip()[-1:] in ".:;!?"
        if _numbered(line, terminal) or not full or self._offset(line) or self._offset(previous):
            return True
        if line.page_index != previous.page_index:
            return terminal and abs(line.rect[0] - previous.rect[0]) >= 3
        if line.rect[1] - previous.rect[3] > 0 and self.pitch:
            pitch = line.rect[3] - previous.rect[3]
            if pitch > 1.35 * self.pitch:
                return True
        # A change of type size opens a paragraph; one-word lines are left out because OCR
        # boxes of a short word ("nations.") vary in height with its letters.
        resized = abs(line.height - previous.height) > 0.2 * previous.height
        if resized and min(len(line.words), len(previous.words)) > 1:
            return True
        return terminal and line.rect[0] > previous.rect[0] + 0.8 * previous.height

    def _offset(self, line: Line) -> bool:
        """Starts far right of the margin: a centred heading or a right-hand header column."""
        return line.rect[0] > self.left + 0.25 * (self.right - self.left)


def _split_word(previous: Line, line: Line) -> bool:
    """Does `previous` end in a line-end hyphen that `line` continues in lower case?"""
    last, first = previous.words[-1][TEXT], line.words[0][TEXT]
    return len(last) >= 3 and last[-1] in HYPHENS and last[-2].isalpha() and first[:1].islower()


def _numbered(line: Line, previous_terminal: bool) -> bool:
    """Does the line open a numbered paragraph ("1.", "(a)", or an older "1" and a tab)?"""
    words = line.words
    if len(words) < 2:
        return False
    first = words[0][TEXT]
    tab = words[1][X0] - words[0][X1] > line.height
    if _DOTTED_NUMBER.fullmatch(first):
        return tab or previous_terminal
    return bool(_UNDOTTED_NUMBER.fullmatch(first)) and tab


def _body_edges(lines: list[Line]) -> tuple[float, float]:
    if not lines:
        return 0.0, 1.0
    lefts = sorted(line.rect[0] for line in lines)
    rights = sorted(line.rect[2] for line in lines)
    return lefts[len(lefts) // 10], rights[(len(rights) * 9) // 10]


def _typical_pitch(lines: list[Line]) -> float:
    pitches = [
        b.rect[3] - a.rect[3]
        for a, b in itertools.pairwise(lines)
        if a.page_index == b.page_index and 0 < b.rect[3] - a.rect[3] < 2.5 * a.height
    ]
    return statistics.median(pitches) if pitches else 0.0


def _clip_rect(rect: Rect, seg_start: int, seg_end: int, start: int, end: int) -> Rect:
    """The part of a word's rect covering chars [start, end), interpolated by char count."""
    if start <= seg_start and end >= seg_end:
        return rect
    x0, y0, x1, y1 = rect
    per_char = (x1 - x0) / max(seg_end - seg_start, 1)
    left = x0 + per_char * max(start - seg_start, 0)
    right = x1 - per_char * max(seg_end - end, 0)
    return (left, y0, right, y1)


def _merge_line_rects(rects: list[Rect]) -> list[Rect]:
    """One rect per run of words on the same printed line."""
    merged: list[list[float]] = []
    last: list[float] | None = None
    for x0, y0, x1, y1 in rects:
        if last is not None:
            same_line = abs((y0 + y1) - (last[1] + last[3])) < (last[3] - last[1])
            if same_line and x0 >= last[0] - 1:
                if y0 < last[1]:
                    last[1] = y0
                if x1 > last[2]:
                    last[2] = x1
                if y1 > last[3]:
                    last[3] = y1
                continue
        last = [x0, y0, x1, y1]
        merged.append(last)
    return [_round_rect(r) for r in merged]


def _round_rect(rect: Rect | list[float]) -> Rect:
    return (round(rect[0], 2), round(rect[1], 2), round(rect[2], 2), round(rect[3], 2))


def _squash_variants(quote: str) -> list[str]:
    """The quote without whitespace, with a line-end hyphen as printed and dropped."""
    squashed = [_squash(quote), _squash(re.sub(r"[-\u2010\u00ad]\s+", "", quote))]
    return [s for s in squashed if s]


def _squash(text: str) -> str:
    return "".join(c.lower() for c in text if not c.isspace() and c != "\u00ad")
