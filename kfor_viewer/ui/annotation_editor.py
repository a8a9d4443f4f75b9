"""The editor of one highlight: colour, tags (with completion from every document's tags) and
note, in a small popup next to the highlight.

It edits nothing itself: each change is a request signal that the owner turns into an undoable
command. Colour and tag changes apply at once; the note when the editor closes (one undo step
for the whole note, not one per key).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QPoint, QStringListModel, Qt, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent
from PySide6.QtWidgets import (
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kfor_viewer.ui.highlight_toolbar import PALETTE, ColorSwatch

EDITOR_WIDTH = 340
QUOTE_PREVIEW_CHARS = 220

STYLE = """
#annotationEditor { background: #ffffff; border: 1px solid #c4c8ce; border-radius: 8px; }
#annotationEditor QLabel#caption { color: #57606a; font-size: 11px; font-weight: 600; }
#annotationEditor QLabel#quote { color: #24292f; font-style: italic; padding: 2px 0; }
#annotationEditor QLineEdit, #annotationEditor QPlainTextEdit {
    border: 1px solid #d0d7de; border-radius: 5px; padding: 3px 5px; background: #fbfcfd; }
#annotationEditor QLineEdit:focus, #annotationEditor QPlainTextEdit:focus {
    border-color: #4a8ee6; background: #ffffff; }
#annotationEditor QToolButton#chip { background: #eef1f5; border: 1px solid #d8dde3;
    border-radius: 10px; padding: 1px 8px; color: #24292f; }
#annotationEditor QToolButton#chip:hover { background: #fde8e8; border-color: #e9a5a5; }
#annotationEditor QPushButton#deleteButton { color: #b42318; border: none; padding: 4px 8px; }
#annotationEditor QPushButton#deleteButton:hover { background: #fdecea; border-radius: 5px; }
"""


def split_tags(text: str) -> list[str]:
    """'north, EULEX ,' -> ['north', 'EULEX']: tags are typed comma-separated."""
    return [tag.strip() for tag in text.split(",") if tag.strip()]


class AnnotationEditor(QFrame):
    requestRecolour = Signal(str, str)  # annotation id, colour
    requestRetag = Signal(str, object)  # annotation id, tuple of tags
    requestNote = Signal(str, str)  # annotation id, note
    requestDelete = Signal(str)  # annotation id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("annotationEditor")
        self.setStyleSheet(STYLE)
        self.setFixedWidth(EDITOR_WIDTH)
        self.annotation: Any = None
        self.tag_model = QStringListModel(self)
        self._build()

    # --- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        column = QVBoxLayout(self)
        column.setContentsMargins(14, 12, 14, 12)
        column.setSpacing(8)
        header = QHBoxLayout()
        self.caption = QLabel(self, objectName="caption")
        self.delete_button = QPushButton("Delete", self, objectName="deleteButton")
        self.delete_button.setToolTip("Delete this highlight (Delete)")
        self.delete_button.clicked.connect(self._delete)
        header.addWidget(self.caption, 1)
        header.addWidget(self.delete_button)
        column.addLayout(header)
        quote_row = QHBoxLayout()
        quote_row.setSpacing(8)
        self.quote_bar = QFrame(self)  # the highlight's colour beside its words
        self.quote_bar.setFixedWidth(4)
        self.quote = QLabel(self, objectName="quote")
        self.quote.setWordWrap(True)
        quote_row.addWidget(self.quote_bar)
        quote_row.addWidget(self.quote, 1)
        column.addLayout(quote_row)
        column.addLayout(self._build_swatches())
        column.addWidget(QLabel("TAGS", self, objectName="caption"))
        self.chip_row = QHBoxLayout()
        self.chip_row.setSpacing(4)
        column.addLayout(self.chip_row)
        self.tag_edit = QLineEdit(self)
        self.tag_edit.setPlaceholderText("Add a tag and press Enter…")
        self.tag_edit.setClearButtonEnabled(True)
        completer = QCompleter(self.tag_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.tag_edit.setCompleter(completer)
        self.tag_edit.returnPressed.connect(self.add_typed_tags)
        column.addWidget(self.tag_edit)
        column.addWidget(QLabel("NOTE", self, objectName="caption"))
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setPlaceholderText("Add a note…")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(78)
        column.addWidget(self.note_edit)
        footer = QHBoxLayout()
        footer.addStretch(1)
        done = QPushButton("Done", self)
        done.setDefault(True)
        done.clicked.connect(self.close)
        footer.addWidget(done)
        column.addLayout(footer)

    def _build_swatches(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(2)
        self.swatches = [ColorSwatch(color, self) for color, _name in PALETTE]
        for swatch in self.swatches:
            swatch.clicked.connect(lambda _c=False, s=swatch: self._recolour(s.color))
            row.addWidget(swatch)
        row.addStretch(1)
        return row

    # --- showing --------------------------------------------------------------------------
    def set_known_tags(self, tags: Iterable[str]) -> None:
        self.tag_model.setStringList(sorted(set(tags), key=str.casefold))

    def open_for(self, annotation: Any, at: QPoint) -> None:
        """Show the editor for `annotation` with its top-left near global point `at`."""
        self.annotation = annotation
        self.note_edit.setPlainText(annotation.note)
        self.tag_edit.clear()
        self.show_annotation(annotation)
        self._fit_height()
        self.move(_on_screen(self, at))
        self.show()
        self.tag_edit.setFocus(Qt.FocusReason.PopupFocusReason)

    def _fit_height(self) -> None:
        # the word-wrapped quote needs its height for the fixed width, which adjustSize misses
        layout = self.layout()
        layout.activate()
        height = max(layout.totalHeightForWidth(EDITOR_WIDTH), self.sizeHint().height())
        self.resize(EDITOR_WIDTH, height)

    def show_annotation(self, annotation: Any) -> None:
        """Refresh from the store's current version (after an edit or an undo)."""
        self.annotation = annotation
        quote = " ".join(annotation.quote.split())
        if len(quote) > QUOTE_PREVIEW_CHARS:
            quote = quote[: QUOTE_PREVIEW_CHARS - 1].rstrip() + "…"
        self.quote.setText(f"“{quote}”")
        self.quote_bar.setStyleSheet(f"background: {annotation.color}; border-radius: 2px;")
        self.caption.setText(f"HIGHLIGHT · PAGE {annotation.page}")
        for swatch in self.swatches:
            swatch.setChecked(swatch.color == annotation.color.upper())
        self._show_chips(annotation.tags)
        if self.isVisible():
            self._fit_height()
        if not self.note_edit.hasFocus() and self.note_edit.toPlainText() != annotation.note:
            self.note_edit.setPlainText(annotation.note)

    def _show_chips(self, tags: Iterable[str]) -> None:
        while self.chip_row.count():
            widget = self.chip_row.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        for tag in tags:
            chip = QToolButton(self, objectName="chip")
            chip.setText(f"{tag}  ✕")
            chip.setToolTip(f"Remove the tag “{tag}”")
            chip.clicked.connect(lambda _c=False, t=tag: self.remove_tag(t))
            self.chip_row.addWidget(chip)
        self.chip_row.addStretch(1)

    # --- edits ----------------------------------------------------------------------------
    def add_typed_tags(self) -> None:
        new = split_tags(self.tag_edit.text())
        self.tag_edit.clear()
        if self.annotation is None or not new:
            return
        tags = tuple(dict.fromkeys((*self.annotation.tags, *new)))
        if tags != self.annotation.tags:
            self.requestRetag.emit(self.annotation.id, tags)

    def remove_tag(self, tag: str) -> None:
        if self.annotation is not None and tag in self.annotation.tags:
            tags = tuple(t for t in self.annotation.tags if t != tag)
            self.requestRetag.emit(self.annotation.id, tags)

    def _recolour(self, color: str) -> None:
        if self.annotation is not None and color != self.annotation.color.upper():
            self.requestRecolour.emit(self.annotation.id, color)
        elif self.annotation is not None:
            self.show_annotation(self.annotation)  # keep the current swatch checked

    def _delete(self) -> None:
        if self.annotation is not None:
            annotation_id, self.annotation = self.annotation.id, None
            self.requestDelete.emit(annotation_id)
        self.close()

    def commit(self) -> None:
        """Send what is typed but not yet applied (a tag without Enter, the note)."""
        if self.annotation is None:
            return
        if self.tag_edit.text().strip():
            self.add_typed_tags()
        note = self.note_edit.toPlainText().strip()
        if self.annotation is not None and note != self.annotation.note:
            self.requestNote.emit(self.annotation.id, note)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.commit()
        self.annotation = None
        super().hideEvent(event)


def _on_screen(widget: QWidget, at: QPoint) -> QPoint:
    """`at`, moved so the whole widget stays on the screen that holds `at`."""
    screen = widget.screen().availableGeometry() if widget.screen() else None
    if screen is None:
        return at
    x = max(screen.left(), min(at.x(), screen.right() - widget.width()))
    y = at.y()
    if y + widget.height() > screen.bottom():
        y = max(screen.top(), at.y() - widget.height() - 24)
    return QPoint(x, y)
