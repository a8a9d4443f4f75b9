"""DocumentClient: the worker's answers arrive as signals on the GUI thread."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtGui import QImage

from kfor_viewer.core.pdf_engine import TimeLimits
from kfor_viewer.core.pdf_types import RenderKey
from kfor_viewer.ui.document_client import DocumentClient
from tests.core import bad_pdfs
from tests.core.hostile_worker_ops import HANG_PAGE

WAIT_MS = 20_000


@pytest.fixture
def client(qtbot):
    made = DocumentClient()
    yield made
    made.shutdown()


@pytest.fixture
def good_pdf(tmp_path):
    return bad_pdfs.text_pdf(tmp_path / "good.pdf", pages=4)


def open_document(qtbot, client, path):
    with qtbot.waitSignal(client.opened, timeout=WAIT_MS) as opened:
        client.open(str(path))
    return opened.args[0]


def test_open_and_render_a_page(qtbot, client, good_pdf):
    info = open_document(qtbot, client, good_pdf)
    assert info.page_count == 4 and client.info == info
    key = RenderKey(client.doc_generation, 1, 397, 561)
    with qtbot.waitSignal(client.pageRendered, timeout=WAIT_MS) as rendered:
        client.request_render(key)
    got_key, image = rendered.args
    assert got_key == key
    assert (image.width(), image.height()) == (397, 561)
    assert image.format() == QImage.Format.Format_RGB32
    assert image.pixelColor(0, 0).name() == "#ffffff"
    # The first text line sits on the baseline y = 100 pt = 67 px, from x = 72 pt = 48 px.
    line = [image.pixelColor(x, y).lightness() for x in range(48, 300) for y in range(58, 67)]
    assert min(line) < 100
    tile = RenderKey(client.doc_generation, 1, 1588, 2244, clip=(100, 150, 256, 128))
    with qtbot.waitSignal(client.pageRendered, timeout=WAIT_MS) as rendered_tile:
        client.request_render(tile)
    assert rendered_tile.args[0] == tile
    tile_image = rendered_tile.args[1]
    assert (tile_image.width(), tile_image.height()) == (256, 128)
    ink = [tile_image.pixelColor(x, y).lightness() for x in range(0, 256, 2) for y in range(128)]
    assert min(ink) < 100  # the first text line (x 37-133 pt, y 56-104 pt at 2.67x)


def test_a_kept_image_is_never_drawn_over_and_its_memory_returns_when_it_goes(
    qtbot, client, good_pdf
):
    """Big images are shown straight from shared memory: the block must stay theirs while
    any copy of the image lives, and serve later renders only after that."""
    open_document(qtbot, client, good_pdf)
    images = {}
    for page in (0, 1, 2, 1, 3):
        key = RenderKey(client.doc_generation, page, 794 + page, 1123)  # 3.6 MB each
        with qtbot.waitSignal(client.pageRendered, timeout=WAIT_MS) as rendered:
            client.request_render(key)
        images.setdefault(page, QImage(rendered.args[1]))  # the first render of each page
    first = images[0]
    snapshot = first.copy()  # an independent copy, to compare with later
    assert first.constBits() is not None and first == snapshot
    assert client.engine.pixel_bytes_lent >= 4 * 794 * 1123 * 4
    assert first == snapshot  # the renders after it went into other blocks
    del images, first, rendered
    gc.collect()
    assert client.engine.pixel_bytes_lent == 0


def test_words_and_search_hits(qtbot, client, good_pdf):
    open_document(qtbot, client, good_pdf)
    with qtbot.waitSignal(client.wordsReady, timeout=WAIT_MS) as words:
        client.request_words(3)
    page, page_words = words.args
    assert page == 3 and [w.text for w in page_words[:2]] == ["Page", "4:"]
    found = []
    client.searchHitsFound.connect(lambda query, hits: found.extend(hits))
    with qtbot.waitSignal(client.searchFinished, timeout=WAIT_MS) as finished:
        client.search("EULEX")
    assert finished.args == ["EULEX", 8]
    assert sorted({hit.page for hit in found}) == [0, 1, 2, 3] and len(found) == 8


def test_a_bad_file_fails_and_the_open_document_stays(qtbot, client, good_pdf, tmp_path):
    info = open_document(qtbot, client, good_pdf)
    bad = bad_pdfs.empty_file(tmp_path / "empty.pdf")
    with qtbot.waitSignal(client.openFailed, timeout=WAIT_MS) as failed:
        client.open(str(bad))
    assert failed.args == [str(bad), "The file is empty"]
    assert client.info == info and client.doc_generation == 1


def test_the_password_is_asked_for(qtbot, client, tmp_path):
    path = str(bad_pdfs.encrypted_pdf(tmp_path / "locked.pdf"))
    with qtbot.waitSignal(client.passwordRequired, timeout=WAIT_MS) as asked:
        client.open(path)
    assert asked.args == [path, False]
    with qtbot.waitSignal(client.passwordRequired, timeout=WAIT_MS) as asked_again:
        client.open(path, "guess")
    assert asked_again.args == [path, True]


def test_a_hung_render_restarts_the_worker_with_a_message(qtbot, good_pdf):
    client = DocumentClient(
        time_limits=TimeLimits(render=0.5), op_modules=("tests.core.hostile_worker_ops",)
    )
    try:
        open_document(qtbot, client, good_pdf)
        hung = RenderKey(client.doc_generation, HANG_PAGE, 40, 56)
        messages = []
        client.workerRestarted.connect(messages.append)
        with qtbot.waitSignal(client.pageFailed, timeout=WAIT_MS) as failed:
            client.request_render(hung)
        assert failed.args[0] == hung and "took longer than 0.5 s" in failed.args[1]
        assert messages == [
            "The PDF engine took longer than 0.5 s while rendering page 2; it was restarted."
        ]
        good = RenderKey(client.doc_generation, 0, 40, 56)
        with qtbot.waitSignal(client.pageRendered, timeout=WAIT_MS) as rendered:
            client.request_render(good)
        assert rendered.args[0] == good
    finally:
        client.shutdown()


def test_search_of_the_sample_counts_eulex(qtbot, client, sample_pdf):
    if not sample_pdf.exists():
        pytest.skip("the sample report has not been typeset yet")
    open_document(qtbot, client, sample_pdf)
    with qtbot.waitSignal(client.searchFinished, timeout=WAIT_MS) as finished:
        client.search("eulex")
    assert finished.args == ["eulex", 3]  # the seed names EULEX three times
