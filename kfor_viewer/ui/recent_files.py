"""File > Open Recent: the last documents opened, newest first, kept in the settings file.

Each entry shows the file's name; names that clash (report.pdf in two folders) also show as
much of their folder as tells them apart ("report.pdf — …/2019/q2"), as other viewers do.
"""

from __future__ import annotations

import os
from collections import defaultdict
from pathlib import PurePath

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


def recent_labels(paths: list[str]) -> list[str]:
    """The name of each of `paths`, with the end of its folder when another has the same name:
    the fewest trailing folders that tell the namesakes apart (all of it, ~ for home, if
    needed)."""
    folders = [PurePath(os.path.dirname(p)).parts for p in paths]
    namesakes: dict[str, list[int]] = defaultdict(list)
    for index, path in enumerate(paths):
        namesakes[os.path.basename(path)].append(index)
    labels = [os.path.basename(p) for p in paths]
    for indexes in namesakes.values():
        if len(indexes) < 2:
            continue
        depth = _distinguishing_depth([folders[i] for i in indexes])
        for i in indexes:
            labels[i] += " — " + _folder_tail(folders[i], depth)
    return labels


def _distinguishing_depth(folders: list[tuple[str, ...]]) -> int:
    """How many trailing parts of the folders make them all different (the whole folder at
    most: the same file listed twice stays alike)."""
    longest = max(len(f) for f in folders)
    for depth in range(1, longest):
        if len({f[-depth:] for f in folders}) == len(folders):
            return depth
    return longest


def _folder_tail(parts: tuple[str, ...], depth: int) -> str:
    if depth < len(parts):
        return "…" + os.sep + os.path.join(*parts[-depth:])
    folder = os.path.join(*parts) if parts else ""
    home = os.path.expanduser("~")
    if home != os.sep and (folder == home or folder.startswith(home + os.sep)):
        return "~" + folder[len(home) :]
    return folder


def _menu_text(number: int, label: str) -> str:
    """`label` after its digit accelerator; its own & and tabs would make accelerators and
    shortcut columns of their own."""
    safe = label.replace("&", "&&").replace("\t", " ")
    return f"&{number % 10}  {safe}"


class RecentFilesMenu(QMenu):
    requestOpen = Signal(str)

    def __init__(
        self, settings: QSettings, clear_action: QAction, parent: QWidget | None = None
    ) -> None:
        super().__init__("Open &Recent", parent)
        self.setToolTipsVisible(True)  # the full path of each entry
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
        labels = recent_labels(paths)
        for number, (path, label) in enumerate(zip(paths, labels, strict=True), start=1):
            action = self.addAction(_menu_text(number, label))
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
