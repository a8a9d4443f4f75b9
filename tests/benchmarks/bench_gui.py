"""GUI benchmarks: launch to first page, open to first paint, and GUI-thread stalls.

    python3 -m tests.benchmarks.bench_gui

Each figure is printed beside raw PyMuPDF (+ PySide6) doing the same work in the same run:
1. launch of `kfor-viewer FILE` to its first page painted, vs a minimal PySide6 + PyMuPDF
   program that opens the file and shows one rendered page (target: within 1.5x);
2. open of a 2,000-page PDF in a running app to its first page painted, vs raw open + page
   sizes + render of that page (target: within 1.75x);
3. the longest gap of a 1 ms QTimer while flinging through 2,000 pages and zooming to 400 %
   (target: no stall over 16 ms).
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.benchmarks import pdf_corpus
from tests.benchmarks.engine_timing import report

ROUNDS = 5
REPO_ROOT = Path(__file__).resolve().parents[2]

# Run in a fresh interpreter: starts the real app on FILE and prints the monotonic time of the
# first paint of an exact-size render of page 1, then quits. The paint probe is attached when the
# app itself imports page_view: importing Qt here first would delay the app's early start of its
# PDF worker (which it begins before loading Qt) and measure a launch order no user ever gets.
_APP_PROBE = """
import importlib.abc, importlib.machinery, sys, time

def attach_probe(page_view):
    from PySide6.QtWidgets import QApplication

    original_paint = page_view.PageView._paint_page
    printed = []

    def probing_paint(self, painter, page, target, view):
        original_paint(self, painter, page, target, view)
        keys = self._keys_for_page(page, view)
        if not printed and all(self._cache.get(key) is not None for key in keys):
            printed.append(True)  # the first such paint; closing paints again
            print(time.monotonic(), flush=True)
            for widget in QApplication.topLevelWidgets():
                widget.close()
            QApplication.quit()

    page_view.PageView._paint_page = probing_paint

class ProbeOnImport(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name != "kfor_viewer.ui.page_view":
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        load = spec.loader.exec_module

        def exec_module(module):
            load(module)
            attach_probe(module)

        spec.loader.exec_module = exec_module
        return spec

sys.meta_path.insert(0, ProbeOnImport())
if __name__ == "__main__":
    from kfor_viewer.cli import main
    sys.exit(main([sys.argv[1], "--new-window"]))
"""

# The same with nothing but PySide6 and PyMuPDF: open, render page 1, show it.
_RAW_PROBE = """
import sys, time
import pymupdf
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QApplication, QLabel

class Page(QLabel):
    def paintEvent(self, event):
        super().paintEvent(event)
        print(time.monotonic(), flush=True)
        QApplication.quit()

app = QApplication(sys.argv[:1])
doc = pymupdf.open(sys.argv[1])
pix = doc[0].get_pixmap(matrix=pymupdf.Matrix(1.25, 1.25))
image = QImage(pix.samples, pix.width, pix.height, pix.stride, QImage.Format.Format_RGB888)
label = Page()
label.setPixmap(QPixmap.fromImage(image))
label.show()
app.exec()
"""


def _launch_seconds(script: str, pdf: Path, config: str) -> float:
    env = dict(
        os.environ,
        PYTHONPATH=str(REPO_ROOT),
        KFOR_VIEWER_CONFIG_DIR=config,
        QT_QPA_PLATFORM="offscreen",
    )
    started = time.monotonic()
    output = subprocess.run(
        [sys.executable, "-c", script, str(pdf)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    return float(output.split()[0]) - started  # the first paint it reports


def bench_launch(pdf: Path) -> None:
    # An installed app runs from byte-compiled modules (pip and PyInstaller compile them), as
    # PyMuPDF and PySide6 do here; with PYTHONDONTWRITEBYTECODE set (some shells and CI do), a
    # source checkout would otherwise compile every module of ours on every launch.
    compileall.compile_dir(REPO_ROOT / "kfor_viewer", quiet=1)
    ours, raw = [], []
    with tempfile.TemporaryDirectory() as config:
        for _ in range(ROUNDS):
            ours.append(_launch_seconds(_APP_PROBE, pdf, config))
            raw.append(_launch_seconds(_RAW_PROBE, pdf, config))
    report("launch to first page painted (4 pages)", ours, raw, target=1.5)


def _raw_open_seconds(pdf: Path, width_px: int) -> float:
    import pymupdf

    started = time.perf_counter()
    doc = pymupdf.open(pdf)
    sizes = [(page.rect.width, page.rect.height) for page in doc]
    zoom = width_px / sizes[0][0]
    doc[0].get_pixmap(matrix=pymupdf.Matrix(zoom, zoom))
    elapsed = time.perf_counter() - started
    doc.close()
    return elapsed


def bench_open(window, big: Path, small: Path) -> None:
    from PySide6.QtWidgets import QApplication

    ours = []
    for _ in range(ROUNDS):
        _open_and_paint(window, small)
        started = time.perf_counter()
        _open_and_paint(window, big)
        ours.append(time.perf_counter() - started)
    width_px = window.page_view._keys_for_page(0, window.page_view._visible_layout_rect())[0]
    raw = [_raw_open_seconds(big, width_px.px_width) for _ in range(ROUNDS)]
    QApplication.processEvents()
    report("open to first paint (2,000 pages)", ours, raw, target=1.75)


def _open_and_paint(window, pdf: Path, timeout: float = 60.0) -> None:
    """Open `pdf` and spin the event loop until page 1 has been painted at its exact size."""
    from PySide6.QtWidgets import QApplication

    view = window.page_view
    painted: list[bool] = []
    original = view._paint_page

    def probe(painter, page, target, visible):
        original(painter, page, target, visible)
        if page == 0 and all(view._cache.get(k) for k in view._keys_for_page(0, visible)):
            painted.append(True)

    view._paint_page = probe
    generation = window.client.doc_generation
    window.open_path(str(pdf))
    deadline = time.perf_counter() + timeout
    while not (painted and window.client.doc_generation != generation):
        QApplication.processEvents()
        if time.perf_counter() > deadline:
            raise TimeoutError(f"{pdf} was not painted within {timeout} s")
        time.sleep(0.0005)
    del view._paint_page


def _timer_gaps(drive: list, frame_ms: int = 16) -> tuple[list[float], list[float]]:
    """Gaps (ms) between ticks of a 1 ms timer while `drive` steps run one per frame, and the
    CPU time (ms) the GUI thread used in each gap: the part of a gap that is this process's own
    work, as opposed to waiting while the scheduler runs other processes."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    gaps: list[float] = []
    cpu: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed(), time.thread_time()]

    def tick() -> None:
        now, used = clock.nsecsElapsed(), time.thread_time()
        gaps.append((now - last[0]) / 1e6)
        cpu.append((used - last[1]) * 1e3)
        last[0], last[1] = now, used

    ticker = QTimer(interval=1)
    ticker.setTimerType(ticker.timerType().PreciseTimer)
    ticker.timeout.connect(tick)
    frame = QTimer(interval=frame_ms)
    loop = QEventLoop()
    steps = list(drive)
    frame.timeout.connect(lambda: steps.pop(0)() if steps else loop.quit())
    last[0], last[1] = clock.nsecsElapsed(), time.thread_time()
    ticker.start()
    frame.start()
    loop.exec()
    ticker.stop()
    frame.stop()
    return gaps, cpu


def bench_stall(window, big: Path) -> None:
    """Fling (2,000 px per frame, 60 frames a second) through the document, then zoom up to
    400 % and fling again, measuring the longest gap between ticks of a 1 ms timer. The same
    timer with the app idle gives the machine's own noise floor (other processes, scheduling);
    the GUI thread's CPU time per gap tells its own work from waiting for a core."""
    _open_and_paint(window, big)
    view = window.page_view
    view.set_zoom(1.0)
    steps = _fling_steps(view)
    idle, _idle_cpu = _timer_gaps([lambda: None] * len(steps))
    busy, busy_cpu = _timer_gaps(steps)
    for label, gaps in (
        ("1 ms timer, app idle (noise floor)", idle),
        ("GUI stall while flinging + zooming to 400 %", busy),
        ("  of it the GUI thread's own CPU time", busy_cpu),
    ):
        longest, p99 = max(gaps), statistics.quantiles(gaps, n=100)[98]
        print(f"{label:<46} longest {longest:6.1f} ms   p99 {p99:5.1f} ms   ticks {len(gaps)}")
    print(f"{'':<46} target: longest stall <= 16 ms over the noise floor")


def _fling_steps(view) -> list:
    bar = view.verticalScrollBar()
    steps = [lambda: bar.setValue(bar.value() + 2000) for _ in range(150)]
    steps += [lambda: bar.setValue(bar.value() - 3000) for _ in range(60)]
    for zoom in (1.25, 1.5, 2.0, 2.5, 3.0, 4.0):
        steps += [lambda z=zoom: view.set_zoom(z)] + [lambda: None] * 5
    steps += [lambda: bar.setValue(bar.value() + 1500) for _ in range(120)]
    return steps


def main() -> None:
    from PySide6.QtWidgets import QApplication

    small = pdf_corpus.text_pdf(4)
    big = pdf_corpus.text_pdf(2000)
    print(f"GUI benchmarks, {ROUNDS} rounds, medians (offscreen, Python {sys.version.split()[0]})")
    bench_launch(small)
    app = QApplication.instance() or QApplication([])
    from kfor_viewer.ui import refcount_guard

    refcount_guard.install(app)
    with tempfile.TemporaryDirectory() as config:
        os.environ["KFOR_VIEWER_CONFIG_DIR"] = config
        from kfor_viewer.ui.main_window import MainWindow

        window = MainWindow()
        window.resize(1200, 860)
        window.show()
        try:
            bench_open(window, big, small)
            bench_stall(window, big)
        finally:
            window.close()
            app.processEvents()


if __name__ == "__main__":
    main()
