"""Highlights from quotes, re-anchoring in a revised PDF, and importing a PDF's own highlights."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from kfor_viewer.core.anchoring import (
    QuoteNotFoundError,
    anchor_quote,
    anchor_selection,
    import_pdf_highlights,
    page_start_offset,
    reanchor,
)
from kfor_viewer.core.page_text import DocumentText, read_document_text
from tests.core.synthetic_pdf import make_pdf, para

CALM = "The security situation in Kosovo remained calm but fragile during the period."
TROOPS = "KFOR comprised 3,400 troops from 27 nations under a single command."
FILLER = (
    "The Mission continued to support the normalization of relations between Belgrade and "
    "Pristina and monitored the work of the institutions in the northern municipalities."
)


def _text_of(path: Path) -> tuple[pymupdf.Document, DocumentText]:
    document = pymupdf.open(path)
    return document, read_document_text(document, use_ocr=False)


def _printed_rect(document: pymupdf.Document, page: int, words: str) -> pymupdf.Rect:
    hits = document[page - 1].search_for(words)
    assert hits, f"{words!r} is not printed on page {page}"
    return hits[0]


def _close(rect: tuple, expected: pymupdf.Rect, tolerance: float = 2.5) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(rect, tuple(expected), strict=True))


@pytest.fixture
def two_pages(tmp_path) -> Path:
    blocks = [para(CALM, "1."), para(TROOPS, "2.")] + [para(FILLER)] * 3 + [para(CALM, "9.")]
    return make_pdf(tmp_path / "two-pages.pdf", blocks, max_lines_per_page=6)


def test_a_quote_is_highlighted_where_it_is_printed(two_pages):
    document, text = _text_of(two_pages)
    (highlight,) = anchor_quote(text, "3,400 troops", tags=["troops"], note="figure")
    assert highlight.page == 1
    assert _close(highlight.rects[0], _printed_rect(document, 1, "3,400 troops"))
    assert highlight.quote == "3,400 troops"
    assert highlight.prefix.endswith("KFOR comprised ")
    assert highlight.suffix.startswith(" from 27 nations")
    page_text = text.text[page_start_offset(text, 1) :]
    assert page_text[highlight.start : highlight.end] == "3,400 troops"
    assert (highlight.tags, highlight.note, highlight.orphan) == (("troops",), "figure", False)


def test_the_first_occurrence_is_taken_unless_a_page_is_given(two_pages):
    document, text = _text_of(two_pages)
    (first,) = anchor_quote(text, "remained calm but fragile")
    assert first.page == 1
    last_page = document.page_count
    (on_page,) = anchor_quote(text, "remained calm but fragile", page=last_page)
    assert on_page.page == last_page
    assert _close(on_page.rects[0], _printed_rect(document, last_page, "remained calm"), 60)


def test_whitespace_and_line_breaks_in_the_quote_do_not_matter(two_pages):
    _, text = _text_of(two_pages)
    (highlight,) = anchor_quote(text, "remained   calm\nbut  fragile")
    assert highlight.quote == "remained calm but fragile"


def test_a_missing_quote_or_page_is_a_clear_error(two_pages):
    _, text = _text_of(two_pages)
    with pytest.raises(QuoteNotFoundError, match="is not in the document"):
        anchor_quote(text, "peace in our time")
    with pytest.raises(QuoteNotFoundError, match="not on page 2"):
        anchor_quote(text, "3,400 troops", page=2)
    with pytest.raises(QuoteNotFoundError, match="outside"):
        anchor_quote(text, "3,400 troops", page=99)


def test_a_quote_across_a_page_break_gives_one_highlight_per_page(tmp_path):
    long_paragraph = para(f"{FILLER} {CALM} {TROOPS}")
    path = make_pdf(tmp_path / "break.pdf", [long_paragraph], max_lines_per_page=2)
    _, text = _text_of(path)
    page_two = page_start_offset(text, 2)
    quote = text.text[page_two - 25 : page_two + 25]
    pieces = anchor_quote(text, quote)
    assert [p.page for p in pieces] == [1, 2]
    assert len({p.id for p in pieces}) == 2
    assert " ".join(p.quote for p in pieces).split() == quote.split()


def test_annotations_follow_their_quote_when_text_is_inserted_before_it(tmp_path):
    original = make_pdf(tmp_path / "v1.pdf", [para(CALM, "1."), para(TROOPS, "2.")])
    _, old_text = _text_of(original)
    troops = anchor_quote(old_text, "3,400 troops")[0]
    calm = anchor_quote(old_text, "calm but fragile")[0]

    revised_blocks = [para(FILLER)] * 6 + [para(CALM, "1."), para(TROOPS.replace("3,400", "3,500"))]
    revised = make_pdf(tmp_path / "v2.pdf", revised_blocks, max_lines_per_page=10)
    document, new_text = _text_of(revised)
    result = reanchor([troops, calm], new_text)

    (moved,) = result.anchored
    assert moved.id == calm.id and not moved.orphan
    assert moved.page == 2  # pushed onto the next page by the inserted paragraphs
    assert _close(moved.rects[0], _printed_rect(document, 2, "calm but fragile"))
    (orphan,) = result.orphans  # 3,400 is no longer printed: kept, flagged
    assert orphan.id == troops.id and orphan.orphan and orphan.quote == "3,400 troops"


def test_a_repeated_quote_re_anchors_to_the_occurrence_with_the_same_context(tmp_path):
    blocks = [para("In the north, the situation remained tense."), para(FILLER)]
    blocks += [para("In the south, the situation remained tense.")]
    _, old_text = _text_of(make_pdf(tmp_path / "v1.pdf", blocks))
    south = anchor_quote(old_text, "the situation remained tense", page=1)
    assert "north" in south[0].prefix  # first occurrence; now aim at the second one
    second_start = old_text.find("In the south") + len("In the south, ")
    end = second_start + len("the situation remained tense")
    southern = south[0].__class__(
        id=south[0].id, page=1, quote="the situation remained tense",
        prefix=old_text.text[second_start - 40 : second_start],
        suffix=old_text.text[end : end + 40],
    )  # fmt: skip

    revised = [para(FILLER), *blocks]
    document, new_text = _text_of(make_pdf(tmp_path / "v2.pdf", revised))
    (moved,) = reanchor([southern], new_text).anchored
    assert "south" in moved.prefix
    assert _close(moved.rects[0], document[0].search_for("the situation remained tense")[1])


def test_highlights_made_in_another_reader_are_imported_with_text_and_comment(tmp_path):
    path = make_pdf(tmp_path / "plain.pdf", [para(CALM, "1."), para(TROOPS, "2.")])
    document = pymupdf.open(path)
    page = document[0]
    highlight = page.add_highlight_annot(page.search_for("3,400 troops", quads=True))
    highlight.set_colors(stroke=(1, 0, 0))
    highlight.set_info(content="Down from 3,600 in the last report.")
    highlight.update()
    marked = tmp_path / "marked.pdf"
    document.save(marked)

    reopened, text = _text_of(marked)
    (imported,) = import_pdf_highlights(reopened, text)
    assert imported.quote == "3,400 troops"
    assert imported.note == "Down from 3,600 in the last report."
    assert (imported.page, imported.color) == (1, "#FF0000")
    assert len(imported.quads) == 1
    assert imported.prefix.endswith("KFOR comprised ")
    assert _close(imported.rects[0], _printed_rect(reopened, 1, "3,400 troops"))
    assert [a.id for a in import_pdf_highlights(reopened, text)] == [imported.id]


def test_a_quote_that_now_crosses_a_page_break_keeps_its_id_on_the_first_part(tmp_path):
    paragraph = para(f"{FILLER} {CALM} {TROOPS}")
    revised = make_pdf(tmp_path / "v2.pdf", [paragraph], max_lines_per_page=2)
    _, new_text = _text_of(revised)
    page_two = page_start_offset(new_text, 2)
    quote = new_text.text[page_two - 20 : page_two + 20]
    _, old_text = _text_of(make_pdf(tmp_path / "v1.pdf", [paragraph]))
    (original,) = anchor_quote(old_text, quote, note="spans the break")

    first, second = reanchor([original], new_text).anchored
    assert (first.id, first.page, second.page) == (original.id, 1, 2)
    assert second.id != original.id and second.note == "spans the break"


def test_a_selection_keeps_its_rects_and_takes_the_context_of_the_occurrence_it_covers(tmp_path):
    blocks = [para("In the north, the situation remained tense."), para(FILLER)]
    blocks += [para("In the south, the situation remained tense.")]
    document, text = _text_of(make_pdf(tmp_path / "two.pdf", blocks))
    second = document[0].search_for("the situation remained tense")[1]
    selected = (second.x0, second.y0, second.x1, second.y1)

    highlight = anchor_selection(
        text, 1, [selected], "the situation remained tense", tags=["south"]
    )
    assert highlight.rects == (selected,)
    assert highlight.prefix.endswith("In the south, ")
    page_text = text.text[page_start_offset(text, 1) :]
    assert page_text[highlight.start : highlight.end] == "the situation remained tense"
    assert highlight.tags == ("south",)

    without_text = anchor_selection(None, 1, [selected], "the situation remained tense")
    assert (without_text.start, without_text.prefix) == (None, "")
