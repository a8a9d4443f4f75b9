"""The zoom box reads what a user types; the page box shows "n / N" and jumps."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kfor_viewer.ui.toolbar_widgets import PageBox, ZoomBox, parse_zoom


def test_zoom_text_is_understood():
    assert parse_zoom("150%") == 1.5
    assert parse_zoom(" 75 ") == 0.75
    assert parse_zoom("12,5 %") == 0.125
    assert parse_zoom("fit width") == "fit-width"
    assert parse_zoom("Fit Page") == "fit-page"
    assert parse_zoom("big") is None
    assert parse_zoom("0%") is None


def test_choosing_a_preset_requests_it(qtbot):
    box = ZoomBox()
    qtbot.addWidget(box)
    with qtbot.waitSignal(box.requestZoomMode) as mode:
        box.activated.emit(box.findText("Fit Page"))
    assert mode.args == ["fit-page"]
    box.show_zoom(1.234, "custom")
    assert box.currentText() == "123%"


def test_the_page_box_refuses_pages_out_of_range(qtbot):
    box = PageBox()
    qtbot.addWidget(box)
    box.set_count(5)
    box.set_page(2)
    assert box.text() == "3 / 5"
    requested_pages: list[int] = []
    box.requestPage.connect(requested_pages.append)
    box.edit.setFocus()
    box.edit.selectAll()
    qtbot.keyClicks(box.edit, "9")
    qtbot.keyClick(box.edit, Qt.Key.Key_Return)  # not a page of this document
    assert requested_pages == []
    box.edit.clear()
    with qtbot.waitSignal(box.requestPage) as requested:
        qtbot.keyClicks(box.edit, "4")
        qtbot.keyClick(box.edit, Qt.Key.Key_Return)
    assert requested.args == [3]
