"""Extraction time of the bundled sample against raw PyMuPDF text extraction of the same file.

    python3 -m tests.benchmarks.bench_extract [PDF | --long]

"raw" opens the file and calls `page.get_text()` on every page: the floor any extractor pays.
"words" opens it and calls `page.get_text("words")` on every page: the one text pass per page
that `extract` makes. "extract" is the whole pipeline (open, text with geometry, furniture,
paragraphs, every field with its evidence, checks, SHA-256 of the file, close).
Runs are interleaved and both wall-clock and CPU time are printed, since a shared machine's load
inflates wall-clock times. Target: the median of "extract" well under 100 ms.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pymupdf

from kfor_viewer.core.extraction import extract
from kfor_viewer.core.paths import sample_pdf

ROUNDS = 21
TARGET_MS = 100.0


def _medians_ms(actions: dict[str, Callable[[], object]]) -> dict[str, tuple[float, float]]:
    """Median wall-clock and CPU milliseconds of each action, run interleaved round by round so
    that a busy machine slows all of them alike."""
    for action in actions.values():
        action()  # warm up: regex compilation, font and file caches
    wall: dict[str, list[float]] = {name: [] for name in actions}
    cpu: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(ROUNDS):
        for name, action in actions.items():
            start_wall, start_cpu = time.perf_counter(), time.process_time()
            action()
            cpu[name].append((time.process_time() - start_cpu) * 1000)
            wall[name].append((time.perf_counter() - start_wall) * 1000)
    return {name: (statistics.median(wall[name]), statistics.median(cpu[name])) for name in actions}


def _raw_text(path: Path) -> None:
    with pymupdf.open(path) as document:
        for page in document:
            page.get_text()


def _raw_words(path: Path) -> None:
    with pymupdf.open(path) as document:
        for page in document:
            page.get_text("words")


def _long_document() -> Path:
    """A generated ~115-page, three-report KFOR document (made once per machine)."""
    from tests.core.extraction.kfor_documents import long_document

    path = Path(tempfile.gettempdir()) / "kfor-viewer-bench" / "kfor-long-3-reports.pdf"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        long_document(path)
    return path


def _path(argv: list[str]) -> Path:
    if argv[:1] == ["--long"]:
        return _long_document()
    return Path(argv[0]) if argv else sample_pdf()


def main(argv: list[str]) -> int:
    path = _path(argv)
    medians = _medians_ms(
        {
            "raw PyMuPDF get_text()": lambda: _raw_text(path),
            "raw PyMuPDF get_text('words')": lambda: _raw_words(path),
            "extract()": lambda: extract(path, use_ocr=False),
        }
    )
    pages = pymupdf.open(path).page_count
    print(f"{path.name}: {pages} pages, median of {ROUNDS} interleaved runs")
    print(f"  {'':32} {'wall ms':>9} {'cpu ms':>9}")
    for name, (wall, cpu) in medians.items():
        print(f"  {name:32} {wall:9.2f} {cpu:9.2f}")
    raw_wall, raw_cpu = medians["raw PyMuPDF get_text()"]
    ours_wall, ours_cpu = medians["extract()"]
    print(
        f"  extract / raw get_text: {ours_wall / raw_wall:.2f}x wall, {ours_cpu / raw_cpu:.2f}x cpu"
    )
    print(f"  extract per page: {ours_wall / pages:.2f} ms wall, {ours_cpu / pages:.2f} ms cpu")
    verdict = "OK" if ours_wall < TARGET_MS else "OVER TARGET"
    print(f"  target: extract() < {TARGET_MS:.0f} ms wall: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
