"""Fixtures for the viewer's GUI tests: a real main window with a real worker process, shut
down after each test so no worker outlives its test."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core import bad_pdfs

OPEN_TIMEOUT_MS = 20_000


@pytest.fixture
def make_viewer(qtbot):
    """Build main windows (MainWindow(**options)); all are closed and their workers stopped."""
    from kfor_viewer.ui.main_window import MainWindow

    windows = []

    def make(**options):
        window = MainWindow(**options)
        qtbot.addWidget(window)
        window.resize(1000, 760)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()  # saves settings and shuts the worker down
        window.client.shutdown()


@pytest.fixture
def viewer(make_viewer):
    return make_viewer()


def open_and_wait(qtbot, window, path: Path | str) -> object:
    """Open `path` and wait until the window shows it; returns the DocumentInfo."""
    with qtbot.waitSignal(window.client.opened, timeout=OPEN_TIMEOUT_MS) as blocker:
        window.open_path(str(path))
    return blocker.args[0]


def wait_first_paint(qtbot, window, page: int = 0) -> None:
    """Wait until the exact-size render of `page` is in the cache."""
    view = window.page_view

    def exact_render_cached() -> bool:
        keys = view._keys_for_page(page, view._visible_layout_rect())
        return all(window.cache.get(key) is not None for key in keys)

    qtbot.waitUntil(exact_render_cached, timeout=OPEN_TIMEOUT_MS)


@pytest.fixture
def text_pdf(tmp_path) -> Path:
    """Three pages, each with "EULEX" and "eulex", an outline and a title."""
    return bad_pdfs.text_pdf(tmp_path / "report.pdf")


@pytest.fixture
def long_pdf(tmp_path) -> Path:
    return bad_pdfs.text_pdf(tmp_path / "long.pdf", pages=12)
