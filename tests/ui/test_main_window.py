"""The main window as a user meets it: opening (menu, command line, drag and drop, recent),
bad files, passwords, the page and zoom boxes, settings restored, and what it looks like."""

from __future__ import annotations

import warnings

import pymupdf
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QRect, Qt, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication

from kfor_viewer.ui import main_window as main_window_module
from kfor_viewer.ui.page_layout import POINTS_TO_PIXELS
from kfor_viewer.ui.settings import MAX_PLACES, LastDocument, ViewerSettings
from tests.core import bad_pdfs
from tests.ui.conftest import OPEN_TIMEOUT_MS, open_and_wait, wait_first_paint


@pytest.fixture
def warned(monkeypatch):
    """Messages the window would have shown in a (modal) message box."""
    shown: list[str] = []

    def fake_warning(_parent, _title, text, *args, **kwargs):
        shown.append(text)

    monkeypatch.setattr(main_window_module.QMessageBox, "warning", fake_warning)
    return shown


def test_opening_the_sample_shows_all_its_pages(qtbot, viewer, sample_pdf):
    if not sample_pdf.exists():
        pytest.skip("the sample report has not been generated yet")
    with pymupdf.open(sample_pdf) as doc:
        expected_pages = doc.page_count
    info = open_and_wait(qtbot, viewer, sample_pdf)
    assert info.page_count == expected_pages
    assert viewer.page_view.page_count == expected_pages
    assert viewer.page_box.text() == f"1 / {expected_pages}"
    assert "KFOR Viewer" in viewer.windowTitle()


def test_scrolling_to_a_page_updates_the_page_box(qtbot, viewer, long_pdf):
    open_and_wait(qtbot, viewer, long_pdf)
    viewer.page_view.go_to_page(6)
    assert viewer.page_box.text() == "7 / 12"
    viewer.page_view.verticalScrollBar().setValue(0)
    assert viewer.page_box.text() == "1 / 12"


def test_typing_in_the_page_box_goes_to_that_page(qtbot, viewer, long_pdf):
    open_and_wait(qtbot, viewer, long_pdf)
    viewer.actions.go_to_page.trigger()
    qtbot.keyClicks(viewer.page_box.edit, "9")
    qtbot.keyClick(viewer.page_box.edit, Qt.Key.Key_Return)
    assert viewer.page_view.current_page == 8
    assert viewer.page_box.text() == "9 / 12"
    viewer.actions.back.trigger()
    assert viewer.page_view.current_page == 0


def test_zooming_renders_the_page_at_the_new_size(qtbot, viewer, text_pdf):
    open_and_wait(qtbot, viewer, text_pdf)
    wait_first_paint(qtbot, viewer)
    view = viewer.page_view
    view.set_zoom(1.0)
    dpr = view.devicePixelRatioF()
    width_at_150 = round(595 * POINTS_TO_PIXELS * 1.5 * dpr)
    with qtbot.waitSignal(
        viewer.requests.imageReady,
        timeout=OPEN_TIMEOUT_MS,
        check_params_cb=lambda key: key.page == 0 and key.px_width == width_at_150,
    ):
        viewer.zoom_box.setEditText("150%")
        qtbot.keyClick(viewer.zoom_box.lineEdit(), Qt.Key.Key_Return)
    assert view.zoom == pytest.approx(1.5)
    assert view.layout_model.rects[0].width == pytest.approx(595 * POINTS_TO_PIXELS * 1.5)


def test_each_kind_of_bad_file_says_why_and_keeps_the_open_document(
    qtbot, viewer, text_pdf, tmp_path, warned
):
    open_and_wait(qtbot, viewer, text_pdf)
    bad_files = {
        bad_pdfs.not_a_pdf(tmp_path / "minutes.pdf"): "not a PDF",
        bad_pdfs.empty_file(tmp_path / "empty.pdf"): "empty",
        bad_pdfs.truncated_pdf(tmp_path / "cut.pdf", text_pdf): "damaged",
        bad_pdfs.garbage_pdf(tmp_path / "garbage.pdf"): "damaged",
        bad_pdfs.zero_page_pdf(tmp_path / "nopages.pdf"): "no pages",
        bad_pdfs.certificate_encrypted_pdf(tmp_path / "cert.pdf"): "certificate",
    }
    for path, reason in bad_files.items():
        with qtbot.waitSignal(viewer.client.openFailed, timeout=OPEN_TIMEOUT_MS):
            viewer.open_path(str(path))
        assert path.name in warned[-1]
        assert reason in warned[-1]
        assert viewer.info.path == str(text_pdf)
        assert viewer.page_view.page_count == 3
    assert "Generated KFOR test report" in viewer.windowTitle()


def test_a_password_is_asked_for_and_a_wrong_one_says_so(qtbot, viewer, tmp_path, monkeypatch):
    path = bad_pdfs.encrypted_pdf(tmp_path / "locked.pdf")
    answers = iter([("guess", True), (bad_pdfs.PASSWORD, True)])
    prompts: list[str] = []

    def fake_get_text(_parent, _title, prompt, *args, **kwargs):
        prompts.append(prompt)
        return next(answers)

    monkeypatch.setattr(main_window_module.QInputDialog, "getText", fake_get_text)
    info = open_and_wait(qtbot, viewer, path)
    assert info.page_count == 3
    assert "locked.pdf" in prompts[0] and "wrong" not in prompts[0]
    assert "wrong" in prompts[1]


def test_dropping_a_pdf_on_the_window_opens_it(qtbot, viewer, text_pdf):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(text_pdf))])
    action = Qt.DropAction.CopyAction
    enter = _drag_enter(mime)
    QApplication.sendEvent(viewer, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(300, 300), action, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    with qtbot.waitSignal(viewer.client.opened, timeout=OPEN_TIMEOUT_MS):
        QApplication.sendEvent(viewer, drop)
    assert viewer.info.path == str(text_pdf)


def _drag_enter(mime: QMimeData) -> QDragEnterEvent:
    with warnings.catch_warnings():  # PySide marks the only constructor deprecated
        warnings.simplefilter("ignore", DeprecationWarning)
        return QDragEnterEvent(
            QPoint(300, 300),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )


def test_a_drag_without_files_is_refused(viewer):
    mime = QMimeData()
    mime.setText("just text")
    enter = _drag_enter(mime)
    QApplication.sendEvent(viewer, enter)
    assert not enter.isAccepted()


def test_the_next_start_reopens_the_last_document_at_its_page_and_zoom(
    qtbot, make_viewer, long_pdf, text_pdf
):
    first = make_viewer()
    open_and_wait(qtbot, first, long_pdf)
    first.page_view.set_zoom(1.5)
    first.page_view.go_to_page(5)
    first.sidebar.setCurrentIndex(1)
    first.close()

    second = make_viewer()
    with qtbot.waitSignal(second.client.opened, timeout=OPEN_TIMEOUT_MS):
        second.start(None, fallback=text_pdf)
    assert second.info.path == str(long_pdf)
    assert second.page_view.current_page == 5
    assert second.page_view.zoom == pytest.approx(1.5)
    assert second.zoom_box.currentText() == "150%"
    assert second.sidebar.currentIndex() == 1
    assert second.recent_menu.paths()[0] == str(long_pdf)


def test_the_first_start_opens_the_fallback_and_a_file_argument_wins(
    qtbot, make_viewer, text_pdf, long_pdf
):
    window = make_viewer()
    with qtbot.waitSignal(window.client.opened, timeout=OPEN_TIMEOUT_MS):
        window.start(None, fallback=text_pdf)
    assert window.info.path == str(text_pdf)
    with qtbot.waitSignal(window.client.opened, timeout=OPEN_TIMEOUT_MS):
        window.start(str(long_pdf), fallback=text_pdf)
    assert window.info.path == str(long_pdf)


def test_open_recent_lists_documents_newest_first_and_reopens_them(
    qtbot, viewer, text_pdf, long_pdf
):
    open_and_wait(qtbot, viewer, text_pdf)
    open_and_wait(qtbot, viewer, long_pdf)
    entries = [a for a in viewer.recent_menu.actions() if a.toolTip().endswith(".pdf")]
    assert [a.toolTip() for a in entries] == [str(long_pdf), str(text_pdf)]
    with qtbot.waitSignal(viewer.client.opened, timeout=OPEN_TIMEOUT_MS):
        entries[1].trigger()
    assert viewer.info.path == str(text_pdf)
    viewer.actions.clear_recent.trigger()
    assert viewer.recent_menu.paths() == []


def test_every_viewer_menu_item_is_enabled_once_a_document_is_open(qtbot, viewer, text_pdf):
    open_and_wait(qtbot, viewer, text_pdf)
    ours = set(vars(viewer.actions).values())
    waiting = {
        viewer.actions.copy,
        viewer.actions.back,
        viewer.actions.forward,
        viewer.actions.previous_page,
    }  # need a selection, a history, a page before
    in_menus = [
        action
        for menu_action in viewer.menuBar().actions()
        for action in menu_action.menu().actions()
        if action in ours
    ]
    assert len(in_menus) >= 20
    assert [a.text() for a in in_menus if not a.isEnabled() and a not in waiting] == []


def test_view_menu_toggles_the_sidebar_panels(qtbot, viewer, text_pdf):
    open_and_wait(qtbot, viewer, text_pdf)
    viewer.actions.show_outline.trigger()
    assert viewer.sidebar.isVisible() and viewer.sidebar.currentWidget() is viewer.outline
    assert viewer.actions.show_outline.isChecked()
    assert not viewer.actions.show_thumbnails.isChecked()
    viewer.actions.show_outline.trigger()
    assert viewer.sidebar.isHidden()


def test_the_window_renders_a_page_of_dark_text_on_white(qtbot, viewer, text_pdf, tmp_path):
    open_and_wait(qtbot, viewer, text_pdf)
    viewer.page_view.set_zoom(2.0)
    wait_first_paint(qtbot, viewer)
    path = tmp_path / "window.png"
    assert viewer.grab().save(str(path))
    image = QImage(str(path))
    view = viewer.page_view
    page = view.layout_model.rects[0]
    origin = view.viewport().mapTo(viewer, QPoint(0, 0))
    page_in_window = QRect(
        round(page.x) + origin.x() - view.horizontalScrollBar().value(),
        round(page.y) + origin.y() - view.verticalScrollBar().value(),
        round(page.width),
        round(page.height),
    )
    area = page_in_window.intersected(QRect(origin, view.viewport().size())).adjusted(
        20, 20, -20, -20
    )
    colours = _colours(image, area.x(), area.y(), min(area.width(), 700), 260)
    white = colours.get((255, 255, 255), 0)
    dark = sum(n for (r, g, b), n in colours.items() if r + g + b < 200)
    assert white > 0.7 * sum(colours.values())
    assert dark > 200
    assert len(_colours(image, 0, 0, image.width(), image.height(), step=3)) > 30


def _colours(image: QImage, x0: int, y0: int, width: int, height: int, step: int = 1) -> dict:
    counts: dict[tuple[int, int, int], int] = {}
    for y in range(max(y0, 0), min(y0 + height, image.height()), step):
        for x in range(max(x0, 0), min(x0 + width, image.width()), step):
            colour = image.pixelColor(x, y)
            rgb = (colour.red(), colour.green(), colour.blue())
            counts[rgb] = counts.get(rgb, 0) + 1
    return counts


def test_no_two_commands_share_a_shortcut(viewer):
    seen: dict[str, str] = {}
    clashes = []
    window_wide = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)
    for action in viewer.findChildren(QAction):
        live = any(getattr(o, "isVisible", lambda: False)() for o in action.associatedObjects())
        if action.shortcutContext() not in window_wide or not live:
            continue  # a panel's own or a context menu's shortcut may reuse keys
        for shortcut in action.shortcuts():
            key = shortcut.toString()
            if key in seen and seen[key] != action.text():
                clashes.append((key, seen[key], action.text()))
            seen[key] = action.text()
    assert clashes == []
    assert "Ctrl+Q" in seen and "Ctrl+G" in seen and "F3" in seen


def test_zoom_and_go_to_shortcuts(qtbot, viewer, text_pdf):
    open_and_wait(qtbot, viewer, text_pdf)
    view = viewer.page_view
    view.setFocus()
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(view, Qt.Key.Key_0, ctrl)
    assert view.zoom == pytest.approx(1.0)
    qtbot.keyClick(view, Qt.Key.Key_Equal, ctrl)
    assert view.zoom == pytest.approx(1.1)
    qtbot.keyClick(view, Qt.Key.Key_Minus, ctrl)
    qtbot.keyClick(view, Qt.Key.Key_Minus, ctrl)
    assert view.zoom == pytest.approx(0.9)
    qtbot.keyClick(view, Qt.Key.Key_2, ctrl)
    assert view.zoom_mode == "fit-page" and viewer.zoom_box.currentText() == "Fit Page"
    qtbot.keyClick(view, Qt.Key.Key_G, ctrl)
    assert viewer.page_box.edit.hasFocus()


def test_file_open_and_the_go_menu(qtbot, viewer, long_pdf, monkeypatch):
    monkeypatch.setattr(
        main_window_module.QFileDialog,
        "getOpenFileName",
        lambda *args, **kwargs: (str(long_pdf), ""),
    )
    with qtbot.waitSignal(viewer.client.opened, timeout=OPEN_TIMEOUT_MS):
        viewer.actions.open.trigger()
    view, a = viewer.page_view, viewer.actions
    a.next_page.trigger()
    a.next_page.trigger()
    assert view.current_page == 2
    a.previous_page.trigger()
    assert view.current_page == 1
    a.last_page.trigger()
    assert view.current_page == 11 and not a.next_page.isEnabled()
    a.first_page.trigger()
    assert view.current_page == 0 and not a.previous_page.isEnabled()
    a.back.trigger()
    assert view.current_page == 11
    a.forward.trigger()
    assert view.current_page == 0


def test_each_document_reopens_where_it_was_left(qtbot, viewer, long_pdf, text_pdf):
    open_and_wait(qtbot, viewer, long_pdf)
    viewer.page_view.set_zoom(1.5)
    viewer.page_view.go_to_page(7)
    open_and_wait(qtbot, viewer, text_pdf)
    assert viewer.page_view.current_page == 0
    open_and_wait(qtbot, viewer, long_pdf)
    assert viewer.page_view.current_page == 7
    assert viewer.page_view.zoom == pytest.approx(1.5)


def test_remembered_places_are_bounded(tmp_path):
    settings = ViewerSettings()
    for number in range(MAX_PLACES + 3):
        settings.save_document_place(LastDocument(str(tmp_path / f"{number}.pdf"), 2, "custom", 2))
    assert settings.document_place(str(tmp_path / "0.pdf")) is None
    newest = settings.document_place(str(tmp_path / f"{MAX_PLACES + 2}.pdf"))
    assert newest is not None and newest.page == 2 and newest.zoom == 2.0
