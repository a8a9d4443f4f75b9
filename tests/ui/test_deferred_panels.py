"""The app's start builds the fields and annotation parts after the first page is painted;
they then work on the document that is open, as if they had been there from the start."""

from __future__ import annotations

import os

import pytest

from tests.ui.conftest import OPEN_TIMEOUT_MS, wait_first_paint


@pytest.fixture
def make_deferred(qtbot):
    """Build the window inside the test: pytest-qt runs the event loop after fixtures."""
    from kfor_viewer.ui.main_window import MainWindow

    windows = []

    def make():
        window = MainWindow(defer_panels=True)
        qtbot.addWidget(window)
        window.resize(1000, 760)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
        window.client.shutdown()


def _menu_titles(window) -> list[str]:
    return [a.text() for a in window.menuBar().actions() if a.menu()]


def test_panels_come_after_the_first_page_and_take_its_document(qtbot, make_deferred, text_pdf):
    window = make_deferred()
    with qtbot.waitSignal(window.client.opened, timeout=OPEN_TIMEOUT_MS):
        window.open_path(str(text_pdf))
        assert window.panels.built is None
        assert "&Annotations" not in _menu_titles(window)
    wait_first_paint(qtbot, window)
    qtbot.waitUntil(lambda: window.panels.built is not None, timeout=OPEN_TIMEOUT_MS)
    assert window.annotation_tools.document_path == os.path.abspath(text_pdf)
    qtbot.waitUntil(lambda: window.annotation_store is not None, timeout=OPEN_TIMEOUT_MS)
    titles = _menu_titles(window)
    assert titles.index("&Annotations") == titles.index("&Help") - 1
    assert "&Fields Panel" in [action.text() for action in window.view_menu.actions()]


def test_a_failed_open_still_brings_the_panels(qtbot, make_deferred, tmp_path, monkeypatch):
    from kfor_viewer.ui import main_window

    warnings = []
    monkeypatch.setattr(main_window.QMessageBox, "warning", lambda *args: warnings.append(args))
    not_a_pdf = tmp_path / "notes.pdf"
    not_a_pdf.write_text("just text")
    window = make_deferred()
    with qtbot.waitSignal(window.client.openFailed, timeout=OPEN_TIMEOUT_MS):
        window.panels.after_first_page()
        window.client.open(str(not_a_pdf))
    qtbot.waitUntil(lambda: window.panels.built is not None, timeout=OPEN_TIMEOUT_MS)
    assert "&Annotations" in _menu_titles(window)
    assert len(warnings) == 1  # the user was told why


def test_with_nothing_to_open_the_panels_are_built_at_once(qtbot, make_deferred):
    window = make_deferred()
    qtbot.waitUntil(lambda: window.panels.built is not None, timeout=2000)
    assert "&Annotations" in _menu_titles(window)


def _page_width_through_panels_arrival(qtbot, window, pdf) -> tuple[int, int]:
    """The page view's width before any document, and once the panels have arrived."""
    qtbot.waitExposed(window)
    qtbot.wait(50)  # the first layout pass
    before = window.page_view.viewport().width()
    with qtbot.waitSignal(window.client.opened, timeout=OPEN_TIMEOUT_MS):
        window.open_path(str(pdf))
    wait_first_paint(qtbot, window)
    qtbot.waitUntil(lambda: window.panels.built is not None, timeout=OPEN_TIMEOUT_MS)
    qtbot.wait(50)  # the layout pass after the panels took their places
    return before, window.page_view.viewport().width()


def test_the_panels_arrival_leaves_the_page_where_it_is(qtbot, make_deferred, text_pdf):
    window = make_deferred()
    window.panels.after_first_page()  # as the app's start does: it opens a document at once
    before, after = _page_width_through_panels_arrival(qtbot, window, text_pdf)
    assert after == before
    assert window.fields_panel.isVisible()
    assert window.fields_panel.width() >= 300  # the panel's room, not a sliver


def test_the_panels_come_back_at_the_width_the_user_left_them(qtbot, make_deferred, text_pdf):
    from PySide6.QtCore import Qt

    first = make_deferred()
    first.panels.get()
    qtbot.waitExposed(first)
    first.resizeDocks([first.fields_panel], [260], Qt.Orientation.Horizontal)
    qtbot.wait(50)
    left_at = first.fields_panel.width()
    first.save_settings()
    first.close()

    second = make_deferred()
    second.panels.after_first_page()
    before, after = _page_width_through_panels_arrival(qtbot, second, text_pdf)
    assert after == before
    assert abs(second.fields_panel.width() - left_at) <= 2


@pytest.mark.parametrize(("window_width", "panel_width"), [(720, 220), (1000, 300), (1600, 380)])
def test_a_first_start_gives_the_panels_a_share_of_the_window(qtbot, window_width, panel_width):
    from kfor_viewer.ui.main_window import MainWindow

    window = MainWindow(defer_panels=True)
    qtbot.addWidget(window)
    window.resize(window_width, 700)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.panels.built is not None, timeout=2000)
    qtbot.wait(50)
    assert abs(window.fields_panel.width() - panel_width) <= 8
    assert window.page_view.viewport().width() >= window_width - 190 - panel_width - 40
    window.close()
    window.client.shutdown()
