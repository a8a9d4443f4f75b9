"""How long each export of the sample takes, against raw PyMuPDF on the same file.

    python3 -m tests.benchmarks.bench_export

The sample gets 200 highlights (the same six passages again and again, tagged four ways), a
heavy case for one document. "raw" is the floor any exporter pays: opening the PDF, reading the
text of every page and writing the document back out (`tobytes`). Each export includes opening
the file, extraction, loading the store, rendering and the atomic write. Medians of a few rounds
on a shared machine; the ratio to raw is the figure to watch.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pymupdf

from kfor_viewer.core.anchoring import anchor_quote
from kfor_viewer.core.annotation_store import AnnotationStore
from kfor_viewer.core.document_identity import identify_document
from kfor_viewer.core.export import FORMATS, ExportOptions, export_file
from kfor_viewer.core.page_text import read_document_text
from kfor_viewer.core.paths import sample_pdf

ROUNDS = 3
HIGHLIGHTS = 200
QUOTES = (
    ("remained approximately 3,600", 3),
    ("no major security incidents", 3),
    ("remained generally calm but fragile", 3),
    ("remained approximately 3,400", 5),
    ("brokered economic normalization agreements", 5),
    ("third security responder", 5),
)
TAGS = ("troops", "security", "politics", "assessment")


def _median_ms(action: Callable[[], object]) -> float:
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _raw(pdf: Path) -> None:
    with pymupdf.open(pdf) as document:
        for page in document:
            page.get_text()
        document.tobytes()


def _annotate(pdf: Path, data: Path) -> None:
    with pymupdf.open(pdf) as document:
        text = read_document_text(document)
        store = AnnotationStore.open(identify_document(pdf, document), data)
    for number in range(HIGHLIGHTS):
        quote, page = QUOTES[number % len(QUOTES)]
        tags = (TAGS[number % 4],) + ((TAGS[(number + 1) % 4],) if number % 3 == 0 else ())
        for annotation in anchor_quote(text, quote, page, tags=tags, note=f"note {number}"):
            store.add(annotation)
    store.save()


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-export-"))
    try:
        pdf = folder / "sample.pdf"
        shutil.copyfile(sample_pdf(), pdf)
        _annotate(pdf, folder / "data")
        raw = _median_ms(lambda: _raw(pdf))
        print(f"{HIGHLIGHTS} highlights, median of {ROUNDS} rounds")
        print(f"{'raw PyMuPDF (open, text, tobytes)':<40} {raw:8.1f} ms")
        cases = [(f, False) for f in FORMATS] + [("html", True), ("pdf", True)]
        for output_format, images in cases:
            options = ExportOptions(include_images=images)
            out = folder / f"out{FORMATS[output_format]}"
            ms = _median_ms(
                lambda f=output_format, o=out, opts=options: export_file(
                    pdf, f, o, opts, folder / "data"
                )
            )
            name = output_format + (" --images" if images else "")
            print(f"{name:<40} {ms:8.1f} ms  ({ms / raw:5.1f} x raw)")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
