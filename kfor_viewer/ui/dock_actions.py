"""Menu actions that show a dock the way people expect when docks share a tab group: the action
brings the dock to the front, also from behind another tab, and hides it only when it is already
in front (a plain toggleViewAction would hide the very panel the user asked to see)."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QWidget


def raise_or_hide_action(
    dock: QDockWidget, text: str, parent: QWidget, shortcut: str | None = None
) -> QAction:
    action = QAction(text, parent, checkable=True)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    action.setChecked(not dock.isHidden())
    action.triggered.connect(lambda _checked: raise_or_hide(dock))
    dock.visibilityChanged.connect(lambda _visible: action.setChecked(not dock.isHidden()))
    return action


def raise_or_hide(dock: QDockWidget) -> None:
    if dock.isHidden() or dock.visibleRegion().isEmpty():  # closed, or a tab behind another
        dock.show()
        dock.raise_()
    else:
        dock.hide()
