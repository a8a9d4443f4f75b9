"""File > Open Recent: the last documents opened, newest first, kept in the settings file."""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

MAX_RECENT = 10
_KEY = "recent/files"


def updated_recent(paths: list[str], opened: str, limit: int = MAX_RECENT) -> list[str]:
    """`opened` first, without duplicates (same file through another spelling included)."""
    opened = os.path.abspath(opened)
    rest = [p for p in paths if os.path.abspath(p) != opened]
    return [opened, *rest][:limit]


class RecentFilesMenu(QMenu):
    requestOpen = Signal(str)

    def __init__(
        self, settings: QSettings, clear_action: QAction, parent: QWidget | None = None
    ) -> None:
        super().__init__("Open &Recent", parent)
        self._settings = settings
        self._clear_action = clear_action
        clear_action.triggered.connect(lambda _checked=False: self.clear_recent())
        self.aboutToShow.connect(self._rebuild)
        self._rebuild()

    def paths(self) -> list[str]:
        value = self._settings.value(_KEY, [])
        if isinstance(value, str):  # QSettings returns a lone entry as a plain string
            value = [value]
        return [str(p) for p in value or [] if p]

    def add(self, path: str) -> None:
        self._settings.setValue(_KEY, updated_recent(self.paths(), path))
        self._rebuild()

    def clear_recent(self) -> None:
        self._settings.setValue(_KEY, [])
        self._rebuild()

    def _rebuild(self) -> None:
        self.clear_menu_items()
        paths = self.paths()
        for number, path in enumerate(paths, start=1):
            label = f"&{number % 10}  {os.path.basename(path)}"
            action = self.addAction(label)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.setEnabled(os.path.exists(path))
            action.triggered.connect(lambda _checked=False, p=path: self.requestOpen.emit(p))
        if not paths:
            self.addAction("No recent documents").setEnabled(False)
        self.addSeparator()
        self.addAction(self._clear_action)
        self._clear_action.setEnabled(bool(paths))
        self.setEnabled(True)

    def clear_menu_items(self) -> None:
        for action in self.actions():
            self.removeAction(action)
            if action is not self._clear_action:
                action.deleteLater()
