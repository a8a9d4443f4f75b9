"""The main window: the one place that builds the viewer's parts and connects them.

Panels get what they show in their constructors and talk back through requestX signals; only
this module knows them all.
"""

from __future__ import annotations

import html
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kfor_viewer.ui.actions import ViewerActions
from kfor_viewer.ui.deferred_panels import DeferredPanels, deferred_part
from kfor_viewer.ui.message_banner import MessageBanner
from kfor_viewer.ui.outline_panel import OutlinePanel
from kfor_viewer.ui.page_view import CUSTOM, FIT_PAGE, FIT_WIDTH, PageView
from kfor_viewer.ui.recent_files import RecentFilesMenu
from kfor_viewer.ui.render_requests import RenderRequests
from kfor_viewer.ui.settings import LastDocument, ViewerSettings, initial_document
from kfor_viewer.ui.thumbnails import ThumbnailsPanel
from kfor_viewer.ui.toolbar_widgets import PageBox, ZoomBox
from kfor_viewer.ui.window_geometry import place_main_window
from kfor_viewer.ui.window_menus import build_menu_bar, build_toolbar

APP_TITLE = "KFOR Viewer"
THUMBNAILS_TAB, OUTLINE_TAB = 0, 1
PDF_FILTER = "PDF documents (*.pdf *.PDF);;All files (*)"


def _default_client(parent: QWidget) -> Any:
    from kfor_viewer.ui.document_client import DocumentClient

    return DocumentClient(parent)


def _default_cache() -> Any:
    from kfor_viewer.ui.render_cache import RenderCache

    return RenderCache()


class MainWindow(QMainWindow):
    def __init__(
        self, client: Any = None, settings: ViewerSettings | None = None, defer_panels: bool = False
    ) -> None:
        """`defer_panels`: build the fields and annotation parts only after the first page is
        painted (the app's start does, to show that page sooner)."""
        super().__init__()
        self.settings = settings or ViewerSettings()
        self.client = client if client is not None else _default_client(self)
        self.cache = _default_cache()
        self.requests = RenderRequests(self.client, self.cache, self)
        self.document_password: str | None = None  # what unlocked the open document
        self._password_tried: tuple[str, str | None] = ("", None)
        self.info: Any = None
        self._pending_restore: LastDocument | None = None
        self.annotation_store: Any = None
        self._build_widgets()
        self.actions = ViewerActions(self)
        self._build_menus()
        self._connect()
        self._restore_window()
        self._set_document_actions_enabled(False)
        self._show_zoom()
        self.setAcceptDrops(True)
        self.setWindowTitle(APP_TITLE)
        self.panels = DeferredPanels(self, deferred=defer_panels)

    # The fields and annotation parts are built after the first page is painted (or on use).
    undo_stack = deferred_part("undo_stack")
    extraction_runner = deferred_part("extraction_runner")
    fields_panel = deferred_part("fields_panel")
    evidence_flash = deferred_part("evidence_flash")
    annotation_tools = deferred_part("annotation_tools")

    @property
    def find_bar(self) -> Any:
        """The find bar, built on first use: hidden until then, it need not delay the start."""
        if self._find_bar is None:
            from kfor_viewer.ui.find_bar import FindBar

            view = self.page_view
            bar = FindBar(self.client, self)
            bar.hide()
            bar.set_current_page(view.current_page)
            bar.hitsChanged.connect(view.set_search_hits)
            bar.currentHitChanged.connect(view.set_current_hit)
            bar.closed.connect(view.setFocus)
            self._pages_column.addWidget(bar)
            self._find_bar = bar
        return self._find_bar

    # --- construction ---------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.page_view = PageView(self.client, self.cache, self.requests, self)
        self.banner = MessageBanner(self)
        self.thumbnails = ThumbnailsPanel(self.cache, self.requests, self)
        self.outline = OutlinePanel(self)
        self.sidebar = QTabWidget(self)
        self.sidebar.setDocumentMode(True)
        self.sidebar.addTab(self.thumbnails, "Thumbnails")
        self.sidebar.addTab(self.outline, "Outline")
        pages = QWidget(self)
        column = QVBoxLayout(pages)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.page_view, 1)
        self._pages_column = column  # the find bar goes below the pages when first used
        self._find_bar: Any = None
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(pages)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        self.splitter.setSizes([190, 900])
        self.setCentralWidget(self.splitter)
        self.page_box = PageBox(self)
        self.zoom_box = ZoomBox(self)

    def _build_menus(self) -> None:
        self.recent_menu = RecentFilesMenu(self.settings.qsettings, self.actions.clear_recent, self)
        self.view_menu = build_menu_bar(
            self.menuBar(), self.actions, self.recent_menu, self._show_about
        )
        self.toolbar = build_toolbar(self, self.actions, self.page_box, self.zoom_box)

    def _connect(self) -> None:
        self._connect_client()
        self._connect_actions()
        view = self.page_view
        view.currentPageChanged.connect(self._on_current_page)
        view.zoomChanged.connect(lambda _z: self._show_zoom())
        view.zoomModeChanged.connect(lambda _m: self._show_zoom())
        view.historyChanged.connect(self._on_history)
        view.selectionChanged.connect(lambda sel: self.actions.copy.setEnabled(bool(sel)))
        self.page_box.requestPage.connect(view.go_to_page)
        self.zoom_box.requestZoom.connect(view.set_zoom)
        self.zoom_box.requestZoomMode.connect(view.set_zoom_mode)
        self.thumbnails.requestPage.connect(view.go_to_page)
        self.outline.requestPage.connect(view.go_to_page)
        self.recent_menu.requestOpen.connect(self.open_path)
        self.sidebar.currentChanged.connect(lambda _i: self._sync_sidebar_actions())

    def _connect_client(self) -> None:
        self.client.opened.connect(self._on_opened)
        self.client.openFailed.connect(self._on_open_failed)
        self.client.passwordRequired.connect(self._on_password_required)
        self.client.workerRestarted.connect(self._on_worker_restarted)

    def _connect_actions(self) -> None:
        a, view = self.actions, self.page_view
        a.open.triggered.connect(self.choose_file)
        a.export.triggered.connect(self._show_export)
        a.quit.triggered.connect(self.close)
        a.copy.triggered.connect(view.copy_selection)
        a.select_all.triggered.connect(view.select_current_page)
        a.find.triggered.connect(self._open_find_bar)
        a.find_next.triggered.connect(lambda: self._find_step(+1))
        a.find_previous.triggered.connect(lambda: self._find_step(-1))
        a.zoom_in.triggered.connect(view.zoom_in)
        a.zoom_out.triggered.connect(view.zoom_out)
        a.actual_size.triggered.connect(lambda: view.set_zoom(1.0))
        a.fit_width.triggered.connect(lambda: view.set_zoom_mode(FIT_WIDTH))
        a.fit_page.triggered.connect(lambda: view.set_zoom_mode(FIT_PAGE))
        a.show_thumbnails.triggered.connect(lambda on: self._show_sidebar_tab(THUMBNAILS_TAB, on))
        a.show_outline.triggered.connect(lambda on: self._show_sidebar_tab(OUTLINE_TAB, on))
        a.go_to_page.triggered.connect(self._focus_page_box)
        a.previous_page.triggered.connect(lambda: view.go_to_page(view.current_page - 1, False))
        a.next_page.triggered.connect(lambda: view.go_to_page(view.current_page + 1, False))
        a.first_page.triggered.connect(lambda: view.go_to_page(0))
        a.last_page.triggered.connect(lambda: view.go_to_page(view.page_count - 1))
        a.back.triggered.connect(view.go_back)
        a.forward.triggered.connect(view.go_forward)

    # --- opening --------------------------------------------------------------------------
    def start(self, file: str | None, fallback: Path | None) -> None:
        """Open `file`, else the last document where it was left, else `fallback` (the sample)."""
        path, restore = initial_document(self.settings, file, fallback)
        self.open_initial(path, restore)

    def open_initial(
        self, path: str | None, restore: LastDocument | None, already_requested: bool = False
    ) -> None:
        """Show `path` (restoring page and zoom from `restore`); `already_requested` when the
        caller asked the client to open it before the window existed, to save start-up time."""
        self._pending_restore = restore
        if path is None:
            return
        if already_requested:
            self.panels.after_first_page()
            self.statusBar().showMessage(f"Opening {os.path.basename(path)}…")
        else:
            self.open_path(path)

    def open_path(self, path: str, password: str | None = None) -> None:
        path = os.path.abspath(os.path.expanduser(path))
        self.statusBar().showMessage(f"Opening {os.path.basename(path)}…")
        self.panels.after_first_page()
        self._password_tried = (path, password)
        self.client.open(path, password)

    def choose_file(self) -> None:
        folder = os.path.dirname(self.info.path) if self.info else str(Path.home())
        path, _filter = QFileDialog.getOpenFileName(self, "Open PDF", folder, PDF_FILTER)
        if path:
            self.open_path(path)

    def _on_opened(self, info: Any) -> None:
        self._remember_place()  # of the document being replaced
        if self._pending_restore is None:
            self._pending_restore = self.settings.document_place(info.path)
        self.info = info
        tried_path, tried_password = self._password_tried
        # The panels' child processes open the file themselves, so they need the password too.
        self.document_password = tried_password if tried_path == info.path else None
        generation = self.client.doc_generation
        self.cache_clear_other_documents()
        self.page_view.set_document(info, generation)
        self.thumbnails.set_document(info.page_sizes, generation)
        self.outline.set_outline(info.outline)
        self.sidebar.setTabEnabled(OUTLINE_TAB, self.outline.has_entries())
        self.page_box.set_count(info.page_count)
        self.page_box.set_page(0)
        if self._find_bar is not None:
            self._find_bar.document_changed()
        panels = self.panels.built
        if panels is not None:  # else they take the document when they are built
            panels.fields_panel.set_document(info.path, self.document_password)
            panels.annotation_tools.set_document(info.path, self.document_password)
        self.setWindowTitle(f"{info.title or os.path.basename(info.path)} — {APP_TITLE}")
        self.recent_menu.add(info.path)
        self._set_document_actions_enabled(True)
        self._apply_pending_restore(info)
        self._show_zoom()
        pages = f"{info.page_count} page" + ("s" if info.page_count != 1 else "")
        self.statusBar().showMessage(f"Opened {os.path.basename(info.path)} ({pages})", 5000)
        if getattr(info, "repaired", False):
            self.banner.show_message(
                "This file was damaged and has been repaired while "
                "opening; some pages may not display correctly."
            )

    def on_document_identified(self, _generation: int, identity: Any) -> None:
        """The open document's annotation store, for every panel that shows or edits it."""
        from kfor_viewer.core.annotation_store import AnnotationStore, StoreReadError

        try:
            self.annotation_store = AnnotationStore.open(identity)
        except StoreReadError as error:
            self.annotation_store = None
            self.banner.show_message(str(error))
        for warning in self.annotation_store.warnings if self.annotation_store else ():
            self.banner.show_message(warning.message)
        self.fields_panel.set_store(self.annotation_store)
        self.annotation_tools.set_store(self.annotation_store)

    def cache_clear_other_documents(self) -> None:
        """Images of the previous document are never shown again: free their memory now."""
        self.cache.clear()

    def _apply_pending_restore(self, info: Any) -> None:
        restore, self._pending_restore = self._pending_restore, None
        if restore is None or os.path.abspath(restore.path) != os.path.abspath(info.path):
            return
        if restore.zoom_mode == CUSTOM:
            self.page_view.set_zoom(restore.zoom)
        else:
            self.page_view.set_zoom_mode(restore.zoom_mode)
        self.page_view.go_to_page(min(restore.page, info.page_count - 1), record=False)

    def _on_open_failed(self, path: str, message: str) -> None:
        self._pending_restore = None
        self.panels.soon()
        name = os.path.basename(path)
        self.statusBar().showMessage(f"Could not open {name}: {message}", 10000)
        QMessageBox.warning(
            self,
            "Cannot open document",
            f"<b>{html.escape(name)}</b> could not be opened.<br><br>{html.escape(message)}",
        )

    def _on_password_required(self, path: str, wrong_password: bool) -> None:
        self.panels.soon()
        name = os.path.basename(path)
        prompt = (
            f"The password for {name} is wrong. Try again:"
            if wrong_password
            else f"{name} is protected. Enter its password:"
        )
        password, ok = QInputDialog.getText(
            self, "Password required", prompt, QLineEdit.EchoMode.Password
        )
        if ok:
            self.open_path(path, password)
        else:
            self.statusBar().showMessage(f"{name} was not opened: it needs a password", 8000)

    def _on_worker_restarted(self, message: str) -> None:
        self.banner.show_message(message)
        self.statusBar().showMessage(message, 15000)
        self.page_view.redraw_after_restart()

    # --- state ----------------------------------------------------------------------------
    def _set_document_actions_enabled(self, enabled: bool) -> None:
        for action in self.actions.document_actions():
            action.setEnabled(enabled)
        self.actions.copy.setEnabled(enabled and bool(self.page_view.selection))
        self.zoom_box.setEnabled(enabled)

    def _on_current_page(self, page: int) -> None:
        self.page_box.set_page(page)
        self.thumbnails.set_current_page(page)
        if self._find_bar is not None:
            self._find_bar.set_current_page(page)
        self.actions.previous_page.setEnabled(page > 0)
        self.actions.next_page.setEnabled(page + 1 < self.page_view.page_count)

    def _on_history(self, can_back: bool, can_forward: bool) -> None:
        self.actions.back.setEnabled(can_back)
        self.actions.forward.setEnabled(can_forward)

    def _show_zoom(self) -> None:
        mode = self.page_view.zoom_mode
        self.zoom_box.show_zoom(self.page_view.zoom, mode)
        self.actions.fit_width.setChecked(mode == FIT_WIDTH)
        self.actions.fit_page.setChecked(mode == FIT_PAGE)

    def _show_sidebar_tab(self, tab: int, show: bool) -> None:
        if show:
            self.sidebar.setCurrentIndex(tab)
            self.sidebar.show()
        elif self.sidebar.currentIndex() == tab:
            self.sidebar.hide()
        self._sync_sidebar_actions()

    def _sync_sidebar_actions(self) -> None:
        visible, tab = not self.sidebar.isHidden(), self.sidebar.currentIndex()
        self.actions.show_thumbnails.setChecked(visible and tab == THUMBNAILS_TAB)
        self.actions.show_outline.setChecked(visible and tab == OUTLINE_TAB)

    def _focus_page_box(self) -> None:
        self.page_box.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.page_box.edit.selectAll()

    def _open_find_bar(self) -> None:
        selected = self.page_view.selection.text
        self.find_bar.open_bar(selected if selected and "\n" not in selected else "")

    def _find_step(self, direction: int) -> None:
        if self.find_bar.isHidden():
            self._open_find_bar()
        elif direction > 0:
            self.find_bar.next_hit()
        else:
            self.find_bar.previous_hit()

    def _show_export(self) -> None:
        """File > Export…, with the window's annotations (edits not yet saved included)."""
        from kfor_viewer.ui.export_dialog import ExportDialog

        if self.info is None:
            return
        store = self.annotation_store
        annotations = store.document if store else None
        dialog = ExportDialog(
            self.info.path, None, annotations, self, self.settings.qsettings,
            password=self.document_password,
        )  # fmt: skip
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _show_about(self) -> None:
        from kfor_viewer.ui.about_dialog import show_about

        show_about(self)

    def _restore_window(self) -> None:
        geometry, state, splitter = self.settings.window_state()
        place_main_window(self, geometry)
        if state is not None:
            self.restoreState(state)
        if splitter is not None:
            self.splitter.restoreState(splitter)
        visible, tab = self.settings.sidebar()
        self.sidebar.setCurrentIndex(tab if tab in (THUMBNAILS_TAB, OUTLINE_TAB) else 0)
        self.sidebar.setVisible(visible)
        self._sync_sidebar_actions()

    def restore_dock_state(self) -> None:
        _geometry, state, _splitter = self.settings.window_state()
        if state is not None:
            self.restoreState(state)

    def save_settings(self) -> None:
        self.settings.save_window_state(
            self.saveGeometry(), self.saveState(), self.splitter.saveState()
        )
        self.settings.save_sidebar(not self.sidebar.isHidden(), self.sidebar.currentIndex())
        place = self._remember_place()
        if place is not None:
            self.settings.save_last_document(place)
        self.settings.sync()

    def _remember_place(self) -> LastDocument | None:
        """Store where the open document is (page and zoom), to return there when it is
        opened again."""
        if self.info is None:
            return None
        view = self.page_view
        place = LastDocument(self.info.path, view.current_page, view.zoom_mode, view.zoom)
        self.settings.save_document_place(place)
        return place

    # --- events ---------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        panels = self.panels.built
        if panels is not None and not panels.annotation_tools.close_document():
            event.ignore()  # saving failed and the user stays
            return
        self.save_settings()
        if panels is not None:
            panels.extraction_runner.shutdown()
            panels.annotation_tools.shutdown()
        self.requests.stop()
        self.client.shutdown()
        super().closeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped_file(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = _dropped_file(event)
        if path is not None:
            event.acceptProposedAction()
            self.open_path(path)


def _dropped_file(event: QDragEnterEvent | QDropEvent) -> str | None:
    """The first local file in a drag, if any (opening reports what is not a PDF)."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile() and os.path.isfile(url.toLocalFile()):
            return url.toLocalFile()
    return None
