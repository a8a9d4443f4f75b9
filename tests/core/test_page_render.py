"""Drawing pages as Qt RGB32 pixels into a buffer, without Qt and without the worker."""

from __future__ import annotations

import pytest

from kfor_viewer.core import page_render
from kfor_viewer.core.page_render import PageRenderer, render_into
from kfor_viewer.core.pdf_document import DocumentError, RenderKey, open_document
from tests.core import bad_pdfs


@pytest.fixture
def good_pdf(tmp_path):
    return bad_pdfs.text_pdf(tmp_path / "good.pdf")


def test_render_fills_the_buffer_with_the_page(good_pdf):
    doc = open_document(str(good_pdf))
    buffer = memoryview(bytearray(119 * 168 * 4 + 5))
    assert render_into(doc, RenderKey(1, 0, 119, 168), buffer) == (119, 168)
    pixels = bytes(buffer)
    assert pixels[:4] == b"\xff\xff\xff\xff"  # opaque white paper in the corner
    assert min(pixels[: 119 * 168 * 4]) < 200  # and (small, grey) text somewhere
    assert set(pixels[3 : 119 * 168 * 4 : 4]) == {255}  # opaque everywhere: QImage RGB32
    assert pixels[-5:] == bytes(5)  # nothing written past the image


def _colour_page_pdf(path, with_image: bool):
    """A page with an orange (255, 128, 0) square at (100, 100)-(200, 200) pt: drawn as vector
    art, or as a picture (the path for scanned pages)."""
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page(width=300, height=300)
    square = pymupdf.Rect(100, 100, 200, 200)
    if with_image:
        picture = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 20, 20), False)
        picture.set_rect(picture.irect, (255, 128, 0))
        page.insert_image(square, pixmap=picture)
    else:
        page.draw_rect(square, color=None, fill=(1, 128 / 255, 0))
    doc.save(path)
    return path


@pytest.mark.parametrize("with_image", [False, True], ids=["vector", "image"])
def test_colours_come_out_in_qt_rgb32_byte_order(tmp_path, with_image):
    doc = open_document(str(_colour_page_pdf(tmp_path / "colour.pdf", with_image)))
    renderer = PageRenderer(doc)
    for _second_render_uses_what_the_first_found in range(2):
        buffer = memoryview(bytearray(300 * 300 * 4))
        renderer.render_into(RenderKey(1, 0, 300, 300), buffer)
        pixel = bytes(buffer[(150 * 300 + 150) * 4 :][:4])
        assert pixel == bytes((0, 128, 255, 255))  # blue, green, red, opaque
        assert bytes(buffer[:4]) == b"\xff\xff\xff\xff"  # white paper outside the square


def test_a_tile_renders_only_its_region(good_pdf):
    doc = open_document(str(good_pdf))
    # Page 595x842 pt at 2x; the text line starts at (72, 100) pt = (144, 200) px.
    text_tile = RenderKey(1, 0, 1190, 1684, clip=(140, 170, 200, 40))
    blank_tile = RenderKey(1, 0, 1190, 1684, clip=(140, 1400, 200, 40))
    for key, has_ink in ((text_tile, True), (blank_tile, False)):
        buffer = memoryview(bytearray(200 * 40 * 4))
        assert render_into(doc, key, buffer) == (200, 40)
        assert (min(bytes(buffer)) < 100) is has_ink


def test_a_page_that_cannot_load_fails_alone(tmp_path):
    doc = open_document(str(bad_pdfs.page_tree_cycle_pdf(tmp_path / "cycle.pdf")))
    buffer = memoryview(bytearray(30 * 40 * 4))
    assert render_into(doc, RenderKey(1, 0, 30, 40), buffer) == (30, 40)
    with pytest.raises(DocumentError, match="Page 2 cannot be read: cycle in page tree"):
        render_into(doc, RenderKey(1, 1, 30, 40), buffer)


@pytest.mark.parametrize(("keep_pages", "loads"), [(2, 2), (1, 3)])
def test_a_renderer_keeps_the_pages_it_drew_last_loaded(good_pdf, monkeypatch, keep_pages, loads):
    doc = open_document(str(good_pdf))
    loaded = []
    real_load_page = page_render.load_page
    monkeypatch.setattr(
        page_render, "load_page", lambda doc, n: loaded.append(n) or real_load_page(doc, n)
    )
    renderer = PageRenderer(doc, keep_pages=keep_pages)
    buffer = memoryview(bytearray(60 * 84 * 4))
    first = None
    for page in (0, 1, 0):
        assert renderer.render_into(RenderKey(1, page, 60, 84), buffer) == (60, 84)
        first = first or bytes(buffer)
    assert len(loaded) == loads
    assert bytes(buffer) == first  # page 0 again, drawn the same from the kept page


def test_a_page_that_cannot_load_is_not_kept(tmp_path):
    doc = open_document(str(bad_pdfs.page_tree_cycle_pdf(tmp_path / "cycle.pdf")))
    renderer = PageRenderer(doc)
    buffer = memoryview(bytearray(30 * 40 * 4))
    for _each_time in range(2):
        with pytest.raises(DocumentError, match="Page 2 cannot be read: cycle in page tree"):
            renderer.render_into(RenderKey(1, 1, 30, 40), buffer)
        assert renderer.render_into(RenderKey(1, 0, 30, 40), buffer) == (30, 40)
