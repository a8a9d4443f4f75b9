"""The document outline (bookmarks) as a tree; clicking an entry jumps to its page."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

PAGE_ROLE = Qt.ItemDataRole.UserRole


class OutlinePanel(QTreeWidget):
    requestPage = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setColumnCount(2)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, self.header().ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, self.header().ResizeMode.ResizeToContents)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.itemClicked.connect(self._on_item_clicked)
        self.itemActivated.connect(self._on_item_clicked)

    def set_outline(self, entries: Sequence[Any]) -> None:
        """Entries in document order with levels starting at 1, as PyMuPDF's get_toc gives."""
        self.clear()
        parents: list[QTreeWidgetItem] = []
        for entry in entries:
            level = max(1, entry.level)
            del parents[level - 1 :]
            parent = parents[-1] if parents else self.invisibleRootItem()
            page_label = str(entry.page + 1) if entry.page >= 0 else ""
            item = QTreeWidgetItem(parent, [entry.title, page_label])
            item.setData(0, PAGE_ROLE, entry.page)
            item.setToolTip(0, entry.title)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
            parents.append(item)
        self.expandToDepth(0)

    def has_entries(self) -> bool:
        return self.topLevelItemCount() > 0

    def _on_item_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        page = item.data(0, PAGE_ROLE)
        if isinstance(page, int) and page >= 0:
            self.requestPage.emit(page)
