"""A tiny typesetter for test PDFs shaped like UN documents: justified-width wrapping, numbered
paragraphs with a tab, headings, page breaks mid-paragraph, forced hyphenation and the page
furniture of the family (running symbol, page label "2/3", job number, barcode).

A "|" inside a word marks a hyphenation point used when the word does not fit the line; a "~"
forces a line-end hyphen there.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pymupdf

PAGE_WIDTH, PAGE_HEIGHT = 612.0, 792.0
LEFT, RIGHT, TOP, BOTTOM = 72.0, 540.0, 90.0, 700.0
FONT, BOLD, SIZE, LEADING = "helv", "hebo", 10.0, 12.5
# pymupdf.Font objects (not base-14 names) so that text writes any Unicode (en dash, thin space).
_FONTS = {name: pymupdf.Font(name) for name in (FONT, BOLD)}


@dataclass
class Block:
    text: str
    kind: str = "para"  # "para", "heading", "centre", "right"
    number: str = ""
    space_before: float = 6.0


@dataclass
class Furniture:
    symbol: str | None = None
    job_number: str | None = None  # e.g. "21-04137 (E)  150321  160321"
    barcode: str | None = None  # e.g. "*2104137*"
    page_labels: bool = True


def para(text: str, number: str = "") -> Block:
    return Block(text, "para", number)


def heading(text: str) -> Block:
    return Block(text, "heading", space_before=12.0)


def make_pdf(
    path: Path,
    blocks: list[Block],
    furniture: Furniture | None = None,
    header_block: list[tuple[str, str]] | None = None,
    max_lines_per_page: int | None = None,
) -> Path:
    """Typeset `blocks` into `path`; `header_block` rows are (left, right) pairs on page 1."""
    furniture = furniture or Furniture()
    doc = pymupdf.open()
    writer = _Writer(doc, max_lines_per_page)
    if header_block:
        for left, right in header_block:
            writer.header_row(left, right)
    for block in blocks:
        writer.block(block)
    _add_furniture(doc, furniture)
    doc.save(path)
    doc.close()
    return path


class _Writer:
    def __init__(self, doc: pymupdf.Document, max_lines: int | None) -> None:
        self.doc = doc
        self.max_lines = max_lines
        self.page = doc.new_page(width=PAGE_WIDTH, height=PAGE_HEIGHT)
        self.y = TOP
        self.lines_on_page = 0

    def _next_line(self) -> None:
        self.y += LEADING
        self.lines_on_page += 1
        full = self.y > BOTTOM or (self.max_lines and self.lines_on_page >= self.max_lines)
        if full:
            self.page = self.doc.new_page(width=PAGE_WIDTH, height=PAGE_HEIGHT)
            self.y = TOP
            self.lines_on_page = 0

    def header_row(self, left: str, right: str) -> None:
        if left:
            _put(self.page, (LEFT, self.y), left, BOLD, SIZE)
        if right:
            _put(self.page, (400, self.y), right, FONT, SIZE)
        self._next_line()

    def block(self, block: Block) -> None:
        if self.lines_on_page:
            self.y += block.space_before
        font = BOLD if block.kind == "heading" else FONT
        indent = LEFT + 36 if block.number else LEFT
        if block.number:
            _put(self.page, (LEFT, self.y), block.number, font, SIZE)
        for line in _wrap(block.text, RIGHT - indent, font):
            x = indent
            if block.kind in ("centre", "right"):
                width = _FONTS[font].text_length(line, fontsize=SIZE)
                x = (LEFT + RIGHT - width) / 2 if block.kind == "centre" else RIGHT - width
            _put(self.page, (x, self.y), line, font, SIZE)
            self._next_line()


def _wrap(text: str, width: float, font: str) -> list[str]:
    def fits(candidate: str) -> bool:
        return _FONTS[font].text_length(candidate, fontsize=SIZE) <= width

    lines: list[str] = []
    current = ""
    for word in text.split():
        if "~" in word:  # a forced line-end hyphenation
            head, word = word.split("~", 1)
            candidate = f"{current} {head}-".strip()
            if not fits(candidate):
                lines.append(current)
                candidate = f"{head}-"
            lines.append(candidate)
            current = ""
        candidate = f"{current} {word.replace('|', '')}".strip()
        if fits(candidate):
            current = candidate
            continue
        head, tail = _hyphenate(current, word, fits)
        lines.append(head)
        current = tail
    if current:
        lines.append(current)
    return lines


def _hyphenate(current: str, word: str, fits) -> tuple[str, str]:
    pieces = word.split("|")
    for cut in range(len(pieces) - 1, 0, -1):
        head = f"{current} {''.join(pieces[:cut])}-".strip()
        if fits(head):
            return head, "".join(pieces[cut:])
    return current, word.replace("|", "")


def _add_furniture(doc: pymupdf.Document, furniture: Furniture) -> None:
    count = doc.page_count
    for page in doc:
        if page.number > 0 and furniture.symbol:
            _put(page, (LEFT, 50), furniture.symbol, BOLD, 9)
        if furniture.page_labels and page.number > 0:
            _put(page, (RIGHT - 20, 50), f"{page.number + 1}/{count}", FONT, 9)
        if furniture.job_number:
            job = furniture.job_number if page.number == 0 else furniture.job_number.split()[0]
            _put(page, (LEFT, 750), job, FONT, 8)
        if page.number == 0 and furniture.barcode:
            _put(page, (LEFT, 765), furniture.barcode, FONT, 8)


def _put(page: pymupdf.Page, point: tuple[float, float], text: str, font: str, size: float) -> None:
    writer = pymupdf.TextWriter(page.rect)
    writer.append(point, text, font=_FONTS[font], fontsize=size)
    writer.write_text(page)
