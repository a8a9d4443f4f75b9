"""Annotations > Export/Import: a document's annotations as a JSON file and back."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.ui.annotation_gui import open_with_store, select_words


def test_export_then_import_brings_deleted_highlights_back(
    qtbot, make_viewer, text_pdf, tmp_path, monkeypatch
):
    window = make_viewer()
    store = open_with_store(qtbot, window, text_pdf)
    tools = window.annotation_tools
    select_words(qtbot, window, 0, "KFOR,", "EULEX")
    (made,) = tools.highlight_selection(tags=("eulex",))
    tools.set_note(made, "shared with the desk officer")
    shared = tmp_path / "shared.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(shared), ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(shared), ""))
    tools.export_action.trigger()
    data = json.loads(shared.read_text())
    assert [a["note"] for a in data["annotations"]] == ["shared with the desk officer"]

    tools.delete([made])
    tools.import_json_action.trigger()
    (back,) = store.annotations()
    assert (back.id, back.tags, back.note) == (made, ("eulex",), "shared with the desk officer")
    assert "Imported 1 highlight" in window.statusBar().currentMessage()
    window.undo_stack.undo()  # an import is one undo step
    assert store.annotations() == []


def test_importing_a_file_that_is_not_annotations_says_why(
    qtbot, make_viewer, text_pdf, tmp_path, monkeypatch
):
    window = make_viewer()
    store = open_with_store(qtbot, window, text_pdf)
    bogus = tmp_path / "notes.json"
    bogus.write_text('{"hello": "world"}')
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bogus), ""))
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    window.annotation_tools.import_json_action.trigger()
    assert warnings and "not an annotations file" in warnings[0]
    assert store.annotations() == []


def test_a_file_from_another_version_is_found_again_in_this_one(
    qtbot, make_viewer, text_pdf, tmp_path, monkeypatch
):
    from tests.core import bad_pdfs

    revised = bad_pdfs.text_pdf(tmp_path / "revised.pdf", pages=4)  # other bytes, same text
    window = make_viewer()
    open_with_store(qtbot, window, text_pdf)
    tools = window.annotation_tools
    select_words(qtbot, window, 1, "Safe", "environment")
    (made,) = tools.highlight_selection()
    shared = tmp_path / "shared.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(shared), ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(shared), ""))
    tools.export_action.trigger()

    store = open_with_store(qtbot, window, revised)
    assert store.annotations() == []
    tools.import_json_action.trigger()
    qtbot.waitUntil(lambda: bool(store.annotations()), timeout=30_000)
    (found,) = store.annotations()
    assert (found.id, found.quote, found.orphan) == (made, "Safe and secure environment", False)
    assert found.start is not None  # placed in this version's text


def test_an_encrypted_pdf_opened_with_its_password_imports_and_anchors(
    qtbot, make_viewer, tmp_path, monkeypatch
):
    from kfor_viewer.ui import main_window as main_window_module
    from tests.core import bad_pdfs

    locked = bad_pdfs.encrypted_pdf_with_highlight(tmp_path / "locked.pdf", 2, "KFOR")
    monkeypatch.setattr(
        main_window_module.QInputDialog,
        "getText",
        lambda *_args, **_kwargs: (bad_pdfs.PASSWORD, True),
    )
    failures = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: failures.append(a[2]))
    window = make_viewer()
    store = open_with_store(qtbot, window, locked)
    tools = window.annotation_tools
    tools.import_pdf_action.trigger()
    qtbot.waitUntil(lambda: bool(store.annotations()) or bool(failures), timeout=30_000)
    assert not failures
    (imported,) = store.annotations()
    assert (imported.page, imported.quote) == (3, "KFOR")
    select_words(qtbot, window, 1, "Safe", "environment")
    (made,) = tools.highlight_selection()
    qtbot.waitUntil(lambda: store.get(made).start is not None, timeout=30_000)  # anchored
