"""The floating toolbar at a selection and the page's context menu."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication

from tests.ui.annotation_gui import open_with_store, select_words, viewport_point


def test_toolbar_appears_at_the_selection_and_highlights_in_the_clicked_colour(
    qtbot, make_viewer, text_pdf
):
    window = make_viewer()
    store = open_with_store(qtbot, window, text_pdf)
    toolbar = window.annotation_tools.toolbar
    assert toolbar.isHidden()
    select_words(qtbot, window, 0, "Safe", "environment")
    qtbot.waitUntil(toolbar.isVisible, timeout=2000)
    part = window.page_view.selection.pages[0]
    below = viewport_point(window, 0, part.rects[-1])
    assert toolbar.geometry().top() > below.y()  # under the selected line, not over it
    assert abs(toolbar.geometry().top() - below.y()) < 60
    green = next(s for s in toolbar.swatches if s.color == "#A8E6A1")
    qtbot.mouseClick(green, Qt.MouseButton.LeftButton)
    (made,) = store.annotations()
    assert (made.quote, made.color) == ("Safe and secure environment", "#A8E6A1")
    assert toolbar.isHidden()  # the selection is gone, so is the toolbar
    select_words(qtbot, window, 1, "Safe", "environment")
    window.annotation_tools.highlight_action.trigger()  # H: the colour last picked
    assert [a.color for a in store.annotations()] == ["#A8E6A1", "#A8E6A1"]


def test_context_menu_offers_highlighting_and_the_highlights_own_commands(
    qtbot, make_viewer, text_pdf
):
    window = make_viewer()
    store = open_with_store(qtbot, window, text_pdf)
    tools = window.annotation_tools
    tools.pointer.requestMenu.disconnect(tools._show_menu)  # a real menu would block the test
    select_words(qtbot, window, 0, "KFOR,", "EULEX")
    labels = [a.text() for a in tools.context_menu(None, QPoint()).actions()]
    assert "&Highlight Selection" in labels and "Highlight in" in labels and "Copy" in labels
    (made,) = tools.highlight_selection()
    viewport = window.page_view.viewport()
    point = viewport_point(window, 0, store.get(made).rects[0]).toPoint()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, viewport.mapToGlobal(point))
    with qtbot.waitSignal(tools.pointer.requestMenu) as request:
        QApplication.sendEvent(viewport, event)
    assert request.args[0] == made and tools.overlay.selected_id == made
    labels = [a.text() for a in tools.context_menu(made, QPoint()).actions()]
    assert labels[:3] == ["Edit Highlight…", "Colour", "Delete Highlight"]
