"""The fields panel's extraction: how long it takes and how much it stalls the GUI thread.

    python3 -m tests.benchmarks.bench_fields

For the sample and for a long document (the sample's pages repeated to LONG_PAGES pages):
"raw" is PyMuPDF's own text extraction of every page in this process, "extract" our extractor
in this process, "panel" the wall time from `ExtractionRunner.start` to its `extracted` signal
(child process already warm: identification, extraction and pickling the result back). The stall
is the longest gap between ticks of a 5 ms GUI timer while the panel's extraction runs, against
the same timer with nothing running. Target: the stall stays near the idle one (no blocking).
"panel refresh" is the GUI-thread work once the fields arrive (rows built, tree shown).
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pymupdf
from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from kfor_viewer.core.extraction import extract
from kfor_viewer.core.paths import sample_pdf
from kfor_viewer.ui.extraction_runner import ExtractionRunner
from kfor_viewer.ui.fields_model import build_sections
from kfor_viewer.ui.fields_view import FieldsTree

ROUNDS = 5
LONG_PAGES = 300
TICK_MS = 5


def _median_ms(function, rounds: int = ROUNDS) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def _raw_text(path: Path) -> None:
    with pymupdf.open(path) as document:
        for page in document:
            page.get_text("dict")


def _long_document(folder: Path) -> Path:
    path = folder / "long.pdf"
    with pymupdf.open(sample_pdf()) as sample, pymupdf.open() as long:
        while long.page_count < LONG_PAGES:
            long.insert_pdf(sample)
        long.save(path)
    return path


class _StallMeter:
    """The longest gap between ticks of a fast GUI timer (what a user feels as a freeze)."""

    def __init__(self) -> None:
        self.longest_ms = 0.0
        self._clock = QElapsedTimer()
        self._timer = QTimer(interval=TICK_MS)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.longest_ms = 0.0
        self._clock.start()
        self._timer.start()

    def stop(self) -> float:
        self._timer.stop()
        return self.longest_ms

    def _tick(self) -> None:
        self.longest_ms = max(self.longest_ms, float(self._clock.restart()))


def _panel_run(runner: ExtractionRunner, path: Path, meter: _StallMeter) -> tuple[float, float]:
    loop = QEventLoop()
    runner.extracted.connect(loop.quit)
    runner.failed.connect(loop.quit)
    meter.start()
    started = time.perf_counter()
    runner.start(str(path))
    loop.exec()
    wall = (time.perf_counter() - started) * 1000
    runner.extracted.disconnect(loop.quit)
    runner.failed.disconnect(loop.quit)
    return wall, meter.stop()


def _idle_stall(meter: _StallMeter, milliseconds: float) -> float:
    loop = QEventLoop()
    QTimer.singleShot(round(milliseconds), loop.quit)
    meter.start()
    loop.exec()
    return meter.stop()


def _refresh_ms(result) -> float:
    """Rows built and shown in the tree: the one piece of the panel's work on the GUI thread."""
    tree = FieldsTree()
    tree.resize(380, 800)
    tree.show()

    def refresh() -> None:
        tree.show_sections(build_sections(result, {}))
        QApplication.processEvents()

    milliseconds = _median_ms(refresh)
    tree.close()
    return milliseconds


def _report(name: str, path: Path, runner: ExtractionRunner, meter: _StallMeter) -> None:
    raw = _median_ms(lambda: _raw_text(path))
    ours = _median_ms(lambda: extract(path, use_ocr=False))
    runs = [_panel_run(runner, path, meter) for _ in range(ROUNDS)]
    wall = statistics.median(run[0] for run in runs)
    stall = statistics.median(run[1] for run in runs)
    idle = statistics.median(_idle_stall(meter, wall) for _ in range(ROUNDS))
    print(f"{name}:")
    print(f"  raw PyMuPDF text        {raw:8.1f} ms")
    print(f"  extract (in process)    {ours:8.1f} ms  ({ours / raw:.1f}x raw)")
    print(f"  panel, start->fields    {wall:8.1f} ms  ({wall / raw:.1f}x raw)")
    print(f"  longest GUI stall       {stall:8.1f} ms  (idle timer alone: {idle:.1f} ms)")
    print(f"  panel refresh (GUI)     {_refresh_ms(extract(path, use_ocr=False)):8.1f} ms")


def main() -> None:
    app = QApplication.instance() or QApplication([])
    runner = ExtractionRunner(app)
    meter = _StallMeter()
    try:
        _panel_run(runner, sample_pdf(), meter)  # start the child once
        _report("sample (5 pages)", sample_pdf(), runner, meter)
        with tempfile.TemporaryDirectory() as folder:
            _report(f"long ({LONG_PAGES} pages)", _long_document(Path(folder)), runner, meter)
    finally:
        runner.shutdown()


if __name__ == "__main__":
    main()
