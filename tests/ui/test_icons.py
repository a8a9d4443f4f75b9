from __future__ import annotations

from PySide6.QtWidgets import QApplication

from kfor_viewer.ui.icons import app_icon, install_app_icon


def test_app_icon_has_a_crisp_pixmap_at_small_and_large_sizes(qapp):
    icon = app_icon()
    sizes = {(size.width(), size.height()) for size in icon.availableSizes()}
    assert {(16, 16), (32, 32), (256, 256)} <= sizes
    assert not icon.pixmap(16, 16).isNull()


def test_install_app_icon_sets_the_window_icon_and_desktop_entry(qapp):
    install_app_icon(qapp)
    assert not QApplication.windowIcon().isNull()
    assert QApplication.desktopFileName() == "kfor-viewer"
