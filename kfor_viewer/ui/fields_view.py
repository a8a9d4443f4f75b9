"""The tree of extracted fields: `FieldsTree` shows `fields_model.Section`s as a two-column
tree (label, value) with a narrow column of review-state icons, headings per section, key figures
in bold, "not stated" greyed, warnings in amber, and the quote and page of each value in its
tooltip. It knows nothing of stores or extraction: the panel gives it sections to show."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QIcon,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from kfor_viewer.ui.fields_model import EDITED, NOT_RECOGNISED, VERIFIED, FieldRow, Section

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SECTION_ROLE = Qt.ItemDataRole.UserRole + 2
LABEL, VALUE, STATE = 0, 1, 2
ICON_SIZE = 14
QUOTE_CHARS = 240
HEADING_BACKGROUND = QColor(0xEE, 0xF1, 0xF5)
HEADING_TEXT = QColor(0x23, 0x2F, 0x3E)
MUTED_TEXT = QColor(0x8A, 0x90, 0x99)
WARNING_TEXT = QColor(0x9A, 0x5B, 0x00)
VERIFIED_COLOUR = QColor(0x2E, 0x8B, 0x57)
EDITED_COLOUR = QColor(0x3B, 0x6E, 0xA8)
WARNING_COLOUR = QColor(0xE0, 0x9B, 0x1A)


class FieldsTree(QTreeView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = QStandardItemModel(self)
        self.setMinimumWidth(220)
        self.setModel(self._model)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        self.setIndentation(14)
        self.setUniformRowHeights(False)
        self.setWordWrap(False)
        self.setAlternatingRowColors(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setStyleSheet("QTreeView::item { padding: 3px 2px; }")
        self._icons = {
            VERIFIED: _tick_icon(),
            EDITED: _pencil_icon(),
            "warning": _warning_icon(),
            "info": _info_icon(),
        }

    def sizeHint(self) -> QSize:
        return QSize(380, 600)  # room for "Annex II — 1 Jul – 30 Sep 2020" and a value

    # --- content --------------------------------------------------------------------------
    def show_sections(self, sections: list[Section]) -> None:
        """Replace the content, keeping which lists are open and which field is current."""
        current = self._row_key(self.currentIndex())
        opened = self._expanded_keys()
        self._model.clear()
        self._model.setColumnCount(3)
        root = self._model.invisibleRootItem()
        for section in sections:
            root.appendRow(self._section_items(section))
        self._layout_columns()
        for row in range(self._model.rowCount()):
            self.setFirstColumnSpanned(row, QModelIndex(), True)
            self.expand(self._model.index(row, 0))
        self._span_notes(QModelIndex())
        self._restore(opened, current)

    def show_message(self, text: str) -> None:
        """A single greyed line instead of fields (no document, reading, failure)."""
        self._model.clear()
        self._model.setColumnCount(3)
        item = QStandardItem(text)
        item.setForeground(MUTED_TEXT)
        item.setSelectable(False)
        self._model.appendRow([item, QStandardItem(), QStandardItem()])
        self.setFirstColumnSpanned(0, QModelIndex(), True)

    def row_at(self, index: QModelIndex) -> FieldRow | None:
        return index.siblingAtColumn(LABEL).data(ROW_ROLE) if index.isValid() else None

    def current_row(self) -> FieldRow | None:
        return self.row_at(self.currentIndex())

    def find_row(self, section: str, name: str) -> QModelIndex:
        """The index of the field `name` of `section` (invalid when not shown)."""
        for index in self._all_indexes(QModelIndex()):
            row = self.row_at(index)
            if row is not None and (row.section, row.name) == (section, name):
                return index
        return QModelIndex()

    # --- building -------------------------------------------------------------------------
    def _section_items(self, section: Section) -> list[QStandardItem]:
        heading = QStandardItem(section.title)
        heading.setData(section.key, SECTION_ROLE)
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() + 0.5)
        heading.setFont(font)
        heading.setForeground(HEADING_TEXT)
        heading.setBackground(HEADING_BACKGROUND)
        heading.setSelectable(False)
        for message in section.warnings:
            heading.appendRow(self._note_items(message))
        for row in section.rows:
            heading.appendRow(self._row_items(row))
        return [heading, QStandardItem(), QStandardItem()]

    def _note_items(self, message: str) -> list[QStandardItem]:
        information = message == NOT_RECOGNISED
        note = QStandardItem(self._icons["info" if information else "warning"], message)
        note.setForeground(HEADING_TEXT if information else WARNING_TEXT)
        note.setToolTip(message)
        note.setSelectable(False)
        return [note, QStandardItem(), QStandardItem()]

    def _row_items(self, row: FieldRow) -> list[QStandardItem]:
        label, value, state = QStandardItem(row.label), QStandardItem(row.text), QStandardItem()
        label.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText).darker(150))
        if not row.stated:
            value.setForeground(MUTED_TEXT)
            font = QFont(self.font())
            font.setItalic(True)
            value.setFont(font)
        elif row.key_figure:
            font = QFont(self.font())
            font.setBold(True)
            value.setFont(font)
        if row.state == EDITED:
            value.setForeground(EDITED_COLOUR)
        icon = self._state_icon(row)
        if icon is not None:
            state.setIcon(icon)
        tooltip = row_tooltip(row)
        for item in (label, value, state):
            item.setData(row, ROW_ROLE)
            item.setToolTip(tooltip)
        for child in row.children:
            label.appendRow(self._row_items(child))
        return [label, value, state]

    def _state_icon(self, row: FieldRow) -> QIcon | None:
        if row.warnings:
            return self._icons["warning"]
        return self._icons.get(row.state)

    def _layout_columns(self) -> None:
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(LABEL, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(VALUE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(STATE, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(STATE, ICON_SIZE + 12)

    def _span_notes(self, parent: QModelIndex) -> None:
        """Warning notes and list items without a label read across the whole width."""
        for row in range(self._model.rowCount(parent)):
            index = self._model.index(row, LABEL, parent)
            field = self.row_at(index)
            if field is None and parent.isValid():
                self.setFirstColumnSpanned(row, parent, True)
            self._span_notes(index)

    # --- keeping the view's state across refreshes ----------------------------------------
    def _all_indexes(self, parent: QModelIndex) -> list[QModelIndex]:
        found = []
        for row in range(self._model.rowCount(parent)):
            index = self._model.index(row, LABEL, parent)
            found.append(index)
            found += self._all_indexes(index)
        return found

    def _row_key(self, index: QModelIndex) -> tuple[str, str, str] | None:
        row = self.row_at(index)
        return (row.section, row.name, row.label) if row is not None else None

    def _expanded_keys(self) -> set[tuple[str, str, str]]:
        return {
            key
            for index in self._all_indexes(QModelIndex())
            if self.isExpanded(index) and (key := self._row_key(index)) is not None
        }

    def _restore(self, opened: set[tuple[str, str, str]], current: Any) -> None:
        for index in self._all_indexes(QModelIndex()):
            key = self._row_key(index)
            if key in opened:
                self.expand(index)
            if key is not None and key == current:
                self.setCurrentIndex(index)


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


# --- icons, drawn so they match any theme and stay crisp at any scale ---------------------------


def _icon(draw: Any) -> QIcon:
    icon = QIcon()
    for scale in (1, 2):
        pixmap = QPixmap(ICON_SIZE * scale, ICON_SIZE * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        draw(painter)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def _tick_icon() -> QIcon:
    def draw(painter: QPainter) -> None:
        painter.setPen(_pen(VERIFIED_COLOUR, 2.0))
        path = QPainterPath(QPointF(3, 7.5))
        path.lineTo(6, 10.5)
        path.lineTo(11.5, 3.5)
        painter.drawPath(path)

    return _icon(draw)


def _pencil_icon() -> QIcon:
    def draw(painter: QPainter) -> None:
        painter.setPen(_pen(EDITED_COLOUR, 1.3))
        path = QPainterPath(QPointF(2.5, 11.5))
        for x, y in ((3.2, 8.8), (9.8, 2.2), (11.8, 4.2), (5.2, 10.8), (2.5, 11.5)):
            path.lineTo(x, y)
        painter.drawPath(path)
        painter.drawLine(QPointF(8.6, 3.4), QPointF(10.6, 5.4))

    return _icon(draw)


def _warning_icon() -> QIcon:
    def draw(painter: QPainter) -> None:
        path = QPainterPath(QPointF(7, 1.5))
        path.lineTo(13, 12.5)
        path.lineTo(1, 12.5)
        path.closeSubpath()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(WARNING_COLOUR)
        painter.drawPath(path)
        painter.setPen(_pen(QColor(Qt.GlobalColor.white), 1.6))
        painter.drawLine(QPointF(7, 5), QPointF(7, 8.5))
        painter.drawPoint(QPointF(7, 10.6))

    return _icon(draw)


def _info_icon() -> QIcon:
    def draw(painter: QPainter) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(EDITED_COLOUR)
        painter.drawEllipse(QRectF(1.5, 1.5, 11, 11))
        painter.setPen(_pen(QColor(Qt.GlobalColor.white), 1.6))
        painter.drawLine(QPointF(7, 6.2), QPointF(7, 10))
        painter.drawPoint(QPointF(7, 4.2))

    return _icon(draw)


def _pen(colour: QColor, width: float) -> QPen:
    pen = QPen(colour, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen
