"""The parts of the window a first page does not need (fields, annotations, undo), built right
after that page is painted.

Their modules and widgets cost about a fifth of a second of the GUI thread, and the fields panel
starts a child Python that imports PyMuPDF: done before the first page, both delay it (measured
on 2 cores). Anything that asks for a part earlier gets it built on the spot. Until then, empty
docks hold the panels' places, so the page has its final width from the first paint: the panels'
arrival neither moves the page nor has it rendered again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QWidget

# If no page arrives (a hung worker, a document of failing pages), build anyway after this.
_FALLBACK_MS = 3000
# The side panels' size before the user resizes them: room for "Annex II — 1 Jul – 30 Sep 2020"
# and a value in the fields panel.
PANEL_SIZE_HINT = QSize(380, 600)
# With no saved layout, a small window gives the panels this share of its width, so the page
# keeps most of it (but never less than the fields view needs).
_FIRST_START_SHARE, _NARROWEST_PANEL = 0.3, 220
# (object name, title) of each dock, in tab order; the window's saved state knows them by name.
_DOCKS = (("fieldsDock", "Fields"), ("annotationsDock", "Annotations"))


@dataclass
class DocumentPanels:
    undo_stack: Any
    extraction_runner: Any
    fields_panel: Any
    evidence_flash: Any
    annotation_tools: Any


class DeferredPanels(QObject):
    """Builds `DocumentPanels` for `window` once: at once unless `deferred`, else at the first of
    a page painted after an open began, an open failing, nothing opening, the fallback delay, or
    someone asking."""

    def __init__(self, window: Any, deferred: bool) -> None:
        super().__init__(window)
        self._window = window
        self._panels: DocumentPanels | None = None
        self._waiting_for_render = False
        self._waiting_for_paint = False
        self._placeholders: list[QDockWidget] = []
        self._shown = False
        window.installEventFilter(self)
        window.page_view.viewport().installEventFilter(self)
        window.client.pageRendered.connect(self._on_page_arrived)
        window.client.pageFailed.connect(self._on_page_arrived)
        if deferred:
            self._placeholders = _placeholder_docks(window)
            QTimer.singleShot(0, self, self._build_unless_opening)
        else:
            self.get()

    @property
    def built(self) -> DocumentPanels | None:
        """The panels if they exist, without building them (for closing)."""
        return self._panels

    def get(self) -> DocumentPanels:
        if self._panels is None:
            for placeholder in self._placeholders:
                placeholder.setObjectName("")  # the window's saved state is the panels' now
            self._panels = _build(self._window)
            _replace_placeholders(self._window, self._placeholders, self._panels)
            self._placeholders = []
        return self._panels

    def after_first_page(self) -> None:
        """An open has begun: build once its first page is on screen."""
        if self._panels is None and not self._waiting_for_paint:
            self._waiting_for_render = True
            QTimer.singleShot(_FALLBACK_MS, self, self.get)

    def soon(self) -> None:
        """Nothing will be painted for a while (the open failed or waits for a password)."""
        self._waiting_for_render = self._waiting_for_paint = False
        QTimer.singleShot(0, self, self.get)

    def _build_unless_opening(self) -> None:
        if not self._waiting_for_render and not self._waiting_for_paint:
            self.get()

    def _on_page_arrived(self, *_args: Any) -> None:
        if self._waiting_for_render:
            self._waiting_for_render, self._waiting_for_paint = False, True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Show and not self._shown:
            self._shown = True  # the window has its size now: fit the panels to it
            docks = self._placeholders or ([] if self._panels is None else _docks(self._panels))
            _fit_first_start(self._window, docks)
        if self._waiting_for_paint and event.type() == QEvent.Type.Paint:
            self._waiting_for_paint = False
            QTimer.singleShot(0, self, self.get)  # runs after this paint has finished
        return False


def deferred_part(name: str) -> property:
    """A window property giving the part `name` of its panels, built on first use."""
    return property(lambda window: getattr(window.panels.get(), name))


class _Reserved(QWidget):
    """The empty content of a placeholder dock, as large as the panel that will replace it."""

    def sizeHint(self) -> QSize:
        return PANEL_SIZE_HINT


def _placeholder_docks(window: Any) -> list[QDockWidget]:
    """Empty docks where the panels will be, restored to where the user left them."""
    docks = []
    for name, title in _DOCKS:
        dock = QDockWidget(title, window)
        dock.setObjectName(name)
        dock.setWidget(_Reserved(dock))
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        docks.append(dock)
    window.tabifyDockWidget(*docks)
    window.restore_dock_state()
    docks[0].raise_()
    return docks


def _docks(panels: DocumentPanels) -> list[QDockWidget]:
    return [panels.fields_panel, panels.annotation_tools.panel]


def _fit_first_start(window: Any, docks: list[QDockWidget]) -> None:
    """Before the user has a layout of their own, narrow the panels on a small window."""
    _geometry, state, _splitter = window.settings.window_state()
    if state is None and docks:
        share = round(window.width() * _FIRST_START_SHARE)
        width = max(_NARROWEST_PANEL, min(PANEL_SIZE_HINT.width(), share))
        window.resizeDocks(docks, [width] * len(docks), Qt.Orientation.Horizontal)


def _replace_placeholders(
    window: Any, placeholders: list[QDockWidget], panels: DocumentPanels
) -> None:
    """Put the panels where the placeholders are, at their size, and drop the placeholders."""
    if not placeholders:
        return
    widths = [dock.width() for dock in placeholders]
    for placeholder in placeholders:
        window.removeDockWidget(placeholder)
        placeholder.deleteLater()
    docked = [dock for dock in _docks(panels) if not dock.isFloating()]
    if docked:
        window.resizeDocks(docked, [max(widths)] * len(docked), Qt.Orientation.Horizontal)


def _build(window: Any) -> DocumentPanels:
    from kfor_viewer.ui.annotation_tools import AnnotationTools
    from kfor_viewer.ui.dock_actions import raise_or_hide_action
    from kfor_viewer.ui.evidence_flash import EvidenceFlash
    from kfor_viewer.ui.extraction_runner import ExtractionRunner
    from kfor_viewer.ui.fields_panel import FieldsPanel
    from kfor_viewer.ui.undo import AnnotationUndoStack

    # one undo history and one store per document, shared by the panels that edit it
    undo_stack = AnnotationUndoStack(window)
    runner = ExtractionRunner(window)
    fields_panel = FieldsPanel(runner, undo_stack, window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, fields_panel)
    evidence_flash = EvidenceFlash(window.page_view, window)
    tools = AnnotationTools(window, window.page_view, undo_stack)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, tools.panel)
    window.tabifyDockWidget(fields_panel, tools.panel)
    window.restore_dock_state()  # where the user left them (the first restore ran without them)
    fields_panel.raise_()  # the fields tab shows first; Annotations is one click away
    window.view_menu.addAction(raise_or_hide_action(fields_panel, "&Fields Panel", window))
    tools.install_menus(window.menuBar())
    fields_panel.requestEvidence.connect(evidence_flash.show_evidence)
    runner.identified.connect(window.on_document_identified)
    if window.info is not None:
        fields_panel.set_document(window.info.path, window.document_password)
        tools.set_document(window.info.path, window.document_password)
    return DocumentPanels(undo_stack, runner, fields_panel, evidence_flash, tools)
