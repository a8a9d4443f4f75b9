"""What the main window's menus and toolbar hold, and in what order. The actions are made in
`actions.py`; `main_window.py` connects them to what they do."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar, QToolBar, QWidget


def add_menu(bar: QMenuBar, title: str, actions: Sequence[QAction | None]) -> QMenu:
    """A menu of `actions` at the end of `bar`; None is a separator."""
    menu = bar.addMenu(title)
    for action in actions:
        if action is None:
            menu.addSeparator()
        else:
            menu.addAction(action)
    return menu


def build_menu_bar(
    bar: QMenuBar, a: Any, recent_menu: QMenu, show_about: Callable[[], None]
) -> QMenu:
    """File, Edit, View, Go and Help; returns the View menu (the docks add their entries)."""
    file_menu = add_menu(bar, "&File", [a.open])
    file_menu.addMenu(recent_menu)
    file_menu.addSeparator()
    file_menu.addAction(a.export)
    file_menu.addSeparator()
    file_menu.addAction(a.quit)
    add_menu(bar, "&Edit", [a.copy, a.select_all, None, a.find, a.find_next, a.find_previous])
    zoom = [a.zoom_in, a.zoom_out, a.actual_size, a.fit_width, a.fit_page]
    view_menu = add_menu(bar, "&View", [*zoom, None, a.show_thumbnails, a.show_outline])
    pages = [a.previous_page, a.next_page, a.first_page, a.last_page]
    add_menu(bar, "&Go", [*pages, None, a.go_to_page, None, a.back, a.forward])
    bar.addMenu("&Help").addAction("&About KFOR Viewer", show_about)
    return view_menu


def build_toolbar(window: QMainWindow, a: Any, page_box: QWidget, zoom_box: QWidget) -> QToolBar:
    """The one toolbar: open, history and pages, zoom, find."""
    bar = QToolBar("Main toolbar", window)
    bar.setObjectName("mainToolbar")
    bar.setMovable(False)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonFollowStyle)
    bar.addAction(a.open)
    bar.addSeparator()
    bar.addActions([a.back, a.forward, a.previous_page, a.next_page])
    bar.addWidget(page_box)
    bar.addSeparator()
    bar.addAction(a.zoom_out)
    bar.addWidget(zoom_box)
    bar.addAction(a.zoom_in)
    bar.addActions([a.fit_width, a.fit_page])
    bar.addSeparator()
    bar.addAction(a.find)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    return bar
