"""The fields side panel: the open document's extracted fields, each one click from its evidence.

A dock (movable left or right; the main window's saveState remembers where). It asks its
`ExtractionRunner` for the fields of each opened document and shows them with the user's
corrections from the document's `AnnotationStore`. Corrections go through the edit commands on
the shared undo stack (anything with `push(EditCommand)`), so the Edit menu can undo them; the
window's autosaver writes the store, as for every other edit. Clicking a field, or Enter on it,
emits `requestEvidence` with its evidence.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from kfor_viewer.ui.fields_format import parse_edit, parse_list
from kfor_viewer.ui.fields_model import (
    EDITED,
    EXTRACTED,
    VERIFIED,
    FieldRow,
    Section,
    build_sections,
    edit_text,
    sections_text,
)
from kfor_viewer.ui.fields_view import FieldsTree

INCIDENT_CHOICES = ("None reported", "Yes")


class FieldsPanel(QDockWidget):
    requestEvidence = Signal(object)  # tuple of Evidence (1-based pages)

    def __init__(self, runner: Any, undo_stack: Any, parent: QWidget | None = None) -> None:
        super().__init__("Fields", parent)
        self.setObjectName("fieldsDock")
        self.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.runner, self.undo_stack = runner, undo_stack
        self.store: Any = None
        self.result: Any = None
        self.sections: list[Section] = []
        self._generation = -1
        self._busy_since = 0.0
        self._unsubscribe: Any = None
        self._build()
        self._connect()
        self.tree.show_message("Open a document to see its fields.")

    # --- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        status_row = QHBoxLayout()
        status_row.setContentsMargins(8, 5, 8, 5)
        self.status = QLabel(body)
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: palette(placeholder-text);")
        self.busy_bar = QProgressBar(body)
        self.busy_bar.setRange(0, 0)  # indeterminate: the child reports no progress
        self.busy_bar.setMaximumWidth(90)
        self.busy_bar.setMaximumHeight(8)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.hide()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.busy_bar)
        column.addLayout(status_row)
        self.tree = FieldsTree(body)
        column.addWidget(self.tree, 1)
        self.setWidget(body)
        self._busy_timer = QTimer(self, interval=1000)
        self._busy_timer.timeout.connect(self._show_busy_time)
        self._build_actions()

    def _build_actions(self) -> None:
        def action(text: str, slot: Any, shortcut: Any = None) -> QAction:
            new = QAction(text, self)
            new.triggered.connect(slot)
            if shortcut is not None:
                new.setShortcut(QKeySequence(shortcut))
                new.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                self.tree.addAction(new)
            return new

        self.copy_value_action = action("&Copy value", self.copy_value)
        # shown in the menu; the key itself reaches the tree (see FieldsTree.copyRequested)
        self.copy_value_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        self.copy_all_action = action("Copy all fields as &text", self.copy_all)
        self.edit_action = action("&Edit value…", self.edit_current, Qt.Key.Key_F2)
        self.verify_action = action("Mark &verified", self.toggle_verified)
        self.verify_action.setCheckable(True)
        self.revert_action = action("&Revert to extracted value", self.revert_current)

    def _connect(self) -> None:
        self.runner.extracted.connect(self._on_extracted)
        self.runner.failed.connect(self._on_failed)
        self.runner.busyChanged.connect(self._on_busy)
        self.tree.clicked.connect(self._show_evidence)
        self.tree.activated.connect(self._show_evidence)
        self.tree.customContextMenuRequested.connect(self._show_menu)
        self.tree.copyRequested.connect(self.copy_value)

    # --- documents ------------------------------------------------------------------------
    def set_document(self, path: str, password: str | None = None) -> None:
        """Read the fields of `path`, unlocked with `password` when it is encrypted (replacing
        what is shown; late results for the previous document are ignored)."""
        self.set_store(None)
        self.result, self.sections = None, []
        self._generation = self.runner.start(path, password)
        self.tree.show_message("Reading the document’s fields…")

    def set_store(self, store: Any) -> None:
        """The annotation store of the open document (None until it is known)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self.store = store
        if store is not None:
            self._unsubscribe = store.subscribe(self._on_store_changed)
        self._refresh()

    def _on_extracted(self, generation: int, result: Any) -> None:
        if generation != self._generation:
            return
        self.result = result
        self._set_status(result.message)
        self._refresh()

    def _on_failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self.result, self.sections = None, []
        self._set_status("")
        self.tree.show_message(f"The fields could not be read: {message}.")

    def _on_busy(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)
        if busy:
            self._busy_since = time.monotonic()
            self._set_status("Reading fields…")
            self._busy_timer.start()
        else:
            self._busy_timer.stop()

    def _show_busy_time(self) -> None:
        seconds = round(time.monotonic() - self._busy_since)
        self._set_status(f"Reading fields… {seconds} s")

    def _set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    # --- showing --------------------------------------------------------------------------
    def _corrections(self) -> dict[tuple[str, str], Any]:
        if self.store is None or self.result is None:
            return {}
        if self.result.sha256 and self.store.sha256 != self.result.sha256:
            return {}  # the file changed between identification and extraction
        return self.store.corrections()

    def _refresh(self) -> None:
        if self.result is None:
            return
        self.sections = build_sections(self.result, self._corrections())
        self.tree.show_sections(self.sections)

    def _on_store_changed(self, change: Any) -> None:
        if change.corrections:
            self._refresh()

    def _show_evidence(self, index: QModelIndex) -> None:
        row = self.tree.row_at(index)
        if row is not None and row.evidence:
            self.requestEvidence.emit(tuple(row.evidence))

    def review_row(self) -> FieldRow | None:
        """The field the edit, verify and revert actions act on: the current row, or for an
        item of a list (an organisation, an event) the list it belongs to."""
        row = self.tree.current_row()
        if row is None or row.correctable:
            return row
        lists = (r for part in self.sections for r in part.rows if r.kind == "list")
        return next((r for r in lists if any(item is row for item in r.children)), None)

    def row(self, section: str, name: str) -> FieldRow | None:
        """The row shown for field `name` of `section` (e.g. "report:1", "troops_total")."""
        for part in self.sections:
            for row in part.rows:
                if (row.section, row.name) == (section, name):
                    return row
        return None

    # --- context menu ---------------------------------------------------------------------
    def _show_menu(self, point: QPoint) -> None:
        index = self.tree.indexAt(point)
        if index.isValid():
            self.tree.setCurrentIndex(index)
        self._update_actions()
        menu = QMenu(self)
        menu.addActions([self.copy_value_action, self.copy_all_action])
        menu.addSeparator()
        menu.addActions([self.edit_action, self.verify_action, self.revert_action])
        menu.exec(self.tree.viewport().mapToGlobal(point))

    def _update_actions(self) -> None:
        current, row = self.tree.current_row(), self.review_row()
        correctable = row is not None and row.correctable and self.store is not None
        self.copy_value_action.setEnabled(current is not None and current.stated)
        self.copy_all_action.setEnabled(bool(self.sections))
        self.edit_action.setEnabled(correctable)
        self.verify_action.setEnabled(correctable and row.state != EDITED)
        self.verify_action.setChecked(row is not None and row.state == VERIFIED)
        self.revert_action.setEnabled(correctable and row.state != EXTRACTED)
        hint = "" if self.store is not None else "Corrections need the document's annotation store"
        for action in (self.edit_action, self.verify_action, self.revert_action):
            action.setToolTip(hint)

    def copy_value(self) -> None:
        row = self.tree.current_row()
        if row is not None and row.stated:
            QGuiApplication.clipboard().setText(edit_text(row) if row.kind == "list" else row.text)

    def copy_all(self) -> None:
        if self.sections:
            QGuiApplication.clipboard().setText(sections_text(self.sections))

    # --- corrections ----------------------------------------------------------------------
    def edit_current(self) -> None:
        row = self.review_row()
        if row is None or not row.correctable or self.store is None:
            return
        value = self._ask_value(row)
        unchanged = row.value if row.stated else ([] if row.kind == "list" else None)
        if value is not None and value != unchanged:
            self.correct(row.section, row.name, value)

    def _ask_value(self, row: FieldRow) -> Any:
        """Ask until the text parses or the user cancels; None when cancelled."""
        if row.kind == "incidents":
            current = INCIDENT_CHOICES[1] if row.value else INCIDENT_CHOICES[0]
            choice, ok = QInputDialog.getItem(
                self,
                "Edit value",
                f"{row.label}:",
                list(INCIDENT_CHOICES),
                INCIDENT_CHOICES.index(current),
                False,
            )
            return (choice == INCIDENT_CHOICES[1]) if ok else None
        if row.kind == "list":
            return self._ask_list(row)
        prompt = (
            f"{row.label}"
            + (f" (extracted: {row.original_text or row.text})" if row.stated else "")
            + ":"
        )
        return self._ask_until_valid(
            "Edit value",
            lambda text: QInputDialog.getText(self, "Edit value", prompt, text=text),
            lambda text: parse_edit(row.kind, text),
            edit_text(row),
        )

    def _ask_list(self, row: FieldRow) -> list[Any] | None:
        """The list as the user corrects it, one item a line; None when cancelled."""
        example = {"date": " (like 30 June 2020)", "event": " (like 30 June 2020: what happened)"}
        prompt = f"{row.label}, one a line{example.get(row.item_kind, '')}:"
        return self._ask_until_valid(
            "Edit list",
            lambda text: QInputDialog.getMultiLineText(self, "Edit list", prompt, text),
            lambda text: parse_list(row.item_kind, text),
            edit_text(row),
        )

    def _ask_until_valid(
        self,
        title: str,
        ask: Callable[[str], tuple[str, bool]],
        parse: Callable[[str], Any],
        text: str,
    ) -> Any:
        """Ask, starting from `text` and then from what was typed, until `parse` takes the
        answer (its value) or the user cancels (None); each refusal says why."""
        while True:
            text, ok = ask(text)
            if not ok:
                return None
            try:
                return parse(text)
            except ValueError as error:
                QMessageBox.warning(self, title, str(error))

    def correct(self, section: str, name: str, value: Any) -> None:
        """Store `value` as the user's correction of field `name` (undoable)."""
        from kfor_viewer.core.edit_commands import correct_field

        row = self.row(section, name)
        if row is not None and self.store is not None:
            command = correct_field(self.store, section, name, value, row.extracted)
            self._push(command, "Edit", row)

    def toggle_verified(self) -> None:
        from kfor_viewer.core.edit_commands import revert_field, verify_field

        row = self.review_row()
        if row is None or not row.correctable or self.store is None:
            return
        if row.state == VERIFIED:
            self._push(revert_field(self.store, row.section, row.name), "Unverify", row)
        elif row.state == EXTRACTED:
            command = verify_field(self.store, row.section, row.name, row.extracted)
            self._push(command, "Verify", row)

    def revert_current(self) -> None:
        from kfor_viewer.core.edit_commands import revert_field

        row = self.review_row()
        if row is not None and row.state != EXTRACTED and self.store is not None:
            self._push(revert_field(self.store, row.section, row.name), "Revert", row)

    def _push(self, command: Any, verb: str, row: FieldRow) -> None:
        """Push `command` named for people: "Undo Edit troops (Annex I)"."""
        section = next((s for s in self.sections if s.key == row.section), None)
        where = f" ({section.title.split(' — ')[0]})" if row.section.startswith("report:") else ""
        command.text = f"{verb} {row.label.lower()}{where}" if section else command.text
        self.undo_stack.push(command)
