"""Highlights are painted over the words like a marker: the paper takes the colour, the ink
stays dark, and nothing outside the highlighted words changes."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor

from tests.ui.annotation_gui import open_with_store, page_words, select_words
from tests.ui.conftest import wait_first_paint

BLUE = "#A0D8FF"


def pixels_in(image, rect):
    box = rect.toAlignedRect().adjusted(2, 2, -2, -2)
    return [
        QColor(image.pixel(x, y))
        for x in range(box.left(), box.right())
        for y in range(box.top(), box.bottom())
    ]


def near(color: QColor, wanted: QColor, tolerance: int = 12) -> bool:
    return all(
        abs(a - b) <= tolerance
        for a, b in zip(color.getRgb()[:3], wanted.getRgb()[:3], strict=True)
    )


def test_highlight_tints_the_paper_under_its_words_and_keeps_the_ink(qtbot, make_viewer, text_pdf):
    window = make_viewer()
    open_with_store(qtbot, window, text_pdf)
    for panel in (window.fields_panel, window.annotation_tools.panel, window.sidebar):
        panel.hide()  # room for the page at a zoom where a word is many pixels
    view = window.page_view
    view.set_zoom(1.3)
    view.horizontalScrollBar().setValue(0)
    view.go_to_page(0)
    wait_first_paint(qtbot, window)
    select_words(qtbot, window, 0, "EULEX", "police;")
    assert len(window.annotation_tools.highlight_selection(BLUE)) == 1
    window.annotation_tools.overlay.select(None)  # no selection outline in the picture
    qtbot.wait(50)
    image = view.viewport().grab().toImage()
    words = {w.text: w for w in page_words(qtbot, window, 0)}

    def word_rect(text):
        w = words[text]
        top_left = view.page_point_to_viewport(0, w.x0, w.y0)
        bottom_right = view.page_point_to_viewport(0, w.x1, w.y1)
        rect = QRectF(top_left, bottom_right)
        assert QRectF(view.viewport().rect()).contains(rect), "the word is not on screen"
        return rect

    inside = pixels_in(image, word_rect("Kosovo"))
    tinted = sum(near(c, QColor(BLUE)) for c in inside)
    assert tinted > 0.4 * len(inside)  # the paper between the letters is blue
    assert not any(near(c, QColor("#FFFFFF"), 6) for c in inside)  # none of it left white
    assert min(c.lightness() for c in inside) < 90  # and the letters are still dark ink
    # the words before the highlight stay on white paper
    before = pixels_in(image, word_rect("KFOR,"))
    assert sum(near(c, QColor("#FFFFFF"), 6) for c in before) > 0.5 * len(before)
    assert not any(near(c, QColor(BLUE)) for c in before)


def test_hit_testing_finds_the_highlight_under_a_point(qtbot, make_viewer, text_pdf):
    window = make_viewer()
    store = open_with_store(qtbot, window, text_pdf)
    select_words(qtbot, window, 0, "Safe", "environment")
    (made,) = window.annotation_tools.highlight_selection()
    overlay = window.annotation_tools.overlay
    x0, y0, x1, y1 = store.get(made).rects[0]
    assert overlay.annotation_at(0, (x0 + x1) / 2, (y0 + y1) / 2).id == made
    assert overlay.annotation_at(0, x1 + 30, (y0 + y1) / 2) is None
    assert overlay.annotation_at(1, (x0 + x1) / 2, (y0 + y1) / 2) is None  # another page
