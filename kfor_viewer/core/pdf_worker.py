"""The PDF worker process: it alone owns the pymupdf.Document.

Why a process and not a thread: PyMuPDF holds the GIL while it renders (a render thread stalls the
GUI for the whole render), and a hostile file that crashes or hangs MuPDF must take down only this
process. The process is started with the "spawn" method: forking a process that has loaded Qt is
unsafe, spawn works the same on Linux, macOS and Windows, and frozen (PyInstaller) builds support it
through multiprocessing.freeze_support().

Protocol (messages and their bytes: `worker_wire`): the parent sends `Request(id, op, args)`;
the child answers each with one `Reply` (search also streams non-final replies). Ops are looked
up in `OPS`; `register_op` lets a module named in `op_modules` add ops (tests use it for ops that
hang or crash the worker). Pixels do not go through the pipe: a render request names a
shared-memory block that MuPDF draws into.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing import shared_memory
from multiprocessing.connection import Connection
from typing import Any

from kfor_viewer.core.pdf_types import DocumentError
from kfor_viewer.core.worker_process import BUSY_PAGE, BUSY_REQUEST, BUSY_SINCE
from kfor_viewer.core.worker_wire import MessagePipe, Reply, Request, SearchProgress

# How often a running search reports progress when it finds nothing: often enough for a smooth
# progress bar, rarely enough not to flood the GUI thread on 2,000 pages.
_PROGRESS_INTERVAL_S = 0.05
# The worker runs at a lower priority than the GUI: on a busy machine (two cores, a render on one)
# the scheduler then lets the GUI thread run the moment it has input or a frame to paint, instead
# of sharing the core with a long render and missing frames.
WORKER_NICENESS = 5


@dataclass
class WorkerState:
    pipe: MessagePipe
    busy: Any  # shared array of doubles, indexed by BUSY_REQUEST, BUSY_SINCE, BUSY_PAGE
    doc: Any = None
    path: str = ""
    searcher: Any = None
    slots: dict[str, shared_memory.SharedMemory] = field(default_factory=dict)
    renderer: Any = None  # a page_render.PageRenderer of the open document
    job: Iterator[None] | None = None
    job_request: int = 0

    def reply(self, request: Request, value: Any = None, final: bool = True) -> None:
        self.send(Reply(request.id, value, None, final))

    def send(self, reply: Reply) -> None:
        self.pipe.send(reply)


Op = Callable[[WorkerState, Request], Any]
OPS: dict[str, Op] = {}
_NO_REPLY = object()  # returned by ops that answer later (search) or not at all


def register_op(name: str) -> Callable[[Op], Op]:
    """Make `function(state, request)` answer requests named `name`; its return value is sent."""

    def add(function: Op) -> Op:
        OPS[name] = function
        return function

    return add


@register_op("open")
def _open(state: WorkerState, request: Request):
    from kfor_viewer.core import page_render, pdf_document

    path, password = request.args
    doc = pdf_document.open_document(path, password)
    info = pdf_document.document_info(doc, path)
    _cancel_job(state)
    if state.doc is not None:
        state.renderer = None  # its loaded pages go before their document
        state.doc.close()
    state.doc, state.path = doc, path
    state.searcher = pdf_document.TextSearcher(doc)
    state.renderer = page_render.PageRenderer(doc)
    return info


@register_op("render")
def _render(state: WorkerState, request: Request):
    key, shm_name = request.args
    _document(state)
    return state.renderer.render_into(key, _slot(state, shm_name).buf)


@register_op("words")
def _words(state: WorkerState, request: Request):
    from kfor_viewer.core.pdf_document import page_words

    (page,) = request.args
    return page_words(_document(state), page)


@register_op("search")
def _search(state: WorkerState, request: Request):
    """Start a search that runs page by page between other requests; replies stream from it."""
    query, case_sensitive, first_page = request.args
    _cancel_job(state)
    _document(state)
    state.job = _search_steps(state, request, query, case_sensitive, first_page)
    state.job_request = request.id
    return _NO_REPLY


@register_op("cancel_search")
def _cancel_search(state: WorkerState, request: Request):
    _cancel_job(state)
    return _NO_REPLY


@register_op("release_slot")
def _release_slot(state: WorkerState, request: Request):
    """Forget a shared-memory block the parent is about to free."""
    (name,) = request.args
    block = state.slots.pop(name, None)
    if block is not None:
        block.close()
    return _NO_REPLY


def _document(state: WorkerState):
    if state.doc is None:
        raise DocumentError("No document is open")
    return state.doc


def _slot(state: WorkerState, name: str) -> shared_memory.SharedMemory:
    block = state.slots.get(name)
    if block is None:
        # The parent owns (and unlinks) the block; the child only maps it.
        block = shared_memory.SharedMemory(name=name)
        state.slots[name] = block
    return block


def _search_steps(
    state: WorkerState, request: Request, query: str, case_sensitive: bool, first_page: int
) -> Iterator[None]:
    """One page per step. Hits go out at once the first time, then at most every
    _PROGRESS_INTERVAL_S with all the pages searched since, so a query found on every page of a
    long document does not flood the GUI thread with thousands of messages."""
    page_count = state.doc.page_count
    total, waiting, last_report, first_hits_sent = 0, [], time.monotonic(), False
    for number in range(first_page, page_count):
        state.busy[BUSY_PAGE] = number
        hits = state.searcher.search_page(number, query, case_sensitive)
        total += len(hits)
        waiting.extend(hits)
        now = time.monotonic()
        if (waiting and not first_hits_sent) or now - last_report >= _PROGRESS_INTERVAL_S:
            first_hits_sent = first_hits_sent or bool(waiting)
            state.reply(request, SearchProgress(number + 1, page_count, tuple(waiting)), False)
            waiting, last_report = [], now
        yield
    state.reply(request, SearchProgress(page_count, page_count, tuple(waiting)), False)
    state.reply(request, total)


def _cancel_job(state: WorkerState) -> None:
    if state.job is not None:
        state.job.close()
        state.send(Reply(state.job_request, None, DocumentError("Search cancelled")))
    state.job, state.job_request = None, 0


def _mark_busy(state: WorkerState, request_id: int) -> None:
    state.busy[BUSY_SINCE] = time.monotonic()
    state.busy[BUSY_REQUEST] = request_id


def _handle(state: WorkerState, request: Request) -> None:
    _mark_busy(state, request.id)
    try:
        op = OPS.get(request.op)
        if op is None:
            raise DocumentError(f"Unknown request {request.op!r}")
        value = op(state, request)
        if value is not _NO_REPLY:
            state.reply(request, value)
    except DocumentError as exc:
        state.send(Reply(request.id, None, exc))
    except MemoryError:
        message = "Not enough memory: it needs more than the PDF engine may use"
        state.send(Reply(request.id, None, DocumentError(message)))
    except Exception as exc:  # any other failure is reported, never fatal to the worker
        from kfor_viewer.core.pdf_document import describe_error

        state.send(Reply(request.id, None, DocumentError(describe_error(exc))))
    finally:
        _mark_busy(state, 0)


def _step_job(state: WorkerState) -> None:
    _mark_busy(state, state.job_request)
    try:
        next(state.job)
    except StopIteration:
        state.job, state.job_request = None, 0
    except Exception as exc:
        request_id = state.job_request
        state.job, state.job_request = None, 0
        state.send(Reply(request_id, None, DocumentError(str(exc))))
    finally:
        _mark_busy(state, 0)


def limit_memory(max_bytes: int) -> None:
    """Cap the address space so a hostile file makes MuPDF fail an allocation, not the machine."""
    try:
        import resource
    except ImportError:  # Windows: no rlimits
        return
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        max_bytes = min(max_bytes, hard)
    with contextlib.suppress(ValueError, OSError):  # macOS does not enforce RLIMIT_AS
        resource.setrlimit(resource.RLIMIT_AS, (max_bytes, hard))


def worker_main(
    conn: Connection, busy: Any, memory_limit: int, op_modules: tuple[str, ...]
) -> None:
    """The child's loop: answer requests; between them, advance a running search by one page."""
    limit_memory(memory_limit)
    with contextlib.suppress(AttributeError, OSError):  # Windows has no nice()
        os.nice(WORKER_NICENESS)
    for module in op_modules:
        importlib.import_module(module)
    import pymupdf

    pymupdf.TOOLS.mupdf_display_errors(False)  # reasons come back in replies, not on stderr
    pipe = MessagePipe(conn)
    state = WorkerState(pipe, busy)
    while True:
        try:
            if state.job is None or pipe.poll(0):
                request = pipe.recv()
            else:
                _step_job(state)
                continue
        except (EOFError, OSError):
            return  # the parent has gone
        if request is None:
            return
        _handle(state, request)
