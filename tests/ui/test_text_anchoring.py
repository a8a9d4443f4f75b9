"""Highlights from a text selection: one per page, the selected words, their context."""

from __future__ import annotations

from kfor_viewer.core.annotations import CONTEXT_CHARS
from kfor_viewer.core.pdf_types import Word
from kfor_viewer.ui.text_anchoring import annotations_from_selection
from kfor_viewer.ui.text_selection import select_range


def words_of_page(page: int, text: str) -> tuple[Word, ...]:
    """One line of words, 10 points each, at y 100-110."""
    return tuple(
        Word(page, 72 + 60 * i, 100, 72 + 60 * i + 50, 110, word, 0, 0, i)
        for i, word in enumerate(text.split())
    )


PAGES = {
    0: words_of_page(0, "troops in theatre remained approximately 3,600 from 19 NATO nations"),
    1: words_of_page(1, "and 8 non-NATO troop-contributing nations. There were no incidents"),
}


def test_one_highlight_per_page_with_its_words_and_context():
    selection = select_range(PAGES, (0, 3), (1, 3))  # "remained" .. "troop-contributing"
    first, second = annotations_from_selection(selection, PAGES.get, "#A0D8FF", ["troops"])
    assert (first.page, second.page) == (1, 2)  # the store counts pages from 1
    assert first.quote == "remained approximately 3,600 from 19 NATO nations"
    assert second.quote == "and 8 non-NATO troop-contributing"
    assert first.prefix == "troops in theatre" and first.suffix == ""
    assert second.suffix == "nations. There were no incidents"
    assert first.rects == ((252.0, 100.0, 662.0, 110.0),)
    assert first.tags == ("troops",) and first.color == "#A0D8FF"
    assert first.id != second.id and first.start is None  # offsets come from the document text


def test_context_is_cut_to_the_store_length():
    long_page = {0: words_of_page(0, " ".join(f"word{i}" for i in range(40)))}
    selection = select_range(long_page, (0, 20), (0, 21))
    (made,) = annotations_from_selection(selection, long_page.get, "#FFE066")
    assert len(made.prefix) == CONTEXT_CHARS and made.prefix.endswith("word19")
    assert len(made.suffix) == CONTEXT_CHARS and made.suffix.startswith("word22")
