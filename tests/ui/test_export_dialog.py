"""File > Export…: preview, options, export with progress, stop, refusal, open the result."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from kfor_viewer.ui.export_dialog import ExportDialog
from tests.core.export.annotated_sample import (
    SAMPLE_PASSWORD,
    AnnotatedSample,
    make_annotated_sample,
)
from tests.ui.conftest import open_and_wait

WAIT_MS = 30_000  # the first call starts the child process


@pytest.fixture
def sample(tmp_path, sample_pdf) -> AnnotatedSample:
    return make_annotated_sample(tmp_path, sample_pdf)


@pytest.fixture
def make_dialog(qtbot):
    dialogs = []

    def make(pdf: Path, data_dir: Path | None, output_format: str = "md", **kwargs):
        dialog = ExportDialog(pdf, data_dir, **kwargs)
        qtbot.addWidget(dialog)
        dialog.set_format(output_format)
        dialog.show()
        dialogs.append(dialog)
        return dialog

    yield make
    for dialog in dialogs:
        dialog.reject()  # stops the worker thread and its child process


def _wait_for_preview(qtbot, dialog, text: str) -> str:
    qtbot.waitUntil(lambda: text in dialog.preview.toPlainText(), timeout=WAIT_MS)
    return dialog.preview.toPlainText()


def test_live_preview_follows_the_options(qtbot, make_dialog, sample):
    dialog = make_dialog(sample.pdf, sample.data_dir, "md")
    shown = _wait_for_preview(qtbot, dialog, "Key figures")
    assert "3,600" in shown and "3,400" in shown and "\u2212200" in shown
    assert "5 highlights will be exported" in dialog.preview_info.text()
    dialog.fields_check.setChecked(False)
    dialog.group_box.setCurrentIndex(dialog.group_box.findData("page"))
    qtbot.waitUntil(lambda: "Page 5 (3)" in dialog.preview.toPlainText(), timeout=WAIT_MS)
    assert "Key figures" not in dialog.preview.toPlainText()
    dialog.set_format("html")
    _wait_for_preview(qtbot, dialog, "KFOR report summary")
    assert dialog.images_check.isEnabled()
    dialog.set_format("csv")
    _wait_for_preview(qtbot, dialog, "page,quote,tags")
    assert not dialog.images_check.isEnabled()


def test_tag_filter_lists_the_tags_and_narrows_the_export(qtbot, make_dialog, sample):
    dialog = make_dialog(sample.pdf, sample.data_dir, "md")
    qtbot.waitUntil(lambda: dialog.tag_list.count() == 4, timeout=WAIT_MS)
    labels = [dialog.tag_list.item(i).text() for i in range(4)]
    assert labels == ["figures  (1)", "politics  (1)", "security  (1)", "troops  (2)"]
    dialog.all_tags_check.setChecked(False)
    for index in range(4):
        item = dialog.tag_list.item(index)
        if not item.text().startswith("politics"):
            item.setCheckState(Qt.CheckState.Unchecked)
    assert dialog.options().tags == ("politics",)
    qtbot.waitUntil(lambda: "1 highlight will" in dialog.preview_info.text(), timeout=WAIT_MS)
    assert "Untagged" not in dialog.preview.toPlainText()


def test_export_writes_the_file_and_open_shows_it(
    qtbot, make_dialog, sample, monkeypatch, tmp_path
):
    chosen = tmp_path / "out" / "my summary"  # no suffix: the format's is added
    chosen.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(chosen), ""))
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    dialog = make_dialog(sample.pdf, sample.data_dir, "html")
    dialog.images_check.setChecked(True)
    progress = []
    dialog._worker.progressChanged.connect(
        lambda percent, _: progress.append(percent), Qt.ConnectionType.DirectConnection
    )
    with qtbot.waitSignal(dialog.exported, timeout=WAIT_MS) as saved:
        dialog.export_button.click()
    written = Path(saved.args[0])
    assert written == chosen.with_name("my summary.html") and written.is_file()
    assert written.read_text(encoding="utf-8").count("data:image/png;base64,") == 6
    assert progress[0] == 0 and progress[-1] == 100 and progress == sorted(progress)
    assert "Saved" in dialog.status.text() and dialog.open_button.isEnabled()
    dialog.open_button.click()
    assert opened == [QUrl.fromLocalFile(str(written))]


def test_unsaved_annotations_from_the_window_are_exported(qtbot, make_dialog, sample, tmp_path):
    stored = sample.stored()
    stored.annotations = dict(list(stored.annotations.items())[:2])
    dialog = make_dialog(sample.pdf, sample.data_dir, "json", annotations=stored)
    qtbot.waitUntil(lambda: "2 highlights will" in dialog.preview_info.text(), timeout=WAIT_MS)


def test_choosing_the_source_pdf_is_refused(qtbot, make_dialog, sample, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(sample.pdf), ""))
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    dialog = make_dialog(sample.pdf, sample.data_dir, "annotated-pdf")
    before = sample.pdf.read_bytes()
    dialog.export_button.click()
    assert warnings and "source PDF" in warnings[0]
    assert not dialog.progress.isVisible() and sample.pdf.read_bytes() == before


def test_stop_during_an_export_writes_nothing(qtbot, make_dialog, sample, monkeypatch, tmp_path):
    out = tmp_path / "stopped.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    dialog = make_dialog(sample.pdf, sample.data_dir, "pdf")
    dialog.images_check.setChecked(True)
    worker = dialog._worker

    def stop_at_first_picture(percent: int, message: str) -> None:
        if message.startswith("Cropping"):
            worker.cancel()  # from the worker's thread, before it takes the next step

    worker.progressChanged.connect(stop_at_first_picture, Qt.ConnectionType.DirectConnection)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: "nothing was written" in dialog.status.text(), timeout=WAIT_MS)
    assert not out.exists() and dialog.export_button.isEnabled()


def test_a_file_that_is_not_a_pdf_says_so(qtbot, make_dialog, tmp_path):
    notes = tmp_path / "notes.pdf"
    notes.write_text("not a PDF", encoding="utf-8")
    dialog = make_dialog(notes, tmp_path / "data", "md")
    qtbot.waitUntil(lambda: "cannot be exported" in dialog.preview_info.text(), timeout=WAIT_MS)
    assert not dialog.export_button.isEnabled()


def test_file_menu_export_opens_the_dialog_on_the_open_document(qtbot, viewer, sample):
    assert not viewer.actions.export.isEnabled()  # nothing to export yet
    open_and_wait(qtbot, viewer, str(sample.pdf))
    file_menu = viewer.menuBar().actions()[0].menu()
    assert viewer.actions.export in file_menu.actions()
    assert viewer.actions.export.isEnabled()
    viewer.actions.export.trigger()
    dialog = viewer.findChild(ExportDialog)
    assert dialog is not None and dialog.pdf_path == sample.pdf
    qtbot.waitUntil(lambda: "will be exported" in dialog.preview_info.text(), timeout=WAIT_MS)
    assert dialog.isVisible() and dialog.isModal()
    dialog.reject()


def test_destroying_the_parent_window_stops_the_worker(qtbot, sample):
    parent = QWidget()
    dialog = ExportDialog(sample.pdf, sample.data_dir, parent=parent)
    thread = dialog._thread
    qtbot.waitUntil(lambda: "will be exported" in dialog.preview_info.text(), timeout=WAIT_MS)
    assert thread.isRunning()
    with qtbot.waitSignal(parent.destroyed):
        parent.deleteLater()
    assert not thread.isRunning()


def test_the_next_export_starts_from_the_last_choices(
    qtbot, make_dialog, sample, monkeypatch, tmp_path
):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    out_folder = tmp_path / "exports"
    out_folder.mkdir()
    asked = []

    def save_as(parent, caption, proposed, filters):
        asked.append(proposed)
        return str(out_folder / "first.csv"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    first = make_dialog(sample.pdf, sample.data_dir, "csv", settings=settings)
    first.group_box.setCurrentIndex(first.group_box.findData("page"))
    first.fields_check.setChecked(False)
    with qtbot.waitSignal(first.exported, timeout=WAIT_MS):
        first.export_button.click()
    second = ExportDialog(sample.pdf, sample.data_dir, settings=settings)
    qtbot.addWidget(second)
    try:
        assert second.output_format == "csv" and second.options().group_by == "page"
        assert not second.options().include_fields
        second.export_button.click()
        assert Path(asked[-1]).parent == out_folder
        assert Path(asked[-1]).name == "kfor report summary.csv"
    finally:
        qtbot.waitUntil(lambda: not second._exporting, timeout=WAIT_MS)
        second.reject()


def test_quitting_the_application_stops_an_open_dialogs_worker(qtbot, make_dialog, sample):
    from kfor_viewer.ui import export_worker

    dialog = make_dialog(sample.pdf, sample.data_dir, "md")
    qtbot.waitUntil(lambda: "will be exported" in dialog.preview_info.text(), timeout=WAIT_MS)
    assert dialog._thread.isRunning()
    export_worker._stop_all_at_quit()  # what aboutToQuit runs
    assert not dialog._thread.isRunning()


def test_an_encrypted_pdf_opened_with_its_password_exports(
    qtbot, make_viewer, tmp_path, sample_pdf, monkeypatch
):
    from kfor_viewer.ui import main_window as main_window_module

    locked = make_annotated_sample(tmp_path, sample_pdf, SAMPLE_PASSWORD)
    monkeypatch.setenv("KFOR_VIEWER_DATA_DIR", str(locked.data_dir))
    monkeypatch.setattr(
        main_window_module.QInputDialog,
        "getText",
        lambda *_args, **_kwargs: (SAMPLE_PASSWORD, True),
    )
    out = tmp_path / "annotated copy.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    viewer = make_viewer()
    open_and_wait(qtbot, viewer, locked.pdf)
    tools = viewer.annotation_tools
    qtbot.waitUntil(lambda: tools.store is not None, timeout=WAIT_MS)
    viewer.actions.export.trigger()
    dialog = viewer.findChild(ExportDialog)
    dialog.set_format("annotated-pdf")
    qtbot.waitUntil(lambda: "5 highlights will" in dialog.preview_info.text(), timeout=WAIT_MS)
    with qtbot.waitSignal(dialog.exported, timeout=WAIT_MS):
        dialog.export_button.click()
    with pymupdf.open(out) as copy:
        assert copy.needs_pass and copy.authenticate(SAMPLE_PASSWORD)
        assert sum(1 for page in copy for _ in page.annots()) == 5
    dialog.reject()


@pytest.mark.parametrize(("password", "message"), [(None, "needs a password"), ("no", "wrong")])
def test_an_encrypted_pdf_without_its_password_cannot_be_exported(
    qtbot, make_dialog, tmp_path, sample_pdf, password, message
):
    locked = make_annotated_sample(tmp_path, sample_pdf, SAMPLE_PASSWORD)
    dialog = make_dialog(locked.pdf, locked.data_dir, "md", password=password)
    qtbot.waitUntil(lambda: "cannot be exported" in dialog.preview_info.text(), timeout=WAIT_MS)
    assert message in dialog.preview_info.text() and not dialog.export_button.isEnabled()
