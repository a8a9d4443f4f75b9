"""Work-arounds for defects of the installed PySide6, applied only where the defect is present.

PySide6 6.12.0: `SignalInstance.emit()` and `.disconnect()` return `True` without taking a
reference to it, so every call from Python takes one reference away from `True`. After about a
thousand emits Python aborts with "Fatal Python error: bool_dealloc" (seen in the render benchmark
and on scrolling). `install()` measures the defect with one test emit and, if it is there, wraps
both methods to give the missing reference back; on a fixed PySide6 it changes nothing.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal, SignalInstance

_installed = False


class _Probe(QObject):
    fired = Signal()


def _loses_a_reference_to_true() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(4):
        probe.fired.emit()
    return sys.getrefcount(True) < before


def _giving_back_the_reference(method):
    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]
    incref.restype = None

    def wrapper(self, *args, **kwargs):
        result = method(self, *args, **kwargs)
        if result is True or result is False:
            incref(result)
        return result

    wrapper.__name__ = method.__name__
    wrapper.__doc__ = method.__doc__
    return wrapper


def install() -> bool:
    """Apply the work-around if this PySide6 needs it; return whether it was applied."""
    global _installed
    if _installed:
        return True
    if not _loses_a_reference_to_true():
        return False
    SignalInstance.emit = _giving_back_the_reference(SignalInstance.emit)
    SignalInstance.disconnect = _giving_back_the_reference(SignalInstance.disconnect)
    _installed = True
    return True
