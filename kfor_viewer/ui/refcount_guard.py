"""A guard against a reference-counting bug in PySide6 6.12.0 under CPython 3.11.

There, every call of a Qt method that returns nothing (QWidget.update, QPainter.save, ...) drops
one reference to None, and some drop one to True/False. CPython before 3.12 counts references
to None like any object's, starting near 5,000, so after a few thousand such calls (a few
seconds of scrolling) the interpreter aborts with "Fatal Python error: none_dealloc". PySide6
6.11.3 does not do this (measured here), and pyproject.toml excludes 6.12.0; this guard keeps an
installation that already has it from crashing.

The guard first checks that the bug is really there (a probe of 200 void calls), then keeps the
reference counts of None, True and False far from zero. On CPython 3.12+ these objects are
immortal and nothing is needed.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, QTimer

# Top the counts up whenever they fall below this; the bug cannot drop 2**20 references within
# one timer interval (it loses about one per Qt call).
FLOOR = 1 << 20
CHECK_INTERVAL_MS = 500
_PROBE_CALLS = 200
_GUARDED = (None, True, False)

_detected: bool | None = None


def bug_present() -> bool:
    """Whether void Qt calls leak references to None here (measured once)."""
    global _detected
    if _detected is None:
        _detected = sys.version_info < (3, 12) and _probe_leaks()
    return _detected


def _probe_leaks() -> bool:
    timer = QTimer()
    before = sys.getrefcount(None)
    for _ in range(_PROBE_CALLS):
        timer.stop()
    lost = before - sys.getrefcount(None)
    top_up()  # give back what the probe took
    return lost >= _PROBE_CALLS // 2


def top_up() -> None:
    """Raise the reference counts of None, True and False above FLOOR if they fell below it."""
    if sys.version_info >= (3, 12):
        return
    for obj in _GUARDED:
        if sys.getrefcount(obj) < FLOOR:
            # ob_refcnt is the first field of every CPython object (Py_ssize_t).
            ctypes.c_ssize_t.from_address(id(obj)).value += FLOOR


def install(parent: QObject) -> QTimer | None:
    """Keep the counts topped up for the life of `parent` (the QApplication), if needed."""
    if not bug_present():
        return None
    top_up()
    timer = QTimer(parent)
    timer.setInterval(CHECK_INTERVAL_MS)
    timer.timeout.connect(top_up)
    timer.start()
    return timer
