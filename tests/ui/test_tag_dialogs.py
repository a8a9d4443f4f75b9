"""Tags in the window: completion from every document, tag colours, rename and merge
everywhere."""

from __future__ import annotations

from kfor_viewer.core.annotation_store import AnnotationStore
from kfor_viewer.core.annotations import Annotation, new_id
from kfor_viewer.core.document_identity import DocumentIdentity
from kfor_viewer.core.tag_vocabulary import load_tag_vocabulary, remember_tags
from kfor_viewer.ui.tag_dialogs import rename_tag_everywhere, set_tag_color
from tests.ui.annotation_gui import open_with_store, select_words

GREEN = "#A8E6A1"


def other_document_with(tag: str) -> AnnotationStore:
    """Another document's store, saved, with one highlight tagged `tag`."""
    other = AnnotationStore.open(DocumentIdentity("9f" * 32, "earlier-report.pdf"))
    other.add(Annotation(id=new_id(), page=2, quote="EULEX", rects=((1, 2, 3, 4),), tags=(tag,)))
    other.save()
    remember_tags([tag])
    return other


def test_tag_completion_offers_tags_of_other_documents(qtbot, make_viewer, text_pdf):
    other_document_with("mitrovica-north")
    window = make_viewer()
    open_with_store(qtbot, window, text_pdf)
    tools = window.annotation_tools
    select_words(qtbot, window, 0, "KFOR,", "EULEX")
    tools.highlight_with_tags()  # highlight, then the editor for its tags
    editor = tools.editor
    qtbot.waitUntil(editor.isVisible)
    completer = editor.tag_edit.completer()
    qtbot.keyClicks(editor.tag_edit, "mitro")
    assert completer.completionCount() == 1
    assert completer.currentCompletion() == "mitrovica-north"
    editor.close()


def test_a_tag_with_a_colour_colours_the_highlight_in_one_undo_step(qtbot, make_viewer, text_pdf):
    window = make_viewer()
    store = open_with_store(qtbot, window, text_pdf)
    tools = window.annotation_tools
    set_tag_color(tools, "security", GREEN)
    assert load_tag_vocabulary()[0].colors["security"] == GREEN
    select_words(qtbot, window, 0, "Safe", "environment")
    (plain,) = tools.highlight_selection()
    tools.retag(plain, ("security",))
    assert store.get(plain).color == GREEN
    window.undo_stack.undo()
    assert (store.get(plain).tags, store.get(plain).color) == ((), "#FFE066")
    # highlighting straight away with the tag takes its colour too
    select_words(qtbot, window, 1, "Safe", "environment")
    (tagged,) = tools.highlight_selection(tags=("security",))
    assert store.get(tagged).color == GREEN
    select_words(qtbot, window, 2, "Safe", "environment")
    tools.highlight_selection(tags=("ceasefire",))
    assert "ceasefire" in load_tag_vocabulary()[0].colors  # offered in every document now


def test_rename_and_merge_a_tag_in_every_document(qtbot, make_viewer, text_pdf):
    other = other_document_with("north")
    window = make_viewer()
    store = open_with_store(qtbot, window, text_pdf)
    tools = window.annotation_tools
    select_words(qtbot, window, 0, "KFOR,", "EULEX")
    (mine,) = tools.highlight_selection(tags=("north", "Mitrovica"))
    changed = rename_tag_everywhere(tools, "north", "Mitrovica")  # merges into an existing tag
    assert changed == 2
    assert store.get(mine).tags == ("Mitrovica",)
    assert [
        a.tags for a in AnnotationStore.open(DocumentIdentity(other.sha256, "")).annotations()
    ] == [("Mitrovica",)]
    assert "north" not in load_tag_vocabulary()[0].colors
    labels = [tools.panel.tag_list.item(i).text() for i in range(tools.panel.tag_list.count())]
    assert labels == ["Mitrovica  1"]
