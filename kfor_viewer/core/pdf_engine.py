"""The GUI side of the PDF worker, without Qt: queue, priorities, time limits, restarts.

`PdfEngine` turns calls (open, render, words, search) into worker requests, sends them in priority
order with at most a few in flight, and turns replies into events handed to `on_event`. The owner
calls `read_replies()` when the worker's pipe (`fileno()`) is readable, or at once when the last
call said it holds replies, and `check_time_limits()` every few hundred milliseconds; both may
restart the worker. After a restart the current document is reopened, requests in flight are sent
again, and the one that killed the worker fails with its reason. Events are NamedTuples
(engine_events); a `Rendered` event's pixels are valid only during the call.
"""

from __future__ import annotations

import heapq
import itertools
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing import shared_memory
from typing import Any

from kfor_viewer.core.engine_events import (
    Opened,
    OpenFailed,
    PasswordNeeded,
    Rendered,
    RenderFailed,
    SearchFinished,
    SearchProgressed,
    TimeLimits,
    WordsFailed,
    WordsReady,
    WorkerRestarted,
)
from kfor_viewer.core.pdf_types import (
    BYTES_PER_PIXEL,
    DocumentError,
    DocumentInfo,
    PasswordRequired,
    RenderKey,
)
from kfor_viewer.core.pixel_slots import SlotPool, destroy
from kfor_viewer.core.worker_process import DEFAULT_MEMORY_LIMIT, WorkerDied, WorkerProcess
from kfor_viewer.core.worker_wire import Reply, Request, SearchProgress

# Priorities: lower is sooner. Opening beats everything; the viewer passes its own for renders.
PRIORITY_OPEN = -1000
PRIORITY_WORDS = -1
MAX_IN_FLIGHT = 2  # one rendering, one waiting in the pipe: the worker never idles between renders
# A worker that dies this many times without answering anything in between (say it cannot even
# start) is left stopped instead of restarted forever; the next open() tries again.
MAX_DEATHS_IN_A_ROW = 3
MAX_RENDER_PIXELS = 90_000_000  # 360 MB of pixels: above this a render fails, it does not run
# How long one read_replies() call may spend handling replies before it hands the event loop back.
READ_BUDGET_S = 0.004


@dataclass
class _Pending:
    request: Request
    priority: int
    order: int  # submission order: first come, first served among equal priorities
    attempts: int = 0
    slot: shared_memory.SharedMemory | None = None
    search_query: str = ""
    hits_found: int = 0


@dataclass
class _OpenDocument:
    path: str
    password: str | None
    info: DocumentInfo


class PdfEngine:
    def __init__(
        self,
        on_event: Callable[[Any], None],
        memory_limit: int = DEFAULT_MEMORY_LIMIT,
        time_limits: TimeLimits | None = None,
        op_modules: tuple[str, ...] = (),
        worker: WorkerProcess | None = None,
    ) -> None:
        """`worker`: one already started (the app starts it before anything else is loaded);
        its memory limit and op modules are then its own."""
        self._on_event = on_event
        self.time_limits = time_limits or TimeLimits()
        self._worker = worker or WorkerProcess(memory_limit, op_modules)
        self._ids = itertools.count(1)
        self._order = itertools.count()
        self._queue: list[tuple[int, int, int]] = []  # (priority, order, request id)
        self._queued: dict[int, _Pending] = {}
        self._in_flight: dict[int, _Pending] = {}  # sent, reply pending (includes the search)
        self._render_ids: dict[RenderKey, int] = {}  # key -> request id, queued or in flight
        self._words_ids: dict[int, int] = {}  # page -> request id, queued or in flight
        self._slots = SlotPool()
        self._document: _OpenDocument | None = None
        self._generation = 0
        self._search_id = 0
        self._restarts = 0
        self._deaths_in_a_row = 0
        self._stopped = False
        if not self._worker.is_alive():
            self._worker.start()

    def set_event_handler(self, on_event: Callable[[Any], None]) -> None:
        """Send events to `on_event` from now on: an engine started early (before Qt is loaded,
        so the worker's start overlaps the GUI's) gets its real receiver once that exists."""
        self._on_event = on_event

    # -- state -------------------------------------------------------------------------------

    @property
    def doc_generation(self) -> int:
        return self._generation

    @property
    def info(self) -> DocumentInfo | None:
        return self._document.info if self._document else None

    @property
    def restarts(self) -> int:
        return self._restarts

    @property
    def pixel_bytes_lent(self) -> int:
        """Shared memory held by rendered images still in use (the cache's, mostly)."""
        return self._slots.lent_bytes

    @property
    def worker_pid(self) -> int | None:
        return self._worker.pid

    def fileno(self) -> int:
        return self._worker.fileno()

    # -- requests ----------------------------------------------------------------------------

    def open(self, path: str, password: str | None = None) -> None:
        if self._stopped:  # give the engine another chance when the user asks for a file
            self._stopped, self._deaths_in_a_row = False, 0
            self._worker.start()
            self._requeue([])
        self._submit("open", (path, password), PRIORITY_OPEN)

    def request_render(self, key: RenderKey, priority: int = 0) -> None:
        """Queue a render; a key already queued gets the new priority, one in flight is kept."""
        if key.doc_generation != self._generation:
            return
        request_id = self._render_ids.get(key)
        if request_id in self._in_flight:
            return
        if request_id in self._queued:
            pending = self._queued[request_id]
            if priority < pending.priority:
                pending.priority = priority
                self._enqueue(pending)
            return
        self._render_ids[key] = self._submit("render", (key,), priority)

    def retain_only(self, wanted: set[RenderKey]) -> None:
        """Forget queued renders not in `wanted`; renders already running finish."""
        for key, request_id in list(self._render_ids.items()):
            if key not in wanted and request_id in self._queued:
                self._release_slot(self._queued.pop(request_id))
                del self._render_ids[key]

    def _release_slot(self, pending: _Pending) -> None:
        if pending.slot is not None:
            self._slots.give_back(pending.slot)
            pending.slot = None

    def request_words(self, page: int) -> None:
        """Ask for the words of `page`; a request for it already on its way is not repeated."""
        request_id = self._words_ids.get(page)
        if request_id in self._queued or request_id in self._in_flight:
            return
        self._words_ids[page] = self._submit("words", (page,), PRIORITY_WORDS)

    def search(self, query: str, case_sensitive: bool = False) -> None:
        """Search the whole document in the background; a running search is cancelled."""
        self.cancel_search()
        self._search_id = self._submit("search", (query, case_sensitive, 0), PRIORITY_WORDS)

    def cancel_search(self) -> None:
        if not self._search_id:
            return
        search_id, self._search_id = self._search_id, 0
        if self._queued.pop(search_id, None) is None and search_id in self._in_flight:
            del self._in_flight[search_id]
            self._send(Request(next(self._ids), "cancel_search"))

    def shutdown(self) -> None:
        self._worker.stop()
        for pending in self._in_flight.values():
            if pending.slot is not None:
                destroy(pending.slot)
        self._in_flight.clear()
        self._queued.clear()
        self._slots.destroy_all()

    def _submit(self, op: str, args: tuple, priority: int) -> int:
        request_id = next(self._ids)
        self._enqueue(_Pending(Request(request_id, op, args), priority, next(self._order)))
        self._pump()
        return request_id

    def _enqueue(self, pending: _Pending) -> None:
        self._queued[pending.request.id] = pending
        heapq.heappush(self._queue, (pending.priority, pending.order, pending.request.id))

    def _pump(self) -> None:
        """Send queued requests in priority order while fewer than MAX_IN_FLIGHT are running."""
        if self._stopped:
            self._fail_queued("The PDF engine is not running")
            return
        while self._queue and self._busy_count() < MAX_IN_FLIGHT:
            priority, _order, request_id = heapq.heappop(self._queue)
            pending = self._queued.get(request_id)
            if pending is None or pending.priority != priority:
                continue  # dropped, or re-queued with another priority
            del self._queued[request_id]
            if not self._dispatch(pending):
                return

    def _busy_count(self) -> int:
        return sum(1 for p in self._in_flight.values() if p.request.op != "search")

    def _dispatch(self, pending: _Pending) -> bool:
        request = pending.request
        if request.op == "render":
            if not self._attach_slot(pending):
                return True
            request = Request(request.id, "render", (request.args[0], pending.slot.name))
        elif request.op == "search":
            pending.search_query = request.args[0]
        self._in_flight[request.id] = pending
        return self._send(request)

    def _attach_slot(self, pending: _Pending) -> bool:
        key: RenderKey = pending.request.args[0]
        width, height = key.image_size
        if width * height > MAX_RENDER_PIXELS or width <= 0 or height <= 0:
            self._render_ids.pop(key, None)
            reason = f"Page {key.page + 1} is too large to render at this zoom"
            self._on_event(RenderFailed(key, reason))
            return False
        if pending.slot is None:
            pending.slot = self._slots.take(width * height * BYTES_PER_PIXEL)
            self._forget_dropped_slots()
        return True

    def _forget_dropped_slots(self) -> None:
        """Let the worker unmap the blocks the pool has destroyed."""
        for name in self._slots.take_dropped():
            self._send(Request(next(self._ids), "release_slot", (name,)))

    def _send(self, request: Request) -> bool:
        if self._stopped:
            return False
        try:
            self._worker.send(request)
        except WorkerDied:
            self._restart()
            return False
        return True

    # -- replies -----------------------------------------------------------------------------

    def read_replies(self, budget_s: float = READ_BUDGET_S) -> bool:
        """Handle the replies waiting in the pipe for up to `budget_s` (at least one); restart
        the worker if it has died. Replies left over wait for the next call, so the owner's
        event loop gets its turn in between. Returns whether some of those were already read
        from the pipe: the pipe then does not look readable for them, and the owner must call
        again without waiting for it."""
        deadline = time.perf_counter() + budget_s
        try:
            while self._worker.poll():
                self._handle_reply(self._worker.recv())
                if time.perf_counter() > deadline:
                    break
        except WorkerDied:
            self._restart()
            return False
        self._pump()
        return self._worker.holds_replies()

    def _handle_reply(self, reply: Reply) -> None:
        self._deaths_in_a_row = 0
        pending = self._in_flight.get(reply.request_id)
        if pending is None:
            return  # cancelled or forgotten
        if reply.final:
            del self._in_flight[reply.request_id]
        handler = getattr(self, f"_on_{pending.request.op}", None)
        if handler is not None:
            handler(pending, reply)

    def _on_open(self, pending: _Pending, reply: Reply) -> None:
        path, password = pending.request.args
        if reply.error is None:
            self._generation += 1
            self._drop_stale_renders()
            self._document = _OpenDocument(path, password, reply.value)
            self._on_event(Opened(reply.value))
        elif isinstance(reply.error, PasswordRequired):
            self._on_event(PasswordNeeded(path, reply.error.wrong_password))
        else:
            self._on_event(OpenFailed(path, reply.error.message))

    def _on_render(self, pending: _Pending, reply: Reply) -> None:
        key: RenderKey = pending.request.args[0]
        self._render_ids.pop(key, None)
        slot, pending.slot = pending.slot, None
        if key.doc_generation != self._generation or reply.error is not None:
            self._slots.give_back(slot)
            if reply.error is not None and key.doc_generation == self._generation:
                self._on_event(RenderFailed(key, reply.error.message))
            return
        width, height = reply.value
        # The block itself is handed on (no copy); it returns to the pool when nothing uses it.
        pixels = self._slots.lend(slot, width * height * BYTES_PER_PIXEL)
        self._on_event(Rendered(key, width, height, pixels))

    def _on_words(self, pending: _Pending, reply: Reply) -> None:
        (page,) = pending.request.args
        self._words_ids.pop(page, None)
        if reply.error is not None:
            self._on_event(WordsFailed(page, reply.error.message))
        else:
            self._on_event(WordsReady(page, reply.value))

    def _on_search(self, pending: _Pending, reply: Reply) -> None:
        if reply.request_id != self._search_id:
            return
        if isinstance(reply.value, SearchProgress):
            progress = reply.value
            pending.hits_found += len(progress.hits)
            pending.request = Request(
                pending.request.id,
                "search",
                (*pending.request.args[:2], progress.pages_done),  # resume point after a restart
            )
            self._on_event(
                SearchProgressed(
                    pending.search_query, progress.pages_done, progress.page_count, progress.hits
                )
            )
        elif reply.final:
            self._search_id = 0
            self._on_event(SearchFinished(pending.search_query, pending.hits_found))

    def _drop_stale_renders(self) -> None:
        """Forget queued renders and word requests made for the previous document."""
        for page, request_id in list(self._words_ids.items()):
            if self._queued.pop(request_id, None) is not None:
                del self._words_ids[page]
        for key, request_id in list(self._render_ids.items()):
            if key.doc_generation != self._generation and request_id in self._queued:
                self._release_slot(self._queued.pop(request_id))
                del self._render_ids[key]

    # -- watchdog and restart ----------------------------------------------------------------

    def check_time_limits(self) -> None:
        """Kill and restart the worker if one request has run past its time limit (a request
        no longer wanted, such as a cancelled search stuck on a page, counts too)."""
        request_id, seconds, _page = self._worker.busy_with()
        if not request_id:
            return
        pending = self._in_flight.get(request_id)
        limit = self.time_limits.for_op(pending.request.op if pending else "")
        if seconds > limit:
            self._restart(why=f"took longer than {limit:g} s")

    def _restart(self, why: str = "") -> None:
        culprit, _seconds, page = self._worker.busy_with()
        why = why or self._worker.exit_description()
        self._worker.kill()
        self._restarts += 1
        self._deaths_in_a_row += 1
        survivors, blamed = self._split_in_flight(culprit, page)
        first = next((p for p in blamed if p.request.id == culprit), blamed[0] if blamed else None)
        if self._deaths_in_a_row >= MAX_DEATHS_IN_A_ROW:
            self._stop(survivors + blamed, why)
            return
        self._worker.start()
        self._requeue(survivors)
        self._on_event(WorkerRestarted(self._restart_message(first, why)))
        for pending in blamed:
            self._abandon(pending, why)
        self._pump()

    def _stop(self, in_flight: list[_Pending], why: str) -> None:
        self._stopped = True
        message = f"The PDF engine {why} {self._deaths_in_a_row} times in a row and was stopped."
        self._on_event(WorkerRestarted(message + " Open a file to start it again."))
        for pending in in_flight:
            self._abandon(pending, why)
        self._fail_queued("The PDF engine is not running")

    def _fail_queued(self, reason: str) -> None:
        queued, self._queue = list(self._queued.values()), []
        self._queued.clear()
        for pending in queued:
            self._fail(pending, reason)

    def _fail(self, pending: _Pending, reason: str) -> None:
        request = pending.request
        self._release_slot(pending)
        if request.op == "render":
            key = request.args[0]
            self._render_ids.pop(key, None)
            if key.doc_generation == self._generation:
                self._on_event(RenderFailed(key, reason))
        elif request.op == "open":
            self._on_event(OpenFailed(request.args[0], reason))
        elif request.op == "words":
            self._words_ids.pop(request.args[0], None)
            self._on_event(WordsFailed(request.args[0], reason))
        elif request.op == "search" and request.id == self._search_id:
            self._search_id = 0
            self._on_event(SearchFinished(pending.search_query, pending.hits_found))

    def _split_in_flight(self, culprit: int, page: int) -> tuple[list[_Pending], list[_Pending]]:
        """The requests in flight to send again, and the one that killed the worker (with any
        that were in flight at an earlier death too)."""
        survivors, blamed = [], []
        for request_id, pending in self._in_flight.items():
            if request_id == culprit or pending.attempts >= 1:
                blamed.append(pending)
            else:
                pending.attempts += 1
                survivors.append(pending)
        self._in_flight.clear()
        for pending in blamed:
            if pending.request.op == "search":  # say which page, and resume after it
                query, case_sensitive, _resume_at = pending.request.args
                args = (query, case_sensitive, page)
                pending.request = Request(pending.request.id, "search", args)
        return survivors, blamed

    def _restart_message(self, blamed: _Pending | None, why: str) -> str:
        what = _describe_request(blamed.request) if blamed else "working"
        return f"The PDF engine {why} while {what}; it was restarted."

    def _abandon(self, pending: _Pending, why: str) -> None:
        request = pending.request
        if request.op == "open":
            self._on_event(OpenFailed(request.args[0], f"The PDF could not be opened: it {why}"))
        elif request.op == "reopen":
            self._document = None
        elif request.op in ("render", "words"):
            self._fail(pending, f"{_describe_request(request).capitalize()} {why}")
        elif request.op == "search" and request.id == self._search_id:
            query, case_sensitive, resume_at = request.args
            # Skip the page that killed the worker and search on from the next one.
            pending.request = Request(request.id, "search", (query, case_sensitive, resume_at + 1))
            pending.attempts = 0
            self._enqueue(pending)

    def _requeue(self, survivors: list[_Pending]) -> None:
        if self._document is not None:
            doc = self._document
            reopen_request = Request(next(self._ids), "reopen", (doc.path, doc.password))
            reopen = _Pending(reopen_request, PRIORITY_OPEN, next(self._order))
            self._in_flight[reopen.request.id] = reopen
            self._send(Request(reopen.request.id, "open", reopen.request.args))
        for pending in survivors:
            self._enqueue(pending)

    def _on_reopen(self, pending: _Pending, reply: Reply) -> None:
        if reply.error is not None and self._document is not None:
            self._document = None
            self._on_event(
                WorkerRestarted(f"The document could not be reopened: {reply.error.message}")
            )


def _describe_request(request: Request) -> str:
    if request.op == "render":
        return f"rendering page {request.args[0].page + 1}"
    if request.op == "words":
        return f"reading the words of page {request.args[0] + 1}"
    if request.op == "search":
        return f"searching page {request.args[2] + 1}"
    if request.op in ("open", "reopen"):
        return f"opening {os.path.basename(request.args[0])}"
    return f"running {request.op!r}"


__all__ = [
    "DocumentError",
    "OpenFailed",
    "Opened",
    "PasswordNeeded",
    "PdfEngine",
    "RenderFailed",
    "Rendered",
    "SearchFinished",
    "SearchProgressed",
    "TimeLimits",
    "WordsFailed",
    "WordsReady",
    "WorkerRestarted",
]
