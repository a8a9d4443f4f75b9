"""Words grouped into printed lines, and furniture told from content, from raw word tuples."""

from __future__ import annotations

from kfor_viewer.core.page_lines import PageLines, lines_from_words, mark_furniture


def _word(x0, y0, text, block=0, line=0, width=None):
    return (x0, y0, x0 + (width or 6 * len(text)), y0 + 12, text, block, line, 0)


def test_paragraph_number_and_its_text_form_one_line():
    words = [
        _word(118, 100, "The", block=1),
        _word(145, 100, "report", block=1),
        _word(82, 100.5, "1.", block=0),
    ]
    (line,) = lines_from_words(0, words)
    assert line.text == "1. The report"


def test_header_columns_far_apart_stay_separate_and_lines_go_top_down():
    words = [
        _word(363, 115, "7 December 2020", line=1, width=70),
        _word(82, 100, "Security", line=0),
        _word(140, 100, "Council", line=0),
        _word(363, 100, "Distr.: General", line=2, width=60),
    ]
    assert [line.text for line in lines_from_words(0, words)] == [
        "Security Council",
        "Distr.: General",
        "7 December 2020",
    ]


def _page(index, *texts_at):
    page = PageLines(index, 595, 842)
    words = [_word(72, y, text, line=i, width=100) for i, (y, text) in enumerate(texts_at)]
    page.lines = lines_from_words(index, words)
    return page


def test_furniture_by_pattern_and_by_repetition_in_the_margins():
    pages = [
        _page(
            0,
            (60, "United Nations"),
            (400, "Body text"),
            (790, "20-16453 (E) 101220"),
            (805, "*2016453*"),
            (820, "101220 111220"),
        ),
        _page(1, (40, "Security Council, 7 December 2020"), (400, "More body"), (800, "2/3")),
        _page(2, (40, "Security Council, 7 December 2020"), (400, "Last body"), (800, "3/3")),
    ]
    mark_furniture(pages)
    tagged = [(line.text, line.furniture) for page in pages for line in page.lines]
    assert tagged == [
        ("United Nations", None),
        ("Body text", None),
        ("20-16453 (E) 101220", "job_number"),
        ("*2016453*", "barcode"),
        ("101220 111220", "date_code"),
        ("Security Council, 7 December 2020", "repeated"),
        ("More body", None),
        ("2/3", "page_label"),
        ("Security Council, 7 December 2020", "repeated"),
        ("Last body", None),
        ("3/3", "page_label"),
    ]


def test_a_page_label_pattern_in_the_body_is_content():
    pages = [_page(0, (400, "1/2"))]
    mark_furniture(pages)
    assert pages[0].lines[0].furniture is None
