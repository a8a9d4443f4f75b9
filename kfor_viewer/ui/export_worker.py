"""The export dialog's worker: previews and exports run in a reused child process (through
`IsolatedRunner`), driven from this worker's own thread so the GUI never waits on MuPDF.

Requests arrive as queued signal calls; results go back as signals. `cancel()` may be called from
the GUI thread: it kills the child at once and the export stops without writing anything.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from kfor_viewer.core.export.steps import ExportRequest, run_step
from kfor_viewer.core.isolated_runner import IsolatedFailure, IsolatedRunner

STEP_TIMEOUT_SECONDS = 120.0
PICTURES_PER_STEP = 4


class ExportWorker(QObject):
    previewReady = Signal(int, object)  # generation, Preview
    previewFailed = Signal(int, str)
    progressChanged = Signal(int, str)  # percent, message
    exportFinished = Signal(object)  # ExportOutcome
    exportFailed = Signal(str)
    exportCancelled = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._runner = IsolatedRunner(run_step, STEP_TIMEOUT_SECONDS)
        self._latest_preview = 0
        self._cancelled = threading.Event()
        self._job_ids = itertools.count(1)

    def want_preview(self, generation: int) -> None:
        """Called from the GUI thread: previews older than `generation` are skipped."""
        self._latest_preview = generation

    def cancel(self) -> None:
        """Thread-safe: stop the running export (nothing is written)."""
        self._cancelled.set()
        self._runner.cancel()

    def close(self) -> None:
        """Ends the child process; call once the worker's thread has stopped."""
        self._runner.close()

    @Slot(int, object)
    def preview(self, generation: int, request: ExportRequest) -> None:
        if generation < self._latest_preview:
            return
        try:
            preview = self._runner.run(("preview", request))
        except IsolatedFailure as failure:
            self.previewFailed.emit(generation, str(failure))
            return
        self.previewReady.emit(generation, preview)

    @Slot(object)
    def export(self, request: ExportRequest) -> None:
        self._cancelled.clear()
        job_id = next(self._job_ids)
        try:
            self.progressChanged.emit(0, "Reading the document\u2026")
            total = left = self._runner.run(("begin", (job_id, request)))
            while left and not self._cancelled.is_set():
                left = self._runner.run(("crop", (job_id, PICTURES_PER_STEP)))
                done = total - left
                self.progressChanged.emit(
                    10 + 70 * done // total, f"Cropping passage {done} of {total}\u2026"
                )
            if self._cancelled.is_set():
                self._runner.run(("abandon", job_id))
                self.exportCancelled.emit()
                return
            self.progressChanged.emit(85, "Writing the file\u2026")
            outcome = self._runner.run(("finish", job_id))
        except IsolatedFailure as failure:
            if self._cancelled.is_set():
                self.exportCancelled.emit()
            else:
                self.exportFailed.emit(str(failure))
            return
        self.progressChanged.emit(100, "Done")
        self.exportFinished.emit(outcome)


# The stoppers of the dialogs still open, run when the application quits (one connection).
_STOP_AT_QUIT: dict[int, Callable[[], None]] = {}


_HOOKED_APPLICATIONS: list[QCoreApplication] = []


def stop_at_quit(stop: Callable[[], None]) -> None:
    """Run `stop` when the application quits, unless `forget_at_quit` comes first."""
    application = QCoreApplication.instance()
    if application is not None and not any(a is application for a in _HOOKED_APPLICATIONS):
        application.aboutToQuit.connect(_stop_all_at_quit)
        _HOOKED_APPLICATIONS.append(application)
    _STOP_AT_QUIT[id(stop)] = stop


def forget_at_quit(stop: Callable[[], None]) -> None:
    _STOP_AT_QUIT.pop(id(stop), None)


def _stop_all_at_quit() -> None:
    for stop in list(_STOP_AT_QUIT.values()):
        stop()
    _STOP_AT_QUIT.clear()


def stop_worker_thread(thread: QThread, worker: ExportWorker) -> None:
    """Stop the running job, the thread and the child process (safe to call more than once,
    and after Qt has already deleted the thread at interpreter exit)."""
    if shiboken6.isValid(thread) and thread.isRunning():
        worker.cancel()
        thread.quit()
        thread.wait()
        worker.close()
