"""Where the main window opens: a share of the screen on a first start, else where it was left,
brought back onto a screen when that is gone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication

from kfor_viewer.ui.settings import ViewerSettings
from kfor_viewer.ui.window_geometry import first_window_rect, on_some_screen


@pytest.mark.parametrize(
    ("available", "expected"),
    [
        (QRect(0, 40, 1920, 1040), QRect(192, 144, 1536, 832)),  # full HD: 80 %
        (QRect(0, 0, 3840, 2120), QRect(1120, 460, 1600, 1200)),  # 4K: capped
        (QRect(1920, 0, 1366, 740), QRect(2056, 74, 1093, 592)),  # a second, smaller screen
        (QRect(0, 0, 1024, 570), QRect(102, 20, 819, 530)),  # netbook: most of it
    ],
)
def test_a_first_start_takes_a_share_of_the_screen_centred(available, expected):
    placed = first_window_rect(available)
    assert placed == expected
    assert available.contains(placed)


def test_a_window_off_every_screen_is_noticed():
    screens = [QRect(0, 0, 1920, 1080), QRect(1920, 0, 1280, 1024)]
    assert on_some_screen(QRect(2500, 300, 800, 600), screens)
    assert not on_some_screen(QRect(3300, 300, 800, 600), screens)  # right of both
    assert not on_some_screen(QRect(-790, 100, 800, 600), screens)  # a 10-pixel sliver shows


@pytest.fixture
def open_window(qtbot, tmp_path):
    """Main windows sharing one settings file; closed (settings saved) and shut down after."""
    from kfor_viewer.ui.main_window import MainWindow

    path = str(tmp_path / "window.ini")
    windows = []

    def make():
        window = MainWindow(settings=ViewerSettings(QSettings(path, QSettings.Format.IniFormat)))
        qtbot.addWidget(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
        window.client.shutdown()


def test_the_first_window_fits_the_offscreen_screen_and_later_ones_open_where_left(
    qtbot, open_window
):
    available = QGuiApplication.primaryScreen().availableGeometry()
    first = open_window()
    first.show()
    qtbot.waitExposed(first)
    assert first.geometry() == first_window_rect(available)
    assert available.contains(first.frameGeometry())
    assert first.width() >= 0.8 * available.width() - 1
    first.setGeometry(QRect(60, 70, 520, 430))
    first.close()
    second = open_window()
    assert second.geometry() == QRect(60, 70, 520, 430)  # the saved place wins


def test_a_window_saved_on_a_screen_that_is_gone_comes_back(qtbot, open_window):
    available = QGuiApplication.primaryScreen().availableGeometry()
    first = open_window()
    first.setGeometry(QRect(available.right() + 2000, 300, 500, 400))
    first.show()
    qtbot.waitExposed(first)
    first.close()
    second = open_window()
    assert available.intersects(second.geometry())
    assert on_some_screen(second.geometry(), [available])
    assert second.size() == QSize(500, 400)
