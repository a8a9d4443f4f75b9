"""The page view against the real worker: selection and copy, zoom at the cursor, keys, tiles at
high zoom, only what is visible requested, and a bad page's placeholder."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication

from tests.core import bad_pdfs
from tests.ui.conftest import OPEN_TIMEOUT_MS, open_and_wait, wait_first_paint

# Word centres on every page of bad_pdfs.text_pdf (PDF points): line 1 then line 2.
KFOR = (130.0, 96.0)
SECURE = (135.0, 126.0)
COOPERATION = (360.0, 96.0)
PAGE_WORD = (85.0, 96.0)


def _mouse(view, kind, point: QPointF, buttons=Qt.MouseButton.LeftButton) -> None:
    button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton
    event = QMouseEvent(
        kind,
        point,
        view.viewport().mapToGlobal(point),
        button,
        buttons,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view.viewport(), event)


def _drag(
    qtbot, view, start: tuple[int, tuple[float, float]], end: tuple[int, tuple[float, float]]
):
    a = view.page_point_to_viewport(start[0], *start[1])
    b = view.page_point_to_viewport(end[0], *end[1])
    _mouse(view, QEvent.Type.MouseButtonPress, a)
    middle = QPointF((a.x() + b.x()) / 2, (a.y() + b.y()) / 2)
    _mouse(view, QEvent.Type.MouseMove, middle)
    _mouse(view, QEvent.Type.MouseMove, b)
    _mouse(view, QEvent.Type.MouseButtonRelease, b, Qt.MouseButton.NoButton)


def test_a_drag_selects_whole_words_across_lines_and_ctrl_c_copies_them(qtbot, viewer, text_pdf):
    open_and_wait(qtbot, viewer, text_pdf)
    view = viewer.page_view
    with qtbot.waitSignal(
        view.selectionChanged,
        timeout=OPEN_TIMEOUT_MS,
        check_params_cb=lambda selection: bool(selection),
    ):
        _drag(qtbot, view, (0, KFOR), (0, SECURE))
    expected = "KFOR, EULEX and the Kosovo police; eulex cooperation.\nSafe and secure"
    assert view.selection.text == expected
    part = view.selection.pages[0]
    assert (part.page, part.first, part.last) == (0, 2, 12)
    assert len(part.rects) == 2  # one band per line, as viewers draw it
    QGuiApplication.clipboard().clear()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == expected


def test_the_text_cursor_shows_over_pages_only(qtbot, viewer, text_pdf):
    open_and_wait(qtbot, viewer, text_pdf)
    view = viewer.page_view
    view.set_zoom(0.5)
    over_page = view.page_point_to_viewport(0, *KFOR)
    _mouse(view, QEvent.Type.MouseMove, over_page, Qt.MouseButton.NoButton)
    assert view.viewport().cursor().shape() == Qt.CursorShape.IBeamCursor
    _mouse(view, QEvent.Type.MouseMove, QPointF(3, 3), Qt.MouseButton.NoButton)
    assert view.viewport().cursor().shape() == Qt.CursorShape.ArrowCursor


def test_a_selection_runs_across_pages(qtbot, viewer, text_pdf):
    open_and_wait(qtbot, viewer, text_pdf)
    view = viewer.page_view
    view.set_zoom(0.5)  # both pages on screen
    with qtbot.waitSignal(
        view.selectionChanged,
        timeout=OPEN_TIMEOUT_MS,
        check_params_cb=lambda selection: len(selection.pages) == 2,
    ):
        _drag(qtbot, view, (0, COOPERATION), (1, PAGE_WORD))
    assert view.selection.text == "cooperation.\nSafe and secure environment\nPage"


def test_select_all_takes_the_current_page(qtbot, viewer, text_pdf):
    open_and_wait(qtbot, viewer, text_pdf)
    view = viewer.page_view
    view.go_to_page(1)
    with qtbot.waitSignal(view.selectionChanged, timeout=OPEN_TIMEOUT_MS):
        viewer.actions.select_all.trigger()
    assert view.selection.text == (
        "Page 2: KFOR, EULEX and the Kosovo police; eulex cooperation.\nSafe and secure environment"
    )
    assert viewer.actions.copy.isEnabled()


def test_ctrl_wheel_zooms_keeping_the_point_under_the_cursor(qtbot, viewer, long_pdf):
    open_and_wait(qtbot, viewer, long_pdf)
    view = viewer.page_view
    view.set_zoom(1.0)
    view.go_to_page(3)
    cursor = QPointF(view.viewport().width() * 0.7, view.viewport().height() * 0.6)
    before = view.page_position_at(cursor)
    wheel = QWheelEvent(
        cursor,
        view.viewport().mapToGlobal(cursor),
        QPoint(0, 0),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom == pytest.approx(1.21)
    after = view.page_point_to_viewport(before.page, before.x, before.y)
    assert after.x() == pytest.approx(cursor.x(), abs=1.5)
    assert after.y() == pytest.approx(cursor.y(), abs=1.5)


def test_keys_move_through_the_document(qtbot, viewer, long_pdf):
    open_and_wait(qtbot, viewer, long_pdf)
    view = viewer.page_view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.current_page == 11
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.current_page == 0
    top = view.verticalScrollBar().value()
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert view.verticalScrollBar().value() > top + view.viewport().height() / 2
    qtbot.keyClick(view, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
    assert view.verticalScrollBar().value() == top
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.verticalScrollBar().value() > top
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # Back: to page 12
    assert view.current_page == 11


def test_only_visible_pages_and_one_ahead_are_requested(qtbot, viewer, long_pdf):
    open_and_wait(qtbot, viewer, long_pdf)
    viewer.sidebar.hide()  # thumbnails ask for their own renders
    view = viewer.page_view
    view.set_zoom(1.0)
    view.go_to_page(5)
    qtbot.waitUntil(lambda: not view._render_timer.isActive())
    visible = view.layout_model.visible_pages(
        view.verticalScrollBar().value(),
        view.verticalScrollBar().value() + view.viewport().height(),
    )
    requested = {key.page for key in viewer.requests.wanted()}
    allowed = set(visible) | {visible.stop, visible.start - 1}
    assert requested <= allowed


def test_high_zoom_renders_tiles_of_the_visible_region_only(qtbot, viewer, text_pdf):
    open_and_wait(qtbot, viewer, text_pdf)
    wait_first_paint(qtbot, viewer)
    view = viewer.page_view
    view.set_zoom(4.0)
    wait_first_paint(qtbot, viewer)
    keys = view._keys_for_page(0, view._visible_layout_rect())
    tiles = [key for key in keys if key.clip is not None]
    assert tiles, "a page at 400 % is rendered in tiles"
    tile_area = sum(key.clip[2] * key.clip[3] for key in tiles)
    assert tile_area < tiles[0].px_width * tiles[0].px_height / 2
    assert all(viewer.cache.get(key) is not None for key in tiles)


def test_a_page_that_fails_shows_its_reason_and_the_others_still_render(qtbot, viewer, tmp_path):
    path = bad_pdfs.page_tree_cycle_pdf(tmp_path / "cycle.pdf")
    open_and_wait(qtbot, viewer, path)
    view = viewer.page_view
    view.set_zoom(0.5)
    qtbot.waitUntil(lambda: 1 in view._failed, timeout=OPEN_TIMEOUT_MS)
    assert view._failed[1]
    wait_first_paint(qtbot, viewer, page=0)
    image = view.viewport().grab().toImage()
    rect = view.layout_model.rects[1]
    centre = view.page_point_to_viewport(1, 150, 20)
    colour = image.pixelColor(round(centre.x()), round(centre.y()))
    assert (colour.red(), colour.green(), colour.blue()) != (255, 255, 255)
    assert rect.height > 0


def test_renders_are_asked_in_device_pixels_on_hidpi_screens(qtbot, viewer, text_pdf, monkeypatch):
    open_and_wait(qtbot, viewer, text_pdf)
    view = viewer.page_view
    view.set_zoom(1.0)
    monkeypatch.setattr(type(view), "devicePixelRatioF", lambda self: 2.0)
    keys = view._keys_for_page(0, view._visible_layout_rect())
    logical = view.layout_model.rects[0]
    assert keys[0].px_width == round(logical.width * 2)
    assert keys[0].px_height == round(logical.height * 2)


def test_a_worker_restart_is_announced_and_the_pages_come_back(qtbot, viewer, text_pdf):
    open_and_wait(qtbot, viewer, text_pdf)
    wait_first_paint(qtbot, viewer)
    viewer.cache.clear()
    message = "The PDF engine stopped responding and was restarted."
    viewer.client.workerRestarted.emit(message)
    assert viewer.banner.text() == message
    assert viewer.statusBar().currentMessage() == message
    wait_first_paint(qtbot, viewer)  # asked again, rendered again


def test_dragging_below_the_view_scrolls_and_extends_the_selection(qtbot, viewer, long_pdf):
    open_and_wait(qtbot, viewer, long_pdf)
    view = viewer.page_view
    view.set_zoom(1.0)
    start = view.page_point_to_viewport(0, *KFOR)
    _mouse(view, QEvent.Type.MouseButtonPress, start)
    below = QPointF(start.x(), view.viewport().height() + 150)
    _mouse(view, QEvent.Type.MouseMove, below)
    qtbot.waitUntil(lambda: view.current_page >= 2, timeout=OPEN_TIMEOUT_MS)
    qtbot.waitUntil(lambda: len(view.selection.pages) >= 2, timeout=OPEN_TIMEOUT_MS)
    _mouse(view, QEvent.Type.MouseButtonRelease, below, Qt.MouseButton.NoButton)
    assert view.selection.text.startswith("KFOR, EULEX")
    assert "Page 2:" in view.selection.text


def test_while_the_new_size_renders_the_old_image_is_shown_scaled(qtbot, viewer, text_pdf):
    open_and_wait(qtbot, viewer, text_pdf)
    view = viewer.page_view
    view.set_zoom(1.0)
    wait_first_paint(qtbot, viewer)
    view.set_zoom(1.6)  # no event processed: the 160 % render cannot have arrived
    assert all(
        viewer.cache.get(key) is None for key in view._keys_for_page(0, view._visible_layout_rect())
    )
    image = view.viewport().grab().toImage()
    word = view.page_point_to_viewport(0, *KFOR)
    dark = [
        (x, y)
        for x in range(round(word.x()) - 30, round(word.x()) + 30)
        for y in range(round(word.y()) - 8, round(word.y()) + 8)
        if image.pixelColor(x, y).lightness() < 100
    ]
    assert len(dark) > 20  # text, not a blank sheet


def test_a_tile_that_fails_is_not_asked_for_again(qtbot, viewer, text_pdf):
    open_and_wait(qtbot, viewer, text_pdf)
    view = viewer.page_view
    view.set_zoom(4.0)
    tile = next(key for key in view._keys_for_page(0, view._visible_layout_rect()) if key.clip)
    viewer.cache.clear()
    viewer.requests.renderFailed.emit(tile, "too many colour components")
    view._request_visible()
    assert tile not in viewer.requests.wanted()
    assert 0 not in view._failed  # the page itself still shows (its preview)
