"""Save the open document's annotation store within a second of every change.

A debounced timer calls the store's atomic, merging `save()`. A failed save (disk full, folder
read-only) keeps everything in memory (the store stays dirty), is reported once per run of
failures through `saveFailed`, and is retried every few seconds until it succeeds.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from kfor_viewer.core.annotation_store import StoreWriteError
from kfor_viewer.ui.store_subscription import StoreSubscription

SAVE_DELAY_MS = 500
RETRY_DELAY_MS = 10_000


class Autosaver(QObject):
    saved = Signal()
    saveFailed = Signal(str)  # the first failure after a good save: show it to the user
    recovered = Signal()  # a save succeeded after failures
    warned = Signal(str)  # the store found a bad file and set it aside while saving

    def __init__(
        self,
        parent: QObject | None = None,
        delay_ms: int = SAVE_DELAY_MS,
        retry_ms: int = RETRY_DELAY_MS,
    ) -> None:
        super().__init__(parent)
        self.store: Any = None
        self.last_error = ""
        self._subscription = StoreSubscription(self._on_change)
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._timer.timeout.connect(self.save_now)
        self._delay_ms, self._retry_ms = delay_ms, retry_ms

    @property
    def failing(self) -> bool:
        """True while the latest save attempt failed (the edits are only in memory)."""
        return bool(self.last_error)

    @property
    def pending(self) -> bool:
        return self.store is not None and self.store.dirty

    def set_store(self, store: Any) -> None:
        """Follow `store` (None: no document); the previous store is saved first."""
        self._subscription.follow(None)
        self.save_now()
        self.store = store
        self.last_error = ""
        self._timer.stop()
        self._subscription.follow(store)
        if store is not None and store.dirty:  # e.g. migrated from an older schema on load
            self._timer.start()

    def save_now(self) -> bool:
        """Save at once if anything is unsaved; False when it failed (it will be retried)."""
        self._timer.stop()
        if self.store is None or not self.store.dirty:
            return True
        try:
            warnings = self.store.save()
        except StoreWriteError as error:
            self._failed(str(error))
            return False
        for warning in warnings:
            self.warned.emit(warning.message)
        if self.last_error:
            self.last_error = ""
            self._timer.setInterval(self._delay_ms)
            self.recovered.emit()
        self.saved.emit()
        return True

    def _on_change(self, _change: Any) -> None:
        if self.store is not None and self.store.dirty and not self.failing:
            self._timer.start()

    def _failed(self, message: str) -> None:
        first = not self.last_error
        self.last_error = message
        self._timer.start(self._retry_ms)
        if first:
            self.saveFailed.emit(message)
