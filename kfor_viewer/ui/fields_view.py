"""The tree of extracted fields: `FieldsTree` shows `fields_model.Section`s as a two-column
tree (label, value) with a narrow column of review-state icons, a heading per section, key
figures in bold, "not stated" greyed, warnings in amber, and the quote and page of each value in
its tooltip. It knows nothing of stores or extraction: the panel gives it sections to show.

`FieldsItemModel` answers the view from the rows themselves, computing fonts, colours and
tooltips only for the rows on screen, so a document of a hundred reports shows at once.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from kfor_viewer.ui.deferred_panels import PANEL_SIZE_HINT
from kfor_viewer.ui.fields_icons import EDITED_COLOUR, ICON_SIZE, review_icons
from kfor_viewer.ui.fields_model import (
    EDITED,
    NOT_RECOGNISED,
    VERIFIED,
    FieldRow,
    Section,
    walk_rows,
)

LABEL, VALUE, STATE = 0, 1, 2
QUOTE_CHARS = 240
MAX_LABEL_WIDTH = 200
HEADING_BACKGROUND = QColor(0xEE, 0xF1, 0xF5)
HEADING_TEXT = QColor(0x23, 0x2F, 0x3E)
LABEL_TEXT = QColor(0x5F, 0x66, 0x70)
MUTED_TEXT = QColor(0x8A, 0x90, 0x99)
WARNING_TEXT = QColor(0x9A, 0x5B, 0x00)
Role = Qt.ItemDataRole
AnyIndex = QModelIndex | QPersistentModelIndex
ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
NO_INDEX = QModelIndex()


@dataclass(eq=False)
class _Node:
    kind: str  # "section", "note", "row" or "message"
    text: str = ""
    row: FieldRow | None = None
    parent: _Node | None = None
    position: int = 0
    children: list[_Node] = field(default_factory=list)
    id: int = 0  # the index's internalId: an integer, never a pointer a stale index could hold

    def add(self, child: _Node) -> _Node:
        child.parent, child.position = self, len(self.children)
        self.children.append(child)
        return child


def _nodes_for(sections: list[Section]) -> _Node:
    root = _Node("root")
    for section in sections:
        heading = root.add(_Node("section", section.title))
        for message in section.warnings:
            heading.add(_Node("note", message))
        for row in section.rows:
            _add_row(heading, row)
    return root


def _add_row(parent: _Node, row: FieldRow) -> None:
    node = parent.add(_Node("row", row.label, row))
    for child in row.children:
        _add_row(node, child)


class FieldsItemModel(QAbstractItemModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._root = _Node("root")
        self._nodes: list[_Node] = [self._root]
        self._icons = review_icons()
        self.heading_font = QFont()
        self.key_font = QFont()
        self.missing_font = QFont()

    def set_fonts(self, base: QFont) -> None:
        self.heading_font, self.key_font, self.missing_font = QFont(base), QFont(base), QFont(base)
        self.heading_font.setBold(True)
        self.heading_font.setPointSizeF(base.pointSizeF() + 0.5)
        self.key_font.setBold(True)
        self.missing_font.setItalic(True)

    def reset(self, root: _Node) -> None:
        self.beginResetModel()
        self._root = root
        self._nodes = [root, *_walk(root)]
        for number, node in enumerate(self._nodes):
            node.id = number
        self.endResetModel()

    @property
    def root(self) -> _Node:
        return self._root

    def node(self, index: AnyIndex) -> _Node:
        if not index.isValid():
            return self._root
        number = index.internalId()
        return self._nodes[number] if 0 < number < len(self._nodes) else self._root

    def index_of(self, node: _Node, column: int = LABEL) -> QModelIndex:
        if node.parent is None:
            return QModelIndex()
        return self.createIndex(node.position, column, node.id)

    # --- QAbstractItemModel -----------------------------------------------------------------
    def index(self, row: int, column: int, parent: AnyIndex = NO_INDEX) -> QModelIndex:
        children = self.node(parent).children
        if 0 <= row < len(children) and 0 <= column < 3:
            return self.createIndex(row, column, children[row].id)
        return QModelIndex()

    def parent(self, index: AnyIndex = NO_INDEX) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        up = self.node(index).parent
        return self.index_of(up) if up is not None and up is not self._root else QModelIndex()

    def rowCount(self, parent: AnyIndex = NO_INDEX) -> int:
        if parent.isValid() and parent.column() != LABEL:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: AnyIndex = NO_INDEX) -> int:
        return 3

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return ROW_FLAGS if self.node(index).kind == "row" else Qt.ItemFlag.ItemIsEnabled

    def data(self, index: AnyIndex, role: int = Role.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self.node(index)
        if node.kind == "row":
            return self._row_data(node.row, index.column(), role)
        return self._other_data(node, index.column(), role)

    def _row_data(self, row: FieldRow, column: int, role: int) -> Any:
        if role == Role.ToolTipRole:
            return row_tooltip(row)
        if column == LABEL:
            return {Role.DisplayRole: row.label, Role.ForegroundRole: LABEL_TEXT}.get(role)
        if column == VALUE:
            if role == Role.DisplayRole:
                return row.text
            if role == Role.ForegroundRole:
                return (
                    MUTED_TEXT if not row.stated else EDITED_COLOUR if row.state == EDITED else None
                )
            if role == Role.FontRole:
                return (
                    self.missing_font
                    if not row.stated
                    else self.key_font
                    if row.key_figure
                    else None
                )
            return None
        if role == Role.DecorationRole:
            return self._icons["warning"] if row.warnings else self._icons.get(row.state)
        return None

    def _other_data(self, node: _Node, column: int, role: int) -> Any:
        information = node.text == NOT_RECOGNISED
        if role == Role.BackgroundRole and node.kind == "section":
            return HEADING_BACKGROUND
        if column != LABEL:
            return None
        if role in (Role.DisplayRole, Role.ToolTipRole) and node.kind != "section":
            return node.text
        if role == Role.DisplayRole:
            return node.text
        if role == Role.FontRole and node.kind == "section":
            return self.heading_font
        if role == Role.ForegroundRole:
            colours = {"section": HEADING_TEXT, "message": MUTED_TEXT}
            return HEADING_TEXT if information else colours.get(node.kind, WARNING_TEXT)
        if role == Role.DecorationRole and node.kind == "note":
            return self._icons["info" if information else "warning"]
        return None


class FieldsTree(QTreeView):
    copyRequested = Signal()  # the copy key in the tree: the field, not the page selection

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = FieldsItemModel(self)
        self._model.set_fonts(self.font())
        self.setModel(self._model)
        self.setMinimumWidth(220)
        self.setHeaderHidden(True)
        self.setIndentation(14)
        self.setUniformRowHeights(True)
        self.setWordWrap(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setStyleSheet("QTreeView::item { padding: 3px 2px; }")
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(LABEL, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(VALUE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(STATE, QHeaderView.ResizeMode.Fixed)

    def event(self, event: QEvent) -> bool:
        # the window's Edit > Copy has the same key; while the tree has focus, the tree's wins
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Copy)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copyRequested.emit()
            return
        super().keyPressEvent(event)

    def sizeHint(self) -> QSize:
        return PANEL_SIZE_HINT

    # --- content --------------------------------------------------------------------------
    def show_sections(self, sections: list[Section]) -> None:
        """Replace the content, keeping which lists are open and which field is current."""
        current = self._row_key(self.currentIndex())
        opened = {self._node_key(node) for node in self._expanded_nodes()}
        self._show(_nodes_for(sections))
        self._fit_label_column(sections)
        self.expandToDepth(0)
        for node in _walk(self._model.root):
            key = self._node_key(node)
            if node.children and node.kind == "row" and key in opened:
                self.expand(self._model.index_of(node))
            if current is not None and key == current:
                self.setCurrentIndex(self._model.index_of(node))

    def show_message(self, text: str) -> None:
        """A single greyed line instead of fields (no document, reading, failure)."""
        root = _Node("root")
        root.add(_Node("message", text))
        self._show(root)

    def row_at(self, index: AnyIndex) -> FieldRow | None:
        return self._model.node(index).row if index.isValid() else None

    def current_row(self) -> FieldRow | None:
        return self.row_at(self.currentIndex())

    def find_row(self, section: str, name: str) -> QModelIndex:
        """The index of the field `name` of `section` (invalid when not shown)."""
        for node in _walk(self._model.root):
            if node.row is not None and (node.row.section, node.row.name) == (section, name):
                return self._model.index_of(node)
        return QModelIndex()

    # --- internals ------------------------------------------------------------------------
    def _show(self, root: _Node) -> None:
        self._model.reset(root)
        for node in root.children:  # headings and messages read across the whole width
            self.setFirstColumnSpanned(node.position, QModelIndex(), True)
            for child in node.children:
                if child.kind == "note":
                    self.setFirstColumnSpanned(child.position, self._model.index_of(node), True)

    def _fit_label_column(self, sections: list[Section]) -> None:
        """Labels as wide as the widest one; measured once per content, from the rows."""
        metrics = self.fontMetrics()
        labels = {(row.label, depth) for s in sections for row, depth in walk_rows(s.rows, 2)}
        widest = max(
            (
                metrics.horizontalAdvance(label) + depth * self.indentation()
                for label, depth in labels
            ),
            default=0,
        )
        header = self.header()
        header.resizeSection(LABEL, min(widest + 16, MAX_LABEL_WIDTH))
        header.resizeSection(STATE, ICON_SIZE + 12)

    def _expanded_nodes(self) -> list[_Node]:
        return [
            node
            for node in _walk(self._model.root)
            if node.children and node.kind == "row" and self.isExpanded(self._model.index_of(node))
        ]

    def _node_key(self, node: _Node) -> tuple[str, str, str] | None:
        row = node.row
        return (row.section, row.name, row.label) if row is not None else None

    def _row_key(self, index: AnyIndex) -> tuple[str, str, str] | None:
        return self._node_key(self._model.node(index)) if index.isValid() else None


def _walk(node: _Node) -> list[_Node]:
    found = []
    for child in node.children:
        found.append(child)
        found += _walk(child)
    return found


def row_tooltip(row: FieldRow) -> str:
    """The quote and page of the evidence, the extracted value of an edited field, warnings."""
    parts = []
    for evidence in row.evidence[:3]:
        quote = " ".join(evidence.quote.split())
        if len(quote) > QUOTE_CHARS:
            quote = quote[: QUOTE_CHARS - 1] + "…"
        parts.append(f"“{html.escape(quote)}”<br><i>page {evidence.page}</i>")
    if not row.evidence and row.correctable:
        parts.append("<i>Not stated in the document</i>")
    if row.state == EDITED:
        parts.append(f"<b>Edited</b> — extracted value: {html.escape(row.original_text)}")
    elif row.state == VERIFIED:
        parts.append("<b>Verified</b> by you")
    parts += [f"⚠ {html.escape(message)}" for message in row.warnings]
    return "<p style='white-space:pre-wrap'>" + "<br><br>".join(parts) + "</p>" if parts else ""
