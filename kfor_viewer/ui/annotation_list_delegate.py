"""How one highlight looks in the annotations panel: a colour bar, the quote (up to three
lines), its tags as small chips, its note, and the page number."""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QTextLayout
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

ANNOTATION_ROLE = Qt.ItemDataRole.UserRole + 1  # the Annotation shown by a row
MARGIN, BAR, GAP = 8, 4, 8
QUOTE_LINES = 3
CHIP_TEXT = QColor(0x3B, 0x44, 0x4F)
CHIP_FILL = QColor(0xEC, 0xEF, 0xF3)
NOTE_TEXT = QColor(0x57, 0x60, 0x6A)


class AnnotationDelegate(QStyledItemDelegate):
    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        annotation = index.data(ANNOTATION_ROLE)
        if annotation is None:
            return super().sizeHint(option, index)
        view = self.parent()
        width = max(120, view.viewport().width() if view is not None else option.rect.width())
        return QSize(width, self._height(option, annotation, width))

    def _height(self, option: QStyleOptionViewItem, annotation: Any, width: int) -> int:
        metrics = QFontMetrics(option.font)
        text_width = self._text_width(width)
        quote_lines = len(_wrap(annotation.quote, option.font, text_width, QUOTE_LINES))
        height = MARGIN + quote_lines * metrics.lineSpacing()
        if annotation.tags:
            height += 4 + metrics.height() + 2
        if annotation.note.strip():
            height += 3 + len(_wrap(annotation.note, _note_font(option.font), text_width, 2)) * (
                metrics.lineSpacing()
            )
        return height + MARGIN

    @staticmethod
    def _text_width(width: int) -> int:
        return max(60, width - MARGIN - BAR - GAP - MARGIN - 34)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        annotation = index.data(ANNOTATION_ROLE)
        if annotation is None:
            super().paint(painter, option, index)
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(rect, option.palette.color(QPalette.ColorRole.Highlight).lighter(185))
        elif option.state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(rect, QColor(0xF4, 0xF6, 0xF8))
        painter.setPen(QColor(0xE4, 0xE7, 0xEB))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        bar = QRectF(rect.left() + MARGIN, rect.top() + MARGIN, BAR, rect.height() - 2 * MARGIN)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(annotation.color).darker(108))
        painter.drawRoundedRect(bar, 2, 2)
        left = rect.left() + MARGIN + BAR + GAP
        text_width = self._text_width(rect.width())
        y = self._paint_quote(painter, option, annotation, left, rect.top() + MARGIN, text_width)
        self._paint_page(painter, option, annotation, rect)
        if annotation.tags:
            y = _paint_chips(painter, option.font, annotation.tags, left, y + 4, text_width)
        if annotation.note.strip():
            _paint_note(painter, option.font, annotation.note, left, y + 3, text_width)
        painter.restore()

    def _paint_quote(
        self, painter: QPainter, option: Any, annotation: Any, left: int, top: int, width: int
    ) -> int:
        metrics = QFontMetrics(option.font)
        painter.setPen(option.palette.color(QPalette.ColorRole.Text))
        painter.setFont(option.font)
        y = top
        for line in _wrap(annotation.quote, option.font, width, QUOTE_LINES):
            painter.drawText(
                QRect(left, y, width, metrics.height()), Qt.TextFlag.TextSingleLine, line
            )
            y += metrics.lineSpacing()
        if annotation.orphan:
            painter.setPen(QColor(0xB4, 0x23, 0x18))
            painter.drawText(
                QRect(left, y, width, metrics.height()), 0, "Not found in this version"
            )
            y += metrics.lineSpacing()
        return y

    @staticmethod
    def _paint_page(painter: QPainter, option: Any, annotation: Any, rect: QRect) -> None:
        small = QFont(option.font)
        small.setPointSizeF(max(6.0, option.font.pointSizeF() - 1.5))
        painter.setFont(small)
        painter.setPen(NOTE_TEXT)
        box = QRect(rect.right() - MARGIN - 34, rect.top() + MARGIN, 34, 16)
        painter.drawText(
            box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, f"p. {annotation.page}"
        )


def _note_font(font: QFont) -> QFont:
    italic = QFont(font)
    italic.setItalic(True)
    return italic


def _wrap(text: str, font: QFont, width: int, max_lines: int) -> list[str]:
    """`text` laid out in lines of `width` pixels, at most `max_lines`, the last one elided."""
    text = " ".join(text.split()) or "(no text)"
    layout = QTextLayout(text, font)
    layout.beginLayout()
    starts: list[int] = []
    while len(starts) <= max_lines:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        starts.append(line.textStart())
    layout.endLayout()
    starts.append(len(text))
    lines = [text[a:b].strip() for a, b in itertools.pairwise(starts)]
    if len(lines) > max_lines:
        rest = text[starts[max_lines - 1] :]
        lines = lines[: max_lines - 1]
        lines.append(QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, width))
    return lines


def _paint_chips(
    painter: QPainter, font: QFont, tags: tuple[str, ...], left: int, top: int, width: int
) -> int:
    small = QFont(font)
    small.setPointSizeF(max(6.0, font.pointSizeF() - 1.0))
    metrics = QFontMetrics(small)
    painter.setFont(small)
    x, height = left, metrics.height() + 2
    for tag in tags:
        chip_width = metrics.horizontalAdvance(tag) + 12
        if x + chip_width > left + width and x > left:
            painter.setPen(CHIP_TEXT)
            painter.drawText(QRect(x, top, 20, height), Qt.AlignmentFlag.AlignVCenter, "…")
            break
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(CHIP_FILL)
        painter.drawRoundedRect(QRectF(x, top, chip_width, height), height / 2, height / 2)
        painter.setPen(CHIP_TEXT)
        painter.drawText(QRect(x, top, chip_width, height), Qt.AlignmentFlag.AlignCenter, tag)
        x += chip_width + 4
    return top + height


def _paint_note(painter: QPainter, font: QFont, note: str, left: int, top: int, width: int) -> None:
    italic = _note_font(font)
    metrics = QFontMetrics(italic)
    painter.setFont(italic)
    painter.setPen(NOTE_TEXT)
    y = top
    for line in _wrap(note, italic, width, 2):
        painter.drawText(QRect(left, y, width, metrics.height()), Qt.TextFlag.TextSingleLine, line)
        y += metrics.lineSpacing()
