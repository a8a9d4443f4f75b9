"""The annotations panel: every highlight of the open document, grouped by page or by tag,
filtered by text and by tag, with the document's tags and their counts.

A dock that shows the store it is given and asks for everything else through signals: clicking a
highlight emits `requestJump(id)`, double-clicking `requestEdit(id)`; the tag list's menu emits
`requestRenameTag(tag)` and `requestTagColor(tag)`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QPoint, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kfor_viewer.ui.annotation_list_delegate import ANNOTATION_ROLE, AnnotationDelegate

BY_PAGE, BY_TAG = "page", "tag"
UNTAGGED = "Untagged"
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
#annotationsPanel QTreeWidget { border: none; }
"""


def matches(annotation: Any, text: str, tag: str | None) -> bool:
    """Whether `annotation` passes the filters: `text` in its quote, note or tags (any case),
    and `tag` among its tags (None: any)."""
    if tag is not None and tag not in annotation.tags:
        return False
    needle = text.strip().casefold()
    if not needle:
        return True
    haystack = " ".join((annotation.quote, annotation.note, *annotation.tags)).casefold()
    return all(word in haystack for word in needle.split())


def group_annotations(
    annotations: Iterable[Any], by: str, text: str = "", tag: str | None = None
) -> list[tuple[str, list[Any]]]:
    """(group title, highlights in reading order) pairs. By tag, a highlight appears under each of
    its tags, and those without tags last under "Untagged"."""
    chosen = sorted((a for a in annotations if matches(a, text, tag)), key=_position)
    groups: dict[str, list[Any]] = {}
    if by == BY_PAGE:
        for annotation in chosen:
            groups.setdefault(f"Page {annotation.page}", []).append(annotation)
        return list(groups.items())
    for annotation in chosen:
        for name in annotation.tags or (UNTAGGED,):
            groups.setdefault(name, []).append(annotation)
    ordered = sorted((n for n in groups if n != UNTAGGED), key=str.casefold)
    if UNTAGGED in groups:
        ordered.append(UNTAGGED)
    return [(name, groups[name]) for name in ordered]


def _position(annotation: Any) -> tuple[int, float, float]:
    """Page, then top-to-bottom, left-to-right (highlights made in the window have no text
    offsets, so the first rectangle orders them)."""
    first = annotation.rects[0] if annotation.rects else (0.0, 0.0, 0.0, 0.0)
    return (annotation.page, round(first[1], 1), first[0])


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


class _AnnotationTree(QTreeWidget):
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
        self._unsubscribe: Any = None
        self._build()

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
        self.tree = _AnnotationTree(body)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(0)
        self.tree.setUniformRowHeights(False)
        self.tree.setMouseTracking(True)
        self.tree.setItemDelegate(AnnotationDelegate(self.tree))
        self.tree.setVerticalScrollMode(QTreeWidget.ScrollMode.ScrollPerPixel)
        self.tree.itemClicked.connect(self._on_clicked)
        self.tree.itemActivated.connect(self._on_clicked)
        self.tree.itemDoubleClicked.connect(self._on_double_clicked)
        self.hint = QLabel(body, objectName="hint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.hint.setWordWrap(True)
        column.addWidget(self.tree, 1)
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
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self.store = store
        self.tag_filter = None
        if store is not None:
            self._unsubscribe = store.subscribe(lambda _change: self.refresh())
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

    def set_tag_filter(self, tag: str | None) -> None:
        self.tag_filter = tag
        self.refresh()

    def refresh(self) -> None:
        annotations = self.store.annotations() if self.store is not None else []
        groups = group_annotations(
            annotations, self.grouping, self.filter_edit.text(), self.tag_filter
        )
        selected = self.selected_id()
        self.tree.clear()
        for title, members in groups:
            self._add_group(title, members, selected)
        self.tree.expandAll()
        self._fill_tags()
        self._show_hint(bool(annotations), bool(groups))

    def _add_group(self, title: str, members: list[Any], selected: str | None) -> None:
        group = QTreeWidgetItem(self.tree, [f"{title}  ·  {len(members)}"])
        group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = group.font(0)
        font.setBold(True)
        group.setFont(0, font)
        group.setForeground(0, QColor(0x57, 0x60, 0x6A))
        group.setIcon(0, color_icon(self.tag_colors.get(title)))
        for annotation in members:
            item = QTreeWidgetItem(group)
            item.setData(0, ANNOTATION_ROLE, annotation)
            item.setData(0, Qt.ItemDataRole.UserRole, annotation.id)
            item.setToolTip(0, annotation.quote[:400])
            if annotation.id == selected:
                item.setSelected(True)

    def _show_hint(self, any_annotation: bool, any_shown: bool) -> None:
        if self.store is None:
            text = "Open a document to see its highlights."
        elif not any_annotation:
            text = "No highlights yet.\nSelect text on a page and press H,\nor pick a colour."
        else:
            text = "No highlight matches the filter."
        self.hint.setText(text)
        self.hint.setVisible(not any_shown)
        self.tree.setVisible(any_shown)

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
        ids = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            ids.extend(
                group.child(i).data(0, Qt.ItemDataRole.UserRole) for i in range(group.childCount())
            )
        return ids

    def group_titles(self) -> list[str]:
        return [
            self.tree.topLevelItem(i).text(0).split("  ·  ")[0]
            for i in range(self.tree.topLevelItemCount())
        ]

    def selected_id(self) -> str | None:
        items = self.tree.selectedItems()
        return items[0].data(0, Qt.ItemDataRole.UserRole) if items else None

    def select(self, annotation_id: str | None) -> None:
        """Show `annotation_id` as selected (the page view's selection), without signals."""
        self.tree.blockSignals(True)
        self.tree.clearSelection()
        for item in self._items(annotation_id):
            item.setSelected(True)
            self.tree.scrollToItem(item)
        self.tree.blockSignals(False)

    def _items(self, annotation_id: str | None) -> list[QTreeWidgetItem]:
        found = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            for i in range(group.childCount()):
                if group.child(i).data(0, Qt.ItemDataRole.UserRole) == annotation_id:
                    found.append(group.child(i))
        return found

    def item_for(self, annotation_id: str) -> QTreeWidgetItem | None:
        items = self._items(annotation_id)
        return items[0] if items else None

    def _on_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        annotation_id = item.data(0, Qt.ItemDataRole.UserRole)
        if annotation_id:
            self.requestJump.emit(annotation_id)

    def _on_double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        annotation_id = item.data(0, Qt.ItemDataRole.UserRole)
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
