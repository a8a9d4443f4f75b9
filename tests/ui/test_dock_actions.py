"""View > Fields Panel raises the Fields dock from behind the Annotations tab."""

from __future__ import annotations

from tests.ui.conftest import open_and_wait


def _fields_action(window):
    return next(a for a in window.view_menu.actions() if a.text() == "&Fields Panel")


def test_view_fields_brings_the_panel_to_the_front(qtbot, viewer, sample_pdf):
    open_and_wait(qtbot, viewer, sample_pdf)
    viewer.resize(1200, 800)
    fields, annotations = viewer.fields_panel, viewer.annotation_tools.panel
    action = _fields_action(viewer)
    annotations.raise_()
    qtbot.waitUntil(lambda: fields.visibleRegion().isEmpty())  # a tab behind Annotations
    action.trigger()
    qtbot.waitUntil(lambda: not fields.visibleRegion().isEmpty())
    assert not fields.isHidden() and action.isChecked()
    action.trigger()  # in front already: now it closes
    assert fields.isHidden() and not action.isChecked()
