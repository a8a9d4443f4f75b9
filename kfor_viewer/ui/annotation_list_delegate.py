"""How the annotations panel draws its rows: a group header (page or tag, with its count), and a
highlight as a colour bar, its quote (up to three lines), its tags as chips, its note and page.

Row heights come from cheap measurements (one text width per quote), not from laying out the
text, so a list of 10,000 highlights is laid out in a blink.
"""

from __future__ import annotations

import itertools
import math
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QTextLayout
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from kfor_viewer.ui.annotation_list_model import ANNOTATION_ROLE, HEADER_ROLE

MARGIN, BAR, GAP, PAGE_WIDTH = 8, 4, 8, 34
QUOTE_LINES = 3
CHIP_TEXT = QColor(0x3B, 0x44, 0x4F)
CHIP_FILL = QColor(0xEC, 0xEF, 0xF3)
SUBTLE_TEXT = QColor(0x57, 0x60, 0x6A)
RULE = QColor(0xE4, 0xE7, 0xEB)
HEADER_FILL = QColor(0xF6, 0xF8, 0xFA)

Index = QModelIndex | QPersistentModelIndex


class AnnotationDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        width = self._row_width(option)
        metrics = QFontMetrics(option.font)
        if index.data(HEADER_ROLE) is not None:
            return QSize(width, metrics.height() + 14)
        annotation = index.data(ANNOTATION_ROLE)
        lines = _quote_lines(annotation, option.font, _text_width(width))
        height = MARGIN + lines * metrics.lineSpacing()
        if annotation.tags:
            height += 4 + QFontMetrics(_small_font(option.font, 1.0)).height() + 2
        if annotation.note.strip():
            height += 3 + metrics.lineSpacing()
        return QSize(width, height + MARGIN)

    def _row_width(self, option: QStyleOptionViewItem) -> int:
        view = self.parent()
        return max(120, view.viewport().width() if view is not None else option.rect.width())

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        header = index.data(HEADER_ROLE)
        if header is not None:
            _paint_header(painter, option, header)
        else:
            _paint_annotation(painter, option, index.data(ANNOTATION_ROLE))
        painter.restore()


def _text_width(row_width: int) -> int:
    return max(60, row_width - MARGIN - BAR - GAP - MARGIN - PAGE_WIDTH)


def _quote_lines(annotation: Any, font: QFont, width: int) -> int:
    advance = QFontMetrics(font).horizontalAdvance(" ".join(annotation.quote.split()))
    lines = max(1, min(QUOTE_LINES, math.ceil(advance * 1.08 / width)))  # 8%: words wrap early
    return lines + (1 if annotation.orphan else 0)


def _small_font(font: QFont, smaller_by: float) -> QFont:
    small = QFont(font)
    small.setPointSizeF(max(6.0, font.pointSizeF() - smaller_by))
    return small


def _paint_header(painter: QPainter, option: Any, header: tuple[str, int, str | None]) -> None:
    title, count, color = header
    rect = option.rect
    painter.fillRect(rect, HEADER_FILL)
    painter.setPen(RULE)
    painter.drawLine(rect.bottomLeft(), rect.bottomRight())
    left = rect.left() + MARGIN
    if color:
        painter.setPen(QColor(color).darker(140))
        painter.setBrush(QColor(color))
        painter.drawEllipse(QRectF(left, rect.center().y() - 4, 8, 8))
        left += 14
    bold = QFont(option.font)
    bold.setBold(True)
    painter.setFont(bold)
    painter.setPen(option.palette.color(QPalette.ColorRole.Text))
    text_rect = QRect(left, rect.top(), rect.width() - left - MARGIN, rect.height())
    painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, title)
    painter.setFont(option.font)
    painter.setPen(SUBTLE_TEXT)
    painter.drawText(
        text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, str(count)
    )


def _paint_annotation(painter: QPainter, option: Any, annotation: Any) -> None:
    rect = option.rect
    if option.state & QStyle.StateFlag.State_Selected:
        painter.fillRect(rect, QColor(0xDB, 0xE9, 0xFF))
    elif option.state & QStyle.StateFlag.State_MouseOver:
        painter.fillRect(rect, QColor(0xF4, 0xF6, 0xF8))
    painter.setPen(RULE)
    painter.drawLine(rect.bottomLeft(), rect.bottomRight())
    bar = QRectF(rect.left() + MARGIN, rect.top() + MARGIN, BAR, rect.height() - 2 * MARGIN)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(annotation.color).darker(108))
    painter.drawRoundedRect(bar, 2, 2)
    left = rect.left() + MARGIN + BAR + GAP
    width = _text_width(rect.width())
    y = _paint_quote(painter, option, annotation, left, rect.top() + MARGIN, width)
    _paint_page(painter, option.font, annotation.page, rect)
    if annotation.tags:
        y = _paint_chips(painter, option.font, annotation.tags, left, y + 4, width)
    if annotation.note.strip():
        _paint_note(painter, option.font, annotation.note, left, y + 3, width)


def _paint_quote(
    painter: QPainter, option: Any, annotation: Any, left: int, top: int, width: int
) -> int:
    metrics = QFontMetrics(option.font)
    painter.setFont(option.font)
    painter.setPen(option.palette.color(QPalette.ColorRole.Text))
    lines = _quote_lines(annotation, option.font, width) - (1 if annotation.orphan else 0)
    y = top
    for line in _wrap(annotation.quote, option.font, width, lines):
        painter.drawText(QRect(left, y, width, metrics.height()), 0, line)
        y += metrics.lineSpacing()
    if annotation.orphan:
        painter.setPen(QColor(0xB4, 0x23, 0x18))
        painter.drawText(QRect(left, y, width, metrics.height()), 0, "Not found in this version")
        y += metrics.lineSpacing()
    return y


def _paint_page(painter: QPainter, font: QFont, page: int, rect: QRect) -> None:
    painter.setFont(_small_font(font, 1.5))
    painter.setPen(SUBTLE_TEXT)
    box = QRect(rect.right() - MARGIN - PAGE_WIDTH, rect.top() + MARGIN, PAGE_WIDTH, 16)
    painter.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, f"p. {page}")


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
    small = _small_font(font, 1.0)
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
    italic = QFont(font)
    italic.setItalic(True)
    metrics = QFontMetrics(italic)
    painter.setFont(italic)
    painter.setPen(SUBTLE_TEXT)
    line = metrics.elidedText(" ".join(note.split()), Qt.TextElideMode.ElideRight, width)
    painter.drawText(QRect(left, top, width, metrics.height()), 0, line)
