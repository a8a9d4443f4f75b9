"""The thumbnails sidebar: a small image of every page, rendered at low priority and only for
the rows on screen; click to go to a page; the current page is marked."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from kfor_viewer.core.pdf_types import RenderKey
from kfor_viewer.ui.render_plan import PRIORITY_THUMBNAIL
from kfor_viewer.ui.render_requests import RenderRequests

THUMB_WIDTH = 120
LABEL_HEIGHT = 20
PADDING = 8
ModelIndex = QModelIndex | QPersistentModelIndex


class ThumbnailModel(QAbstractListModel):
    """One row per page; the image comes from the shared render cache."""

    def __init__(self, cache: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self._cache = cache
        self._sizes: tuple[tuple[float, float], ...] = ()
        self._generation = -1
        self.device_pixel_ratio = 1.0

    def set_document(self, sizes: tuple[tuple[float, float], ...], generation: int) -> None:
        self.beginResetModel()
        self._sizes, self._generation = tuple(sizes), generation
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._sizes)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return str(index.row() + 1)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Page {index.row() + 1}"
        return None

    def thumb_size(self, row: int) -> tuple[int, int]:
        width, height = self._sizes[row]
        return THUMB_WIDTH, max(1, round(THUMB_WIDTH * height / width)) if width else THUMB_WIDTH

    def key(self, row: int) -> RenderKey:
        width, height = self.thumb_size(row)
        dpr = self.device_pixel_ratio
        return RenderKey(self._generation, row, round(width * dpr), round(height * dpr))

    def image(self, row: int) -> QImage | None:
        """The exact thumbnail, else any cached render of the page (drawn scaled)."""
        return self._cache.get(self.key(row)) or self._cache.closest(self._generation, row)

    def is_cached(self, row: int) -> bool:
        return self._cache.get(self.key(row)) is not None

    def image_ready(self, key: RenderKey) -> None:
        if key.doc_generation == self._generation and key.page < len(self._sizes):
            index = self.index(key.page)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])


class ThumbnailDelegate(QStyledItemDelegate):
    """A page with a shadow and its number below; the current page framed in the highlight."""

    def __init__(self, model: ThumbnailModel, view: QListView) -> None:
        super().__init__(view)
        self._model = model
        self._view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        # As wide as the list, so the page sits centred in the sidebar.
        width, height = self._model.thumb_size(index.row())
        cell_width = max(width + 2 * PADDING, self._view.viewport().width())
        return QSize(cell_width, height + 2 * PADDING + LABEL_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        width, height = self._model.thumb_size(index.row())
        cell: QRect = option.rect
        page = QRectF(cell.x() + (cell.width() - width) / 2, cell.y() + PADDING, width, height)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        highlight = option.palette.color(QPalette.ColorRole.Highlight)
        if selected:
            painter.setPen(QPen(highlight, 3))
            painter.drawRoundedRect(page.adjusted(-4, -4, 4, 4), 3, 3)
        painter.fillRect(page.adjusted(1, 2, 2, 3), QColor(0, 0, 0, 50))
        painter.fillRect(page, Qt.GlobalColor.white)
        image = self._model.image(index.row())
        if image is not None:
            painter.drawImage(page, image, QRectF(image.rect()))
        label = QRectF(cell.x(), page.bottom() + 2, cell.width(), LABEL_HEIGHT)
        painter.setPen(highlight if selected else option.palette.color(QPalette.ColorRole.Text))
        painter.drawText(label, Qt.AlignmentFlag.AlignCenter, str(index.row() + 1))
        painter.restore()


class ThumbnailsPanel(QListView):
    requestPage = Signal(int)

    def __init__(self, cache: Any, requests: RenderRequests, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._requests = requests
        self.thumbnail_model = ThumbnailModel(cache, self)
        self.setModel(self.thumbnail_model)
        self.setItemDelegate(ThumbnailDelegate(self.thumbnail_model, self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMinimumWidth(THUMB_WIDTH + 2 * PADDING + 24)
        self._request_timer = QTimer(self, singleShot=True, interval=20)
        self._request_timer.timeout.connect(self._request_visible)
        self.verticalScrollBar().valueChanged.connect(self._schedule_requests)
        requests.imageReady.connect(self.thumbnail_model.image_ready)
        self.clicked.connect(lambda index: self.requestPage.emit(index.row()))

    def set_document(self, sizes: tuple[tuple[float, float], ...], generation: int) -> None:
        self.thumbnail_model.device_pixel_ratio = self.devicePixelRatioF()
        self.thumbnail_model.set_document(sizes, generation)
        self.set_current_page(0)
        self._schedule_requests()

    def set_current_page(self, page: int) -> None:
        """Mark `page` and keep it in sight, without emitting requestPage."""
        if not 0 <= page < self.thumbnail_model.rowCount():
            return
        index = self.thumbnail_model.index(page)
        self.selectionModel().setCurrentIndex(
            index, self.selectionModel().SelectionFlag.ClearAndSelect
        )
        self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def visible_rows(self) -> range:
        if not self.isVisible() or not self.thumbnail_model.rowCount():
            return range(0)
        viewport = self.viewport().rect()
        first = self.indexAt(QPoint(PADDING, viewport.top() + 1))
        last = self.indexAt(QPoint(PADDING, viewport.bottom() - 1))
        start = first.row() if first.isValid() else 0
        stop = last.row() if last.isValid() else self.thumbnail_model.rowCount() - 1
        return range(start, stop + 1)

    def _schedule_requests(self, *_args: Any) -> None:
        if not self._request_timer.isActive():
            self._request_timer.start()

    def _request_visible(self) -> None:
        model = self.thumbnail_model
        wanted = {
            model.key(row): PRIORITY_THUMBNAIL
            for row in self.visible_rows()
            if not model.is_cached(row)
        }
        self._requests.want("thumbnails", wanted)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self._schedule_requests()

    def hideEvent(self, event: Any) -> None:
        super().hideEvent(event)
        self._requests.want("thumbnails", {})

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._schedule_requests()
