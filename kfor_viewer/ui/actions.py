"""Every command of the viewer as a QAction, with its shortcut and icon, in one place.

The main window connects them; menus and toolbars only place them.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from kfor_viewer.ui.action_icons import themed_icon

Key = QKeySequence.StandardKey


class ViewerActions:
    def __init__(self, parent: QWidget) -> None:
        self._parent = parent
        # File
        self.open = self._make("&Open…", Key.Open, "document-open")
        self.export = self._make("&Export…", "Ctrl+Shift+E", "document-export")
        self.clear_recent = self._make("&Clear List")
        self.quit = self._make("&Quit", "Ctrl+Q", "application-exit")  # Key.Quit is empty on X11
        # Edit
        self.copy = self._make("&Copy", Key.Copy, "edit-copy")
        self.select_all = self._make("Select &All (Page)", Key.SelectAll, "edit-select-all")
        self.find = self._make("&Find…", Key.Find, "edit-find")
        self.find_next = self._make("Find &Next", "F3")  # Key.FindNext has Ctrl+G: Go to Page
        self.find_previous = self._make("Find &Previous", "Shift+F3")
        # View
        self.zoom_in = self._make("Zoom &In", [Key.ZoomIn, "Ctrl+="], "zoom-in")
        self.zoom_out = self._make("Zoom &Out", Key.ZoomOut, "zoom-out")
        self.actual_size = self._make("&Actual Size", "Ctrl+0", "zoom-original")
        self.fit_width = self._make("Fit &Width", "Ctrl+1", "zoom-fit-width", checkable=True)
        self.fit_page = self._make("Fit &Page", "Ctrl+2", "zoom-fit-best", checkable=True)
        self.show_thumbnails = self._make("&Thumbnails", "F4", checkable=True)
        self.show_outline = self._make("&Outline", "F7", checkable=True)
        # Go
        self.go_to_page = self._make("&Go to Page…", "Ctrl+G", "go-jump")
        self.previous_page = self._make("&Previous Page", "Ctrl+PgUp", "go-up")
        self.next_page = self._make("&Next Page", "Ctrl+PgDown", "go-down")
        self.first_page = self._make("&First Page", "Ctrl+Home", "go-top")
        self.last_page = self._make("&Last Page", "Ctrl+End", "go-bottom")
        self.back = self._make("&Back", "Alt+Left", "go-previous")
        self.forward = self._make("F&orward", "Alt+Right", "go-next")
        self.back.setEnabled(False)
        self.forward.setEnabled(False)

    def _make(
        self,
        text: str,
        shortcut: object = None,
        icon_name: str | None = None,
        checkable: bool = False,
    ) -> QAction:
        action = QAction(text, self._parent)
        if shortcut is not None:
            shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{text.replace('&', '').rstrip('…')} ({keys})")
        if icon_name:
            action.setIcon(themed_icon(icon_name))
        action.setCheckable(checkable)
        self._parent.addAction(action)
        return action

    def document_actions(self) -> list[QAction]:
        """The actions that need an open document."""
        return [
            self.export,
            self.copy,
            self.select_all,
            self.find,
            self.find_next,
            self.find_previous,
            self.zoom_in,
            self.zoom_out,
            self.actual_size,
            self.fit_width,
            self.fit_page,
            self.go_to_page,
            self.previous_page,
            self.next_page,
            self.first_page,
            self.last_page,
        ]
