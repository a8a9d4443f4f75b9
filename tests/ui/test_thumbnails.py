"""The thumbnails sidebar: rendered at low priority for the rows on screen, click to jump,
the current page marked."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kfor_viewer.ui.render_plan import PRIORITY_THUMBNAIL
from tests.ui.conftest import OPEN_TIMEOUT_MS, open_and_wait


def test_thumbnails_render_small_and_clicking_one_goes_to_its_page(qtbot, viewer, long_pdf):
    open_and_wait(qtbot, viewer, long_pdf)
    panel = viewer.thumbnails
    viewer.actions.show_thumbnails.setChecked(False)
    viewer.actions.show_thumbnails.trigger()
    assert panel.isVisible()
    qtbot.waitUntil(lambda: panel.is_cached(0), timeout=OPEN_TIMEOUT_MS)
    image = viewer.cache.get(panel.key(0))
    assert image.width() == round(120 * panel.devicePixelRatioF())
    shown = panel.visible_rows()
    assert 0 < len(shown) < 12  # only what is on screen
    assert not panel.is_cached(11)

    panel.scroll_to_row(2)
    qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=panel.row_rect(2).center())
    assert viewer.page_view.current_page == 2
    assert panel.current_page == 2
    viewer.page_view.go_to_page(7)
    assert panel.current_page == 7
    assert 7 in panel.visible_rows()


def test_thumbnail_requests_are_low_priority(qtbot, viewer, long_pdf, monkeypatch):
    calls: list[tuple[object, int]] = []
    original = viewer.client.request_render
    monkeypatch.setattr(
        viewer.client,
        "request_render",
        lambda key, priority=0: (calls.append((key, priority)), original(key, priority)),
    )
    open_and_wait(qtbot, viewer, long_pdf)
    thumb_width = round(120 * viewer.thumbnails.devicePixelRatioF())
    qtbot.waitUntil(
        lambda: any(key.px_width == thumb_width for key, _ in calls), timeout=OPEN_TIMEOUT_MS
    )
    for key, priority in calls:
        if key.px_width == thumb_width:
            assert priority == PRIORITY_THUMBNAIL
        else:
            assert priority < PRIORITY_THUMBNAIL
