"""One observer's subscription to whichever annotation store is current.

Every part that shows or saves the open document's store follows it from document to document;
this keeps exactly one subscription alive, so a closed document's store never calls back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class StoreSubscription:
    def __init__(self, observer: Callable[[Any], None]) -> None:
        self._observer = observer
        self._unsubscribe: Callable[[], None] | None = None

    def follow(self, store: Any) -> None:
        """Hear of `store`'s changes from now on (None: of no store), and no longer of the last."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        if store is not None:
            self._unsubscribe = store.subscribe(self._observer)
