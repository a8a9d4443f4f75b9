"""Search in the background: first hit, whole document, repeated search; against raw PyMuPDF.

    python3 -m tests.benchmarks.bench_search

"raw" is `page.search_for(query)` page by page in this process (what a viewer without a worker
would do, blocking its GUI). "ours" is DocumentClient.search until searchHitsFound (first hit) and
searchFinished (whole document), on the generated 2,000-page report. Targets: first hit within
100 ms; a repeated search much faster than the first.
"""

from __future__ import annotations

import time

import pymupdf

from tests.benchmarks import pdf_corpus
from tests.benchmarks.engine_timing import median_ms, qt_app, report, wait_for

ROUNDS = 3
# Frequent (every page), spanning lines, and rare (one page: a page footer).
QUERIES = ("EULEX", "Kosovo police was effective", "1500/2000")


def raw_search(doc: pymupdf.Document, query: str) -> tuple[float, float, int]:
    """(seconds to the first hit, seconds for the whole document, hits)."""
    started, first, hits = time.perf_counter(), None, 0
    for page in doc:
        found = page.search_for(query)
        hits += len(found)
        if found and first is None:
            first = time.perf_counter() - started
    return first or 0.0, time.perf_counter() - started, hits


def our_search(client, query: str) -> tuple[float, float, int]:
    started, first = time.perf_counter(), []

    def on_hits(_query, _hits) -> None:
        if not first:
            first.append(time.perf_counter() - started)

    client.searchHitsFound.connect(on_hits)
    _query, total = wait_for(client.searchFinished, lambda: client.search(query), 300)
    client.searchHitsFound.disconnect(on_hits)
    return (first[0] if first else 0.0), time.perf_counter() - started, total


def main() -> None:
    from kfor_viewer.ui.document_client import DocumentClient

    qt_app()
    path = pdf_corpus.text_pdf(2000)
    client = DocumentClient()
    try:
        wait_for(client.opened, lambda: client.open(str(path)))
        for query in QUERIES:
            doc = pymupdf.open(path)  # a fresh document: no text cached yet, like the worker's
            raw_first = raw_search(doc, query)
            ours_first = our_search(client, query)
            raw_again = [raw_search(doc, query) for _ in range(ROUNDS)]
            ours_again = [our_search(client, query) for _ in range(ROUNDS)]
            doc.close()
            print(f"\n{query!r}: {ours_first[2]} hits (raw PyMuPDF finds {raw_first[2]})")
            report("  first search, to the first hit", [ours_first[0]], [raw_first[0]])
            report("  first search, whole document", [ours_first[1]], [raw_first[1]])
            report(
                "  repeated search, whole document",
                [r[1] for r in ours_again],
                [r[1] for r in raw_again],
            )
            speedup = ours_first[1] / (median_ms([r[1] for r in ours_again]) / 1000)
            print(f"  repeated search is {speedup:.0f}x faster than the first")
    finally:
        client.shutdown()


if __name__ == "__main__":
    main()
