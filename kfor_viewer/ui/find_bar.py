"""The find bar (Ctrl+F): searches as you type in the worker, counts hits ("2 of 7"), and steps
through them with Enter / Shift+Enter. The page view draws what it reports."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QToolButton,
    QWidget,
)

from kfor_viewer.ui.action_icons import themed_icon

TYPING_DELAY_MS = 250


class FindBar(QWidget):
    hitsChanged = Signal(object)  # tuple[SearchHit, ...] found so far
    currentHitChanged = Signal(object)  # SearchHit or None
    closed = Signal()

    def __init__(self, client: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client = client
        self._hits: list[Any] = []
        self._current = -1
        self._query = ""
        self._searching = False
        self._start_page = 0
        self._build()
        self._typing_timer = QTimer(self, singleShot=True, interval=TYPING_DELAY_MS)
        self._typing_timer.timeout.connect(self.search)
        client.searchHitsFound.connect(self._on_hits)
        client.searchProgress.connect(self._on_progress)
        client.searchFinished.connect(self._on_finished)

    def _build(self) -> None:
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("Find in document")
        self.edit.setClearButtonEnabled(True)
        self.edit.setMinimumWidth(240)
        self.edit.installEventFilter(self)
        self.previous_button = self._button("", "Previous hit (Shift+Enter)", self.previous_hit)
        self.previous_button.setIcon(themed_icon("go-up"))
        self.next_button = self._button("", "Next hit (Enter)", self.next_hit)
        self.next_button.setIcon(themed_icon("go-down"))
        self.match_case = QCheckBox("Match case", self)
        self.count_label = QLabel(self)
        self.count_label.setMinimumWidth(110)
        self.progress = QProgressBar(self)
        self.progress.setFixedWidth(90)
        self.progress.setTextVisible(False)
        self.progress.hide()
        close = self._button("✕", "Close (Escape)", self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        for widget in (
            self.edit,
            self.previous_button,
            self.next_button,
            self.match_case,
            self.count_label,
            self.progress,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(close)
        self.edit.textChanged.connect(lambda _text: self._typing_timer.start())
        self.match_case.toggled.connect(lambda _on: self.search())

    def _button(self, text: str, tip: str, slot: Any) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    # --- public ---------------------------------------------------------------------------
    def open_bar(self, text: str = "") -> None:
        self.show()
        if text:
            self.edit.setText(text)
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self._typing_timer.stop()
        if self._searching:
            self._client.cancel_search()
        self._reset_results()
        self.hide()
        self.closed.emit()

    def set_current_page(self, page: int) -> None:
        """Where the next search starts looking for its first hit, as browsers do."""
        self._start_page = page

    def document_changed(self) -> None:
        self._reset_results()
        if self.isVisible() and self.edit.text():
            self.search()

    def search(self) -> None:
        self._typing_timer.stop()
        query = self.edit.text().strip()
        self._reset_results()
        self._query = query
        if not query:
            self._client.cancel_search()
            return
        self._searching = True
        self.count_label.setText("Searching…")
        self.progress.setValue(0)
        self.progress.show()
        self._client.search(query, self.match_case.isChecked())

    def next_hit(self) -> None:
        self._step(+1)

    def previous_hit(self) -> None:
        self._step(-1)

    @property
    def hit_count(self) -> int:
        return len(self._hits)

    @property
    def current_index(self) -> int:
        return self._current

    # --- internals ------------------------------------------------------------------------
    def _step(self, direction: int) -> None:
        if self._typing_timer.isActive() or self.edit.text().strip() != self._query:
            self.search()
            return
        if not self._hits:
            return
        self._current = (self._current + direction) % len(self._hits)
        self._show_current()

    def _show_current(self) -> None:
        self._update_count()
        self.currentHitChanged.emit(self._hits[self._current] if self._current >= 0 else None)

    def _reset_results(self) -> None:
        self._hits = []
        self._current = -1
        self._searching = False
        self.count_label.setText("")
        self.progress.hide()
        self._set_not_found(False)
        self.hitsChanged.emit(())
        self.currentHitChanged.emit(None)

    def _on_hits(self, query: str, hits: Any) -> None:
        if query != self._query or not self._searching:
            return
        self._hits.extend(hits)
        self.hitsChanged.emit(tuple(self._hits))
        if self._current < 0:
            after = [i for i, hit in enumerate(self._hits) if hit.page >= self._start_page]
            if after:
                self._current = after[0]
                self._show_current()
        self._update_count()

    def _on_progress(self, done: int, total: int) -> None:
        if self._searching:
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(done)

    def _on_finished(self, query: str, total: int) -> None:
        if query != self._query or not self._searching:
            return
        self._searching = False
        self.progress.hide()
        if self._current < 0 and self._hits:
            self._current = 0
            self._show_current()
        self._update_count()
        self._set_not_found(total == 0)

    def _update_count(self) -> None:
        count = len(self._hits)
        if not count:
            text = "Searching…" if self._searching else "No matches"
        elif self._current >= 0:
            text = f"{self._current + 1} of {count}" + ("+" if self._searching else "")
        else:
            text = f"{count} found"
        self.count_label.setText(text)

    def _set_not_found(self, not_found: bool) -> None:
        self.edit.setStyleSheet("QLineEdit { background: #fbe3e1; }" if not_found else "")

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if (
            watched is self.edit
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
        ):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self._step(-1 if shift else +1)
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)
