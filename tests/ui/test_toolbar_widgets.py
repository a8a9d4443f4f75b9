"""The zoom box reads what a user types; the page box shows "n / N" and jumps."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

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


def _page_area_with_box(qtbot, box_type: type = PageBox) -> tuple[QWidget, QLineEdit, Any]:
    """A window with a focusable stand-in for the page view and a toolbar box."""
    window = QWidget()
    pages = QLineEdit(window)
    box = box_type(window)
    layout = QVBoxLayout(window)
    layout.addWidget(pages)
    layout.addWidget(box)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    if isinstance(box, PageBox):
        box.set_count(5)
    pages.setFocus()
    qtbot.waitUntil(pages.hasFocus)
    return window, pages, box


def test_after_jumping_the_keys_go_back_to_the_pages(qtbot):
    _window, pages, box = _page_area_with_box(qtbot)
    box.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)  # Ctrl+G
    qtbot.waitUntil(box.edit.hasFocus)
    box.edit.selectAll()
    with qtbot.waitSignal(box.requestPage):
        qtbot.keyClicks(box.edit, "4")
        qtbot.keyClick(box.edit, Qt.Key.Key_Return)
    # PgDn, Space and the arrows must scroll again without a click on the page first
    assert pages.hasFocus()


def test_escape_in_the_page_box_gives_up_and_returns_to_the_pages(qtbot):
    _window, pages, box = _page_area_with_box(qtbot)
    box.set_page(1)
    box.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
    qtbot.waitUntil(box.edit.hasFocus)
    qtbot.keyClicks(box.edit, "5")
    qtbot.keyClick(box.edit, Qt.Key.Key_Escape)
    assert pages.hasFocus()
    assert box.text() == "2 / 5"


def test_after_typing_a_zoom_the_keys_go_back_to_the_pages(qtbot):
    _window, pages, box = _page_area_with_box(qtbot, ZoomBox)
    box.show_zoom(1.0, "custom")
    box.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(box.hasFocus)
    box.lineEdit().selectAll()
    with qtbot.waitSignal(box.requestZoom) as requested:
        qtbot.keyClicks(box.lineEdit(), "150")
        qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert requested.args == [1.5]
    assert pages.hasFocus()  # else PgDn and the arrows would step through the zoom presets


def test_escape_in_the_zoom_box_keeps_the_zoom_shown(qtbot):
    _window, pages, box = _page_area_with_box(qtbot, ZoomBox)
    box.show_zoom(1.25, "custom")
    box.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(box.hasFocus)
    qtbot.keyClicks(box.lineEdit(), "9")
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Escape)
    assert pages.hasFocus()
    assert box.currentText() == "125%"
