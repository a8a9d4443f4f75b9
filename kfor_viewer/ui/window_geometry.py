"""Where the main window opens: where it was left (Qt's saved geometry), else on a first start a
share of the screen it opens on, centred.

A saved geometry that lies off every current screen (a monitor unplugged since) is brought back,
at its size if that fits, centred on the screen the window opens on.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QPoint, QRect, QSize
from PySide6.QtGui import QCursor, QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

FIRST_SHARE = 0.8  # of the available screen area, on a first start
# Wider than this a page at fit-width only gets bigger print, taller gains little.
LARGEST_FIRST = QSize(1600, 1200)
SMALLEST_FIRST = QSize(720, 540)  # a small screen is used nearly whole instead
# Room kept for the window's frame and title bar, which are not part of its geometry.
FRAME_ALLOWANCE = QSize(16, 40)
MIN_VISIBLE = 48  # pixels of a restored window a screen must show for it to count as on it


def first_window_rect(available: QRect) -> QRect:
    """The window's geometry on a first start: FIRST_SHARE of `available` (a screen's available
    geometry), at least SMALLEST_FIRST and at most LARGEST_FIRST, never more than fits, centred."""
    share = QSize(round(available.width() * FIRST_SHARE), round(available.height() * FIRST_SHARE))
    room = (available.size() - FRAME_ALLOWANCE).expandedTo(QSize(1, 1))
    size = share.expandedTo(SMALLEST_FIRST).boundedTo(LARGEST_FIRST).boundedTo(room)
    return centred(size, available)


def centred(size: QSize, available: QRect) -> QRect:
    rect = QRect(QPoint(0, 0), size)
    rect.moveCenter(available.center())
    return rect


def on_some_screen(rect: QRect, screens: list[QRect]) -> bool:
    """Whether a screen (available geometries) shows enough of `rect` to grab it again."""
    for available in screens:
        seen = available.intersected(rect)
        if seen.width() >= MIN_VISIBLE and seen.height() >= MIN_VISIBLE:
            return True
    return False


def place_main_window(window: QWidget, saved: QByteArray | None) -> None:
    """Restore `saved` (None on a first start), or size and centre `window` for its screen."""
    restored = saved is not None and window.restoreGeometry(saved)
    screen = _screen_for_new_window()
    if screen is None:  # no screen to fit (a platform that reports none)
        if not restored:
            window.resize(SMALLEST_FIRST)
        return
    available = screen.availableGeometry()
    if not restored:
        window.setGeometry(first_window_rect(available))
        return
    screens = [s.availableGeometry() for s in QGuiApplication.screens()]
    if not on_some_screen(window.geometry(), screens):
        room = available.size() - FRAME_ALLOWANCE
        window.setGeometry(centred(window.size().boundedTo(room), available))


def _screen_for_new_window() -> QScreen | None:
    """The screen under the mouse pointer (where the user is looking), else the primary one."""
    return QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
