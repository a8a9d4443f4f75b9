"""Find (Ctrl+F) through the real worker: hit count, next/previous, match case, Escape."""

from __future__ import annotations

import pymupdf
import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import OPEN_TIMEOUT_MS, open_and_wait


def _find(qtbot, window, text: str) -> None:
    with qtbot.waitSignal(window.client.searchFinished, timeout=OPEN_TIMEOUT_MS):
        qtbot.keyClick(window.page_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(window.find_bar.edit, text)
        qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return)


def test_find_counts_hits_and_steps_through_them(qtbot, viewer, long_pdf):
    open_and_wait(qtbot, viewer, long_pdf)
    bar, view = viewer.find_bar, viewer.page_view
    _find(qtbot, viewer, "eulex")
    assert bar.isVisible()
    assert bar.hit_count == 24  # "EULEX" and "eulex" on each of 12 pages
    assert bar.count_label.text() == "1 of 24"
    assert view.search_highlights.current.page == 0
    assert sum(len(rects) for rects in view.search_highlights.boxes.values()) == 24
    for _ in range(3):
        qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.count_label.text() == "4 of 24"
    assert view.search_highlights.current.page == 1
    assert view.current_page == 1
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count_label.text() == "3 of 24"
    viewer.actions.find_previous.trigger()
    viewer.actions.find_previous.trigger()
    viewer.actions.find_previous.trigger()
    assert bar.count_label.text() == "24 of 24"  # wraps around
    assert view.current_page == 11


def test_match_case_narrows_the_hits(qtbot, viewer, text_pdf):
    open_and_wait(qtbot, viewer, text_pdf)
    bar = viewer.find_bar
    _find(qtbot, viewer, "EULEX")
    assert bar.hit_count == 6
    with qtbot.waitSignal(viewer.client.searchFinished, timeout=OPEN_TIMEOUT_MS):
        bar.match_case.setChecked(True)
    assert bar.hit_count == 3
    assert bar.count_label.text() == "1 of 3"


def test_no_match_says_so_and_escape_closes_the_bar(qtbot, viewer, text_pdf):
    open_and_wait(qtbot, viewer, text_pdf)
    bar = viewer.find_bar
    _find(qtbot, viewer, "UNMIK")
    assert bar.count_label.text() == "No matches"
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert bar.isHidden()
    assert viewer.page_view.search_highlights.boxes == {}
    assert viewer.page_view.search_highlights.current is None


def test_find_in_the_sample_counts_every_eulex(qtbot, viewer, sample_pdf):
    if not sample_pdf.exists():
        pytest.skip("the sample report has not been generated yet")
    with pymupdf.open(sample_pdf) as doc:
        expected = sum(len(page.search_for("EULEX")) for page in doc)
    open_and_wait(qtbot, viewer, sample_pdf)
    _find(qtbot, viewer, "EULEX")
    assert viewer.find_bar.hit_count == expected > 0
    assert viewer.find_bar.count_label.text() == f"1 of {expected}"
    viewer.find_bar.next_hit()
    assert viewer.find_bar.count_label.text() == f"{min(expected, 2)} of {expected}"
