"""The PySide6 work-around keeps `True` alive through many emits (PySide6 6.12.0 defect)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

from kfor_viewer.ui import pyside_fixes


class _Sender(QObject):
    changed = Signal(int)


def _handler(value: int) -> None:
    pass


def test_emit_and_disconnect_keep_the_reference_count_of_true():
    pyside_fixes.install()
    sender = _Sender()
    sender.changed.connect(_handler)
    before = sys.getrefcount(True)
    for value in range(3000):  # without the fix, Python aborts long before the end
        sender.changed.emit(value)
    for _ in range(200):
        sender.changed.disconnect(_handler)
        sender.changed.connect(_handler)
    assert sys.getrefcount(True) >= before
