"""The window's undo history: a QUndoStack that takes the core's plain edit commands.

Panels push `kfor_viewer.core.edit_commands` objects (anything with `text`, `do()`, `undo()`);
the stack wraps each in a QUndoCommand so Qt's Undo/Redo actions, their texts and macros work.
A command is done before it is recorded, so one that fails (its highlight was deleted by another
window meanwhile) raises to the caller and leaves no entry behind.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack


class _CoreCommand(QUndoCommand):
    def __init__(self, command: Any, stack: AnnotationUndoStack) -> None:
        super().__init__(command.text)
        self.command = command
        self._stack = stack
        self._already_done = True  # push() did it; QUndoStack.push calls redo() once more

    def redo(self) -> None:
        if self._already_done:
            self._already_done = False
            return
        self._run(self.command.do, "redo")

    def undo(self) -> None:
        self._run(self.command.undo, "undo")

    def _run(self, step: Any, verb: str) -> None:
        # Another window may have deleted the highlight meanwhile (merged in on save): say so
        # rather than let the exception vanish inside Qt's call.
        try:
            step()
        except KeyError:
            self._stack.editFailed.emit(
                f"Could not {verb} “{self.text()}”: the highlight no longer exists."
            )


class AnnotationUndoStack(QUndoStack):
    """One per window, shared by every panel that edits the open document's store."""

    editFailed = Signal(str)  # a user-facing message

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setUndoLimit(500)

    def push(self, command: Any) -> None:
        """Do and record a core edit command (or push a QUndoCommand as Qt does)."""
        if isinstance(command, QUndoCommand):
            super().push(command)
            return
        command.do()
        super().push(_CoreCommand(command, self))
