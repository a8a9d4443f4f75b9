"""Shared bits of the engine benchmarks: a Qt app, waiting for signals, medians, printing."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QGuiApplication

_app: QGuiApplication | None = None


def qt_app() -> QGuiApplication:
    """The application, with the PySide6 6.12.0 reference-count guard the app itself installs."""
    global _app
    if QGuiApplication.instance() is None:
        from kfor_viewer.ui import refcount_guard

        _app = QGuiApplication([])
        refcount_guard.install(_app)
    return QGuiApplication.instance()


def wait_for(signal, start: Callable[[], None], timeout_s: float = 60.0) -> tuple:
    """Call `start`, run the event loop until `signal` fires; return its arguments."""
    loop = QEventLoop()
    received: list[tuple] = []

    def on_signal(*args) -> None:
        received.append(args)
        loop.quit()

    signal.connect(on_signal)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    try:
        start()
        if not received:
            loop.exec()
    finally:
        signal.disconnect(on_signal)
    if not received:
        raise TimeoutError(f"no signal within {timeout_s} s")
    return received[0]


def timed(function: Callable[[], object]) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def report(label: str, ours: list[float], raw: list[float], target: float | None = None) -> None:
    ours_ms, raw_ms = median_ms(ours), median_ms(raw)
    ratio = ours_ms / raw_ms if raw_ms else float("nan")
    verdict = ""
    if target is not None:
        verdict = "  OK" if ratio <= target else f"  OVER target {target:.2f}x"
    print(
        f"{label:<46} ours {ours_ms:8.2f} ms   raw {raw_ms:8.2f} ms   ratio {ratio:5.2f}{verdict}"
    )


def rss_mb(pid: int | None = None) -> float:
    """Resident memory of a process (this one by default), from /proc on Linux."""
    path = f"/proc/{pid or os.getpid()}/status"
    with open(path, encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds(pid: int) -> float:
    """CPU time a process's main thread has used, in nanosecond resolution (Linux schedstat)."""
    with open(f"/proc/{pid}/schedstat", encoding="ascii") as schedstat:
        return int(schedstat.read().split()[0]) / 1e9


def let_raw_reuse_freed_memory() -> None:
    """Give raw PyMuPDF its best case: freed pixmaps' memory is reused, not returned to the system.

    glibc maps each large pixmap afresh unless earlier frees have raised its thresholds, so raw
    could pay a page fault per 4 KB of every render (1,100-1,500 per page at 2x, doubling its
    time) or none, depending on what the process did before. Ours draws into reused shared
    blocks and never pays them; fixing the thresholds makes raw never pay them either.
    """
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    if not name:
        return
    libc = ctypes.CDLL(name)
    if not hasattr(libc, "mallopt"):  # not glibc (macOS): its allocator keeps its own rules
        return
    m_trim_threshold, m_mmap_threshold = -1, -3
    libc.mallopt(m_mmap_threshold, 32 * 1024 * 1024)  # the most glibc allows
    libc.mallopt(m_trim_threshold, 1024 * 1024 * 1024)
