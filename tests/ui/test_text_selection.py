"""Word snapping, ranges across pages, line bands and the copied text."""

from __future__ import annotations

from kfor_viewer.core.pdf_types import Word
from kfor_viewer.ui.text_selection import (
    join_words,
    line_rects,
    select_page,
    select_range,
    word_index_at,
)


def _line(page, block, line, y, texts, start_index=0):
    words, x = [], 72.0
    for offset, text in enumerate(texts):
        width = 6.0 * len(text)
        words.append(Word(page, x, y, x + width, y + 12, text, block, line, start_index + offset))
        x += width + 4
    return words


PAGE0 = (
    _line(0, 0, 0, 100, ["The", "mission", "co-"])
    + _line(0, 0, 1, 114, ["operates", "closely."], 3)
    + _line(0, 1, 0, 150, ["Next", "block"], 5)
)
PAGE1 = _line(1, 0, 0, 100, ["Second", "page"])


def test_a_point_snaps_to_the_word_under_it_or_the_nearest_on_its_line():
    assert word_index_at(PAGE0, 80, 105) == 0
    assert word_index_at(PAGE0, 500, 105) == 2  # right of the line: its last word
    assert word_index_at(PAGE0, 80, 140) == 5  # between lines: the nearest word
    assert word_index_at([], 1, 1) == -1


def test_lines_of_a_block_run_on_and_blocks_break():
    assert join_words(PAGE0) == "The mission co-operates closely.\nNext block"


def test_a_range_across_pages_in_either_direction():
    words = {0: PAGE0, 1: PAGE1}
    forward = select_range(words, (0, 4), (1, 0))
    backward = select_range(words, (1, 0), (0, 4))
    assert forward == backward
    assert forward.text == "closely.\nNext block\nSecond"
    assert [(p.page, p.first, p.last) for p in forward.pages] == [(0, 4, 6), (1, 0, 0)]


def test_one_highlight_band_per_line():
    rects = line_rects(PAGE0[:5])
    assert len(rects) == 2
    assert rects[0][0] == 72.0 and rects[0][2] == PAGE0[2].x1


def test_select_page_takes_every_word():
    selection = select_page(1, PAGE1)
    assert selection.text == "Second page"
    assert not select_page(1, ())
