"""The annotation features of the window, wired together: highlights over the pages, the
floating toolbar, the highlight editor, the annotations panel, undo/redo and autosave.

The main window builds one `AnnotationTools` with its page view and its shared undo stack, gives
it each document's store (`set_store`), and places its actions in its menus (`install_menus`).
Every edit is an edit command on the shared undo stack, so the fields panel's corrections and the
highlights share one history.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar, QMessageBox

from kfor_viewer.core import edit_commands
from kfor_viewer.core.annotation_store import StoreReadError, StoreWriteError
from kfor_viewer.core.annotations import DEFAULT_COLOR
from kfor_viewer.core.tag_vocabulary import load_tag_vocabulary, remember_tags
from kfor_viewer.ui.annotation_editor import AnnotationEditor
from kfor_viewer.ui.annotation_import import AnnotationJobRunner, AnnotationTransfer
from kfor_viewer.ui.annotation_overlay import AnnotationOverlay
from kfor_viewer.ui.annotation_pointer import AnnotationPointer
from kfor_viewer.ui.annotations_panel import AnnotationsPanel
from kfor_viewer.ui.autosave import Autosaver
from kfor_viewer.ui.highlight_toolbar import HighlightToolbar
from kfor_viewer.ui.store_subscription import StoreSubscription
from kfor_viewer.ui.text_anchoring import TextAnchoring, annotations_from_selection


def _union(rects: Sequence[tuple[float, float, float, float]]) -> tuple[float, ...]:
    return (
        min(r[0] for r in rects),
        min(r[1] for r in rects),
        max(r[2] for r in rects),
        max(r[3] for r in rects),
    )


class AnnotationTools(QObject):
    def __init__(self, window: QMainWindow, page_view: Any, undo_stack: Any) -> None:
        super().__init__(window)
        self.window, self.view, self.undo_stack = window, page_view, undo_stack
        self.store: Any = None
        self._subscription = StoreSubscription(self._on_store_changed)
        self.document_path: str | None = None
        self.tag_colors: dict[str, str | None] = {}
        self.default_color = DEFAULT_COLOR
        self.overlay = AnnotationOverlay(page_view, self)
        self.toolbar = HighlightToolbar(page_view)
        self.editor = AnnotationEditor(window)
        self.panel = AnnotationsPanel(window)
        self.autosaver = Autosaver(self)
        self.pointer = AnnotationPointer(page_view, self.overlay, self)
        self.jobs = AnnotationJobRunner(self)
        self.transfer = AnnotationTransfer(self, self.jobs)
        self.anchoring = TextAnchoring(self.jobs, self)
        self.save_failure_dialog: QMessageBox | None = None
        self._build_actions()
        self._connect()
        self._update_actions()
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Back in this window: take in what another window or instance saved meanwhile.
        if event.type() == QEvent.Type.WindowActivate and self.store is not None:
            try:
                self.store.refresh()
            except StoreReadError as error:
                self.show_status(str(error), 10000)
        return False

    # --- construction ---------------------------------------------------------------------
    def _build_actions(self) -> None:
        def make(text: str, slot: Callable[[], Any], shortcut: Any = None) -> QAction:
            action = QAction(text, self.window)
            action.triggered.connect(slot)
            if shortcut is not None:
                shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
                action.setShortcuts([QKeySequence(s) for s in shortcuts])
            self.window.addAction(action)
            return action

        self.highlight_action = make("&Highlight Selection", self.highlight_selection, "H")
        self.tag_action = make("Highlight with &Tags…", self.highlight_with_tags, "Shift+H")
        self.edit_action = make("&Edit Highlight…", self.edit_selected)
        self.delete_action = make(
            "&Delete Highlight", self.delete_selected, QKeySequence.StandardKey.Delete
        )
        # Delete only acts where a highlight is what is selected, not in the fields tree
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.window.removeAction(self.delete_action)
        self.view.addAction(self.delete_action)
        self.panel.list_view.addAction(self.delete_action)
        self.undo_action = self.undo_stack.createUndoAction(self.window, "&Undo")
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo_action = self.undo_stack.createRedoAction(self.window, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.window.addActions([self.undo_action, self.redo_action])
        transfer = self.transfer
        self.import_pdf_action = make("Import Highlights from &PDF", transfer.import_pdf)
        self.export_action = make("&Export Annotations…", transfer.export_json)
        self.import_json_action = make("&Import Annotations…", transfer.import_json)
        self.panel_action = self.panel.make_show_action(self.window)

    def _connect(self) -> None:
        self.view.selectionChanged.connect(lambda _s: self._update_actions())
        self.toolbar.requestHighlight.connect(self.highlight_selection)
        self.toolbar.requestTaggedHighlight.connect(self.highlight_with_tags)
        self.editor.requestRecolour.connect(self.recolour)
        self.editor.requestRetag.connect(self.retag)
        self.editor.requestNote.connect(self.set_note)
        self.editor.requestDelete.connect(lambda i: self.delete([i]))
        self.panel.requestJump.connect(self.jump_to)
        self.panel.requestEdit.connect(self.edit_annotation)
        self.panel.requestRenameTag.connect(self.rename_tag)
        self.panel.requestTagColor.connect(self.choose_tag_color)
        self.overlay.selectedChanged.connect(self._on_selected)
        self.pointer.requestEdit.connect(self.edit_annotation)
        self.pointer.requestMenu.connect(self._show_menu)
        self.autosaver.saveFailed.connect(self._on_save_failed)
        self.autosaver.recovered.connect(self._on_save_recovered)
        self.autosaver.warned.connect(self._notice)
        self.undo_stack.editFailed.connect(lambda m: self.show_status(m, 8000))

    def install_menus(self, menu_bar: QMenuBar) -> None:
        """Undo/Redo at the top of the Edit menu, and an Annotations menu before Help."""
        menus = {a.text().replace("&", ""): a for a in menu_bar.actions() if a.menu()}
        edit = menus.get("Edit")
        if edit is not None:
            first = edit.menu().actions()[0] if edit.menu().actions() else None
            edit.menu().insertActions(first, [self.undo_action, self.redo_action])
            edit.menu().insertSeparator(first)
        menu = QMenu("&Annotations", menu_bar)
        menu.addActions([self.highlight_action, self.tag_action, self.edit_action])
        menu.addAction(self.delete_action)
        menu.addSeparator()
        menu.addActions([self.import_pdf_action, self.import_json_action, self.export_action])
        menu.addSeparator()
        menu.addAction(self.panel_action)
        help_menu = menus.get("Help")
        if help_menu is not None:
            menu_bar.insertMenu(help_menu, menu)
        else:
            menu_bar.addMenu(menu)
        self.menu = menu

    # --- documents ------------------------------------------------------------------------
    def set_document(self, path: str | None, password: str | None = None) -> None:
        """A new document is opening: its store comes later through `set_store`. `password`
        (what unlocked an encrypted PDF) goes with every child job on it."""
        self.document_path = path
        self.jobs.set_password(path, password)
        self.panel.no_store_text = (
            "Loading this document’s highlights…" if path else AnnotationsPanel.no_store_text
        )
        self.set_store(None)
        self.panel.show_notice("")

    def set_store(self, store: Any) -> None:
        """The open document's store (None: none yet, or it could not be read)."""
        self.editor.close()
        self.autosaver.set_store(store)
        if self.store is not store:
            self.undo_stack.clear()  # commands are bound to the store they edit
        self._subscription.follow(store)
        self.store = store
        if store is not None:
            self.reload_tag_colors()
        self.overlay.set_store(store)
        self.panel.set_store(store)
        self.anchoring.set_store(store, self.document_path)
        for warning in getattr(store, "warnings", ()):  # e.g. a corrupt file set aside
            self._notice(warning.message)
        self._update_actions()

    def reload_tag_colors(self) -> None:
        vocabulary, problems = load_tag_vocabulary()
        self.tag_colors = dict(vocabulary.colors)
        for problem in problems:
            self._notice(problem.message)
        self.panel.set_tag_colors(self.tag_colors)
        self.editor.set_known_tags([*self.tag_colors, *(self.store.tags() if self.store else ())])

    def close_document(self) -> bool:
        """Save now (on close); False when the user chose to stay because saving failed."""
        self.editor.close()
        if self.autosaver.save_now():
            return True
        answer = QMessageBox.warning(
            self.window,
            "Annotations not saved",
            f"{self.autosaver.last_error}\n\nClose anyway and lose the unsaved annotations?",
            QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Close

    def shutdown(self) -> None:
        """Stop the child process of imports and anchoring (call when the window closes)."""
        self.jobs.shutdown()

    # --- editing --------------------------------------------------------------------------
    def highlight_selection(self, color: str | None = None, tags: Sequence[str] = ()) -> list[str]:
        """Highlight the selected text (undoable); returns the new highlights' ids."""
        selection = self.view.selection
        if self.store is None or not selection:
            if self.store is None and selection:
                self.show_status("Highlights are not available: this document has no store.")
            return []
        if color:
            self.default_color = color  # H uses the colour last picked, as a marker in hand
        color = color or self.tag_color(tags) or self.default_color
        words = self.view.selection_tracker.words
        made = annotations_from_selection(selection, words, color, tags)
        if not made:
            return []
        self.undo_stack.push(edit_commands.CreateAnnotations(self.store, made))
        self._remember(tags)
        self.view.clear_selection()
        self.overlay.select(made[0].id)
        self.show_status(f"Highlighted “{_short(made[0].quote)}” (Ctrl+Z to undo)")
        return [a.id for a in made]

    def highlight_with_tags(self) -> None:
        ids = self.highlight_selection()
        if ids:
            self.edit_annotation(ids[0])

    def tag_color(self, tags: Sequence[str]) -> str | None:
        return next((self.tag_colors[t] for t in tags if self.tag_colors.get(t)), None)

    def recolour(self, annotation_id: str, color: str) -> None:
        self.undo_stack.push(edit_commands.recolour(self.store, annotation_id, color))
        self.default_color = color

    def retag(self, annotation_id: str, tags: Sequence[str]) -> None:
        """New tags; a tag with a colour also recolours the highlight (one undo step)."""
        current = self.store.get(annotation_id) if self.store is not None else None
        if current is None:
            return
        added = [t for t in tags if t not in current.tags]
        color = self.tag_color(added)
        self.undo_stack.beginMacro("Change tags")
        self.undo_stack.push(edit_commands.retag(self.store, annotation_id, tags))
        if color and color != current.color:
            self.undo_stack.push(edit_commands.recolour(self.store, annotation_id, color))
        self.undo_stack.endMacro()
        self._remember(added)

    def set_note(self, annotation_id: str, note: str) -> None:
        if self.store is not None and self.store.get(annotation_id) is not None:
            self.undo_stack.push(edit_commands.set_note(self.store, annotation_id, note))

    def delete(self, ids: Sequence[str]) -> None:
        ids = [i for i in ids if self.store is not None and self.store.get(i) is not None]
        if ids:
            self.undo_stack.push(edit_commands.DeleteAnnotations(self.store, ids))
            self.show_status("Highlight deleted (Ctrl+Z to undo)", 5000)

    def delete_selected(self) -> None:
        if self.overlay.selected_id:
            self.delete([self.overlay.selected_id])

    def _remember(self, tags: Sequence[str]) -> None:
        new = [t for t in tags if t not in self.tag_colors]
        if not new:
            return
        try:
            remember_tags(new)
        except StoreWriteError as error:
            self.show_status(str(error), 10000)
        self.tag_colors.update(dict.fromkeys(new))
        self.editor.set_known_tags([*self.tag_colors, *self.store.tags()])

    # --- finding and showing --------------------------------------------------------------
    def jump_to(self, annotation_id: str) -> None:
        annotation = self.store.get(annotation_id) if self.store else None
        if annotation is None or not annotation.rects:
            return
        if annotation.orphan:
            self.show_status("This highlight’s words were not found in this version.", 6000)
            return
        self.view.scroll_into_view(annotation.page - 1, _union(annotation.rects))
        self.overlay.select(annotation_id)

    def edit_selected(self) -> None:
        if self.overlay.selected_id:
            self.edit_annotation(self.overlay.selected_id)

    def edit_annotation(self, annotation_id: str, at: QPoint | None = None) -> None:
        annotation = self.store.get(annotation_id) if self.store else None
        if annotation is None:
            return
        if at is None:
            self.jump_to(annotation_id)
            x0, _y0, _x1, y1 = annotation.rects[-1] if annotation.rects else (0, 0, 0, 0)
            point = self.view.page_point_to_viewport(annotation.page - 1, x0, y1)
            at = self.view.viewport().mapToGlobal(point.toPoint() + QPoint(0, 8))
        self.overlay.select(annotation_id)
        self.editor.set_known_tags([*self.tag_colors, *self.store.tags()])
        self.editor.open_for(annotation, at)

    def _on_selected(self, annotation_id: str | None) -> None:
        self.panel.select(annotation_id)
        self._update_actions()

    def _on_store_changed(self, _change: Any) -> None:
        editing = self.editor.annotation
        if editing is not None and self.store is not None:
            current = self.store.get(editing.id)
            if current is None:
                self.editor.annotation = None
                self.editor.close()
            else:
                self.editor.show_annotation(current)
        self._update_actions()

    def _update_actions(self) -> None:
        has_store = self.store is not None
        can_highlight = has_store and bool(self.view.selection)
        self.highlight_action.setEnabled(can_highlight)
        self.tag_action.setEnabled(can_highlight)
        self.toolbar.enabled_for_store = has_store
        selected = has_store and self.overlay.selected_id is not None
        self.delete_action.setEnabled(selected)
        self.edit_action.setEnabled(selected)
        for action in (self.import_pdf_action, self.import_json_action, self.export_action):
            action.setEnabled(has_store)

    def _show_menu(self, annotation_id: str | None, at: QPoint) -> None:
        menu = self.context_menu(annotation_id, at)
        if not menu.isEmpty():
            menu.exec(at)
        menu.deleteLater()

    def context_menu(self, annotation_id: str | None, at: QPoint) -> QMenu:
        """The page's context menu: the highlight's commands, then the selection's."""
        from kfor_viewer.ui.highlight_toolbar import PALETTE

        menu = QMenu(self.window)
        if annotation_id is not None:
            menu.addAction("Edit Highlight…", lambda: self.edit_annotation(annotation_id, at))
            colors = menu.addMenu("Colour")
            for color, name in PALETTE:
                colors.addAction(name, lambda c=color: self.recolour(annotation_id, c))
            menu.addAction("Delete Highlight", lambda: self.delete([annotation_id]))
        if self.view.selection:
            if not menu.isEmpty():
                menu.addSeparator()
            menu.addAction(self.highlight_action)
            colors = menu.addMenu("Highlight in")
            colors.setEnabled(self.store is not None)
            for color, name in PALETTE:
                colors.addAction(name, lambda c=color: self.highlight_selection(c))
            menu.addAction(self.tag_action)
            menu.addSeparator()
            menu.addAction("Copy", self.view.copy_selection)
        return menu

    # --- tags -----------------------------------------------------------------------------
    def rename_tag(self, tag: str) -> None:
        from kfor_viewer.ui.tag_dialogs import rename_tag_everywhere

        rename_tag_everywhere(self, tag)

    def choose_tag_color(self, tag: str) -> None:
        from kfor_viewer.ui.tag_dialogs import choose_tag_color

        choose_tag_color(self, tag)

    # --- saving ---------------------------------------------------------------------------
    def _on_save_failed(self, message: str) -> None:
        self.show_status(f"Annotations NOT saved: {message}", 0)
        if self.save_failure_dialog is None:  # once per session: the status bar keeps saying it
            self.save_failure_dialog = QMessageBox(
                QMessageBox.Icon.Warning, "Annotations not saved", message,
                QMessageBox.StandardButton.Ok, self.window,
            )  # fmt: skip
            self.save_failure_dialog.setInformativeText(
                "Saving is retried every few seconds; nothing is lost while the window is open."
            )
            self.save_failure_dialog.open()

    def _on_save_recovered(self) -> None:
        self.show_status("Annotations saved again.", 5000)

    def _notice(self, message: str) -> None:
        self.panel.show_notice(message)
        self.show_status(message, 15000)

    def show_status(self, message: str, timeout: int = 4000) -> None:
        self.window.statusBar().showMessage(message, timeout)


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
