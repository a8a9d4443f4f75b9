"""Finding Tesseract's language data, and OCR of a page that is only an image."""

from __future__ import annotations

import shutil

import pymupdf
import pytest

from kfor_viewer.core import ocr


@pytest.fixture(autouse=True)
def fresh_detection():
    ocr.tessdata_dir.cache_clear()
    yield
    ocr.tessdata_dir.cache_clear()


def test_tessdata_prefix_with_english_data_wins(tmp_path, monkeypatch):
    (tmp_path / "eng.traineddata").write_bytes(b"model")
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path))
    assert ocr.tessdata_dir() == str(tmp_path)


def test_prefix_naming_the_parent_of_tessdata_is_accepted(tmp_path, monkeypatch):
    (tmp_path / "tessdata").mkdir()
    (tmp_path / "tessdata" / "eng.traineddata").write_bytes(b"model")
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path))
    assert ocr.tessdata_dir() == str(tmp_path / "tessdata")


def test_a_wrong_prefix_falls_back_to_the_installed_tesseract(tmp_path, monkeypatch):
    if shutil.which("tesseract") is None:
        pytest.skip("Tesseract is not installed")
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path / "missing"))
    found = ocr.tessdata_dir()
    assert found is not None
    assert ocr.ocr_available()


def test_no_tesseract_means_no_ocr(monkeypatch):
    monkeypatch.delenv("TESSDATA_PREFIX", raising=False)
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    monkeypatch.setattr(ocr, "_COMMON_TESSDATA_GLOBS", ())
    assert ocr.tessdata_dir() is None
    assert not ocr.ocr_available()
    page = pymupdf.open().new_page()
    assert ocr.ocr_words(page, 0) == []


def test_a_bar_read_for_a_one_in_figures_is_a_one():
    assert ocr._fix_digits("|") == "1"
    assert ocr._fix_digits("|9") == "19"
    assert ocr._fix_digits("3,|00") == "3,100"
    assert ocr._fix_digits("a|b") == "a|b"


def test_ocr_reads_an_image_of_text():
    if not ocr.ocr_available():
        pytest.skip("Tesseract is not installed")
    source = pymupdf.open()
    page = source.new_page(width=300, height=80)
    page.insert_text((10, 40), "KFOR troops 3,600", fontsize=20)
    pixmap = page.get_pixmap(dpi=150)
    scan = pymupdf.open()
    scanned = scan.new_page(width=300, height=80)
    scanned.insert_image(scanned.rect, pixmap=pixmap)
    assert ocr.page_needs_ocr(scanned)
    words = [w[4] for w in ocr.ocr_words(scanned, 0)]
    assert words == ["KFOR", "troops", "3,600"]
