"""File > Export…: choose a format and options, see a live preview, export with progress, open
the result.

The preview and the export run in a child process driven by `ExportWorker` on its own thread, so
the window stays responsive on long exports and a PDF that crashes MuPDF cannot take it down.
The dialog gets the document's path, the data folder, (when the window has one) the in-memory
annotations, which may hold edits not yet saved, and the password that unlocked an encrypted PDF
(handed to the child with each request, never written anywhere).
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, QThread, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kfor_viewer.core.annotations import DocumentAnnotations
from kfor_viewer.core.export import (
    FORMAT_NAMES,
    FORMATS,
    IMAGE_FORMATS,
    ExportError,
    ExportOptions,
    check_output_path,
)
from kfor_viewer.core.export.steps import ExportRequest, Preview
from kfor_viewer.ui.export_choices import ExportChoices
from kfor_viewer.ui.export_preview_style import PREVIEW_CSS
from kfor_viewer.ui.export_worker import (
    ExportWorker,
    forget_at_quit,
    stop_at_quit,
    stop_worker_thread,
)

PREVIEW_DELAY_MS = 250
FILE_FILTERS = {
    "md": "Markdown (*.md)",
    "html": "HTML page (*.html *.htm)",
    "pdf": "PDF document (*.pdf)",
    "annotated-pdf": "PDF document (*.pdf)",
    "json": "JSON (*.json)",
    "csv": "CSV spreadsheet (*.csv)",
}
DEFAULT_NAME_SUFFIX = {"annotated-pdf": " (annotated)"}


class ExportDialog(QDialog):
    requestPreview = Signal(int, object)  # to the worker: generation, ExportRequest
    requestExport = Signal(object)  # to the worker: ExportRequest
    exported = Signal(str)  # the path written, once an export succeeded

    def __init__(
        self,
        pdf_path: str | os.PathLike[str],
        data_dir: str | os.PathLike[str] | None = None,
        annotations: DocumentAnnotations | None = None,
        parent: QWidget | None = None,
        settings: QSettings | None = None,
        password: str | None = None,
    ) -> None:
        """`settings` (the app's) remembers the format, options and folder of the last export;
        `password` is the one that opened an encrypted PDF in the viewer."""
        super().__init__(parent)
        self.pdf_path = Path(pdf_path)
        self._password = password
        self.settings = settings
        self.data_dir = str(data_dir) if data_dir is not None else None
        self.annotations = annotations
        self.output_path: Path | None = None
        self._generation = 0
        self._tags_loaded = False
        self._exporting = False
        self._close_when_stopped: int | None = None
        self.setWindowTitle(f"Export \u2014 {self.pdf_path.name}")
        self.resize(1040, 720)
        self._build()
        self._restore_choices()
        self._start_worker()
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self._send_preview)
        self._connect_options()
        self._send_preview()

    # --- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self._build_options())
        self.preview = QTextBrowser(self)
        self.preview.setOpenLinks(False)
        self.preview.setPlaceholderText("Preparing the preview\u2026")
        self.preview.document().setDefaultStyleSheet(PREVIEW_CSS)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([320, 720])
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.progress)
        layout.addLayout(status_row)
        layout.addWidget(self._build_buttons())

    def _build_options(self) -> QWidget:
        panel = QWidget(self)
        form = QFormLayout()
        self.format_box = QComboBox(panel)
        for key in FORMATS:
            self.format_box.addItem(FORMAT_NAMES[key], key)
        form.addRow("&Format:", self.format_box)
        self.group_box = QComboBox(panel)
        self.group_box.addItem("Tag", "tag")
        self.group_box.addItem("Page", "page")
        form.addRow("&Group highlights by:", self.group_box)
        self.fields_check = QCheckBox("Include the table of key &figures", panel)
        self.fields_check.setChecked(True)
        self.images_check = QCheckBox("Include a picture of each &passage", panel)
        self.images_check.setToolTip("HTML and PDF summaries only")
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.fields_check)
        layout.addWidget(self.images_check)
        layout.addWidget(self._build_tag_filter(panel), 1)
        self.preview_info = QLabel(panel)
        self.preview_info.setWordWrap(True)
        layout.addWidget(self.preview_info)
        return panel

    def _build_tag_filter(self, parent: QWidget) -> QGroupBox:
        group = QGroupBox("Highlights to include", parent)
        self.all_tags_check = QCheckBox("&All highlights (untagged ones too)", group)
        self.all_tags_check.setChecked(True)
        self.tag_list = QListWidget(group)
        self.tag_list.setEnabled(False)
        self.tag_list.setToolTip("Only highlights with at least one of the checked tags")
        layout = QVBoxLayout(group)
        layout.addWidget(self.all_tags_check)
        layout.addWidget(self.tag_list, 1)
        return group

    def _build_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(self)
        self.export_button = QPushButton("&Export\u2026", self)
        self.export_button.setDefault(True)
        self.open_button = QPushButton("&Open", self)
        self.open_button.setEnabled(False)
        self.open_button.setToolTip("Open the exported file with its usual application")
        self.cancel_button = QPushButton("&Stop", self)
        self.cancel_button.setVisible(False)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button.setVisible(False)  # shown while an export runs
        self.export_button.clicked.connect(self.choose_and_export)
        self.open_button.clicked.connect(self.open_result)
        self.cancel_button.clicked.connect(self.cancel_export)
        self.close_button.clicked.connect(self.reject)
        return buttons

    def _start_worker(self) -> None:
        # The thread is not the dialog's child: when the dialog is destroyed with its parent
        # window (no done() then), `destroyed` still stops the thread before Qt would abort on a
        # running QThread being deleted; so does the application quitting.
        self._thread = QThread()
        self._worker = ExportWorker()
        self._stop_worker = functools.partial(stop_worker_thread, self._thread, self._worker)
        self.destroyed.connect(self._stop_worker)
        stop_at_quit(self._stop_worker)
        self._worker.moveToThread(self._thread)
        self.requestPreview.connect(self._worker.preview)
        self.requestExport.connect(self._worker.export)
        self._worker.previewReady.connect(self._show_preview)
        self._worker.previewFailed.connect(self._show_preview_error)
        self._worker.progressChanged.connect(self._show_progress)
        self._worker.exportFinished.connect(self._on_exported)
        self._worker.exportFailed.connect(self._on_export_failed)
        self._worker.exportCancelled.connect(self._on_export_cancelled)
        self._thread.start()

    def _connect_options(self) -> None:
        self.format_box.currentIndexChanged.connect(self._on_format_changed)
        self.group_box.currentIndexChanged.connect(self._schedule_preview)
        self.fields_check.toggled.connect(self._schedule_preview)
        self.images_check.toggled.connect(self._schedule_preview)
        self.all_tags_check.toggled.connect(self._on_all_tags_toggled)
        self.tag_list.itemChanged.connect(self._schedule_preview)
        self._on_format_changed()

    # --- options -----------------------------------------------------------------------------

    @property
    def output_format(self) -> str:
        return str(self.format_box.currentData())

    def set_format(self, output_format: str) -> None:
        self.format_box.setCurrentIndex(self.format_box.findData(output_format))

    def options(self) -> ExportOptions:
        tags = None
        if not self.all_tags_check.isChecked():
            tags = tuple(
                str(item.data(Qt.ItemDataRole.UserRole))
                for item in map(self.tag_list.item, range(self.tag_list.count()))
                if item.checkState() == Qt.CheckState.Checked
            )
        return ExportOptions(
            tags=tags,
            group_by=str(self.group_box.currentData()),  # type: ignore[arg-type]
            include_fields=self.fields_check.isChecked(),
            include_images=self.images_check.isChecked() and self.images_check.isEnabled(),
        )

    def _request(self, output: str = "") -> ExportRequest:
        return ExportRequest(
            pdf=str(self.pdf_path),
            format=self.output_format,
            options=self.options(),
            data_dir=self.data_dir,
            annotations=self.annotations,
            output=output,
            password=self._password,
        )

    def _on_format_changed(self, *_: Any) -> None:
        self.images_check.setEnabled(self.output_format in IMAGE_FORMATS)
        self._schedule_preview()

    def _on_all_tags_toggled(self, on: bool) -> None:
        self.tag_list.setEnabled(not on)
        self._schedule_preview()

    def _fill_tags(self, preview: Preview) -> None:
        self.tag_list.blockSignals(True)
        for tag, count in preview.tag_counts:
            item = QListWidgetItem(f"{tag}  ({count})", self.tag_list)
            item.setData(Qt.ItemDataRole.UserRole, tag)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
        self.tag_list.blockSignals(False)
        self._tags_loaded = True

    # --- preview -----------------------------------------------------------------------------

    def _schedule_preview(self, *_: Any) -> None:
        self._preview_timer.start()

    def _send_preview(self) -> None:
        self._generation += 1
        self._worker.want_preview(self._generation)
        self.requestPreview.emit(self._generation, self._request())

    def _show_preview(self, generation: int, preview: Preview) -> None:
        if generation != self._generation:
            return  # an older preview; a newer one is on its way
        if not self._tags_loaded:
            self._fill_tags(preview)
        scroll = self.preview.verticalScrollBar().value()
        if preview.mode == "markdown":
            self.preview.setMarkdown(preview.text)
        elif preview.mode == "html":
            self.preview.setHtml(preview.text)
        else:
            self.preview.setPlainText(preview.text)
        self.preview.verticalScrollBar().setValue(scroll)
        count = preview.highlights
        note = f"{count} highlight{'s' if count != 1 else ''} will be exported."
        self.preview_info.setText(" ".join((note, *preview.warnings)))
        self.export_button.setEnabled(not self._exporting)

    def _show_preview_error(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.preview.setPlainText(f"No preview: {message}")
            self.export_button.setEnabled(False)
            self.preview_info.setText(f"This document cannot be exported: {message}")

    # --- exporting -----------------------------------------------------------------------------

    def choose_and_export(self) -> None:
        path = self._ask_output_path()
        if path is None:
            return
        try:
            check_output_path(path, self.pdf_path)
        except ExportError as error:
            QMessageBox.warning(self, "Cannot export there", str(error))
            return
        self.start_export(path)

    def start_export(self, path: Path) -> None:
        self._exporting = True
        self.output_path = path
        self.open_button.setEnabled(False)
        self._set_busy(True)
        self._remember_choices()
        self.requestExport.emit(self._request(str(path)))

    def _ask_output_path(self) -> Path | None:
        output_format = self.output_format
        suffix = FORMATS[output_format]
        name = self.pdf_path.stem + DEFAULT_NAME_SUFFIX.get(output_format, " summary") + suffix
        if self.output_path is not None:
            folder = self.output_path.parent
        else:
            folder = ExportChoices.load(self.settings).folder_or(self.pdf_path.parent)
        chosen, _ = QFileDialog.getSaveFileName(
            self, "Export", str(folder / name), FILE_FILTERS[output_format]
        )
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    def _restore_choices(self) -> None:
        choices = ExportChoices.load(self.settings)
        self.set_format(choices.format)
        self.group_box.setCurrentIndex(max(0, self.group_box.findData(choices.group_by)))
        self.fields_check.setChecked(choices.include_fields)
        self.images_check.setChecked(choices.include_images)

    def _remember_choices(self) -> None:
        folder = str(self.output_path.parent) if self.output_path else ""
        ExportChoices(
            self.output_format,
            str(self.group_box.currentData()),
            self.fields_check.isChecked(),
            self.images_check.isChecked(),
            folder,
        ).save(self.settings)

    def cancel_export(self) -> None:
        self.status.setText("Stopping\u2026")
        self._worker.cancel()

    def _show_progress(self, percent: int, message: str) -> None:
        self.progress.setValue(percent)
        self.status.setText(message)

    def _on_exported(self, outcome: Any) -> None:
        self._set_busy(False)
        self.output_path = Path(outcome.path)
        self.open_button.setEnabled(True)
        text = f"Saved {outcome.path} ({outcome.size:,} bytes, {outcome.highlights} highlights)."
        if outcome.skipped:
            text += f" {outcome.skipped} highlights not found in this version were left out."
        self.status.setText(" ".join((text, *outcome.warnings)))
        self.exported.emit(str(outcome.path))

    def _on_export_failed(self, message: str) -> None:
        closing = self._close_when_stopped is not None
        self._set_busy(False)
        self.status.setText(f"Export failed: {message}")
        if not closing:
            QMessageBox.critical(
                self, "Export failed", f"The export could not be written.\n\n{message}"
            )

    def _on_export_cancelled(self) -> None:
        self._set_busy(False)
        self.status.setText("Export stopped; nothing was written.")

    def _set_busy(self, busy: bool) -> None:
        self._exporting = busy
        if not busy and self._close_when_stopped is not None:
            QTimer.singleShot(0, lambda: self.done(self._close_when_stopped or 0))
        self.progress.setVisible(busy)
        self.progress.setValue(0)
        self.cancel_button.setVisible(busy)
        for widget in (self.export_button, self.format_box, self.close_button):
            widget.setEnabled(not busy)

    def open_result(self) -> None:
        if self.output_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.output_path)))

    # --- closing -------------------------------------------------------------------------------

    def done(self, result: int) -> None:
        if self._exporting:
            self._close_when_stopped = result
            self.cancel_export()
            return  # closes once the worker says the export has stopped
        self._stop_worker()
        forget_at_quit(self._stop_worker)
        super().done(result)
