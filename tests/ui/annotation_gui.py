"""Helpers for the annotation GUI tests: open a document with its store, select words."""

from __future__ import annotations

from pathlib import Path

from kfor_viewer.ui.page_layout import PagePosition
from tests.ui.conftest import OPEN_TIMEOUT_MS, open_and_wait


def open_with_store(qtbot, window, path: Path) -> object:
    """Open `path` and wait until the annotation tools have its store; returns the store."""
    open_and_wait(qtbot, window, path)
    tools = window.annotation_tools
    qtbot.waitUntil(lambda: tools.store is not None, timeout=OPEN_TIMEOUT_MS)
    return tools.store


def page_words(qtbot, window, page: int) -> tuple:
    tracker = window.page_view.selection_tracker
    qtbot.waitUntil(lambda: tracker.words(page) is not None, timeout=OPEN_TIMEOUT_MS)
    return tracker.words(page)


def select_words(qtbot, window, page: int, first: str, last: str) -> None:
    """Select from the word `first` to the word `last` on `page` (0-based), as a mouse drag
    from inside the first word to inside the last would."""
    words = page_words(qtbot, window, page)
    start = next(w for w in words if w.text == first)
    end = next(w for w in words if w.text == last and w.index >= start.index)
    tracker = window.page_view.selection_tracker
    tracker.press(PagePosition(page, start.x0 + 1, (start.y0 + start.y1) / 2))
    tracker.drag(PagePosition(page, end.x1 - 1, (end.y0 + end.y1) / 2))
    tracker.release()
    assert window.page_view.selection, "nothing was selected"


def viewport_point(window, page: int, box) -> object:
    """The viewport pixel at the centre of `box` (PDF points on the 0-based `page`)."""
    view = window.page_view
    return view.page_point_to_viewport(page, (box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
