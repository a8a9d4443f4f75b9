"""The evidence flash: 1-based evidence pages to the view's 0-based pages, scroll, fade out."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from kfor_viewer.core.extraction import Evidence
from kfor_viewer.ui.evidence_flash import FLASH_MS, EvidenceFlash


class FakePageView:
    page_count = 3

    def __init__(self) -> None:
        self.overlays, self.scrolled = [], []

    def add_overlay(self, overlay) -> None:
        self.overlays.append(overlay)

    def scroll_into_view(self, page, box) -> None:
        self.scrolled.append((page, box))


@pytest.fixture
def make_flash(qtbot):
    """Flashes that are stopped and collected when the test ends: a running animation must not
    be deleted by a garbage collection that happens to run inside its own timer tick."""
    made = []

    def make(view):
        made.append(EvidenceFlash(view))
        return made[-1]

    yield make
    for flash in made:
        flash.stop()
    made.clear()
    gc.collect()


def test_evidence_scrolls_to_its_page_and_flashes_every_rect(qtbot, make_flash):
    view = FakePageView()
    flash = make_flash(view)
    assert view.overlays == [flash]
    figure = Evidence(2, ((100.0, 200.0, 130.0, 212.0),), "3,600")
    continued = Evidence(3, ((72.0, 80.0, 300.0, 92.0), (72.0, 94.0, 200.0, 106.0)), "…")
    flash.show_evidence([figure, continued])
    assert view.scrolled == [(1, (100.0, 200.0, 130.0, 212.0))]
    assert flash.boxes == {1: [figure.rects[0]], 2: list(continued.rects)}
    qtbot.waitUntil(lambda: not flash.boxes, timeout=FLASH_MS * 4)


def test_evidence_outside_the_document_or_without_rects_is_ignored(make_flash):
    view = FakePageView()
    flash = make_flash(view)
    flash.show_evidence([Evidence(9, ((1.0, 1.0, 2.0, 2.0),), "x")])
    flash.show_evidence([Evidence(1, (), "metadata title")])
    assert view.scrolled == [] and flash.boxes == {}


def test_the_flash_paints_over_the_words_and_leaves_other_pages_alone(make_flash):
    flash = make_flash(FakePageView())
    flash.flash({0: [(10.0, 10.0, 40.0, 20.0)]})
    image = QImage(60, 40, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    flash.paint(painter, 1, lambda page, box: QRectF(*box[:2], box[2] - box[0], box[3] - box[1]))
    assert image.pixelColor(25, 15) == QColor("white")  # page 1 has nothing to flash
    flash.paint(painter, 0, lambda page, box: QRectF(*box[:2], box[2] - box[0], box[3] - box[1]))
    painter.end()
    assert image.pixelColor(25, 15) != QColor("white")
    assert image.pixelColor(55, 35) == QColor("white")
