"""Help > About: the icon, the version, the license and the libraries underneath, with their
versions, so a user can quote them in a bug report (Copy versions)."""

from __future__ import annotations

import html
import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

import kfor_viewer
from kfor_viewer.core.versions import Component, core_components
from kfor_viewer.ui.icons import app_icon

DISPLAY_NAME = "KFOR Viewer"
ICON_SIZE = 96


def components() -> list[Component]:
    """Every component with its version: the core ones, with PySide6 and the Qt it runs on
    after Python."""
    listed = core_components()
    qt_parts = [
        Component("PySide6", PySide6.__version__, "LGPL-3.0"),
        Component("Qt", qVersion(), "LGPL-3.0"),
    ]
    return listed[:2] + qt_parts + listed[2:]


def versions_text(listed: list[Component]) -> str:
    """One "name: version" line per component, the form pasted into bug reports."""
    return "\n".join(
        f"{c.name}: {c.version}" + (f" ({c.detail})" if c.detail else "") for c in listed
    )


def source_location() -> Path:
    """Where this installation keeps its own source code: the `source` folder a frozen build
    carries (packaging/kfor-viewer.spec puts it there), else the installed package folder."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "source"
    return Path(kfor_viewer.__file__).resolve().parent


class AboutDialog(QDialog):
    """Modal About box; `components` is read once, when it opens."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"About {DISPLAY_NAME}")
        self.components = components()
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addLayout(self._header())
        layout.addWidget(self._license_label())
        layout.addWidget(QLabel("<b>Libraries</b>"))
        self.components_view = self._components_view()
        layout.addWidget(self.components_view)
        layout.addStretch(1)
        layout.addWidget(self._buttons())
        self.resize(580, self.heightForWidth(580))

    def _header(self) -> QHBoxLayout:
        icon_label = QLabel()
        icon_label.setPixmap(app_icon().pixmap(ICON_SIZE, ICON_SIZE))
        icon_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        title = QLabel(
            f"<h2 style='margin:0'>{DISPLAY_NAME}</h2>"
            f"<p>Version {html.escape(kfor_viewer.__version__)}</p>"
            "<p>Reads, extracts and annotates the UN Security Council documents "
            "that transmit NATO's reports on the Kosovo Force (KFOR).</p>"
        )
        title.setWordWrap(True)
        title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        header = QHBoxLayout()
        header.addWidget(icon_label)
        header.addWidget(title, 1)
        return header

    def _license_label(self) -> QLabel:
        source = source_location()
        label = QLabel(
            "<p>This program is free software: you can redistribute it and/or modify it under "
            "the terms of the GNU Affero General Public License, version 3 or (at your option) "
            "any later version (<b>AGPL-3.0-or-later</b>). It comes with ABSOLUTELY NO "
            "WARRANTY.</p>"
            "<p>Everyone who uses it, also over a network, is entitled to its complete source "
            "code. The source code of this version is installed with it, in "
            f"<a href='{source.as_uri()}'>{html.escape(str(source))}</a>.</p>"
        )
        label.setWordWrap(True)
        label.setOpenExternalLinks(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        return label

    def _components_view(self) -> QTreeWidget:
        view = QTreeWidget()
        view.setHeaderLabels(["Component", "Version", "License"])
        view.setRootIsDecorated(False)
        view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for component in self.components:
            item = QTreeWidgetItem([component.name, component.version, component.license])
            for column in range(3):
                item.setToolTip(column, component.detail or component.version)
            view.addTopLevelItem(item)
        header = view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        # Exactly tall enough for every row: the list is short and should not scroll.
        rows_height = view.sizeHintForRow(0) * view.topLevelItemCount()
        frame = 2 * view.frameWidth()
        view.setFixedHeight(rows_height + view.header().sizeHint().height() + frame + 2)
        return view

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy_button = QPushButton("Copy versions")
        copy_button.setToolTip("Copy the versions above, to paste into a bug report")
        copy_button.clicked.connect(self.copy_versions)
        buttons.addButton(copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        return buttons

    def copy_versions(self) -> None:
        QGuiApplication.clipboard().setText(versions_text(self.components))


def show_about(parent: QWidget | None = None) -> None:
    """Open the About dialog over `parent` and wait until the user closes it."""
    AboutDialog(parent).exec()
