"""The rows of the annotations panel as a flat Qt list model: a header row per group (a page or
a tag) followed by its highlights. Rebuilt in one reset when the store or the filters change;
Qt asks only for the rows it shows, so 10,000 highlights stay quick."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

BY_PAGE, BY_TAG = "page", "tag"
UNTAGGED = "Untagged"
ANNOTATION_ROLE = Qt.ItemDataRole.UserRole + 1  # the Annotation of a row (None for a header)
HEADER_ROLE = Qt.ItemDataRole.UserRole + 2  # (title, count, colour) of a header row
ID_ROLE = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex


def matches(annotation: Any, text: str, tag: str | None) -> bool:
    """Whether `annotation` passes the filters: every word of `text` in its quote, note or tags
    (any case), and `tag` among its tags (None: any)."""
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
    """Page, then top to bottom, left to right (highlights made in the window have no text
    offsets, so their first rectangle orders them)."""
    first = annotation.rects[0] if annotation.rects else (0.0, 0.0, 0.0, 0.0)
    return (annotation.page, round(first[1], 1), first[0])


# A row is (annotation, None) or (None, (title, count, colour)): plain tuples, as a model of
# 10,000 rows is rebuilt on every change.
_Row = tuple[Any, tuple[str, int, str | None] | None]


class AnnotationListModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []

    def set_groups(
        self, groups: list[tuple[str, list[Any]]], colors: dict[str, str | None]
    ) -> None:
        self.beginResetModel()
        self._rows = []
        for title, members in groups:
            self._rows.append((None, (title, len(members), colors.get(title))))
            self._rows.extend([(a, None) for a in members])
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        annotation, header = self._rows[index.row()]
        if role == ANNOTATION_ROLE:
            return annotation
        if role == HEADER_ROLE:
            return header
        if role == ID_ROLE:
            return annotation.id if annotation else None
        if role == Qt.ItemDataRole.DisplayRole:
            return header[0] if header else annotation.quote
        if role == Qt.ItemDataRole.ToolTipRole and annotation:
            return annotation.quote[:400]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if index.isValid() and self._rows[index.row()][0] is not None:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.ItemIsEnabled

    def annotation_ids(self) -> list[str]:
        return [annotation.id for annotation, _header in self._rows if annotation is not None]

    def headers(self) -> list[str]:
        return [header[0] for _annotation, header in self._rows if header is not None]

    def rows_of(self, annotation_id: str | None) -> list[int]:
        return [
            i
            for i, (annotation, _header) in enumerate(self._rows)
            if annotation is not None and annotation.id == annotation_id
        ]
