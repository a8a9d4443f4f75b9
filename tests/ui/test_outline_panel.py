"""The outline panel builds the tree from levels and jumps on click."""

from __future__ import annotations

from kfor_viewer.core.pdf_types import OutlineEntry
from kfor_viewer.ui.outline_panel import OutlinePanel
from tests.ui.conftest import open_and_wait


def test_levels_nest_and_clicking_requests_the_page(qtbot):
    panel = OutlinePanel()
    qtbot.addWidget(panel)
    panel.set_outline(
        [
            OutlineEntry(1, "Letter", 0),
            OutlineEntry(1, "Annex I", 1),
            OutlineEntry(2, "Enclosure", 2),
            OutlineEntry(1, "Annex II", 3),
        ]
    )
    assert panel.topLevelItemCount() == 3
    annex = panel.topLevelItem(1)
    assert annex.child(0).text(0) == "Enclosure"
    assert annex.child(0).text(1) == "3"
    with qtbot.waitSignal(panel.requestPage) as requested:
        panel.itemClicked.emit(annex.child(0), 0)
    assert requested.args == [2]


def test_the_document_outline_is_shown_and_jumps(qtbot, viewer, long_pdf):
    open_and_wait(qtbot, viewer, long_pdf)  # outline: "First page" > "Last page"
    outline = viewer.outline
    assert outline.has_entries()
    last = outline.topLevelItem(0).child(0)
    assert last.text(0) == "Last page"
    outline.itemClicked.emit(last, 0)
    assert viewer.page_view.current_page == 11
    viewer.actions.back.trigger()
    assert viewer.page_view.current_page == 0
