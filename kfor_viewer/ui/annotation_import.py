"""Bringing annotations in and out of the open document: the highlights already inside the PDF
(made in Acrobat, Okular, Firefox), and a JSON file shared with a colleague.

MuPDF work (reading the PDF's highlights, re-anchoring a file made on another version) runs in an
isolated child process from a worker thread, so the window stays responsive and a hostile file
costs nothing but the import.
"""

from __future__ import annotations

import dataclasses
import os
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from kfor_viewer.core import edit_commands
from kfor_viewer.core.annotation_jobs import (
    PDF_HIGHLIGHTS,
    REANCHOR,
    AnnotationJob,
    new_annotations,
    run_annotation_job,
)
from kfor_viewer.core.isolated_runner import IsolatedFailure, IsolatedRunner

JOB_TIMEOUT_SECONDS = 120.0
JSON_FILTER = "Annotations (*.json);;All files (*)"


class _JobThread(QThread):
    done = Signal(object, bool, object)  # job, succeeded, result or message

    def __init__(self, runner: IsolatedRunner, job: AnnotationJob, parent: QObject) -> None:
        super().__init__(parent)
        self._runner, self.job = runner, job

    def run(self) -> None:
        try:
            result = self._runner.run(self.job)
        except IsolatedFailure as failure:
            self.done.emit(self.job, False, str(failure))
        else:
            self.done.emit(self.job, True, result)


class AnnotationJobRunner(QObject):
    """Runs AnnotationJobs one after the other; the child process starts on first use."""

    finished = Signal(object, object)  # job, list of Annotation
    failed = Signal(object, str)  # job, why
    busyChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner: IsolatedRunner | None = None
        self._thread: _JobThread | None = None
        self._queue: list[AnnotationJob] = []
        self._stopped = False
        self._password: tuple[str, str] | None = None  # (path, password) of the open document

    def set_password(self, path: str | None, password: str | None) -> None:
        """Jobs on `path` carry `password` to the child (the open document is encrypted)."""
        self._password = (path, password) if path and password is not None else None

    @property
    def busy(self) -> bool:
        return self._thread is not None

    def start(self, job: AnnotationJob) -> None:
        """Run `job` after those already queued."""
        if self._stopped:
            return
        if self._password is not None and job.path == self._password[0]:
            job = dataclasses.replace(job, password=self._password[1])
        self._queue.append(job)
        if self._thread is None:
            self._next()

    def cancel_queued(self, path: str) -> None:
        """Forget queued jobs on `path` (its document was closed)."""
        self._queue = [job for job in self._queue if job.path != path]

    def shutdown(self) -> None:
        """End a running job and the child process (call before the window closes)."""
        self._stopped = True
        self._queue.clear()
        if self._runner is not None:
            self._runner.cancel()
        if self._thread is not None:
            self._thread.wait()
            self._thread = None
        if self._runner is not None:
            self._runner.close()
            self._runner = None

    def _next(self) -> None:
        if not self._queue or self._stopped:
            self.busyChanged.emit(False)
            return
        if self._runner is None:
            self._runner = IsolatedRunner(run_annotation_job, JOB_TIMEOUT_SECONDS)
        self._thread = _JobThread(self._runner, self._queue.pop(0), self)
        self._thread.done.connect(self._on_done)
        self._thread.start()
        self.busyChanged.emit(True)

    def _on_done(self, job: AnnotationJob, succeeded: bool, payload: Any) -> None:
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.wait()
            thread.deleteLater()
        if succeeded:
            self.finished.emit(job, payload)
        else:
            self.failed.emit(job, payload)
        self._next()


class AnnotationTransfer(QObject):
    """The Annotations menu's import and export commands for the open document.

    `tools` is the window's AnnotationTools: its store, undo stack, window and status bar."""

    def __init__(self, tools: Any, jobs: AnnotationJobRunner) -> None:
        super().__init__(tools)
        self.tools, self.jobs = tools, jobs
        self.jobs.finished.connect(self._on_job_finished)
        self.jobs.failed.connect(self._on_job_failed)

    def import_pdf(self) -> None:
        """Read the highlights stored inside the PDF, then add those not imported before."""
        path = self.tools.document_path
        if self.tools.store is None or not path:
            return
        self.jobs.start(AnnotationJob(PDF_HIGHLIGHTS, path))
        self.tools.show_status(f"Reading the highlights inside {os.path.basename(path)}…", 0)

    def export_json(self) -> str | None:
        from kfor_viewer.core.annotation_sharing import SharedFileError, export_annotations

        store = self.tools.store
        if store is None:
            return None
        stem = os.path.splitext(os.path.basename(self.tools.document_path or "document"))[0]
        suggested = os.path.join(os.path.expanduser("~"), f"{stem}.annotations.json")
        target, _ = QFileDialog.getSaveFileName(
            self.tools.window, "Export annotations", suggested, JSON_FILTER
        )
        if not target:
            return None
        try:
            count = export_annotations(store, target)
        except SharedFileError as error:
            QMessageBox.warning(self.tools.window, "Export failed", str(error))
            return None
        self.tools.show_status(f"Exported {count} highlight(s) to {target}", 8000)
        return target

    def import_json(self) -> None:
        from kfor_viewer.core.annotation_sharing import SharedFileError, read_shared_file

        store = self.tools.store
        if store is None:
            return
        source, _ = QFileDialog.getOpenFileName(
            self.tools.window, "Import annotations", os.path.expanduser("~"), JSON_FILTER
        )
        if not source:
            return
        try:
            incoming = read_shared_file(source)
        except SharedFileError as error:
            QMessageBox.warning(self.tools.window, "Import failed", str(error))
            return
        annotations = tuple(incoming.annotations.values())
        if incoming.sha256 == store.sha256:
            self._add(annotations, "file")
        elif annotations and self.tools.document_path:
            # made on another version of the document: find each quote again in this one
            self.jobs.start(AnnotationJob(REANCHOR, self.tools.document_path, annotations))
            self.tools.show_status("Finding the imported highlights in this version…", 0)

    def _on_job_finished(self, job: AnnotationJob, annotations: list[Any]) -> None:
        if job.kind not in (PDF_HIGHLIGHTS, REANCHOR):
            return
        if self.tools.store is None or job.path != self.tools.document_path:
            return  # the document was closed meanwhile
        self._add(annotations, "PDF" if job.kind == PDF_HIGHLIGHTS else "file")

    def _add(self, annotations: Any, source: str) -> None:
        store = self.tools.store
        fresh = new_annotations(list(annotations), {a.id for a in store.annotations()})
        if fresh:
            command = edit_commands.CreateAnnotations(store, fresh)
            command.text = f"Import {len(fresh)} highlight(s)"
            self.tools.undo_stack.push(command)
        orphans = sum(1 for a in fresh if a.orphan)
        known = len(annotations) - len(fresh)
        message = f"Imported {len(fresh)} highlight(s) from the {source}"
        if known:
            message += f"; {known} already here"
        if orphans:
            message += f"; {orphans} not found in this version (listed as orphans)"
        if not annotations:
            message = f"The {source} has no highlights to import."
        self.tools.show_status(message + ".", 10000)

    def _on_job_failed(self, job: AnnotationJob, message: str) -> None:
        if job.kind not in (PDF_HIGHLIGHTS, REANCHOR):
            return
        what = "the PDF's highlights" if job.kind == PDF_HIGHLIGHTS else "the annotations"
        self.tools.show_status(f"Could not import {what}: {message}", 10000)
        QMessageBox.warning(
            self.tools.window, "Import failed", f"Could not import {what}: {message}"
        )
