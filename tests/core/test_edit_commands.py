"""Every annotation edit can be undone and redone, through the store."""

from __future__ import annotations

import pytest

from kfor_viewer.core import edit_commands as commands
from kfor_viewer.core.annotation_store import AnnotationStore
from kfor_viewer.core.annotations import AnnotationFormatError
from tests.core.annotation_factories import IDENTITY, make_annotation


@pytest.fixture
def store(tmp_path) -> AnnotationStore:
    return AnnotationStore.open(IDENTITY, tmp_path)


def _state(store: AnnotationStore) -> tuple:
    annotations = tuple((a.id, a.color, a.tags, a.note) for a in store.annotations())
    corrections = tuple(sorted((k, c.value, c.state) for k, c in store.corrections().items()))
    return annotations, corrections


def test_create_delete_and_their_undo(store):
    stack = commands.UndoStack()
    stack.push(commands.CreateAnnotations(store, [make_annotation(0), make_annotation(1)]))
    assert len(store.annotations()) == 2 and stack.undo_text() == "Highlights"
    stack.push(commands.DeleteAnnotations(store, [make_annotation(0).id]))
    assert [a.id for a in store.annotations()] == [make_annotation(1).id]

    stack.undo()
    assert len(store.annotations()) == 2
    stack.undo()
    assert store.annotations() == []
    stack.redo()
    stack.redo()
    assert [a.id for a in store.annotations()] == [make_annotation(1).id]
    assert not stack.can_redo()


@pytest.mark.parametrize(
    ("make_command", "changed"),
    [
        (lambda s, i: commands.recolour(s, i, "#a0d8ff"), ("color", "#A0D8FF")),
        (
            lambda s, i: commands.retag(s, i, ["north", " north ", "", "kfor"]),
            ("tags", ("north", "kfor")),
        ),
        (lambda s, i: commands.set_note(s, i, "see para 12"), ("note", "see para 12")),
    ],
)
def test_changes_to_a_highlight_undo_and_redo(store, make_command, changed):
    stack = commands.UndoStack()
    stack.push(commands.CreateAnnotations(store, [make_annotation(0)]))
    annotation_id = make_annotation(0).id
    before = _state(store)
    stack.push(make_command(store, annotation_id))
    name, value = changed
    assert getattr(store.get(annotation_id), name) == value
    after = _state(store)
    stack.undo()
    assert _state(store) == before
    stack.redo()
    assert _state(store) == after


def test_a_bad_colour_is_refused_before_anything_changes(store):
    store.add(make_annotation(0))
    with pytest.raises(AnnotationFormatError):
        commands.recolour(store, make_annotation(0).id, "red")


def test_field_correction_verify_and_revert_undo_in_order(store):
    stack = commands.UndoStack()
    stack.push(commands.correct_field(store, "report:1", "troops", 3400, extracted=3600))
    stack.push(commands.verify_field(store, "document", "symbol", "S/2020/1023"))
    stack.push(commands.revert_field(store, "report:1", "troops"))
    assert list(store.corrections()) == [("document", "symbol")]
    assert stack.undo_text() == "Revert troops"

    stack.undo()
    troops = store.corrections()[("report:1", "troops")]
    assert (troops.value, troops.state, troops.original) == (3400, "edited", 3600)
    stack.undo()
    assert list(store.corrections()) == [("report:1", "troops")]
    stack.undo()
    assert store.corrections() == {}
    assert not stack.can_undo()


def test_pushing_after_undo_drops_the_redo_branch(store):
    stack = commands.UndoStack()
    stack.push(commands.CreateAnnotations(store, [make_annotation(0)]))
    stack.push(commands.set_note(store, make_annotation(0).id, "first"))
    stack.undo()
    stack.push(commands.set_note(store, make_annotation(0).id, "second"))
    assert not stack.can_redo() and stack.redo_text() == ""
    stack.undo()
    assert store.get(make_annotation(0).id).note == ""


def test_a_command_that_fails_is_not_recorded(store):
    stack = commands.UndoStack()
    with pytest.raises(KeyError):
        stack.push(commands.set_note(store, make_annotation(5).id, "nobody"))
    assert not stack.can_undo()


def test_the_stack_forgets_the_oldest_beyond_its_limit(store):
    stack = commands.UndoStack(limit=3)
    for number in range(5):
        stack.push(commands.CreateAnnotations(store, [make_annotation(number)]))
    for _ in range(5):
        stack.undo()
    assert len(store.annotations()) == 2
