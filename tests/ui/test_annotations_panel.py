"""The annotations panel: grouping by page and by tag, filters, the tag list, jumping."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow

from kfor_viewer.core.annotation_store import AnnotationStore
from kfor_viewer.core.annotations import Annotation, new_id
from kfor_viewer.core.document_identity import DocumentIdentity
from kfor_viewer.ui.annotation_list_model import BY_PAGE, BY_TAG, group_annotations
from kfor_viewer.ui.annotations_panel import AnnotationsPanel


def highlight(page: int, quote: str, y: float, tags=(), note="") -> Annotation:
    return Annotation(
        id=new_id(), page=page, quote=quote, rects=((72.0, y, 300.0, y + 12),), tags=tags, note=note
    )


@pytest.fixture
def store():
    store = AnnotationStore(DocumentIdentity("ab" * 32, "report.pdf"))
    store.add(highlight(3, "troops in theatre remained approximately 3,600", 300, ("troops",)))
    store.add(highlight(1, "Security Council resolution 1244", 200, ("mandate", "UN")))
    store.add(highlight(3, "no major security incidents", 120, (), "check annex"))
    store.add(highlight(1, "Kosovo Force operations", 100, ("troops",)))
    return store


@pytest.fixture
def panel(qtbot, store):
    panel = AnnotationsPanel()
    qtbot.addWidget(panel)
    panel.resize(320, 600)
    panel.show()
    panel.set_store(store)
    return panel


def quotes(panel: AnnotationsPanel, store) -> list[str]:
    return [store.get(i).quote for i in panel.visible_ids()]


def test_by_page_in_reading_order(panel, store):
    assert panel.group_titles() == ["Page 1", "Page 3"]
    assert quotes(panel, store) == [
        "Kosovo Force operations",
        "Security Council resolution 1244",
        "no major security incidents",
        "troops in theatre remained approximately 3,600",
    ]


def test_by_tag_lists_a_highlight_under_each_of_its_tags(panel, store):
    panel.set_grouping(BY_TAG)
    assert panel.group_titles() == ["mandate", "troops", "UN", "Untagged"]
    assert quotes(panel, store) == [
        "Security Council resolution 1244",
        "Kosovo Force operations",
        "troops in theatre remained approximately 3,600",
        "Security Council resolution 1244",
        "no major security incidents",
    ]


def test_text_filter_searches_quote_note_and_tags(panel, store, qtbot):
    qtbot.keyClicks(panel.filter_edit, "ANNEX")
    assert quotes(panel, store) == ["no major security incidents"]
    panel.filter_edit.setText("un 1244")
    assert quotes(panel, store) == ["Security Council resolution 1244"]
    panel.filter_edit.setText("nothing like this")
    assert panel.visible_ids() == [] and "No highlight matches" in panel.hint.text()


def test_tag_list_counts_and_filters_on_click(panel, store, qtbot):
    labels = [panel.tag_list.item(i).text() for i in range(panel.tag_list.count())]
    assert labels == ["mandate  1", "troops  2", "UN  1"]
    troops = panel.tag_list.item(1)
    rect = panel.tag_list.visualItemRect(troops)
    qtbot.mouseClick(panel.tag_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert quotes(panel, store) == [
        "Kosovo Force operations",
        "troops in theatre remained approximately 3,600",
    ]
    troops = panel.tag_list.item(1)  # the list was rebuilt
    rect = panel.tag_list.visualItemRect(troops)
    qtbot.mouseClick(panel.tag_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert len(panel.visible_ids()) == 4  # a second click shows all again


def test_clicking_a_row_asks_to_jump_and_the_list_follows_the_store(panel, store, qtbot):
    first = panel.visible_ids()[0]
    rect = panel.list_view.visualRect(panel.index_for(first))
    with qtbot.waitSignal(panel.requestJump) as jump:
        qtbot.mouseClick(panel.list_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert jump.args == [first]
    store.remove(first)
    qtbot.waitUntil(lambda: first not in panel.visible_ids(), timeout=1000)
    assert len(panel.visible_ids()) == 3


def test_empty_and_no_document_hints(qtbot):
    panel = AnnotationsPanel()
    qtbot.addWidget(panel)
    assert "Open a document" in panel.hint.text()
    panel.set_store(AnnotationStore(DocumentIdentity("cd" * 32, "x.pdf")))
    assert "press H" in panel.hint.text()


def test_grouping_function_without_widgets():
    a = highlight(2, "alpha", 50, ("b",))
    b = highlight(2, "beta", 10, ())
    assert group_annotations([a, b], BY_PAGE) == [("Page 2", [b, a])]
    assert group_annotations([a, b], BY_TAG, tag="b") == [("b", [a])]


def test_arrow_keys_go_from_highlight_to_highlight(panel, qtbot):
    first, second = panel.visible_ids()[:2]
    panel.select(first)
    panel.list_view.setFocus()
    with qtbot.waitSignal(panel.requestJump) as jump:
        qtbot.keyClick(panel.list_view, Qt.Key.Key_Down)
    assert jump.args == [second] and panel.selected_id() == second


def test_f8_brings_the_panel_out_from_behind_the_fields_tab(qtbot):
    window = QMainWindow()
    window.setCentralWidget(QLabel("pages"))
    fields = QDockWidget("Fields", window)
    fields.setWidget(QLabel("fields"))
    panel = AnnotationsPanel(window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, fields)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
    window.tabifyDockWidget(fields, panel)
    show_action = panel.make_show_action(window)
    qtbot.addWidget(window)
    window.resize(900, 600)
    window.show()
    fields.raise_()
    qtbot.waitUntil(lambda: panel.visibleRegion().isEmpty())  # a tab behind Fields
    show_action.trigger()  # F8
    qtbot.waitUntil(lambda: not panel.visibleRegion().isEmpty())
    assert not panel.isHidden() and show_action.isChecked()
    show_action.trigger()  # F8 again, now that it is in front: closes it
    assert panel.isHidden() and not show_action.isChecked()
    show_action.trigger()
    assert not panel.isHidden() and show_action.isChecked()
