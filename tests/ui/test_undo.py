"""The window's undo stack runs the core's edit commands: Undo/Redo actions, macros, failures."""

from __future__ import annotations

import pytest

from kfor_viewer.core import edit_commands
from kfor_viewer.core.annotation_store import AnnotationStore
from kfor_viewer.core.annotations import Annotation, new_id
from kfor_viewer.core.document_identity import DocumentIdentity
from kfor_viewer.ui.undo import AnnotationUndoStack


@pytest.fixture
def store():
    return AnnotationStore(DocumentIdentity("ef" * 32, "report.pdf"))


def made(page: int = 1) -> Annotation:
    return Annotation(id=new_id(), page=page, quote="EULEX", rects=((1.0, 2.0, 3.0, 4.0),))


def test_push_does_once_and_undo_redo_follow(qtbot, store):
    stack = AnnotationUndoStack()
    highlight = made()
    stack.push(edit_commands.CreateAnnotations(store, [highlight]))
    assert [a.id for a in store.annotations()] == [highlight.id]  # done once, not twice
    stack.push(edit_commands.set_note(store, highlight.id, "check"))
    assert stack.undoText() == "Edit note"
    undo = stack.createUndoAction(stack)
    assert undo.text() == "Undo Edit note"
    stack.undo()
    assert store.get(highlight.id).note == ""
    stack.undo()
    assert store.annotations() == []
    stack.redo()
    stack.redo()
    assert store.get(highlight.id).note == "check"


def test_a_macro_is_one_undo_step(qtbot, store):
    stack = AnnotationUndoStack()
    highlight = made()
    stack.push(edit_commands.CreateAnnotations(store, [highlight]))
    stack.beginMacro("Change tags")
    stack.push(edit_commands.retag(store, highlight.id, ["north"]))
    stack.push(edit_commands.recolour(store, highlight.id, "#A8E6A1"))
    stack.endMacro()
    stack.undo()
    current = store.get(highlight.id)
    assert (current.tags, current.color) == ((), "#FFE066")


def test_a_command_that_fails_is_not_recorded(qtbot, store):
    stack = AnnotationUndoStack()
    with pytest.raises(KeyError):
        stack.push(edit_commands.set_note(store, "no-such-id", "x"))
    assert stack.count() == 0


def test_undo_of_a_highlight_deleted_elsewhere_says_so(qtbot, store):
    stack = AnnotationUndoStack()
    highlight = made()
    stack.push(edit_commands.CreateAnnotations(store, [highlight]))
    stack.push(edit_commands.set_note(store, highlight.id, "check"))
    store.remove(highlight.id)  # e.g. merged in from another window
    with qtbot.waitSignal(stack.editFailed) as failed:
        stack.undo()
    assert "no longer exists" in failed.args[0]
