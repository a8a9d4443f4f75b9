"""Identify and extract the open document off the GUI thread and outside the GUI process.

One worker thread feeds jobs to an `IsolatedRunner` child (spawned once and reused), so MuPDF's
work holds neither the GUI thread nor the GUI process's GIL, and a file that crashes or hangs the
reader costs only its fields. Each `start(path)` is a new generation: a result for an older one is
dropped, and a job still running for an older document is cancelled (the child is killed).
"""

from __future__ import annotations

import queue
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from kfor_viewer.core.document_jobs import EXTRACT, IDENTIFY, DocumentJob, run_document_job
from kfor_viewer.core.isolated_runner import IsolatedFailure, IsolatedRunner

DEFAULT_TIMEOUT_SECONDS = 120.0


class _JobThread(QThread):
    """Runs (generation, job) pairs in order; reports each outcome through `done`."""

    done = Signal(int, str, bool, object)  # generation, job kind, succeeded, result or message

    def __init__(self, runner: IsolatedRunner, jobs: queue.Queue, parent: QObject) -> None:
        super().__init__(parent)
        self._runner, self._jobs = runner, jobs
        self.latest = 0  # the generation that matters; older jobs are skipped

    def run(self) -> None:
        for generation, job in iter(self._jobs.get, None):
            if generation != self.latest:
                continue
            try:
                result = self._runner.run(job)
            except IsolatedFailure as failure:
                self.done.emit(generation, job.kind, False, str(failure))
            else:
                self.done.emit(generation, job.kind, True, result)
        self._runner.close()


class ExtractionRunner(QObject):
    identified = Signal(int, object)  # generation, DocumentIdentity (for the annotation store)
    extracted = Signal(int, object)  # generation, ExtractionResult
    failed = Signal(int, str)  # generation, why the fields could not be read
    identifyFailed = Signal(int, str)  # generation, why (no annotation store for this file)
    busyChanged = Signal(bool)

    def __init__(
        self,
        parent: QObject | None = None,
        timeout: float = DEFAULT_TIMEOUT_SECONDS,
        use_ocr: bool = True,
    ) -> None:
        super().__init__(parent)
        self._use_ocr = use_ocr
        self._generation = 0
        self._busy = False
        self._jobs: queue.Queue[tuple[int, DocumentJob] | None] = queue.Queue()
        self._runner = IsolatedRunner(run_document_job, timeout)
        self._thread = _JobThread(self._runner, self._jobs, self)
        self._thread.done.connect(self._on_done)
        self._thread.start()

    @property
    def generation(self) -> int:
        return self._generation

    @property
    def busy(self) -> bool:
        return self._busy

    def start(self, path: str, password: str | None = None) -> int:
        """Identify then extract `path` (unlocked with `password` when it is encrypted);
        returns the generation its signals will carry."""
        if self._thread is None:
            raise RuntimeError("the extraction runner has been shut down")
        self._generation += 1
        self._thread.latest = self._generation
        if self._busy:
            self._runner.cancel()  # the old document's job: its result would be dropped anyway
        self._jobs.put((self._generation, DocumentJob(IDENTIFY, path, password=password)))
        self._jobs.put(
            (self._generation, DocumentJob(EXTRACT, path, self._use_ocr, password=password))
        )
        self._set_busy(True)
        return self._generation

    def shutdown(self) -> None:
        """Stop the worker thread and its child process (call before the app quits)."""
        thread, self._thread = self._thread, None
        if thread is None:
            return
        thread.latest = -1
        self._runner.cancel()
        self._jobs.put(None)
        thread.wait()
        self._set_busy(False)

    def _on_done(self, generation: int, kind: str, succeeded: bool, payload: Any) -> None:
        if generation != self._generation or self._thread is None:
            return  # a late answer about a document that is no longer open
        if kind == IDENTIFY:
            (self.identified if succeeded else self.identifyFailed).emit(generation, payload)
            return
        self._set_busy(False)
        (self.extracted if succeeded else self.failed).emit(generation, payload)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busyChanged.emit(busy)
