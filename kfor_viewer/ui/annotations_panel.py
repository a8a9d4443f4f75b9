"""The annotations panel: every highlight of the open document, grouped by page or by tag,
filtered by text and by tag, with the document's tags and their counts.

A dock that shows the store it is given and asks for everything else through signals: clicking a
highlight emits `requestJump(id)`, double-clicking `requestEdit(id)`; the tag list's menu emits
`requestRenameTag(tag)` and `requestTagColor(tag)`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from kfor_viewer.ui.annotation_list_delegate import AnnotationDelegate
from kfor_viewer.ui.annotation_list_model import (
    BY_PAGE,
    BY_TAG,
    ID_ROLE,
    AnnotationListModel,
    group_annotations,
)
from kfor_viewer.ui.dock_actions import raise_or_hide_action
from kfor_viewer.ui.store_subscription import StoreSubscription

__all__ = ["BY_PAGE", "BY_TAG", "AnnotationsPanel", "color_icon", "group_annotations"]
TAG_ROLE = Qt.ItemDataRole.UserRole + 2

STYLE = """
#annotationsPanel QLabel#hint { color: #6e7781; padding: 18px 12px; }
#annotationsPanel QLabel#notice { background: #fff4ce; color: #4a3b00; padding: 6px 8px;
    border-bottom: 1px solid #e0c36a; }
#annotationsPanel QLabel#caption { color: #57606a; font-size: 11px; font-weight: 600;
    padding: 4px 8px 0 8px; }
#annotationsPanel QListWidget#tagList { border: none; background: transparent; }
#annotationsPanel QListWidget#tagList::item { border: 1px solid #d8dde3; border-radius: 9px;
    padding: 1px 6px; margin: 2px; background: #f3f5f7; color: #24292f; }
#annotationsPanel QListWidget#tagList::item:selected { background: #dbe9ff;
    border-color: #7aa7ef; color: #0b3d91; }
#annotationsPanel QListView#annotationList { border: none; }
"""


def color_icon(color: str | None, size: int = 10) -> QIcon:
    """A round swatch of `color`; no icon at all for a tag without a colour."""
    if not color:
        return QIcon()
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(color).darker(140))
    painter.setBrush(QColor(color))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


class _AnnotationList(QListView):
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()  # rows wrap their quote to the new width


class AnnotationsPanel(QDockWidget):
    requestJump = Signal(str)  # annotation id
    requestEdit = Signal(str)  # annotation id
    requestRenameTag = Signal(str)
    requestTagColor = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Annotations", parent)
        self.setObjectName("annotationsDock")
        self.store: Any = None
        self.tag_colors: dict[str, str | None] = {}
        self._subscription = StoreSubscription(lambda _change: self._refresh_timer.start())
        self._selected: str | None = None  # kept across refreshes
        self._showing_selection = False
        # a burst of store changes (an import, an undo of many) refreshes the list once
        self._refresh_timer = QTimer(self, singleShot=True, interval=0)
        self._refresh_timer.timeout.connect(self.refresh)
        self._build()

    def make_show_action(self, parent: QWidget) -> QAction:
        """Annotations > Annotations Panel (F8): brings the dock to the front, also from behind
        the Fields tab; hides it only when it is already in front."""
        return raise_or_hide_action(self, "&Annotations Panel", parent, "F8")

    def _build(self) -> None:
        body = QWidget(self, objectName="annotationsPanel")
        body.setStyleSheet(STYLE)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.notice = QLabel(body, objectName="notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        column.addWidget(self.notice)
        column.addLayout(self._build_filters(body))
        self.model = AnnotationListModel(self)
        self.list_view = _AnnotationList(body, objectName="annotationList")
        self.list_view.setModel(self.model)
        self.list_view.setItemDelegate(AnnotationDelegate(self.list_view))
        self.list_view.setUniformItemSizes(False)
        self.list_view.setLayoutMode(QListView.LayoutMode.Batched)  # 10,000 rows: no stall
        self.list_view.setBatchSize(200)
        self.list_view.setMouseTracking(True)
        self.list_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.clicked.connect(self._on_clicked)
        # arrow keys through the list go from highlight to highlight on the page too
        self.list_view.selectionModel().currentChanged.connect(self._on_current_changed)
        self.list_view.activated.connect(self._on_clicked)
        self.list_view.doubleClicked.connect(self._on_double_clicked)
        self.hint = QLabel(body, objectName="hint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.hint.setWordWrap(True)
        column.addWidget(self.list_view, 1)
        column.addWidget(self.hint, 1)
        column.addWidget(QLabel("TAGS", body, objectName="caption"))
        self.tag_list = QListWidget(body, objectName="tagList")
        self.tag_list.setFlow(QListWidget.Flow.LeftToRight)
        self.tag_list.setWrapping(True)
        self.tag_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.tag_list.setIconSize(QSize(10, 10))
        self.tag_list.setMaximumHeight(96)
        self.tag_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tag_list.itemClicked.connect(self._on_tag_clicked)
        self.tag_list.customContextMenuRequested.connect(self._tag_menu)
        column.addWidget(self.tag_list)
        self.setWidget(body)
        self.refresh()

    def _build_filters(self, body: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setContentsMargins(6, 6, 6, 6)
        row.setSpacing(6)
        self.filter_edit = QLineEdit(body)
        self.filter_edit.setPlaceholderText("Filter highlights…")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(lambda _t: self.refresh())
        self.group_box = QComboBox(body)
        self.group_box.addItem("By page", BY_PAGE)
        self.group_box.addItem("By tag", BY_TAG)
        self.group_box.currentIndexChanged.connect(lambda _i: self.refresh())
        row.addWidget(self.filter_edit, 1)
        row.addWidget(self.group_box)
        return row

    # --- model ----------------------------------------------------------------------------
    def set_store(self, store: Any) -> None:
        self._subscription.follow(store)
        self.store = store
        self.tag_filter = None
        self.refresh()

    def set_tag_colors(self, colors: dict[str, str | None]) -> None:
        self.tag_colors = dict(colors)
        self._fill_tags()

    def show_notice(self, text: str) -> None:
        """A message that stays until the next document (e.g. the store was set aside)."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    @property
    def grouping(self) -> str:
        return self.group_box.currentData()

    def set_grouping(self, by: str) -> None:
        self.group_box.setCurrentIndex(self.group_box.findData(by))

    tag_filter: str | None = None
    no_store_text = "Open a document to see its highlights."

    def set_tag_filter(self, tag: str | None) -> None:
        self.tag_filter = tag
        self.refresh()

    def refresh(self) -> None:
        self._refresh_timer.stop()
        annotations = self.store.annotations() if self.store is not None else []
        groups = group_annotations(
            annotations, self.grouping, self.filter_edit.text(), self.tag_filter
        )
        self.model.set_groups(groups, self.tag_colors if self.grouping == BY_TAG else {})
        self.select(self._selected)
        self._fill_tags()
        self._show_hint(bool(annotations), bool(groups))

    def _show_hint(self, any_annotation: bool, any_shown: bool) -> None:
        if self.store is None:
            text = self.no_store_text
        elif not any_annotation:
            text = "No highlights yet.\nSelect text on a page and press H,\nor pick a colour."
        else:
            text = "No highlight matches the filter."
        self.hint.setText(text)
        self.hint.setVisible(not any_shown)
        self.list_view.setVisible(any_shown)

    def _fill_tags(self) -> None:
        self.tag_list.clear()
        counts = self.store.tags() if self.store is not None else {}
        for tag, count in sorted(counts.items(), key=lambda item: item[0].casefold()):
            item = QListWidgetItem(color_icon(self.tag_colors.get(tag)), f"{tag}  {count}")
            item.setData(TAG_ROLE, tag)
            item.setToolTip(f"{count} highlight(s) tagged “{tag}”. Click to show only those.")
            self.tag_list.addItem(item)
            item.setSelected(tag == self.tag_filter)

    # --- selection and requests -----------------------------------------------------------
    def visible_ids(self) -> list[str]:
        """The ids shown, in the panel's order (a highlight may appear in several groups)."""
        return self.model.annotation_ids()

    def group_titles(self) -> list[str]:
        return self.model.headers()

    def selected_id(self) -> str | None:
        rows = self.list_view.selectionModel().selectedRows()
        return rows[0].data(ID_ROLE) if rows else None

    def index_for(self, annotation_id: str) -> QModelIndex:
        rows = self.model.rows_of(annotation_id)
        return self.model.index(rows[0]) if rows else QModelIndex()

    def select(self, annotation_id: str | None) -> None:
        """Show `annotation_id` as selected (it is the page view's selection)."""
        self._selected = annotation_id
        index = self.index_for(annotation_id) if annotation_id else QModelIndex()
        self._showing_selection = True  # showing the page's selection is no request to jump
        if index.isValid():
            self.list_view.setCurrentIndex(index)
            self.list_view.scrollTo(index)
        else:
            self.list_view.clearSelection()
        self._showing_selection = False

    def _on_clicked(self, index: QModelIndex) -> None:
        annotation_id = index.data(ID_ROLE)
        if annotation_id:
            self.requestJump.emit(annotation_id)

    def _on_current_changed(self, index: QModelIndex, _previous: QModelIndex) -> None:
        if not self._showing_selection:
            self._on_clicked(index)

    def _on_double_clicked(self, index: QModelIndex) -> None:
        annotation_id = index.data(ID_ROLE)
        if annotation_id:
            self.requestEdit.emit(annotation_id)

    def _on_tag_clicked(self, item: QListWidgetItem) -> None:
        tag = item.data(TAG_ROLE)
        self.set_tag_filter(None if tag == self.tag_filter else tag)

    def _tag_menu(self, point: QPoint) -> None:
        item = self.tag_list.itemAt(point)
        if item is None:
            return
        tag = item.data(TAG_ROLE)
        menu = QMenu(self)
        menu.addAction("Show only this tag", lambda: self.set_tag_filter(tag))
        menu.addAction("Rename or merge…", lambda: self.requestRenameTag.emit(tag))
        menu.addAction("Set colour…", lambda: self.requestTagColor.emit(tag))
        menu.exec(self.tag_list.viewport().mapToGlobal(point))
