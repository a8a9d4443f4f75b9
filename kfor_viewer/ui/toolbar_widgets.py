"""The toolbar's page box ("3 / 5") and zoom box (editable: 50%..400%, Fit Width, Fit Page)."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import QApplication, QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget
from shiboken6 import isValid

ZOOM_PRESETS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0)
MODE_LABELS = {"fit-width": "Fit Width", "fit-page": "Fit Page"}


class FocusReturn(QObject):
    """Gives the keys back to where they were before `editor` took them (the pages, after
    Ctrl+G or a click in the toolbar) once the user is done: Enter (`give_back`) or Escape
    (which also calls `on_escape`). Else PgDn and the arrows stay in the box until a click."""

    def __init__(self, editor: QWidget, on_escape: Callable[[], None]) -> None:
        super().__init__(editor)
        self._editor = editor
        self._on_escape = on_escape
        self._origin: QWidget | None = None
        editor.installEventFilter(self)
        QApplication.instance().focusChanged.connect(self._on_focus_changed)

    def give_back(self) -> None:
        origin = self._origin
        if origin is not None and isValid(origin) and origin.isVisible():
            origin.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self._editor.clearFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
            self.give_back()
            self._on_escape()
            return True
        return super().eventFilter(watched, event)

    def _on_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if not isValid(self._editor) or new is not self._editor:
            return
        if old is not None and old is not self._editor and not self._editor.isAncestorOf(old):
            self._origin = old


class PageBox(QWidget):
    requestPage = Signal(int)  # 0-based

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._count = 0
        self.edit = QLineEdit(self)
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.edit.setFixedWidth(56)
        self.edit.setToolTip("Page number (Ctrl+G)")
        self.edit.setAccessibleName("Page number")
        self._validator = QIntValidator(1, 1, self.edit)
        self.edit.setValidator(self._validator)
        self.total = QLabel("/ 0", self)
        self.total.setMinimumWidth(48)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(6)
        layout.addWidget(self.edit)
        layout.addWidget(self.total)
        self.edit.returnPressed.connect(self._on_return)
        self.edit.editingFinished.connect(self._restore_text)
        self._page = 0
        self._focus = FocusReturn(self.edit, self._restore_text)

    def set_count(self, count: int) -> None:
        self._count = count
        self._validator.setTop(max(count, 1))
        self.total.setText(f"/ {count}")
        self.setEnabled(count > 0)

    def set_page(self, page: int) -> None:
        self._page = page
        if not self.edit.hasFocus():
            self.edit.setText(str(page + 1) if self._count else "")

    def text(self) -> str:
        return f"{self.edit.text()} {self.total.text()}"

    def _on_return(self) -> None:
        if self.edit.text().isdigit():
            self.requestPage.emit(int(self.edit.text()) - 1)
        self._focus.give_back()
        self._restore_text()

    def _restore_text(self) -> None:
        if not self.edit.hasFocus():
            self.edit.setText(str(self._page + 1) if self._count else "")


def parse_zoom(text: str) -> float | str | None:
    """A zoom typed or chosen in the box: a factor (150 % -> 1.5), a mode, or None."""
    text = text.strip()
    for mode, label in MODE_LABELS.items():
        if text.lower() == label.lower():
            return mode
    match = re.fullmatch(r"(\d+(?:[.,]\d+)?)\s*%?", text)
    if not match:
        return None
    percent = float(match.group(1).replace(",", "."))
    return percent / 100 if percent > 0 else None


class ZoomBox(QComboBox):
    requestZoom = Signal(float)
    requestZoomMode = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMinimumContentsLength(8)
        self.setToolTip("Zoom")
        self.setAccessibleName("Zoom")
        for zoom in ZOOM_PRESETS:
            self.addItem(f"{round(zoom * 100)}%", zoom)
        for mode, label in MODE_LABELS.items():
            self.addItem(label, mode)
        self.activated.connect(self._on_activated)
        self.lineEdit().returnPressed.connect(self._on_typed)
        self._shown = ""
        self._focus = FocusReturn(self, lambda: self.setEditText(self._shown))

    def show_zoom(self, zoom: float, mode: str) -> None:
        text = MODE_LABELS.get(mode) or f"{round(zoom * 100)}%"
        self._shown = text
        self.setCurrentIndex(-1)
        self.setEditText(text)

    def _on_activated(self, index: int) -> None:
        self._emit(self.itemData(index))
        self._focus.give_back()

    def _on_typed(self) -> None:
        self._emit(parse_zoom(self.currentText()))
        self._focus.give_back()

    def _emit(self, value: float | str | None) -> None:
        if isinstance(value, str):
            self.requestZoomMode.emit(value)
        elif isinstance(value, float):
            self.requestZoom.emit(value)
