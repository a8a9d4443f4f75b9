"""Run a function in a reusable spawned child process, so native code that crashes or hangs
(MuPDF on a hostile file) costs only that call. Used by the extract command line and, from a
worker thread, by the GUI's fields panel."""

from __future__ import annotations

import contextlib
import multiprocessing
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

# Starting a child (a fresh interpreter importing the reader) is not part of a call's time limit.
STARTUP_TIMEOUT_SECONDS = 60.0


class IsolatedFailure(Exception):
    """The child process raised, crashed or ran out of time; the message says which."""


class IsolatedRunner:
    """Calls `function(argument)` in a spawned child process that is reused from call to call
    and replaced after it crashes (native code) or is still busy after `timeout` seconds; each
    failure is raised as IsolatedFailure. `function` must be a module-level function.

    `run` blocks; `cancel()` may be called from another thread to end a running call at once
    (the child is killed and the call raises IsolatedFailure)."""

    def __init__(self, function: Callable[[Any], Any], timeout: float) -> None:
        self.function = function
        self.timeout = timeout
        self._context = multiprocessing.get_context("spawn")
        self._process: multiprocessing.process.BaseProcess | None = None
        self._connection: Connection | None = None
        self._lock = threading.Lock()
        self._busy = False
        self._cancelled = False

    def __enter__(self) -> IsolatedRunner:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def run(self, argument: Any) -> Any:
        with self._lock:
            self._busy, self._cancelled = True, False
        try:
            connection = self._connection or self._start()
            connection.send(argument)
            if not connection.poll(self.timeout):
                raise IsolatedFailure(self._no_answer())
            status, value = connection.recv()
        except (EOFError, OSError):
            raise IsolatedFailure(self._no_answer()) from None
        finally:
            with self._lock:
                self._busy = False
        if status == "error":
            raise IsolatedFailure(value)
        return value

    def cancel(self) -> None:
        """Kill the child if it is working; the pending `run` raises IsolatedFailure."""
        with self._lock:
            process = self._process
            if self._busy and process is not None and process.is_alive():
                self._cancelled = True
                process.kill()

    def close(self) -> None:
        with self._lock:
            connection, process = self._connection, self._process
            self._process = self._connection = None
        if connection is not None:
            with contextlib.suppress(OSError):
                connection.send(None)
            connection.close()
        if process is not None:
            _stop(process)

    def _start(self) -> Connection:
        parent_end, child_end = self._context.Pipe()
        process = self._context.Process(
            target=_child_loop, args=(child_end, self.function), daemon=True
        )
        process.start()
        child_end.close()
        with self._lock:
            self._process, self._connection = process, parent_end
        if not parent_end.poll(STARTUP_TIMEOUT_SECONDS) or parent_end.recv() != ("ready", None):
            raise IsolatedFailure(self._no_answer())
        return parent_end

    def _no_answer(self) -> str:
        message = "cancelled" if self._cancelled else _no_answer(self._process, self.timeout)
        self.close()
        return message


def _child_loop(connection: Connection, function: Callable[[Any], Any]) -> None:
    try:
        connection.send(("ready", None))
        for argument in iter(connection.recv, None):
            connection.send(_answer(function, argument))
    except (EOFError, OSError, KeyboardInterrupt):
        pass  # the parent has gone (quit, killed, Ctrl+C): end quietly, nobody is listening
    finally:
        connection.close()


def _answer(function: Callable[[Any], Any], argument: Any) -> tuple[str, Any]:
    try:
        return ("ok", function(argument))
    except IsolatedFailure as failure:
        return ("error", str(failure))
    except Exception as error:  # any failure of the reader becomes a message
        return ("error", f"cannot be read ({type(error).__name__}: {error})")


def _no_answer(process: multiprocessing.process.BaseProcess | None, timeout: float) -> str:
    if process is None:
        return "the PDF reader stopped"
    process.join(0.5)
    if process.exitcode is None:
        return f"gave up after {timeout:g} s (the PDF reader hangs on this file)"
    return f"the PDF reader crashed on this file (exit code {process.exitcode})"


def _stop(process: multiprocessing.process.BaseProcess) -> None:
    process.join(2.0)
    if process.is_alive():
        process.terminate()
        process.join(2.0)
    if process.is_alive():
        process.kill()
        process.join()
