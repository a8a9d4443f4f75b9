"""The annotation workflow in the main window: select, highlight (H), tag, note, undo, redo,
delete, reopen; highlights from inside a PDF; saving that fails."""

from __future__ import annotations

from pathlib import Path

import pymupdf
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from kfor_viewer.core.annotation_store import AnnotationStore
from kfor_viewer.core.document_identity import DocumentIdentity, file_sha256
from kfor_viewer.core.safe_files import FileWriteError
from tests.ui.annotation_gui import open_with_store, select_words, viewport_point

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def press(qtbot, window, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    window.activateWindow()
    window.page_view.setFocus()
    qtbot.keyClick(window.page_view, key, modifiers)


def saved_annotations(pdf: Path) -> list:
    """What is on disk now, read by a fresh store (not the window's)."""
    return AnnotationStore.open(DocumentIdentity(file_sha256(pdf), pdf.name)).annotations()


def test_highlight_tag_note_undo_redo_and_reopen(qtbot, make_viewer, text_pdf):
    window = make_viewer()
    store = open_with_store(qtbot, window, text_pdf)
    tools = window.annotation_tools
    select_words(qtbot, window, 0, "KFOR,", "police;")
    press(qtbot, window, Qt.Key.Key_H)
    (highlight,) = store.annotations()
    assert highlight.quote == "KFOR, EULEX and the Kosovo police;"
    assert highlight.page == 1 and highlight.color == "#FFE066"
    assert "Page 1:" in highlight.prefix and highlight.suffix.startswith("eulex cooperation")
    assert not window.page_view.selection  # the selection became the highlight

    # a click on the highlight opens its editor
    point = viewport_point(window, 0, highlight.rects[0]).toPoint()
    qtbot.mouseClick(window.page_view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    editor = tools.editor
    qtbot.waitUntil(editor.isVisible)
    assert tools.overlay.selected_id == highlight.id
    qtbot.keyClicks(editor.tag_edit, "north, EULEX")
    qtbot.keyClick(editor.tag_edit, Qt.Key.Key_Return)
    assert store.get(highlight.id).tags == ("north", "EULEX")
    editor.note_edit.setFocus()
    qtbot.keyClicks(editor.note_edit, "Ask the liaison officer")
    editor.close()  # the note is applied when the editor closes, as one undo step
    assert store.get(highlight.id).note == "Ask the liaison officer"

    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert store.get(highlight.id).note == ""
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert store.get(highlight.id).tags == ()
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert store.get(highlight.id) is None
    for _ in range(3):
        press(qtbot, window, Qt.Key.Key_Z, CTRL | SHIFT)
    redone = store.get(highlight.id)
    assert (redone.tags, redone.note) == (("north", "EULEX"), "Ask the liaison officer")

    # autosave within a second, then a new window on the same data folder shows it all
    qtbot.waitUntil(lambda: bool(saved_annotations(text_pdf)), timeout=1500)
    window.close()
    again = make_viewer()
    reopened = open_with_store(qtbot, again, text_pdf)
    (shown,) = reopened.annotations()
    assert (shown.quote, shown.tags, shown.note) == (
        "KFOR, EULEX and the Kosovo police;",
        ("north", "EULEX"),
        "Ask the liaison officer",
    )
    assert again.annotation_tools.panel.visible_ids() == [shown.id]
    assert again.annotation_tools.overlay.annotations_on(0)[0].id == shown.id


def test_delete_with_the_key_and_undo(qtbot, make_viewer, text_pdf):
    window = make_viewer()
    store = open_with_store(qtbot, window, text_pdf)
    tools = window.annotation_tools
    select_words(qtbot, window, 1, "Safe", "environment")
    (made,) = tools.highlight_selection("#A0D8FF")
    tools.jump_to(made)  # selects it, as a click in the panel does
    press(qtbot, window, Qt.Key.Key_Delete)
    assert store.annotations() == []
    assert tools.overlay.selected_id is None
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert [a.id for a in store.annotations()] == [made]


def test_a_selection_across_a_page_break_makes_one_highlight_per_page(qtbot, make_viewer, text_pdf):
    window = make_viewer()
    store = open_with_store(qtbot, window, text_pdf)
    select_words(qtbot, window, 0, "Safe", "environment")
    tracker = window.page_view.selection_tracker
    from tests.ui.annotation_gui import page_words

    second = page_words(qtbot, window, 1)
    last = next(w for w in second if w.text == "KFOR,")
    from kfor_viewer.ui.page_layout import PagePosition

    tracker.press(PagePosition(1, last.x1 - 1, (last.y0 + last.y1) / 2), extend=True)
    window.annotation_tools.highlight_action.trigger()
    pieces = store.annotations()
    assert [a.page for a in pieces] == [1, 2]
    assert pieces[0].quote == "Safe and secure environment"
    assert pieces[1].quote.startswith("Page 2:") and pieces[1].quote.endswith("KFOR,")
    window.undo_stack.undo()  # one step removes both
    assert store.annotations() == []


def test_import_highlights_made_with_pymupdf(qtbot, make_viewer, tmp_path, text_pdf):
    annotated = tmp_path / "annotated.pdf"
    with pymupdf.open(text_pdf) as document:
        page = document[0]
        highlight = page.add_highlight_annot(page.search_for("EULEX")[0])
        highlight.set_colors(stroke=(0.6, 1.0, 0.6))
        highlight.set_info(content="Mandate overlap, see report 2")
        highlight.update()
        document.save(annotated)
    window = make_viewer()
    store = open_with_store(qtbot, window, annotated)
    window.annotation_tools.import_pdf_action.trigger()
    qtbot.waitUntil(lambda: bool(store.annotations()), timeout=30_000)
    (imported,) = store.annotations()
    assert (imported.page, imported.quote) == (1, "EULEX")
    assert imported.note == "Mandate overlap, see report 2"
    assert imported.color == "#99FF99"
    assert "Imported 1 highlight" in window.statusBar().currentMessage()
    # importing again adds nothing (the ids come from the PDF's annotations)
    window.annotation_tools.import_pdf_action.trigger()
    qtbot.waitUntil(lambda: "already here" in window.statusBar().currentMessage(), timeout=30_000)
    assert len(store.annotations()) == 1


def test_a_failed_save_is_shown_and_keeps_the_highlight(qtbot, make_viewer, text_pdf, monkeypatch):
    window = make_viewer()
    store = open_with_store(qtbot, window, text_pdf)
    tools = window.annotation_tools

    def disk_full(path, data, keep_backup=True):
        raise FileWriteError("No space left on device", path)

    with monkeypatch.context() as patch:
        patch.setattr("kfor_viewer.core.annotation_store.atomic_write", disk_full)
        select_words(qtbot, window, 0, "KFOR,", "EULEX")
        tools.highlight_selection()
        qtbot.waitUntil(lambda: tools.autosaver.failing, timeout=2000)
        assert "No space left on device" in window.statusBar().currentMessage()
        assert "NOT saved" in window.statusBar().currentMessage()
        qtbot.waitUntil(
            lambda: tools.save_failure_dialog is not None and tools.save_failure_dialog.isVisible()
        )
        assert "No space left on device" in tools.save_failure_dialog.text()
        assert len(store.annotations()) == 1 and store.dirty
        assert saved_annotations(text_pdf) == []
        # closing now would lose the highlight: the window asks, and Cancel keeps it open
        asked = []

        def cancel(*args, **kwargs):
            asked.append(args[2])
            return QMessageBox.StandardButton.Cancel

        patch.setattr(QMessageBox, "warning", cancel)
        window.close()
        assert window.isVisible() and "lose the unsaved annotations" in asked[0]

    # space freed: the next attempt saves
    assert tools.autosaver.save_now()
    assert [a.quote for a in saved_annotations(text_pdf)] == ["KFOR, EULEX"]
    assert "saved again" in window.statusBar().currentMessage()
    tools.save_failure_dialog.close()


def test_a_corrupt_store_is_set_aside_and_said_so(qtbot, make_viewer, text_pdf, tmp_path):
    folder = tmp_path / "user-data" / "annotations"
    folder.mkdir(parents=True)
    (folder / f"{file_sha256(text_pdf)}.json").write_text('{"schema_version": 2, "annot')
    window = make_viewer()
    store = open_with_store(qtbot, window, text_pdf)
    notice = window.annotation_tools.panel.notice
    assert notice.isVisibleTo(window.annotation_tools.panel)
    assert "moved to" in notice.text()
    assert store.annotations() == []
    assert list(folder.glob("*.json")) == []  # set aside under another name, not overwritten


def test_screenshot_of_highlights_and_the_panel(qtbot, make_viewer, sample_pdf, tmp_path):
    """The picture a reviewer looks at (saved in $KFOR_VIEWER_SCREENSHOTS when set)."""
    import os

    from kfor_viewer.ui.annotation_list_model import BY_TAG
    from kfor_viewer.ui.tag_dialogs import set_tag_color
    from tests.ui.annotation_gui import page_words
    from tests.ui.conftest import wait_first_paint

    window = make_viewer()
    window.resize(1400, 900)
    open_with_store(qtbot, window, sample_pdf)
    tools = window.annotation_tools
    set_tag_color(tools, "security", "#FFB3D1")
    window.page_view.go_to_page(2)
    words = page_words(qtbot, window, 2)
    tracker = window.page_view.selection_tracker
    from kfor_viewer.ui.page_layout import PagePosition

    def select(first: int, last: int) -> None:
        a, b = words[first], words[last]
        tracker.press(PagePosition(2, a.x0 + 1, (a.y0 + a.y1) / 2))
        tracker.drag(PagePosition(2, b.x1 - 1, (b.y0 + b.y1) / 2))
        tracker.release()

    for first, last, color, tags, note in (
        (5, 14, None, ("north", "security"), "Compare with the Q1 report"),
        (30, 45, "#A8E6A1", ("EULEX",), ""),
        (60, 90, None, ("security",), "Figures differ from the annex"),
    ):
        select(first, last)
        (made,) = tools.highlight_selection(color, tags)
        if note:
            tools.set_note(made, note)
    tools.panel.raise_()
    tools.panel.set_grouping(BY_TAG)
    select(120, 126)
    qtbot.waitUntil(tools.toolbar.isVisible, timeout=2000)
    wait_first_paint(qtbot, window, 2)
    qtbot.wait(100)
    image = window.grab().toImage()
    folder = Path(os.environ.get("KFOR_VIEWER_SCREENSHOTS", tmp_path))
    assert image.save(str(folder / "annotations-window.png"))
    assert tools.panel.group_titles() == ["EULEX", "north", "security"]
    pink = [h for h in tools.store.annotations() if "security" in h.tags and "north" not in h.tags]
    assert pink[0].color == "#FFB3D1"  # the tag's colour


def test_menus_offer_undo_redo_and_the_annotation_commands(make_viewer):
    window = make_viewer()
    menus = {a.text(): a.menu() for a in window.menuBar().actions() if a.menu()}
    edit = [a.text() for a in menus["&Edit"].actions()]
    assert edit[:2] == ["&Undo", "&Redo"]
    titles = list(menus)
    assert titles.index("&Annotations") == titles.index("&Help") - 1
    commands = [a.text() for a in menus["&Annotations"].actions()]
    assert "Import Highlights from &PDF" in commands and "&Export Annotations…" in commands
    assert not window.annotation_tools.highlight_action.isEnabled()  # no document, no store


def test_a_highlight_gets_the_same_text_offsets_as_the_command_line(qtbot, make_viewer, text_pdf):
    from kfor_viewer.core.anchoring import anchor_quote
    from kfor_viewer.core.page_text import read_document_text

    window = make_viewer()
    store = open_with_store(qtbot, window, text_pdf)
    select_words(qtbot, window, 1, "KFOR,", "police;")
    (made,) = window.annotation_tools.highlight_selection()
    as_made = store.get(made)
    qtbot.waitUntil(lambda: store.get(made).start is not None, timeout=30_000)
    with pymupdf.open(text_pdf) as document:
        (expected,) = anchor_quote(read_document_text(document), store.get(made).quote, page=2)
    placed = store.get(made)
    assert (placed.start, placed.end) == (expected.start, expected.end)
    assert (placed.prefix, placed.suffix) == (expected.prefix, expected.suffix)
    # the words' rectangles stay as selected, and placing them is no undo step of its own
    assert placed.rects == as_made.rects and window.undo_stack.count() == 1


def test_a_second_window_takes_in_the_first_ones_highlights_when_activated(
    qtbot, make_viewer, text_pdf
):
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    first, second = make_viewer(), make_viewer()
    first_store = open_with_store(qtbot, first, text_pdf)
    second_store = open_with_store(qtbot, second, text_pdf)
    select_words(qtbot, first, 0, "KFOR,", "EULEX")
    (made,) = first.annotation_tools.highlight_selection()
    assert first.annotation_tools.autosaver.save_now()
    assert second_store.get(made) is None
    QApplication.sendEvent(second, QEvent(QEvent.Type.WindowActivate))
    assert second_store.get(made).quote == first_store.get(made).quote
    qtbot.waitUntil(lambda: second.annotation_tools.panel.visible_ids() == [made], timeout=1000)


def test_data_dir_option_chooses_the_store_folder_of_the_gui(tmp_path, monkeypatch):
    import argparse

    from kfor_viewer.core import paths
    from kfor_viewer.ui import app

    started = []
    monkeypatch.setattr(app, "platform_problem", lambda: None)
    def run_app(engine, file):
        engine.shutdown()
        started.append(file)
        return 0

    monkeypatch.setattr(app, "_run_app", run_app)
    args = argparse.Namespace(
        file=None, new_window=True, self_test=False, data_dir=str(tmp_path / "stores")
    )
    assert app.run_gui(args) == 0 and started == [None]
    assert paths.data_dir() == tmp_path / "stores"  # what every store in the window uses
