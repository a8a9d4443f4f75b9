from __future__ import annotations

import pymupdf
import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

from kfor_viewer import __version__
from kfor_viewer.ui import about_dialog
from kfor_viewer.ui.about_dialog import AboutDialog


def _shown_rows(dialog: AboutDialog) -> dict[str, str]:
    view = dialog.components_view
    rows = (view.topLevelItem(row) for row in range(view.topLevelItemCount()))
    return {item.text(0): item.text(1) for item in rows}


def _all_label_text(dialog: AboutDialog) -> str:
    return " ".join(label.text() for label in dialog.findChildren(QLabel))


def test_about_shows_the_versions_of_the_app_and_its_libraries(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    rows = _shown_rows(dialog)
    assert rows["kfor-viewer"] == __version__
    assert rows["PySide6"] == PySide6.__version__
    assert rows["Qt"] == qVersion()
    assert rows["PyMuPDF"] == pymupdf.VersionBind
    assert rows["MuPDF"] == pymupdf.VersionFitz
    assert rows["Python"]
    assert "OCR" in rows
    assert f"Version {__version__}" in _all_label_text(dialog)


def test_about_states_the_license_and_where_the_source_is(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = _all_label_text(dialog)
    assert "AGPL-3.0-or-later" in text
    assert str(about_dialog.source_location()) in text
    assert (about_dialog.source_location() / "__init__.py").exists()


def test_about_shows_the_app_icon(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    pixmaps = [label.pixmap() for label in dialog.findChildren(QLabel)]
    assert any(not pixmap.isNull() and pixmap.width() >= 64 for pixmap in pixmaps)


def test_copy_versions_puts_one_line_per_component_on_the_clipboard(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.copy_versions()
    lines = QGuiApplication.clipboard().text().splitlines()
    assert f"kfor-viewer: {__version__}" in lines
    assert f"Qt: {qVersion()}" in lines
    assert len(lines) == len(dialog.components)
