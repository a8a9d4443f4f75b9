"""Every annotation edit as a command with `do()` and `undo()`, and a small undo stack.

Commands are plain objects bound to a store; the GUI wraps each in a QUndoCommand whose
redo()/undo() call do()/undo(), the CLI and tests use `UndoStack`. A command remembers what it
replaced when it is first done, so undo restores exactly that (through the store, which stamps
the time, so an undo is also the newest edit when two instances merge).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from kfor_viewer.core.annotation_store import AnnotationStore
from kfor_viewer.core.annotations import (
    Annotation,
    CorrectionKey,
    FieldCorrection,
    normalize_color,
)


class EditCommand(Protocol):
    text: str  # what the Edit menu says: "Undo <text>"

    def do(self) -> None: ...

    def undo(self) -> None: ...


class CreateAnnotations:
    """Add one or more highlights (a quote across a page break makes several)."""

    def __init__(self, store: AnnotationStore, annotations: Iterable[Annotation]) -> None:
        self.store, self.annotations = store, list(annotations)
        self.text = "Highlight" if len(self.annotations) == 1 else "Highlights"

    def do(self) -> None:
        self.annotations = [self.store.add(a) for a in self.annotations]

    def undo(self) -> None:
        for annotation in self.annotations:
            self.store.remove(annotation.id)


class DeleteAnnotations:
    def __init__(self, store: AnnotationStore, annotation_ids: Iterable[str]) -> None:
        self.store, self.ids = store, list(annotation_ids)
        self.removed: list[Annotation] = []
        self.text = "Delete highlight" if len(self.ids) == 1 else "Delete highlights"

    def do(self) -> None:
        self.removed = [self.store.remove(i) for i in self.ids]

    def undo(self) -> None:
        for annotation in self.removed:
            self.store.add(annotation)


class ChangeAnnotation:
    """Change some fields of one highlight; use the recolour/retag/set_note helpers."""

    def __init__(self, store: AnnotationStore, annotation_id: str, text: str, **changes: Any):
        self.store, self.id, self.text, self.changes = store, annotation_id, text, changes
        self.before: dict[str, Any] = {}

    def do(self) -> None:
        current = self.store.get(self.id)
        if current is None:
            raise KeyError(f"no annotation {self.id} in this document")
        self.before = {name: getattr(current, name) for name in self.changes}
        self.store.update(self.id, **self.changes)

    def undo(self) -> None:
        self.store.update(self.id, **self.before)


def recolour(store: AnnotationStore, annotation_id: str, color: str) -> ChangeAnnotation:
    return ChangeAnnotation(store, annotation_id, "Change colour", color=normalize_color(color))


def retag(store: AnnotationStore, annotation_id: str, tags: Iterable[str]) -> ChangeAnnotation:
    clean = tuple(dict.fromkeys(t.strip() for t in tags if t.strip()))
    return ChangeAnnotation(store, annotation_id, "Change tags", tags=clean)


def set_note(store: AnnotationStore, annotation_id: str, note: str) -> ChangeAnnotation:
    return ChangeAnnotation(store, annotation_id, "Edit note", note=note)


class SetCorrection:
    """Store a field correction ('edited') or a verification ('verified'), or with
    `correction=None` revert the field to its extracted value."""

    def __init__(
        self,
        store: AnnotationStore,
        key: CorrectionKey,
        correction: FieldCorrection | None,
        text: str,
    ) -> None:
        self.store, self.key, self.correction, self.text = store, key, correction, text
        self.before: FieldCorrection | None = None

    def do(self) -> None:
        self.before = self.store.corrections().get(self.key)
        self._apply(self.correction)

    def undo(self) -> None:
        self._apply(self.before)

    def _apply(self, correction: FieldCorrection | None) -> None:
        if correction is None:
            self.store.remove_correction(self.key)
        else:
            self.store.set_correction(correction)


def correct_field(
    store: AnnotationStore, section: str, field: str, value: Any, extracted: Any
) -> SetCorrection:
    correction = FieldCorrection(section, field, value, "edited", original=extracted)
    return SetCorrection(store, correction.key, correction, f"Correct {field}")


def verify_field(store: AnnotationStore, section: str, field: str, value: Any) -> SetCorrection:
    correction = FieldCorrection(section, field, value, "verified", original=value)
    return SetCorrection(store, correction.key, correction, f"Verify {field}")


def revert_field(store: AnnotationStore, section: str, field: str) -> SetCorrection:
    return SetCorrection(store, (section, field), None, f"Revert {field}")


class UndoStack:
    """Linear undo/redo history; pushing after an undo drops the redo branch."""

    def __init__(self, limit: int = 500) -> None:
        self._commands: list[EditCommand] = []
        self._index = 0  # commands before it are done
        self._limit = limit

    def push(self, command: EditCommand) -> None:
        """Do `command` and record it (nothing is recorded if do() raises)."""
        command.do()
        del self._commands[self._index :]
        self._commands.append(command)
        if len(self._commands) > self._limit:
            del self._commands[0]
        self._index = len(self._commands)

    def can_undo(self) -> bool:
        return self._index > 0

    def can_redo(self) -> bool:
        return self._index < len(self._commands)

    def undo_text(self) -> str:
        return self._commands[self._index - 1].text if self.can_undo() else ""

    def redo_text(self) -> str:
        return self._commands[self._index].text if self.can_redo() else ""

    def undo(self) -> None:
        if self.can_undo():
            self._index -= 1
            self._commands[self._index].undo()

    def redo(self) -> None:
        if self.can_redo():
            self._commands[self._index].do()
            self._index += 1
