"""How long the annotation GUI takes with a large store: 10,000 highlights on 200 pages.

    python3 -m tests.benchmarks.bench_annotations_gui

- panel refresh: the annotations panel rebuilt after a change (grouped by page, then by tag),
  including the first layout of its visible rows; "raw" is the floor of the same work in Qt, a
  QStringListModel reset with the 10,000 quotes shown in a QListView (it copies every string into
  Qt, which our model does not, so ours can come out below it).
- overlay paint: one page with 50 highlights painted in multiply mode onto a 1,240 x 1,754 page
  image (A4 at 150 dpi), as the page view does on every repaint.
- highlight + autosave: one highlight added through the undo stack, then the store saved.
Target: refresh well under 250 ms (it runs after every edit), paint well under 16 ms (a frame).
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KFOR_VIEWER_DATA_DIR", tempfile.mkdtemp(prefix="kfor-bench-"))

from PySide6.QtCore import QRectF, QStringListModel
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QListView

HIGHLIGHTS, PER_PAGE, ROUNDS = 10_000, 50, 7
SCALE = 150 / 72


def _median_ms(action: Callable[[], object], rounds: int = ROUNDS) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _store():
    from kfor_viewer.core.annotation_store import AnnotationStore
    from kfor_viewer.core.annotations import Annotation, new_id
    from kfor_viewer.core.document_identity import DocumentIdentity

    store = AnnotationStore.open(DocumentIdentity("cd" * 32, "bench.pdf"))
    for number in range(HIGHLIGHTS):
        top = 90.0 + (number % PER_PAGE) * 14.0
        store.add(
            Annotation(
                id=new_id(),
                page=1 + number // PER_PAGE,
                quote=f"the total number of KFOR troops in theatre remained {number}",
                rects=((72.0, top, 540.0, top + 11.0),),
                tags=(f"tag-{number % 9}",),
                note="compare with the annex" if number % 4 == 0 else "",
            )
        )
    return store


def bench_panel(app: QApplication, store) -> None:
    from kfor_viewer.ui.annotation_list_model import BY_TAG
    from kfor_viewer.ui.annotations_panel import AnnotationsPanel

    panel = AnnotationsPanel()
    panel.resize(360, 900)
    panel.show()
    panel.set_store(store)

    def refresh() -> None:
        panel.refresh()
        app.processEvents()

    by_page = _median_ms(refresh)
    panel.set_grouping(BY_TAG)
    by_tag = _median_ms(refresh)
    view, model = QListView(), QStringListModel()
    view.setModel(model)
    view.resize(360, 900)
    view.show()
    quotes = [a.quote for a in store.annotations()]

    def raw() -> None:
        model.setStringList(quotes)
        app.processEvents()

    raw_ms = _median_ms(raw)
    print(
        f"panel refresh by page : {by_page:7.1f} ms  ({by_page / raw_ms:.1f}x raw {raw_ms:.1f} ms)"
    )
    print(f"panel refresh by tag  : {by_tag:7.1f} ms  ({by_tag / raw_ms:.1f}x raw)")


def bench_overlay(store) -> None:
    from kfor_viewer.ui.annotation_overlay import AnnotationOverlay

    class _View:  # what the overlay needs of the page view
        def add_overlay(self, _overlay) -> None:
            pass

    overlay = AnnotationOverlay(_View())
    overlay.set_store(store)
    image = QImage(1240, 1754, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))

    def to_view(_page: int, box) -> QRectF:
        return QRectF(box[0] * SCALE, box[1] * SCALE, (box[2] - box[0]) * SCALE, 11 * SCALE)

    def paint() -> None:
        painter = QPainter(image)
        overlay.paint(painter, 10, to_view)
        painter.end()

    print(f"overlay paint (50)    : {_median_ms(paint, 31):7.2f} ms")


def bench_edit(store) -> None:
    from kfor_viewer.core import edit_commands
    from kfor_viewer.core.annotations import Annotation, new_id
    from kfor_viewer.ui.undo import AnnotationUndoStack

    stack = AnnotationUndoStack()

    def highlight_and_save() -> None:
        made = Annotation(id=new_id(), page=3, quote="EULEX", rects=((72, 90, 120, 101),))
        stack.push(edit_commands.CreateAnnotations(store, [made]))
        store.save()

    store.save()
    print(f"highlight + save      : {_median_ms(highlight_and_save):7.1f} ms")


def main() -> None:
    app = QApplication.instance() or QApplication([])
    from kfor_viewer.ui import refcount_guard

    refcount_guard.install(app)
    print(f"{HIGHLIGHTS:,} highlights, {HIGHLIGHTS // PER_PAGE} pages, medians of {ROUNDS}")
    store = _store()
    bench_panel(app, store)
    bench_overlay(store)
    bench_edit(store)


if __name__ == "__main__":
    main()
