"""The fields panel in the main window: values, evidence, corrections, reopening, screenshots."""

from __future__ import annotations

import os
from pathlib import Path

import pymupdf
import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from kfor_viewer.core.extraction import extract
from kfor_viewer.ui.fields_model import NOT_RECOGNISED
from kfor_viewer.ui.fields_panel import FieldsPanel
from tests.ui.conftest import OPEN_TIMEOUT_MS, open_and_wait

EXTRACT_TIMEOUT_MS = 60_000  # spawning the reader child is slow on a loaded machine
SCREENSHOT_DIR_ENV = "KFOR_VIEWER_SCREENSHOTS"


def open_with_fields(qtbot, window, path: Path) -> None:
    """Open `path` and wait until the panel shows its fields with the document's store."""
    open_and_wait(qtbot, window, path)
    panel = window.fields_panel

    def ready() -> bool:
        result = panel.result
        return (
            result is not None
            and os.path.samefile(result.file, path)
            and panel.store is not None
            and not window.extraction_runner.busy
        )

    try:
        qtbot.waitUntil(ready, timeout=EXTRACT_TIMEOUT_MS)
    except qtbot.TimeoutError:
        shown = panel.tree.model().index(0, 0).data()
        raise AssertionError(f"no fields: status {panel.status.text()!r}, tree {shown!r}") from None


def click_row(qtbot, window, section: str, name: str) -> None:
    tree = window.fields_panel.tree
    index = tree.find_row(section, name).siblingAtColumn(1)
    assert index.isValid(), f"{section}/{name} is not shown"
    tree.scrollTo(index)
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(index).center()
    )


def text_boxes(pdf: Path, page: int, text: str) -> list[tuple[float, float, float, float]]:
    """Where `text` is printed on `page`, straight from PyMuPDF (not through our code)."""
    with pymupdf.open(pdf) as document:
        return [tuple(rect) for rect in document[page].search_for(text)]


def overlaps(a, b) -> float:
    """The share of box `b` that `a` covers."""
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    area = (b[2] - b[0]) * (b[3] - b[1])
    return max(0.0, width) * max(0.0, height) / area if area else 0.0


@pytest.fixture
def sample_viewer(make_viewer, qtbot, sample_pdf):
    window = make_viewer()
    open_with_fields(qtbot, window, sample_pdf)
    return window


def test_the_panel_lists_the_samples_values(sample_viewer):
    panel = sample_viewer.fields_panel
    assert panel.row("report:1", "troops_total").text == "≈ 3,600"
    assert panel.row("report:2", "troops_total").text == "≈ 3,400"
    assert panel.row("report:1", "nato_nations").text == "19"
    assert panel.row("report:2", "nato_nations").text == "18"
    assert panel.row("report:1", "period_end").text == "30 June 2020"
    assert panel.row("document", "symbol").text == "not stated"
    model = panel.tree.model()
    headings = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert "Annex I — 1 Apr – 30 Jun 2020" in headings
    assert headings[-1] == "Change between reports"
    assert "2 KFOR reports recognised" in panel.status.text()


def test_hovering_gives_the_quote_and_page_and_values_can_be_copied(
    sample_viewer, qtbot, sample_pdf
):
    panel, tree = sample_viewer.fields_panel, sample_viewer.fields_panel.tree
    tip = (
        tree.find_row("report:1", "nato_nations")
        .siblingAtColumn(1)
        .data(Qt.ItemDataRole.ToolTipRole)
    )
    assert "“19 North Atlantic Treaty Organization (NATO)" in tip
    (page,) = {n for n in range(1, 4) if text_boxes(sample_pdf, n - 1, "19 North Atlantic")}
    assert f"page {page}</i>" in tip
    click_row(qtbot, sample_viewer, "report:2", "troops_total")
    # with text selected on the page, Edit > Copy is enabled too: the tree's focus decides
    sample_viewer.page_view.select_current_page()
    qtbot.waitUntil(sample_viewer.actions.copy.isEnabled, timeout=OPEN_TIMEOUT_MS)
    sample_viewer.activateWindow()
    qtbot.waitActive(sample_viewer)
    panel.tree.setFocus()
    ctrl = Qt.KeyboardModifier.ControlModifier
    QTest.keyClick(sample_viewer.windowHandle(), Qt.Key.Key_C, ctrl)  # through the shortcut map
    assert QGuiApplication.clipboard().text() == "≈ 3,400"
    panel.copy_all_action.trigger()
    text = QGuiApplication.clipboard().text()
    assert "Annex II — 1 Jul – 30 Sep 2020" in text
    assert "3,600 → 3,400 (−200)" in text


def test_clicking_the_troop_total_scrolls_to_it_and_flashes_the_figure(
    sample_viewer, qtbot, sample_pdf
):
    window, view = sample_viewer, sample_viewer.page_view
    evidence = window.fields_panel.row("report:1", "troops_total").evidence[0]
    page = evidence.page - 1
    view.go_to_page(view.page_count - 1)
    click_row(qtbot, window, "report:1", "troops_total")
    assert view.current_page == page
    flashed = window.evidence_flash.boxes[page]
    (figure,) = text_boxes(sample_pdf, page, "3,600")
    assert max(overlaps(box, figure) for box in flashed) > 0.9
    box = max(flashed, key=lambda b: overlaps(b, figure))
    assert (box[2] - box[0]) < 3 * (figure[2] - figure[0])  # the figure, not its paragraph
    on_screen = view._page_box_to_view(page, box)
    assert view.viewport().rect().contains(on_screen.toAlignedRect())
    qtbot.waitUntil(lambda: not window.evidence_flash.boxes, timeout=5000)  # it fades away

    # the keyboard does the same: arrows move between fields, Enter shows the evidence
    tree = window.fields_panel.tree
    view.go_to_page(0)
    tree.setFocus()
    tree.setCurrentIndex(tree.find_row("report:2", "troops_total"))
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert tree.current_row().name == "nato_nations"
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    page = window.fields_panel.row("report:2", "nato_nations").evidence[0].page - 1
    assert view.current_page == page
    assert window.evidence_flash.boxes.get(page)


def edit_troops(qtbot, window, monkeypatch, *typed: str) -> list[str]:
    """Edit Annex I's troops through the context-menu action, typing `typed` in turn."""
    answers, complaints = list(typed), []
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: (answers.pop(0), True))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: complaints.append(text))
    click_row(qtbot, window, "report:1", "troops_total")
    window.fields_panel._update_actions()
    window.fields_panel.edit_action.trigger()
    return complaints


def test_an_edit_is_shown_undoable_and_persists_across_reopening(
    make_viewer, sample_viewer, qtbot, sample_pdf, monkeypatch
):
    window, panel = sample_viewer, sample_viewer.fields_panel
    complaints = edit_troops(qtbot, window, monkeypatch, "a lot", "3,550")
    assert complaints and "whole number" in complaints[0]
    troops = panel.row("report:1", "troops_total")
    assert (troops.text, troops.state, troops.original_text) == ("≈ 3,550", "edited", "≈ 3,600")
    assert "Edited" in panel.tree.find_row("report:1", "troops_total").data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert window.undo_stack.undoText() == "Edit troops (Annex I)"
    window.undo_stack.undo()
    assert panel.row("report:1", "troops_total").state == "extracted"
    window.undo_stack.redo()
    assert panel.row("report:1", "troops_total").text == "≈ 3,550"
    window.close()

    reopened = make_viewer()
    open_with_fields(qtbot, reopened, sample_pdf)
    troops = reopened.fields_panel.row("report:1", "troops_total")
    assert (troops.text, troops.state) == ("≈ 3,550", "edited")
    assert reopened.fields_panel.row("report:2", "troops_total").text == "≈ 3,400"
    stored = reopened.annotation_store.corrections()[("report:1", "troops_total")]
    assert (stored.value, stored.original) == (3550, 3600)


def test_verify_and_revert_persist(make_viewer, sample_viewer, qtbot, sample_pdf, monkeypatch):
    window, panel = sample_viewer, sample_viewer.fields_panel
    click_row(qtbot, window, "report:2", "nato_nations")
    panel._update_actions()
    panel.verify_action.trigger()
    assert panel.row("report:2", "nato_nations").state == "verified"
    edit_troops(qtbot, window, monkeypatch, "3,700")
    panel._update_actions()
    assert panel.revert_action.isEnabled() and not panel.verify_action.isEnabled()
    panel.revert_action.trigger()
    assert panel.row("report:1", "troops_total").text == "≈ 3,600"
    window.close()

    reopened = make_viewer()
    open_with_fields(qtbot, reopened, sample_pdf)
    assert reopened.fields_panel.row("report:2", "nato_nations").state == "verified"
    assert reopened.fields_panel.row("report:1", "troops_total").state == "extracted"


def test_a_pdf_without_kfor_structure_says_so(viewer, qtbot, text_pdf):
    open_with_fields(qtbot, viewer, text_pdf)
    panel = viewer.fields_panel
    assert not panel.result.recognised
    model = panel.tree.model()
    document = model.index(0, 0)
    notes = [model.index(row, 0, document).data() for row in range(model.rowCount(document))]
    assert NOT_RECOGNISED in notes
    assert "Pages" in notes
    assert model.rowCount() == 1  # no report sections


def test_opening_another_document_replaces_the_fields(viewer, qtbot, sample_pdf, text_pdf):
    open_and_wait(qtbot, viewer, sample_pdf)
    # the open returns at once; the fields are read in the background, with a busy state
    assert viewer.extraction_runner.busy
    assert "Reading" in viewer.fields_panel.status.text()
    open_with_fields(qtbot, viewer, text_pdf)
    qtbot.wait(300)  # a late answer for the sample would arrive now
    assert os.path.samefile(viewer.fields_panel.result.file, text_pdf)
    assert viewer.fields_panel.row("report:1", "troops_total") is None


def test_the_dock_can_move_left_and_is_remembered(make_viewer, qtbot):
    window = make_viewer()
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, window.fields_panel)
    window.close()
    again = make_viewer()
    assert again.dockWidgetArea(again.fields_panel) == Qt.DockWidgetArea.LeftDockWidgetArea


def test_screenshot_of_the_panel(sample_viewer, qtbot, tmp_path):
    window = sample_viewer
    window.resize(1300, 1500)
    tree = window.fields_panel.tree
    tree.expand(tree.find_row("report:2", "events"))
    edit = window.fields_panel
    edit.correct("report:2", "non_nato_troops", 120)
    tree.setCurrentIndex(tree.find_row("report:1", "nato_nations"))
    edit.toggle_verified()
    qtbot.wait(50)
    panel = window.fields_panel
    assert not panel.isFloating(), (panel.geometry(), window.size(), window.dockWidgetArea(panel))
    image = panel.grab().toImage()
    path = Path(os.environ.get(SCREENSHOT_DIR_ENV, tmp_path)) / "fields-panel.png"
    assert image.save(str(path))
    assert image.width() > 250 and image.height() > 400
    colours = {
        QColor(image.pixel(x, y)).name()
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
    }
    assert len(colours) > 20  # text, headings, icons: not a blank widget


class FakeRunner(QObject):
    """Stands in for the ExtractionRunner: the test says when answers arrive."""

    extracted = Signal(int, object)
    failed = Signal(int, str)
    busyChanged = Signal(bool)

    def __init__(self) -> None:
        super().__init__()
        self.generation = 0

    def start(self, _path: str, _password: str | None = None) -> int:
        self.generation += 1
        return self.generation


def test_late_answers_are_ignored_and_failures_explained(qtbot, sample_pdf):
    runner = FakeRunner()
    panel = FieldsPanel(runner, undo_stack=None)
    qtbot.addWidget(panel)
    panel.show()
    panel.set_document("first.pdf")
    runner.busyChanged.emit(True)
    assert panel.status.text() == "Reading fields…" and panel.busy_bar.isVisible()
    panel.set_document("second.pdf")
    runner.extracted.emit(1, extract(sample_pdf, use_ocr=False))  # the first file's answer
    assert panel.result is None and panel.row("report:1", "troops_total") is None
    runner.busyChanged.emit(False)
    runner.failed.emit(2, "the PDF reader crashed on this file (exit code -11)")
    assert not panel.busy_bar.isVisible()
    message = panel.tree.model().index(0, 0).data()
    assert (
        message
        == "The fields could not be read: the PDF reader crashed on this file (exit code -11)."
    )
    panel._update_actions()
    assert not panel.copy_all_action.isEnabled() and not panel.edit_action.isEnabled()


def test_an_encrypted_document_shows_its_fields_once_unlocked(
    viewer, qtbot, sample_pdf, tmp_path, monkeypatch
):
    from kfor_viewer.ui import main_window as main_window_module

    locked = tmp_path / "locked-report.pdf"
    with pymupdf.open(sample_pdf) as document:
        document.save(locked, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="kfor", owner_pw="x")
    monkeypatch.setattr(
        main_window_module.QInputDialog, "getText", lambda *_args, **_kwargs: ("kfor", True)
    )
    open_with_fields(qtbot, viewer, locked)
    troops = [report.troops_total.value for report in viewer.fields_panel.result.reports]
    assert troops == [3600, 3400]


def test_a_list_is_edited_from_one_of_its_items_and_the_edit_is_undoable(
    sample_viewer, qtbot, monkeypatch
):
    window, panel = sample_viewer, sample_viewer.fields_panel
    named = panel.row("report:1", "organisations").value
    typed = ["\n".join([named[0], "", "Kosovo Security Force"])]
    shown = []

    def type_list(_parent, _title, _prompt, text):
        shown.append(text)
        return typed.pop(0), True

    monkeypatch.setattr(QInputDialog, "getMultiLineText", type_list)
    tree = panel.tree
    organisations = tree.find_row("report:1", "organisations")
    tree.expand(organisations)
    tree.setCurrentIndex(tree.model().index(1, 0, organisations))  # the second organisation
    panel._update_actions()
    assert panel.edit_action.isEnabled()
    panel.edit_action.trigger()
    assert shown[0] == "\n".join(named)  # the editor starts with the list, one a line
    edited = panel.row("report:1", "organisations")
    assert (edited.state, edited.text) == ("edited", "2")
    assert [item.text for item in edited.children] == [named[0], "Kosovo Security Force"]
    stored = window.annotation_store.corrections()[("report:1", "organisations")]
    assert stored.value == [named[0], "Kosovo Security Force"] and stored.original == named
    assert window.undo_stack.undoText() == "Edit organisations (Annex I)"
    window.undo_stack.undo()
    assert panel.row("report:1", "organisations").value == named


def test_a_list_can_be_marked_verified(sample_viewer, qtbot):
    panel = sample_viewer.fields_panel
    click_row(qtbot, sample_viewer, "report:2", "resolutions")
    panel._update_actions()
    panel.verify_action.trigger()
    assert panel.row("report:2", "resolutions").state == "verified"
