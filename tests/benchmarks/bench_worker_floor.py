"""The least a render in another process costs on this machine, beside ours and raw PyMuPDF.

    python3 -m tests.benchmarks.bench_worker_floor

The same pages rendered one after another three ways, CPU time of every process involved:
- raw: `page.get_pixmap` in this process, what bench_render compares with;
- bare worker: a spawned process reads a 12-byte request from a pipe, draws the page into
  shared memory as ours does (page_render.PageRenderer) and writes a 12-byte reply; this process
  waits in a Qt event loop, wraps the pixels in a QImage and emits a signal: the least a Qt
  viewer with a render process can do for a page;
- ours: DocumentClient, as bench_render measures it.
bare - raw is what the machine charges for the round trip (two processes woken, their caches
found cold); ours - bare is our engine's own share (queue, time limits, block pool, messages).
"""

from __future__ import annotations

import ctypes
import os
import struct
import time
from multiprocessing import get_context, shared_memory

import pymupdf

from tests.benchmarks import pdf_corpus
from tests.benchmarks.bench_render import TARGET, KeyMaker, client_render_chain, raw_render
from tests.benchmarks.engine_timing import (
    cpu_seconds,
    let_raw_reuse_freed_memory,
    qt_app,
    report,
    wait_for,
)

ROUNDS = 31
PAGES = [0, 1, 2, 3, 0, 1, 2, 3]
_REQUEST = struct.Struct("3i")  # page, width, height


def bare_worker(conn, block_name: str, path: str) -> None:
    """The spawned process: no engine, no pickling, one request at a time."""
    from kfor_viewer.core.page_render import PageRenderer
    from kfor_viewer.core.pdf_types import RenderKey
    from kfor_viewer.core.pdf_worker import WORKER_NICENESS

    os.nice(WORKER_NICENESS)  # as ours
    renderer = PageRenderer(pymupdf.open(path))
    block = shared_memory.SharedMemory(name=block_name)
    pipe = conn.fileno()
    while request := os.read(pipe, _REQUEST.size):
        page, width, height = _REQUEST.unpack(request)
        renderer.render_into(RenderKey(0, page, width, height), block.buf)
        os.write(pipe, request)
    block.close()


class BareClient:
    """This side of the bare worker: requests from a Qt event loop, replies as QImage signals."""

    def __init__(self, path) -> None:
        from PySide6.QtCore import QObject, QSocketNotifier, Signal
        from PySide6.QtGui import QImage

        class Emitter(QObject):
            pageRendered = Signal(object, QImage)

        self.emitter = Emitter()
        self.emitter.pageRendered.connect(lambda page, image: None)
        self.block = shared_memory.SharedMemory(create=True, size=1200 * 1700 * 4)
        context = get_context("spawn")
        self.conn, child_conn = context.Pipe(duplex=True)
        self.process = context.Process(
            target=bare_worker, args=(child_conn, self.block.name, str(path)), daemon=True
        )
        self.process.start()
        child_conn.close()
        self.notifier = QSocketNotifier(self.conn.fileno(), QSocketNotifier.Type.Read)
        self.notifier.activated.connect(self._reply_arrived)
        self._loop = self._pages = None
        self._size = (0, 0)

    @property
    def pid(self) -> int:
        return self.process.pid

    def render_chain(self, pages: list[int], width: int, height: int) -> None:
        from PySide6.QtCore import QEventLoop

        self._loop, self._pages, self._size = QEventLoop(), list(pages), (width, height)
        self._pixels = (ctypes.c_ubyte * (width * height * 4)).from_buffer(self.block.buf)
        self._request_next()
        self._loop.exec()
        del self._pixels

    def _request_next(self) -> None:
        os.write(self.conn.fileno(), _REQUEST.pack(self._pages.pop(0), *self._size))

    def _reply_arrived(self) -> None:
        from PySide6.QtGui import QImage

        page, width, height = _REQUEST.unpack(os.read(self.conn.fileno(), _REQUEST.size))
        image = QImage(self._pixels, width, height, width * 4, QImage.Format.Format_RGB32)
        self.emitter.pageRendered.emit(page, image)
        if self._pages:
            self._request_next()
        else:
            self._loop.quit()

    def close(self) -> None:
        self.notifier.setEnabled(False)
        self.conn.close()
        self.process.join(5)
        self.block.close()
        self.block.unlink()


def cpu_per_page(function, worker_pid: int | None = None) -> float:
    """CPU seconds per page of `function` rendering PAGES: this process's and the worker's."""
    started, worker_started = time.process_time(), cpu_seconds(worker_pid) if worker_pid else 0
    function()
    used = time.process_time() - started
    if worker_pid:
        used += cpu_seconds(worker_pid) - worker_started
    return used / len(PAGES)


def bench_zoom(client, bare: BareClient, doc, info, zoom: float) -> None:
    make_key = KeyMaker(client, info, zoom)
    keys = [make_key(page) for page in PAGES]
    width, height = keys[0].px_width, keys[0].px_height
    samples: dict[str, list[float]] = {"raw": [], "bare": [], "ours": []}
    for round_number in range(ROUNDS + 1):
        times = {
            "raw": cpu_per_page(lambda: [raw_render(doc[n], zoom) for n in PAGES]),
            "bare": cpu_per_page(lambda: bare.render_chain(PAGES, width, height), bare.pid),
            "ours": cpu_per_page(
                lambda: client_render_chain(client, keys), client.engine.worker_pid
            ),
        }
        if round_number:  # round 0 warms MuPDF's stores in every process
            for name, value in times.items():
                samples[name].append(value)
    print(f"4-page report @{zoom:g}x, CPU time per page, medians of {ROUNDS} interleaved rounds:")
    report("  bare worker + QImage + signal", samples["bare"], samples["raw"], TARGET)
    report("  ours", samples["ours"], samples["raw"], TARGET)
    report("  ours against the bare worker", samples["ours"], samples["bare"])


def main() -> None:
    from kfor_viewer.ui.document_client import DocumentClient

    qt_app()
    let_raw_reuse_freed_memory()
    path = pdf_corpus.text_pdf(4)
    doc = pymupdf.open(path)
    client = DocumentClient()
    bare = BareClient(path)
    try:
        info = wait_for(client.opened, lambda: client.open(str(path)))[0]
        for zoom in (1.0, 2.0):
            bench_zoom(client, bare, doc, info, zoom)
    finally:
        bare.close()
        client.shutdown()


if __name__ == "__main__":
    main()
