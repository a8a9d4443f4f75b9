"""The parent's side of the PDF worker process: start it, talk to it, watch it, stop it.

Kept apart from `pdf_worker` (the child's side) and light to import on purpose: the app starts
the worker first thing, and every module loaded before that start delays the first page. The
child imports `pdf_worker` (and PyMuPDF) itself.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import time
from multiprocessing.connection import Connection
from typing import Any

from kfor_viewer.core.worker_wire import MessagePipe, Reply, Request

DEFAULT_MEMORY_LIMIT = 2 * 1024**3
# Fields of the shared "busy" array: the request the worker is running, since when, and on which
# page (for a search), so the parent can tell exactly what hung or crashed the worker.
BUSY_REQUEST, BUSY_SINCE, BUSY_PAGE = 0, 1, 2


def _run_worker(
    conn: Connection, busy: Any, memory_limit: int, op_modules: tuple[str, ...]
) -> None:
    """The child's entry point: its imports begin here, not in the parent."""
    from kfor_viewer.core.pdf_worker import worker_main

    worker_main(conn, busy, memory_limit, op_modules)


class WorkerDied(Exception):
    """The worker process has exited or its pipe broke."""


class WorkerProcess:
    """The parent's handle on one worker process: start, send, receive, watch, kill."""

    def __init__(self, memory_limit: int = DEFAULT_MEMORY_LIMIT, op_modules=()) -> None:
        self._context = multiprocessing.get_context("spawn")
        self._memory_limit = memory_limit
        self._op_modules = tuple(op_modules)
        self._busy = self._context.RawArray("d", 3)
        self._process = None
        self._pipe: MessagePipe | None = None

    def start(self) -> None:
        parent_conn, child_conn = self._context.Pipe(duplex=True)
        self._busy[BUSY_REQUEST] = 0
        self._process = self._context.Process(
            target=_run_worker,
            args=(child_conn, self._busy, self._memory_limit, self._op_modules),
            name="kfor-viewer-pdf-worker",
            daemon=True,
        )
        self._process.start()
        child_conn.close()
        self._pipe = MessagePipe(parent_conn)

    def fileno(self) -> int:
        """The pipe to watch for replies; -1 while no worker runs."""
        return self._pipe.fileno() if self._pipe is not None else -1

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    def is_alive(self) -> bool:
        return self._process is not None and self._process.is_alive()

    def send(self, request: Request) -> None:
        if self._pipe is None:
            raise WorkerDied("the PDF engine is not running")
        try:
            self._pipe.send(request)
        except (OSError, ValueError) as exc:
            raise WorkerDied(str(exc)) from exc

    def poll(self, timeout: float = 0.0) -> bool:
        """Whether a reply (or the end of the pipe) is waiting."""
        if self._pipe is None:
            return False
        try:
            return self._pipe.poll(timeout)
        except (OSError, EOFError, ValueError):
            return True  # let recv() report the death

    def holds_replies(self) -> bool:
        """Whether replies already read from the pipe wait to be received (see MessagePipe)."""
        return self._pipe is not None and self._pipe.holds_messages()

    def recv(self) -> Reply:
        try:
            return self._pipe.recv()
        except (OSError, EOFError, ValueError) as exc:
            raise WorkerDied(str(exc) or "the PDF engine stopped") from exc

    def busy_with(self) -> tuple[int, float, int]:
        """(request id, seconds it has run, page searched) of what the worker is doing; the id is
        0 when it is idle."""
        request_id = int(self._busy[BUSY_REQUEST])
        if request_id == 0:
            return 0, 0.0, 0
        return request_id, time.monotonic() - self._busy[BUSY_SINCE], int(self._busy[BUSY_PAGE])

    def exit_description(self) -> str:
        """How the process ended, after its pipe broke (it may take a moment to be reaped)."""
        if self._process is None:
            return "stopped"
        self._process.join(0.5)
        code = self._process.exitcode
        if code is None:
            return "stopped responding"
        if code < 0:
            return f"crashed (signal {-code})"
        return f"exited (code {code})"

    def kill(self) -> None:
        """Stop the process now; nothing it was doing is waited for."""
        if self._pipe is not None:
            self._pipe.close()
            self._pipe = None
        if self._process is not None:
            if self._process.is_alive():
                self._process.kill()
            self._process.join(5)
            self._process.close()
            self._process = None

    def stop(self) -> None:
        """Ask the process to exit, and kill it if it does not within a second."""
        if self._pipe is not None:
            with contextlib.suppress(OSError):
                self._pipe.send(None)
        if self._process is not None:
            self._process.join(1)
        self.kill()
